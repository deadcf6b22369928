package bryt.voice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context strings are inside every stored ciphertext: these are the strings Bryt has
 * always used, and must stay, or existing reports and keys no longer open.
 */
class CryptoContextsTest {

	@Test
	void reportPartsAreBoundToTheSelector() {
		CryptoContexts.ReportParts report = CryptoContexts.report("AB12CD34");
		assertThat(report.receipt()).isEqualTo("bryt voice report AB12CD34 receipt");
		assertThat(report.content()).isEqualTo("bryt voice report AB12CD34 content");
		assertThat(report.key()).isEqualTo("bryt voice report AB12CD34 key");
		assertThat(report.message()).isEqualTo("bryt voice report AB12CD34 message");
		assertThat(report.file(42)).isEqualTo("bryt voice report AB12CD34 file 42");
		assertThat(report.fileMeta(42)).isEqualTo("bryt voice report AB12CD34 file meta 42");
	}

	@Test
	void recipientKeysAndRecovery() {
		assertThat(CryptoContexts.recipientKey(5)).isEqualTo("bryt voice recipient key 5");
		assertThat(CryptoContexts.recoveryCopy(1, 2, 5)).isEqualTo("bryt voice recovery copy 1 2 5");
		assertThat(CryptoContexts.recoveryShare(1, 2, 3, 5)).isEqualTo("bryt voice recovery share 1 2 3 5");
	}

}
