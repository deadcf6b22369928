package bryt.voice;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.google.crypto.tink.KeysetHandle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Voice's cryptography, receipts, one-time forms and file cleaning for another module
 * (issue 14: safety), so that it seals what a reporter wrote exactly as Voice does
 * without a copy of the cryptography. The caller chooses its own context strings (Tink's
 * associated data), unique per record and part, and keeps its own rows; this class keeps
 * nothing.
 * <ul>
 * <li>a record's data key ({@link #newDataKey()}) encrypts its texts and files
 * (AES-256-GCM);</li>
 * <li>the data key is wrapped (HPKE) for each account that has a Voice key pair
 * ({@link #wrapFor}), and opened with the private key the account unlocked in this login
 * session ({@link #unwrap});</li>
 * <li>for an anonymous reporter, it is wrapped under a key derived from a new receipt
 * ({@link #issueReceipt}) and opened with the typed receipt ({@link #openWithReceipt}).
 * </li>
 * </ul>
 */
@Service
public class Sealing {

	/**
	 * Compared against when no record has the selector, so that both paths do the same
	 * work.
	 */
	private static final byte[] DUMMY_HASH = Receipt.hash("00000000", "00000000000000000000");

	/** At most this many files per form, as Voice's. */
	public static final int MAX_FILES = Uploads.MAX_FILES;

	private final KeyRepository keys;

	private final UnlockedKeys unlocked;

	private final UsedFormRepository usedForms;

	private final AccessLogKey accessLogKey;

	private final Uploads uploads;

	private final RecipientKeys recipientKeys;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Sealing(KeyRepository keys, UnlockedKeys unlocked, UsedFormRepository usedForms, AccessLogKey accessLogKey,
			Uploads uploads, RecipientKeys recipientKeys, Clock clock) {
		this.keys = keys;
		this.recipientKeys = recipientKeys;
		this.unlocked = unlocked;
		this.usedForms = usedForms;
		this.accessLogKey = accessLogKey;
		this.uploads = uploads;
		this.clock = clock;
	}

	/** A new random 256-bit data key. */
	public DataKey newDataKey() {
		return new DataKey(VoiceCrypto.newDataKey());
	}

	public byte[] encrypt(DataKey key, byte[] plaintext, String context) {
		return VoiceCrypto.encrypt(key.bytes(), plaintext, context);
	}

	/**
	 * @throws Unreadable when the key is not the one the text was sealed with, or the
	 * text or its context changed
	 */
	public byte[] decrypt(DataKey key, byte[] ciphertext, String context) {
		try {
			return VoiceCrypto.decrypt(key.bytes(), ciphertext, context);
		}
		catch (GeneralSecurityException ex) {
			throw new Unreadable();
		}
	}

	/** Named texts as bytes, before encryption (Voice's {@link Payload}). */
	public static byte[] encode(Map<String, String> values) {
		return Payload.encode(values);
	}

	public static Map<String, String> decode(byte[] encoded) {
		return Payload.decode(encoded);
	}

	/** Whether the account has a key pair (made on Voice's page with its password). */
	public boolean hasKey(long accountId) {
		return this.keys.find(accountId).isPresent();
	}

	/**
	 * Gives a demo account its key pair, protected by the demo password, as
	 * {@link DemoChannels} does for Voice's recipients: the demo's incidents are sealed
	 * for their handlers as they are reported, so the handlers need their keys first.
	 * Nothing when the account has one or the password is not its own.
	 */
	public void demoKeyPair(long organisationId, long accountId, String demoPassword) {
		if (!this.recipientKeys.hasKey(accountId)) {
			this.recipientKeys.create(organisationId, accountId, demoPassword);
		}
	}

	/** Whether the account unlocked its private key in this login session. */
	public boolean unlocked(String sessionId, long accountId) {
		return this.unlocked.get(sessionId, accountId).isPresent();
	}

	/**
	 * The data key wrapped for each of the accounts that has a key pair; an account
	 * without one is left out (it gets the key later from someone who opens it).
	 */
	public Map<Long, byte[]> wrapFor(long organisationId, Collection<Long> accountIds, DataKey key, String context) {
		Map<Long, byte[]> wrapped = new LinkedHashMap<>();
		if (accountIds.isEmpty()) {
			return wrapped;
		}
		for (KeyRepository.PublicKey publicKey : this.keys.publicKeys(organisationId, List.copyOf(accountIds))) {
			wrapped.put(publicKey.accountId(), VoiceCrypto.wrapFor(publicKey.keyset(), key.bytes(), context));
		}
		return wrapped;
	}

	/**
	 * The data key, opened with the private key the account unlocked in this session;
	 * empty when it is not unlocked or the wrapped key is not for it.
	 */
	public Optional<DataKey> unwrap(String sessionId, long accountId, byte[] wrapped, String context) {
		Optional<KeysetHandle> privateKey = this.unlocked.get(sessionId, accountId);
		if (privateKey.isEmpty() || wrapped == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(new DataKey(VoiceCrypto.unwrapWith(privateKey.get(), wrapped, context)));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A new receipt, with the data key wrapped under the key derived from it. The caller
	 * stores the selector, the hash and the wrapped key, and shows {@code grouped} once.
	 * @param context the context of the wrapped key, from the receipt's selector (the one
	 * thing known of the record before it is stored)
	 */
	public IssuedReceipt issueReceipt(DataKey key, UnaryOperator<String> context) {
		Receipt receipt = Receipt.generate(this.random);
		return new IssuedReceipt(receipt.grouped(), receipt.selector(), receipt.verifierHash(),
				VoiceCrypto.encrypt(receipt.wrappingKey(), key.bytes(), context.apply(receipt.selector())));
	}

	/** The selector of a typed receipt, to find its record; empty when malformed. */
	public static Optional<String> selector(String typedReceipt) {
		return Receipt.parse(typedReceipt).map(Receipt::selector);
	}

	/** A typed receipt in the form the reporter wrote it down, when well-formed. */
	public static Optional<String> grouped(String typedReceipt) {
		return Receipt.parse(typedReceipt).map(Receipt::grouped);
	}

	/**
	 * The data key, when the typed receipt is the one whose hash and wrapped key are
	 * given; empty for a wrong or malformed receipt and for a record not found (null
	 * values), after the same work.
	 */
	public Optional<DataKey> openWithReceipt(String typedReceipt, byte[] storedHash, byte[] wrappedKey,
			String context) {
		Optional<Receipt> receipt = Receipt.parse(typedReceipt);
		byte[] stored = (storedHash != null) ? storedHash : DUMMY_HASH;
		byte[] typed = receipt.map(Receipt::verifierHash).orElseGet(() -> Receipt.hash("-", typedReceipt + ""));
		if (!MessageDigest.isEqual(typed, stored) || storedHash == null || wrappedKey == null || receipt.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new DataKey(VoiceCrypto.decrypt(receipt.get().wrappingKey(), wrappedKey, context)));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/** The one-time id of a public form (Voice's {@link FormOnce}). */
	public static String newFormId() {
		return FormOnce.generate();
	}

	public static boolean validFormId(String formId) {
		return FormOnce.valid(formId);
	}

	/**
	 * Marks a form as sent, in the caller's transaction; {@code false} when it was sent
	 * before, so the caller stores nothing.
	 */
	@Transactional
	public boolean claimForm(String formId) {
		if (!FormOnce.valid(formId)) {
			throw new IllegalArgumentException("Not a form id");
		}
		LocalDate today = LocalDate.now(this.clock);
		this.usedForms.deleteExpired(today);
		return this.usedForms.claim(FormOnce.hash(this.accessLogKey, formId),
				today.plusDays(Submissions.REMEMBERED_DAYS));
	}

	/**
	 * The files as they will be stored: checked and cleaned of metadata as a reporter's
	 * files in Voice; a refused file puts a Voice message key under {@code files} in
	 * {@code errors}.
	 */
	public List<CleanFile> readFiles(List<MultipartFile> files, Map<String, String> errors) {
		return this.uploads.read(files, errors)
			.stream()
			.map((upload) -> new CleanFile(upload.name(), upload.mediaType(), upload.bytes(), upload.cleaning(),
					upload.removed()))
			.toList();
	}

	/** For the message that refuses a larger image. */
	public long maxMegapixels() {
		return this.uploads.maxMegapixels();
	}

	/** A data key; never printed. */
	public record DataKey(byte[] bytes) {

		@Override
		public String toString() {
			return "DataKey[***]";
		}

	}

	/**
	 * @param grouped the receipt as the reporter writes it down: shown once, never stored
	 * @param selector public, finds the record
	 * @param verifierHash stored to recognise the receipt
	 * @param wrappedKey the data key wrapped under the key derived from the receipt
	 */
	public record IssuedReceipt(String grouped, String selector, byte[] verifierHash, byte[] wrappedKey) {

		@Override
		public String toString() {
			return "IssuedReceipt[***]";
		}

	}

	/**
	 * A file as it will be stored: metadata already removed where possible.
	 *
	 * @param cleaning what cleaning did (message key suffix {@code voice.cleaning.*})
	 * @param removed what was removed, as Voice records it
	 */
	public record CleanFile(String name, String mediaType, byte[] bytes, String cleaning, String removed) {

		/** The message keys of what was removed. */
		public List<String> removedKeys() {
			return MetadataCleaner.removedKeys(this.removed);
		}

		@Override
		public String toString() {
			return "CleanFile[" + this.bytes.length + " bytes]";
		}

	}

	/** A sealed text did not open with the key given. */
	public static class Unreadable extends RuntimeException {

		Unreadable() {
			super("Does not decrypt with this key", null, false, false);
		}

	}

}
