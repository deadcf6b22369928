package bryt.surveys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.View;

/**
 * The anonymity engine's decisions for one scope: per view and unit, whether its scores,
 * its comments and each breakdown may be shown. Every output asks the same result.
 */
public final class AnonymityResult {

	private final Map<Long, Integer> units;

	private final Map<String, Integer> views = new HashMap<>();

	private final Map<String, Integer> breakdowns = new HashMap<>();

	private final AnonymityDecision[][] scores;

	private final AnonymityDecision[][] comments;

	private final AnonymityDecision[][][] breakdownDecisions;

	AnonymityResult(AnonymityScope scope, Map<Long, Integer> units, AnonymityDecision[][] scores,
			AnonymityDecision[][] comments, AnonymityDecision[][][] breakdownDecisions) {
		this.units = Map.copyOf(units);
		List<View> viewList = scope.views();
		for (int v = 0; v < viewList.size(); v++) {
			this.views.put(viewList.get(v).key(), v);
		}
		List<Breakdown> breakdownList = scope.breakdowns();
		for (int b = 0; b < breakdownList.size(); b++) {
			this.breakdowns.put(breakdownList.get(b).key(), b);
		}
		this.scores = scores;
		this.comments = comments;
		this.breakdownDecisions = breakdownDecisions;
	}

	/**
	 * Whether the unit's figure (scores, distributions, indices) in the view may be
	 * shown.
	 */
	public AnonymityDecision scores(String view, long unitId) {
		return this.scores[view(view)][unit(unitId)];
	}

	/**
	 * Whether the unit's comments in the view may be shown (after the reviewers' release,
	 * which is decided elsewhere): only where its scores are and it reaches the comment
	 * minimum, with the same rules applied at that minimum.
	 */
	public AnonymityDecision comments(String view, long unitId) {
		return this.comments[view(view)][unit(unitId)];
	}

	/** Whether the unit's breakdown in the view may be shown: all its bands, or none. */
	public AnonymityDecision breakdown(String view, long unitId, String breakdown) {
		Integer b = this.breakdowns.get(breakdown);
		if (b == null) {
			throw new IllegalArgumentException("No breakdown " + breakdown + " in this scope.");
		}
		return this.breakdownDecisions[view(view)][b][unit(unitId)];
	}

	private int view(String key) {
		Integer v = this.views.get(key);
		if (v == null) {
			throw new IllegalArgumentException("No view " + key + " in this scope.");
		}
		return v;
	}

	private int unit(long id) {
		Integer u = this.units.get(id);
		if (u == null) {
			throw new IllegalArgumentException("No unit " + id + " in this scope.");
		}
		return u;
	}

}
