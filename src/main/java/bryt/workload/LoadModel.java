package bryt.workload;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's load model as the help page and the load-model page show it: the
 * settings, the band edges and the case types the rules name. Every number on those pages
 * comes from here, so that the explanation never drifts from what Bryt computes.
 *
 * @param settings the organisation's load model
 * @param caseTypes its case types
 * @param exampleFactor the experience factor of the help page's worked example: a worker
 * at half time with nine months in the profession
 * @param example that worker's capacity under this model
 */
record LoadModel(LoadSettings settings, List<CaseType> caseTypes, double exampleFactor, double example) {

	/** The full-time equivalent of the help page's example worker. */
	static final double EXAMPLE_FTE = 0.5;

	/** The months in the profession of the help page's example worker. */
	static final int EXAMPLE_MONTHS = 9;

	static LoadModel of(LoadSettings settings, List<CaseType> caseTypes, LocalDate today) {
		LocalDate start = today.minusMonths(EXAMPLE_MONTHS);
		return new LoadModel(settings, caseTypes, settings.experienceFactor(start, today),
				settings.capacity(EXAMPLE_FTE, start, today));
	}

	public double exampleFte() {
		return EXAMPLE_FTE;
	}

	public int exampleMonths() {
		return EXAMPLE_MONTHS;
	}

	public double redAbove() {
		return Band.RED_ABOVE;
	}

	public double amberAbove() {
		return Band.AMBER_ABOVE;
	}

	public double greenFrom() {
		return Band.GREEN_FROM;
	}

	/** The lowest percentage an amber load shows (101 %), as a ratio. */
	public double lowestAmberShown() {
		return Band.AMBER.lowestPercent() / 100.0;
	}

	/** The lowest percentage a red load shows (111 %), as a ratio. */
	public double lowestRedShown() {
		return Band.RED.lowestPercent() / 100.0;
	}

	/** The highest percentage a load with room left shows (94 %), as a ratio. */
	public double highestSpareShown() {
		return Band.SPARE.highestPercent() / 100.0;
	}

	public List<CaseType> investigations() {
		return this.caseTypes.stream().filter(CaseType::investigation).toList();
	}

	public List<CaseType> twoHandlerTypes() {
		return this.caseTypes.stream().filter(CaseType::twoHandlers).toList();
	}

}
