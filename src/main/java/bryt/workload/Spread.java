package bryt.workload;

import java.util.List;

/**
 * How the load of a unit (or the organisation) is spread over its caseworkers: a total
 * can read "room left" while many are over capacity. Only caseworkers count: workers
 * whose role carries cases (a share above 0 in the load model).
 *
 * @param caseworkers caseworkers employed on the date
 * @param red of those, how many in the red band (above 110 %)
 * @param amber in the amber band (above 100 % up to 110 %)
 * @param green in the green band (95 % up to 100 %)
 * @param spare below 95 %
 * @param medianLoad the median of their load ratios, or {@code null} without caseworkers
 * @param highestLoad the highest of their load ratios, or {@code null} without
 * caseworkers
 */
public record Spread(int caseworkers, int red, int amber, int green, int spare, Double medianLoad, Double highestLoad) {

	/** No caseworkers. */
	public static final Spread NONE = new Spread(0, 0, 0, 0, 0, null, null);

	/**
	 * The spread of the given workers' loads; workers who are no caseworkers are left
	 * out.
	 */
	static Spread of(List<WorkerFigures> workers) {
		List<Double> ratios = workers.stream()
			.filter(WorkerFigures::caseworker)
			.map(WorkerFigures::loadRatio)
			.sorted()
			.toList();
		if (ratios.isEmpty()) {
			return NONE;
		}
		int[] bands = new int[Band.values().length];
		ratios.forEach((ratio) -> bands[Band.of(ratio).ordinal()]++);
		int middle = ratios.size() / 2;
		double median = (ratios.size() % 2 == 1) ? ratios.get(middle)
				: (ratios.get(middle - 1) + ratios.get(middle)) / 2;
		return new Spread(ratios.size(), bands[Band.RED.ordinal()], bands[Band.AMBER.ordinal()],
				bands[Band.GREEN.ordinal()], bands[Band.SPARE.ordinal()], median, ratios.getLast());
	}

	/**
	 * Caseworkers over capacity: above 100 %, the red and the amber band together. The
	 * headline "43 of 94 caseworkers over capacity" counts these.
	 */
	public int workersOverCapacity() {
		return this.red + this.amber;
	}

	/**
	 * The median load as pages show it ({@link Band#shownRatio}); null without
	 * caseworkers.
	 */
	public Double shownMedian() {
		return (this.medianLoad != null) ? Band.shownRatio(this.medianLoad) : null;
	}

	/**
	 * The highest load as pages show it ({@link Band#shownRatio}); null without
	 * caseworkers.
	 */
	public Double shownHighest() {
		return (this.highestLoad != null) ? Band.shownRatio(this.highestLoad) : null;
	}

	/** The bands, from red to spare, for a page to list the counts in. */
	public List<Band> bands() {
		return List.of(Band.values());
	}

	/** The load ratio above which a caseworker counts as over capacity: 1.0. */
	public double overCapacityAbove() {
		return Band.AMBER_ABOVE;
	}

	/** How many caseworkers are in a band. */
	public int in(Band band) {
		return switch (band) {
			case RED -> this.red;
			case AMBER -> this.amber;
			case GREEN -> this.green;
			case SPARE -> this.spare;
		};
	}

}
