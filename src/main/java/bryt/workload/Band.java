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
	 * The name scripts rely on: {@code red}, {@code amber}, {@code green}, {@code spare}.
	 */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
