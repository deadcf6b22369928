package bryt.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A due point of {@link SafetyClocks} as a page shows it, the way Voice's inbox shows its
 * deadlines ({@code voice.Deadlines.Due}): the point, how much is left, or that it is
 * overdue. A point in hours (Sweden's "today", Denmark's 48 hours for a death) counts
 * hours; a whole day (Denmark's EASY days) counts days and is overdue only once the day
 * has passed.
 *
 * @param at the point to the minute in the organisation's zone, or null for a whole day
 * @param day the day, or null for a point in hours
 * @param left hours or days left; negative when overdue
 * @param overdue whether the point has passed
 */
record HandlingDue(LocalDateTime at, LocalDate day, long left, boolean overdue) {

	static HandlingDue of(SafetyClocks.Due due, Instant now, ZoneId zone) {
		if (due.instant() != null) {
			long hours = ChronoUnit.HOURS.between(now, due.instant());
			boolean overdue = now.isAfter(due.instant());
			return new HandlingDue(LocalDateTime.ofInstant(due.instant(), zone).truncatedTo(ChronoUnit.MINUTES), null,
					overdue ? Math.min(hours, -1) : hours, overdue);
		}
		LocalDate today = LocalDate.ofInstant(now, zone);
		long days = ChronoUnit.DAYS.between(today, due.day());
		return new HandlingDue(null, due.day(), days, days < 0);
	}

	public boolean inHours() {
		return this.at != null;
	}

}
