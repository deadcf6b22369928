package bryt.voice;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;

import com.codahale.shamir.Scheme;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;

/**
 * An organisation's recovery key: an X25519 key pair whose private half is 256 random
 * bits that exist whole only in memory, twice: when the key is made and split into shares
 * (Shamir's secret sharing, {@code com.codahale:shamir}), and when enough shares are
 * joined for a recovery. Only the public half is stored.
 */
final class RecoveryKey {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryKey() {
	}

	/**
	 * A new recovery key split into {@code holders} shares, any {@code threshold} of
	 * which make it whole.
	 */
	static Split split(int holders, int threshold) {
		byte[] secret = VoiceCrypto.randomBytes(32);
		try {
			Map<Integer, byte[]> parts = new Scheme(RANDOM, holders, threshold).split(secret);
			return new Split(VoiceCrypto.publicKeyset(keyPair(secret)), parts);
		}
		finally {
			java.util.Arrays.fill(secret, (byte) 0);
		}
	}

	/**
	 * The key pair the shares make. Fewer shares than the threshold, or shares of another
	 * recovery key, make a key pair too, but one that opens nothing: Shamir's scheme
	 * cannot tell, the decryption that follows can.
	 */
	static KeysetHandle join(Map<Integer, byte[]> parts) {
		// n and k do not matter for joining; the scheme only checks them when splitting.
		byte[] secret = new Scheme(RANDOM, 255, 2).join(parts);
		try {
			return keyPair(secret);
		}
		finally {
			java.util.Arrays.fill(secret, (byte) 0);
		}
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

	/**
	 * @param publicKeyset the public half, to be stored
	 * @param parts the shares by their number, each to be encrypted to its holder at once
	 */
	record Split(byte[] publicKeyset, Map<Integer, byte[]> parts) {

		@Override
		public String toString() {
			return "Split[" + this.parts.size() + " shares=***]";
		}

	}

}
