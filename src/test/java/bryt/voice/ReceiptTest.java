package bryt.voice;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

	@Test
	void holdsAtLeastOneHundredSecretBitsInGroupsOfFour() {
		Receipt receipt = Receipt.generate(new SecureRandom());
		// 20 verifier characters of 32 symbols each: 20 × 5 = 100 bits.
		assertThat(Receipt.VERIFIER_CHARS * 5).isGreaterThanOrEqualTo(100);
		assertThat(Receipt.ALPHABET).hasSize(32);
		assertThat(receipt.grouped()).matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");
		assertThat(receipt.toString()).doesNotContain(receipt.verifier());
	}

	@Test
	void readsWhatAPersonTypesTheWayCrockfordAllows() {
		Receipt receipt = Receipt.parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345").orElseThrow();
		assertThat(Receipt.parse("abcd efgh jkmn pqrs tvwx yzOl 2345")).contains(receipt);
		assertThat(receipt.selector()).isEqualTo("ABCDEFGH");
		assertThat(receipt.verifier()).isEqualTo("JKMNPQRSTVWXYZ012345");
	}

	@Test
	void refusesMalformedReceipts() {
		assertThat(Receipt.parse(null)).isEmpty();
		assertThat(Receipt.parse("ABCD-EFGH")).isEmpty();
		assertThat(Receipt.parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234U")).isEmpty();
		assertThat(Receipt.parse("x".repeat(500))).isEmpty();
	}

	@Test
	void storesOnlyAHashThatDoesNotGiveTheWrappingKey() {
		Receipt receipt = Receipt.parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345").orElseThrow();
		assertThat(receipt.matches(receipt.verifierHash())).isTrue();
		assertThat(Receipt.parse("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2346").orElseThrow().matches(receipt.verifierHash()))
			.isFalse();
		assertThat(receipt.wrappingKey()).hasSize(32).isNotEqualTo(receipt.verifierHash());
	}

}
