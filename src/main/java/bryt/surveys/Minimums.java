package bryt.surveys;

/**
 * The minimum group sizes of the anonymity engine: how many respondents a figure must
 * cover before it is shown. Scores and exit answers need at least 5 and comments at least
 * 10 by default; a setting may raise any of them but never lower one below
 * {@link #FLOOR}, because a group of four is small enough to guess who said what.
 *
 * @param scores respondents a score figure (distributions, indices, participation of a
 * survey cycle) must cover
 * @param comments respondents a group must have before its comments may be shown
 * @param exits respondents an exit figure (pooled over a rolling 12 months) must cover
 */
public record Minimums(int scores, int comments, int exits) {

	/** No minimum may be configured below this. */
	public static final int FLOOR = 5;

	/** The minimums: 5 for scores, 10 for comments, 5 for exit answers. */
	public static final Minimums DEFAULT = new Minimums(5, 10, 5);

	public Minimums {
		requireFloor("scores", scores);
		requireFloor("comments", comments);
		requireFloor("exits", exits);
	}

	private static void requireFloor(String name, int value) {
		if (value < FLOOR) {
			throw new IllegalArgumentException("The minimum group for " + name + " is " + value
					+ "; it may be raised but never set below " + FLOOR + ".");
		}
	}

}
