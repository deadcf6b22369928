package bryt;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The server's day, in the deployment's zone ({@code bryt.time-zone}, Europe/Stockholm
 * unless set), not the test JVM's. CI runs in UTC, one or two hours behind: between 22:00
 * and 24:00 UTC the JVM's "today" is the server's yesterday, and a survey opening "today"
 * is refused as opening in the past. {@code ConventionsTests} refuses a bare
 * {@code LocalDate.now()}.
 */
public final class ServerDay {

	public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	private ServerDay() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static YearMonth thisMonth() {
		return YearMonth.now(ZONE);
	}

}
