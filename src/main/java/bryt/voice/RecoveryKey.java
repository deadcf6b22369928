package bryt.voice;

import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;

/**
 * An organisation's recovery key: an X25519 key pair whose private half is 256 random
 * bits, shown once as Crockford base32 in groups of four to be kept offline (on paper, in
 * a safe). Only the public half is stored.
 *
 * @param code the private half, as shown
 * @param publicKeyset the public half, as stored
 */
record RecoveryKey(String code, byte[] publicKeyset) {

	static RecoveryKey generate() {
		byte[] secret = VoiceCrypto.randomBytes(32);
		KeysetHandle keyPair = keyPair(secret);
		return new RecoveryKey(encode(secret), VoiceCrypto.publicKeyset(keyPair));
	}

	static Optional<KeysetHandle> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		// Read the way Crockford base32 allows, as for receipts: O for 0, I or L for 1.
		String chars = code.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s-]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (chars.length() != 52) {
			return Optional.empty();
		}
		byte[] secret = new byte[33];
		int bits = 0;
		int buffer = 0;
		int index = 0;
		for (char c : chars.toCharArray()) {
			int value = Receipt.ALPHABET.indexOf(c);
			if (value < 0) {
				return Optional.empty();
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				secret[index++] = (byte) (buffer >> bits);
				buffer &= (1 << bits) - 1;
			}
		}
		byte[] key = new byte[32];
		System.arraycopy(secret, 0, key, 0, 32);
		return Optional.of(keyPair(key));
	}

	private static KeysetHandle keyPair(byte[] secret) {
		try {
			HpkePublicKey publicKey = HpkePublicKey.create(VoiceCrypto.HPKE,
					Bytes.copyFrom(X25519.publicFromPrivate(secret)), null);
			HpkePrivateKey privateKey = HpkePrivateKey.create(publicKey,
					SecretBytes.copyFrom(secret, InsecureSecretKeyAccess.get()));
			return KeysetHandle.newBuilder()
				.addEntry(KeysetHandle.importKey(privateKey).withRandomId().makePrimary())
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(byte[] secret) {
		StringBuilder chars = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : secret) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				chars.append(Receipt.ALPHABET.charAt((buffer >> bits) & 31));
			}
			buffer &= (1 << bits) - 1;
		}
		if (bits > 0) {
			chars.append(Receipt.ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < chars.length(); i += 4) {
			grouped.append((i > 0) ? "-" : "").append(chars, i, Math.min(i + 4, chars.length()));
		}
		return grouped.toString();
	}

	@Override
	public String toString() {
		return "RecoveryKey[***]";
	}

}
