package bryt.workload;

import java.time.LocalDate;

/**
 * A case open on the date figures are computed for, with its handlers on that date.
 *
 * @param typeWeight the case type's points
 * @param deadline the deadline in force on that date, or {@code null}
 * @param primaryHandler staff id of the primary handler, or {@code null}
 * @param coHandler staff id of the co-handler, or {@code null}
 */
record OpenCase(long caseId, long unitId, double typeWeight, int complexity, boolean investigation, boolean twoHandlers,
		LocalDate deadline, Long primaryHandler, Long coHandler) {

	int handlerCount() {
		return ((this.primaryHandler != null) ? 1 : 0) + ((this.coHandler != null) ? 1 : 0);
	}

	/** The points the co-handler carries: its share of the case's weight. */
	double coHandlerPoints(LoadSettings settings) {
		return settings.coHandlerPoints(settings.caseWeight(this.typeWeight, this.complexity));
	}

	/** The points the primary handler carries: the weight, less a co-handler's share. */
	double primaryPoints(LoadSettings settings) {
		return settings.primaryPoints(settings.caseWeight(this.typeWeight, this.complexity), this.coHandler != null);
	}

}
