package bryt.shared.web;

import java.util.Locale;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 7 of issue 11: counts take the singular for one and the plural otherwise, through
 * the message format ({@code choice}), in every language, read from the application's own
 * message source.
 */
@BrytTest
class PluralMessagesTests {

	private static final Locale SV = Locale.of("sv");

	private static final Locale DA = Locale.of("da");

	private static final Locale EN = Locale.of("en");

	@Autowired
	private MessageSource messages;

	@Test
	void importedRowsAreOneRowAndTwoRows() {
		assertThat(changed(1, SV)).startsWith("1 rad skapade");
		assertThat(changed(2, SV)).startsWith("2 rader skapade");
		assertThat(changed(0, SV)).startsWith("0 rader skapade");
		assertThat(changed(1, DA)).startsWith("1 række oprettede");
		assertThat(changed(2, DA)).startsWith("2 rækker oprettede");
		assertThat(changed(1, EN)).startsWith("1 row created");
		assertThat(changed(2, EN)).startsWith("2 rows created");
		// Large counts keep the language's digit grouping (a no-break space in Swedish).
		assertThat(changed(12345, SV)).startsWith("12\u00a0345 rader");
		assertThat(changed(12345, EN)).startsWith("12,345 rows");
	}

	@Test
	void daysAndReportsToo() {
		assertThat(message("voice.due.left", SV, 1)).isEqualTo("(1 dag kvar)");
		assertThat(message("voice.due.left", SV, 3)).isEqualTo("(3 dagar kvar)");
		assertThat(message("voice.due.overdue", DA, 1)).isEqualTo("Forsinket med 1 dag");
		assertThat(message("voice.due.overdue", EN, 2)).isEqualTo("Overdue by 2 days");
		assertThat(message("voice.access.regranted", EN, 1)).isEqualTo("1 report was re-granted.");
		assertThat(message("voice.inbox.count", SV, 1, 1, 1)).isEqualTo("1 rapport · sida 1 av 1");
		assertThat(message("voice.admin.deadlines.value", SV, 7, 1, 730))
			.isEqualTo("bekräfta inom 7 dagar, återkoppla inom 1 månad, radera 730 dagar efter avslut");
		// A median may be a half day: a fraction takes the plural.
		assertThat(message("workload.pastDeadlineOf", SV, 2, 5, 1.5)).isEqualTo("2 av 5 (median 1,5 dagar för sent)");
		assertThat(message("workload.pastDeadlineOf", SV, 1, 5, 1)).isEqualTo("1 av 5 (median 1 dag för sent)");
	}

	/** From the attack on the running jar: "+1 procentenheter" on the first screen. */
	@Test
	void oneIsAPercentagePointAndTwoArePoints() {
		assertThat(message("home.change.percent", SV, 0.12, 0.11, 1.0, 1.0))
			.isEqualTo("12\u00a0% (då 11\u00a0%, förändring +1 procentenhet)");
		assertThat(message("home.change.percent", SV, 0.10, 0.12, -2.0, 2.0))
			.isEqualTo("10\u00a0% (då 12\u00a0%, förändring \u22122 procentenheter)");
		assertThat(message("home.change.percent", EN, 0.12, 0.11, 1.0, 1.0))
			.isEqualTo("12% (then 11%, change +1 percentage point)");
		assertThat(message("home.change.percent", EN, 0.12, 0.12, 0.0, 0.0))
			.isEqualTo("12% (then 12%, change +0 percentage points)");
	}

	private String changed(int rows, Locale locale) {
		return message("imports.changed", locale, rows);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
