package bryt.surveys;

/**
 * Participation (svarsfrekvens, svarprocent): respondents of those invited in a group,
 * shown only rounded to the nearest 10 %, so that the exact number of respondents in a
 * small group is not read off the page.
 *
 * <p>
 * A half rounds up: 15 % shows as 20 %, 25 % as 30 % (half-up on the exact fraction, in
 * integer arithmetic, so no floating-point error decides an edge). A group with nobody
 * invited has no figure ({@link #percent()} is {@code null}), never 0 %. More respondents
 * than invited (a pooled group whose invitations were counted elsewhere) shows 100 %.
 *
 * @param respondents responses counted in the group
 * @param invited invitations sent to the group
 */
public record Participation(int respondents, int invited) {

	public Participation {
		if (respondents < 0 || invited < 0) {
			throw new IllegalArgumentException(
					"respondents and invited cannot be negative: " + respondents + " of " + invited);
		}
	}

	/** Whether there is a figure at all: someone was invited. */
	public boolean measured() {
		return this.invited > 0;
	}

	/**
	 * The share in percent rounded to the nearest 10 (0, 10, …, 100), {@code null} when
	 * nobody was invited.
	 */
	public Integer percent() {
		if (!measured()) {
			return null;
		}
		long respondents = Math.min(this.respondents, this.invited);
		// round(10 r / i) half up = floor((20 r + i) / (2 i)), in tens of percent
		long tens = (20 * respondents + this.invited) / (2L * this.invited);
		return (int) (tens * 10);
	}

}
