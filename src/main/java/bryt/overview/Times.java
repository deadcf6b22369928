package bryt.overview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A time of extraction as the pages write it: the organisation's local date and minute.
 */
final class Times {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Times() {
	}

	static String format(Instant instant, ZoneId zone) {
		return MINUTE.format(instant.atZone(zone));
	}

}
