package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import bryt.ServerDay;

/**
 * The fixed clocks the surveys' job tests run their days on (CycleJobsTests,
 * ExitSurveyTests): 08:00 in Stockholm, when the daily jobs run by default.
 */
final class SurveyClocks {

	static final ZoneId ZONE = ServerDay.ZONE;

	private SurveyClocks() {
	}

	/** A clock standing still at 08:00 on the day, Stockholm time. */
	static Clock morningOf(LocalDate day) {
		return Clock.fixed(day.atTime(8, 0).atZone(ZONE).toInstant(), ZONE);
	}

}
