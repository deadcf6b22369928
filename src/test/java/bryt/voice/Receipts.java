package bryt.voice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt a reporter is shown after a submission, and the report it opens: one place
 * for what seven test classes each read from the page and looked up by selector.
 */
final class Receipts {

	private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");

	private Receipts() {
	}

	/** The receipt on a page; fails the test, showing the page, when there is none. */
	static String on(String page) {
		Matcher receipt = RECEIPT.matcher(page);
		assertThat(receipt.find()).as(page).isTrue();
		return receipt.group(1);
	}

	/** The report the receipt belongs to, by the receipt's selector. */
	static long reportId(JdbcClient jdbc, String receipt) {
		return jdbc.sql("select id from voice_report where receipt_selector = :s")
			.param("s", Receipt.parse(receipt).orElseThrow().selector())
			.query(Long.class)
			.single();
	}

}
