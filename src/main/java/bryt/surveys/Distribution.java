package bryt.surveys;

import java.util.List;

/**
 * The answers to one item in one group: how many responses gave each value, for a stacked
 * bar. For a scale item the values are the scale's points in order; for the recommend
 * item 0–10; for a yes/no item 0 no, 1 yes, 2 don't know; for the leaving reasons each
 * reason's position in the fixed list, where one response may name several.
 *
 * @param itemKey the item
 * @param areaKey its area
 * @param kind the item's kind ({@code survey_item.kind})
 * @param counts responses per value, one entry per possible value
 * @param answered responses that answered the item at all (for reasons, fewer than the
 * sum of the counts when someone named several)
 */
record Distribution(String itemKey, String areaKey, String kind, List<Integer> counts, int answered) {

	Distribution {
		counts = List.copyOf(counts);
		for (int count : counts) {
			if (count < 0 || count > answered) {
				throw new IllegalArgumentException(
						"a value's count " + count + " is not between 0 and the " + answered + " answers");
			}
		}
	}

	/** How many possible values an item of this kind has, {@code points} for a scale. */
	static int values(String kind, Integer points) {
		return switch (kind) {
			case "scale" -> points;
			case "yes_no" -> 3;
			// the fixed list of leaving reasons (ten), not the 0–10 of a recommend item
			case "reasons" -> AnswerItem.REASONS.size();
			default -> 11;
		};
	}

	/**
	 * The share of the answers that gave a value, 0–1; {@code null} when nobody answered.
	 */
	Double share(int value) {
		return (this.answered == 0) ? null : this.counts.get(value) / (double) this.answered;
	}

}
