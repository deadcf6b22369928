package bryt.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bryt's Argon2id (Password4j) against the one it replaced: Spring Security's
 * Argon2PasswordEncoder and BouncyCastle's generator, which wrote every password hash and
 * wrapped every recipient's key before. A database from before must keep working: the
 * same hashes verify, the same keys come out.
 */
class Argon2idTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What Bryt's encoder wrote before, for the passphrase below (BouncyCastle 1.87). */
	private static final String WRITTEN_BEFORE = "$argon2id$v=19$m=19456,t=2,p=1$2iI5pWtJj6javti/sWY6+w$UgjwTd8i9OeiBCUbDYMuxo6sGerq2Ey/yREz+jpL9Uk";

	private final Argon2id argon2 = new Argon2id(Argon2id.MEMORY_KIB, Argon2id.ITERATIONS);

	/** The encoder Bryt used until Password4j, with the same parameters. */
	private final Argon2PasswordEncoder before = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	@Test
	void aHashWrittenBeforeStillVerifiesAndIsNotReplaced() {
		assertThat(this.argon2.matches("Lång lösenordsfras för Bryt ✓", WRITTEN_BEFORE)).isTrue();
		assertThat(this.argon2.matches("Lang losenordsfras for Bryt ✓", WRITTEN_BEFORE)).isFalse();
		assertThat(this.argon2.matches("Lång lösenordsfras för Bryt", WRITTEN_BEFORE)).isFalse();
		assertThat(this.argon2.upgradeEncoding(WRITTEN_BEFORE)).isFalse();
	}

	@Test
	void eachVerifiesTheOthersHashes() {
		for (String password : passwords()) {
			String ours = this.argon2.encode(password);
			assertThat(ours).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
			assertThat(this.before.matches(password, ours)).as(password).isTrue();
			assertThat(this.argon2.matches(password, this.before.encode(password))).as(password).isTrue();
			assertThat(this.argon2.matches(password + "x", ours)).as(password).isFalse();
		}
	}

	@Test
	void theSamePasswordGetsADifferentSaltEachTime() {
		assertThat(this.argon2.encode("samma lösenord")).isNotEqualTo(this.argon2.encode("samma lösenord"));
	}

	/**
	 * The key that unlocks a recipient's private key: the bytes BouncyCastle derived, so
	 * keys wrapped before unwrap.
	 */
	@Test
	void aKeyIsTheOneDerivedBefore() {
		byte[] salt = new byte[16];
		for (int i = 0; i < salt.length; i++) {
			salt[i] = (byte) i;
		}
		assertThat(HexFormat.of().formatHex(Argon2id.key("Mottagarens lösenfras ✓", salt, 32)))
			.isEqualTo("0ba7db259dc38307cf347665277d553120c6c472a93f8c0889d6227d2a11e042");
		for (String secret : passwords()) {
			RANDOM.nextBytes(salt);
			assertThat(Argon2id.key(secret, salt, 32)).as(secret).isEqualTo(bouncyCastle(secret, salt, 32));
		}
	}

	/** Spring's defaults of 5.8 (16 MiB): verified, then replaced at the login. */
	@Test
	void aWeakerHashVerifiesAndIsReplaced() {
		String weaker = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("demo-lösen");
		assertThat(weaker).contains("m=16384,t=2,p=1");
		assertThat(this.argon2.matches("demo-lösen", weaker)).isTrue();
		assertThat(this.argon2.upgradeEncoding(weaker)).isTrue();
		assertThat(this.argon2.upgradeEncoding(this.argon2.encode("demo-lösen"))).isFalse();
	}

	@Test
	void anythingMalformedIsNoMatchAndNoError() {
		List<String> malformed = new ArrayList<>(List.of("", "x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA",
				"$argon2id$v=19$m=19456,t=2$c2FsdA$aGFzaA", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
				"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", WRITTEN_BEFORE.replace("v=19", "v=16"),
				WRITTEN_BEFORE.substring(0, WRITTEN_BEFORE.length() - 4)));
		malformed.add(null);
		for (String stored : malformed) {
			assertThat(this.argon2.matches("Lång lösenordsfras för Bryt ✓", stored)).as(stored).isFalse();
			assertThat(this.argon2.upgradeEncoding(stored)).as(stored).isFalse();
		}
		assertThat(this.argon2.matches(null, WRITTEN_BEFORE)).isFalse();
	}

	private static List<String> passwords() {
		List<String> passwords = new ArrayList<>(List.of("a", "correct horse battery staple", "Ærø-kommune 2026!",
				"ĳ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓", " leading and trailing "));
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		passwords.add(HexFormat.of().formatHex(random));
		return passwords;
	}

	private static byte[] bouncyCastle(String secret, byte[] salt, int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
			.withMemoryAsKB(19 * 1024)
			.withIterations(2)
			.withParallelism(1)
			.build());
		byte[] key = new byte[length];
		generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), key);
		return key;
	}

}
