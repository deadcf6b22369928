package bryt.workload;

/**
 * Traffic-light band of a load ratio (weighted load ÷ capacity): above 110 % red, above
 * 100 % up to 110 % amber, 95 % up to and including 100 % green, below 95 % spare
 * capacity. Exactly at capacity counts as green. The edges are constants here, which the
 * help page reads, so that its text never drifts from the rule.
 */
public enum Band {

	RED, AMBER, GREEN, SPARE;

	/** Above this load ratio the band is red. */
	public static final double RED_ABOVE = 1.10;

	/** Above this load ratio (up to {@link #RED_ABOVE}) the band is amber. */
	public static final double AMBER_ABOVE = 1.00;

	/**
	 * From this load ratio (up to {@link #AMBER_ABOVE}) the band is green; below, spare.
	 */
	public static final double GREEN_FROM = 0.95;

	public static Band of(double loadRatio) {
		if (loadRatio > RED_ABOVE) {
			return RED;
		}
		if (loadRatio > AMBER_ABOVE) {
			return AMBER;
		}
		if (loadRatio >= GREEN_FROM) {
			return GREEN;
		}
		return SPARE;
	}

	/**
	 * The load ratio as the whole percentage every page, download, chart and card shows:
	 * rounded as a percent format rounds (half to even), then kept inside the band the
	 * exact ratio is in, so that the number never contradicts the band beside it. A ratio
	 * just above 100 % (1.004) is amber and shows 101 %, not 100 %, which the help page
	 * names green; just above 110 % (1.1001) red and 111 %; just below 95 % (0.9499)
	 * spare and 94 %. Where rounding already lands in the band nothing changes.
	 */
	public static long percent(double loadRatio) {
		// As a percent format rounds: the double's exact value, half to even.
		long rounded = new java.math.BigDecimal(loadRatio).movePointRight(2)
			.setScale(0, java.math.RoundingMode.HALF_EVEN)
			.longValueExact();
		return switch (of(loadRatio)) {
			case RED -> Math.max(rounded, percentOf(RED_ABOVE) + 1);
			case AMBER -> Math.clamp(rounded, percentOf(AMBER_ABOVE) + 1, percentOf(RED_ABOVE));
			case GREEN -> Math.clamp(rounded, percentOf(GREEN_FROM), percentOf(AMBER_ABOVE));
			case SPARE -> Math.min(rounded, percentOf(GREEN_FROM) - 1);
		};
	}

	/**
	 * {@link #percent} as a ratio again (1.01 for 101 %), for formats that multiply by
	 * 100 themselves ({@code {0,number,percent}}, a spreadsheet's percent cell).
	 */
	public static double shownRatio(double loadRatio) {
		return percent(loadRatio) / 100.0;
	}

	/** The smallest whole percentage a ratio of the band shows. */
	public long lowestPercent() {
		return switch (this) {
			case RED -> percentOf(RED_ABOVE) + 1;
			case AMBER -> percentOf(AMBER_ABOVE) + 1;
			case GREEN -> percentOf(GREEN_FROM);
			case SPARE -> 0;
		};
	}

	/**
	 * The highest whole percentage a ratio of the band shows, or -1 for red, which has
	 * none.
	 */
	public long highestPercent() {
		return switch (this) {
			case RED -> -1;
			case AMBER -> percentOf(RED_ABOVE);
			case GREEN -> percentOf(AMBER_ABOVE);
			case SPARE -> percentOf(GREEN_FROM) - 1;
		};
	}

	private static long percentOf(double edge) {
		return Math.round(edge * 100);
	}

	/**
	 * The name scripts rely on: {@code red}, {@code amber}, {@code green}, {@code spare}.
	 */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
