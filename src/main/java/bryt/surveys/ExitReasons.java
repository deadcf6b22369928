package bryt.surveys;

import java.util.ArrayList;
import java.util.List;

/**
 * Why people left (avgångsorsaker, fratrædelsesårsager), pooled over the exit cycles of a
 * window (a rolling 12 months): per reason how many leavers named it, and the answers to
 * "would you come back?". The items are found by kind ({@code reasons}, {@code yes_no}),
 * not by key, so any exit instrument works; a reason is its position in the fixed list.
 *
 * @param leavers responses in the pool
 * @param reasons per reasons item and position, the leavers who named it
 * @param comeBack per yes/no item, the answers
 */
record ExitReasons(int leavers, List<Reason> reasons, List<ComeBack> comeBack) {

	ExitReasons {
		reasons = List.copyOf(reasons);
		comeBack = List.copyOf(comeBack);
	}

	/** The reasons and yes/no answers among a group's distributions. */
	static ExitReasons of(int leavers, List<Distribution> distributions) {
		List<Reason> reasons = new ArrayList<>();
		List<ComeBack> comeBack = new ArrayList<>();
		for (Distribution distribution : distributions) {
			if (distribution.kind().equals("reasons")) {
				for (int position = 0; position < distribution.counts().size(); position++) {
					if (distribution.counts().get(position) > 0) {
						reasons.add(new Reason(distribution.itemKey(), position, distribution.counts().get(position)));
					}
				}
			}
			else if (distribution.kind().equals("yes_no")) {
				comeBack.add(new ComeBack(distribution.itemKey(), distribution.counts().get(1),
						distribution.counts().get(0), distribution.counts().get(2)));
			}
		}
		return new ExitReasons(leavers, reasons, comeBack);
	}

	/**
	 * A reason named.
	 *
	 * @param itemKey the reasons item
	 * @param position the reason's position in the fixed list
	 * @param leavers how many named it
	 */
	record Reason(String itemKey, int position, int leavers) {

	}

	/**
	 * The answers to a yes/no item such as "would you come back?".
	 *
	 * @param itemKey the item
	 * @param yes answered yes (value 1)
	 * @param no answered no (value 0)
	 * @param dontKnow answered don't know (value 2)
	 */
	record ComeBack(String itemKey, int yes, int no, int dontKnow) {

	}

}
