package bryt.workload;

/**
 * Traffic-light band of a load ratio (weighted load ÷ capacity): above 110 % red, above
 * 100 % up to 110 % amber, 95 % up to and including 100 % green, below 95 % spare
 * capacity. Exactly at capacity counts as green.
 */
public enum Band {

	RED, AMBER, GREEN, SPARE;

	public static Band of(double loadRatio) {
		if (loadRatio > 1.10) {
			return RED;
		}
		if (loadRatio > 1.00) {
			return AMBER;
		}
		if (loadRatio >= 0.95) {
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
