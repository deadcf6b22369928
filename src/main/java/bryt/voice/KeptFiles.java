package bryt.voice;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The files of a report form that came back with an error, kept so that the reporter need
 * not attach them again. In this instance's memory only, never in the database or on
 * disk, for at most {@link #LIFETIME}, and only as ciphertext: each form post gets a new
 * random key that is sent back in a hidden field of the re-rendered form and forgotten
 * here at once. Without the page that holds the key, the kept bytes cannot be read; a
 * file is removed as soon as the next post takes it, used or not.
 */
@Component
class KeptFiles {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** At most this many bytes of ciphertext are held; the oldest go first. */
	private static final long MAX_BYTES = 256L * 1024 * 1024;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,43}");

	private final Clock clock;

	private final Cache<String, Sealed> store;

	KeptFiles(Clock clock) {
		this.clock = clock;
		this.store = Caffeine.newBuilder()
			.expireAfterWrite(LIFETIME)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.maximumWeight(MAX_BYTES)
			.weigher((String handle, Sealed sealed) -> sealed.meta().length + sealed.bytes().length)
			.build();
	}

	/**
	 * Encrypts the files under a new key and keeps them; the key is returned, not kept.
	 */
	Kept keep(List<Reports.Upload> files) {
		if (files.isEmpty()) {
			return Kept.NONE;
		}
		byte[] key = VoiceCrypto.newDataKey();
		List<Kept.File> kept = new ArrayList<>();
		for (Reports.Upload file : files) {
			String handle = token(VoiceCrypto.randomBytes(16));
			Map<String, String> meta = new LinkedHashMap<>();
			meta.put("name", file.name());
			meta.put("type", file.mediaType());
			meta.put("cleaning", file.cleaning());
			meta.put("removed", file.removed());
			this.store.put(handle, new Sealed(VoiceCrypto.encrypt(key, Payload.encode(meta), context(handle, "meta")),
					VoiceCrypto.encrypt(key, file.bytes(), context(handle, "bytes")), this.clock.instant()));
			kept.add(new Kept.File(handle, file.name()));
		}
		return new Kept(token(key), kept);
	}

	/**
	 * Takes the files back and forgets them here.
	 * @param key the key as the form sent it
	 * @param handles the files the reporter still wants
	 * @param dropped the files the form listed and the reporter no longer wants;
	 * forgotten
	 * @return the files, or {@link Taken#lost()} when one is gone (expired, evicted,
	 * crafted or under another key)
	 */
	Taken take(String key, List<String> handles, List<String> dropped) {
		dropped.forEach(this.store::invalidate);
		List<Reports.Upload> files = new ArrayList<>();
		boolean lost = false;
		byte[] rawKey = (key != null && TOKEN.matcher(key).matches()) ? decode(key) : null;
		for (String handle : handles) {
			Sealed sealed = (handle != null) ? this.store.asMap().remove(handle) : null;
			if (sealed == null || rawKey == null || expired(sealed)) {
				lost = true;
				continue;
			}
			try {
				Map<String, String> meta = Payload
					.decode(VoiceCrypto.decrypt(rawKey, sealed.meta(), context(handle, "meta")));
				byte[] bytes = VoiceCrypto.decrypt(rawKey, sealed.bytes(), context(handle, "bytes"));
				files.add(new Reports.Upload(meta.get("name"), meta.get("type"), bytes, meta.get("cleaning"),
						meta.get("removed")));
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				lost = true;
			}
		}
		return new Taken(files, lost);
	}

	/** What is held, for tests that check it holds no plaintext. */
	Map<String, Sealed> held() {
		this.store.cleanUp();
		return Map.copyOf(this.store.asMap());
	}

	private boolean expired(Sealed sealed) {
		return !this.clock.instant().isBefore(sealed.keptAt().plus(LIFETIME));
	}

	private static String context(String handle, String part) {
		return "bryt voice kept file " + part + " " + handle;
	}

	private static String token(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] decode(String token) {
		try {
			return Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A kept file: its metadata and bytes, each encrypted; when it was kept. */
	record Sealed(byte[] meta, byte[] bytes, Instant keptAt) {

		@Override
		public String toString() {
			return "Sealed[" + this.bytes.length + " bytes]";
		}

	}

	/**
	 * What the re-rendered form carries.
	 *
	 * @param key the key, for a hidden field; {@code null} when nothing is kept
	 * @param files each file's handle and name, to list and let the reporter drop
	 */
	record Kept(String key, List<File> files) {

		static final Kept NONE = new Kept(null, List.of());

		@Override
		public String toString() {
			return "Kept[" + this.files.size() + " files]";
		}

		record File(String handle, String name) {

			@Override
			public String toString() {
				return "File[***]";
			}

		}

	}

	/**
	 * @param files the files taken back
	 * @param lost whether a file the form still wanted could not be given back
	 */
	record Taken(List<Reports.Upload> files, boolean lost) {
	}

}
