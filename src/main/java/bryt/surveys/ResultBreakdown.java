package bryt.surveys;

import java.util.Locale;

/**
 * How the groups of a result are split beyond the unit: not at all, by tenure band or by
 * age band (the attributes a response carries from its invitation). Whether a breakdown
 * may be shown is the anonymity engine's question, not this one's.
 */
enum ResultBreakdown {

	NONE, TENURE_BAND, AGE_BAND;

	/** The value {@code ResultsRepository} passes to its queries to pick the column. */
	String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

}
