package bryt.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id (RFC 9106, version 1.3), the one place Bryt computes it: password hashes and
 * the keys that unlock recipients' private keys. Computed by Password4j, a small library
 * for exactly this; Spring Security's own encoder needs BouncyCastle, 7 MB of the jar for
 * this one algorithm. Both give the same bytes for the same input ({@code Argon2idTests}
 * checks the reference vectors and hashes and keys written before the change), so stored
 * hashes and wrapped keys stay valid.
 */
public final class Argon2id implements PasswordEncoder {

	/** Argon2id memory in KiB: 19 MiB, OWASP's minimum for t = 2. */
	public static final int MEMORY_KIB = 19 * 1024;

	/** Passes over the memory, OWASP's minimum with 19 MiB. */
	public static final int ITERATIONS = 2;

	private static final int VERSION_13 = 0x13;

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Argon2Function function;

	/** Password hashes with the given cost, one lane, a 16-byte salt, 32 bytes out. */
	Argon2id(int memoryKib, int iterations) {
		this.function = function(memoryKib, iterations, HASH_BYTES);
	}

	/**
	 * A key derived from a secret: Argon2id with {@link #MEMORY_KIB}, {@link #ITERATIONS}
	 * and one lane, no secret value nor associated data.
	 */
	public static byte[] key(String secret, byte[] salt, int length) {
		return function(MEMORY_KIB, ITERATIONS, length).hash(utf8(secret), salt).getBytes();
	}

	/**
	 * The hash in the PHC string format that Spring Security's Argon2PasswordEncoder also
	 * writes: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, Base64 without padding.
	 */
	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_BYTES];
		RANDOM.nextBytes(salt);
		return this.function.hash(utf8(rawPassword), salt).getResult();
	}

	/** With the parameters written in the stored hash; false for anything malformed. */
	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		Argon2Function stored = stored(encodedPassword);
		return rawPassword != null && stored != null
				&& stored.check(utf8(rawPassword), encodedPassword.getBytes(StandardCharsets.US_ASCII));
	}

	/** A hash with less memory or fewer passes than today's is replaced at login. */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		Argon2Function stored = stored(encodedPassword);
		return stored != null && (stored.getMemory() < this.function.getMemory()
				|| stored.getIterations() < this.function.getIterations());
	}

	private static Argon2Function stored(String encoded) {
		if (encoded == null || !encoded.startsWith("$argon2id$v=19$")) {
			return null;
		}
		try {
			return Argon2Function.getInstanceFromHash(encoded);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Argon2Function function(int memoryKib, int iterations, int length) {
		return Argon2Function.getInstance(memoryKib, iterations, 1, length, Argon2.ID, VERSION_13);
	}

	private static byte[] utf8(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
