package bryt.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import bryt.shared.time.Quarter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The committee's view within one row (fix14, the outsider's finding 6): no count the
 * view leaves out ("< 3" or hidden), and no rest of a whole and its part that is 1 or 2,
 * can be worked out from what the row shows. The check is a reader of its own, not the
 * rules of {@link SafetyFigures#suppress}: it knows that a "< 3" is 1 or 2 and a hidden
 * count anything from 0, that incidents are the sum of the categories, and that every
 * part is at most its whole (support within 24 hours, serious, acknowledged,
 * notifications required and LVU incidents at most the incidents; on time at most
 * required; two handlers at most LVU). It finds every value each left-out figure can
 * take, and asks for two. A rate or a share of a left-out count must be left out too.
 * Differencing across rows (a parent less its children) is the known limit in
 * docs/safety/figures.md.
 */
class SafetyFiguresSuppressionTests {

	/** The reader's largest value for a hidden count: above any count made here. */
	private static final int BOUND = 40;

	private static final String INCIDENTS = "incidents";

	private static final List<String> CATEGORIES = SafetyFigures.CATEGORIES.stream()
		.map((category) -> "categories." + category)
		.toList();

	/** The wholes and their parts: the rest is not shown and is also a count. */
	private static final List<List<String>> PAIRS = List.of(List.of(INCIDENTS, "supportWithin24Hours"),
			List.of(INCIDENTS, "serious"), List.of(INCIDENTS, "acknowledged"),
			List.of("notificationsRequired", "notificationsOnTime"), List.of("lvuIncidents", "lvuWithTwoHandlers"));

	/** Parts bounded by the incidents whose rest nobody reads (no leak of their own). */
	private static final List<String> BOUNDED = List.of("notificationsRequired", "lvuIncidents");

	@Test
	void noLeftOutFigureOfARowCanBeWorkedOutFromTheRest() {
		qt().withExamples(3000).forAll(integers().between(0, Integer.MAX_VALUE)).checkAssert((seed) -> {
			SafetyFigures.Figures figures = row(new Random(seed));
			assertNothingWorkedOut(figures, SafetyFigures.view(figures, true));
		});
	}

	@Test
	void theOutsidersRowOneCategoryUnderThreeUnderAShownTotal() {
		// 2026-Q3, Placering och uppföljning: one risk observation among 7 incidents
		SafetyFigures.Figures figures = figures(Map.of("THREAT", 4, "HARASSMENT", 2, "RISK_OBSERVATION", 1), 7, 3, 7, 7,
				0, 0, 0, 0);
		SafetyFigures.Shown shown = SafetyFigures.view(figures, true);
		assertThat(shown.incidents()).isEqualTo(7);
		assertThat(shown.isUnderThree("categories.RISK_OBSERVATION")).isTrue();
		// the two under 3 (2 and 1) sum to 3: not both 1 or both 2, so nothing more goes
		assertThat(shown.categories().get("THREAT")).isEqualTo(4);
		assertNothingWorkedOut(figures, shown);

		SafetyFigures.Figures alone = figures(Map.of("THREAT", 4, "HARASSMENT", 3, "RISK_OBSERVATION", 1), 8, 3, 8, 8,
				0, 0, 0, 0);
		SafetyFigures.Shown hidden = SafetyFigures.view(alone, true);
		// one "< 3" alone: the smallest category shown (3 harassments) is hidden with it
		assertThat(hidden.categories().get("HARASSMENT")).isNull();
		assertThat(hidden.isHidden("categories.HARASSMENT")).isTrue();
		assertThat(hidden.isHidden("categoriesPer10Fte.HARASSMENT")).isTrue();
		assertThat(hidden.categories().get("THREAT")).isEqualTo(4);
		assertNothingWorkedOut(alone, hidden);
	}

	@Test
	void fiveCategoriesOfOneUnderTheirTotalAreNotEachOne() {
		// 2026-Q1, Ekonomiskt bistånd: five "< 3" whose rest is 5
		SafetyFigures.Figures figures = figures(Map.of("THREAT", 1, "HARASSMENT", 1, "PHYSICAL_VIOLENCE", 1,
				"NEAR_MISS", 1, "RISK_OBSERVATION", 1, "ONLINE_EXPOSURE", 4), 9, 3, 9, 9, 0, 0, 0, 0);
		SafetyFigures.Shown shown = SafetyFigures.view(figures, true);
		assertThat(shown.categories().get("ONLINE_EXPOSURE")).isNull();
		assertNothingWorkedOut(figures, shown);
	}

	@Test
	void theIncidentsWithoutSupportWithinADayAndTheLateNotificationsAreNotGiven() {
		// Arbetsmarknad Q1: 4 incidents, 3 with support within 24 hours; 4 notifications
		// required, 3 on time
		SafetyFigures.Figures figures = figures(Map.of("THREAT", 4), 4, 4, 4, 3, 4, 3, 0, 0);
		SafetyFigures.Shown shown = SafetyFigures.view(figures, true);
		assertThat(shown.incidents()).isEqualTo(4);
		assertThat(shown.supportWithin24Hours()).isNull();
		assertThat(shown.shareSupportWithin24Hours()).isNull();
		assertThat(shown.isHidden("supportWithin24Hours")).isTrue();
		assertThat(shown.notificationsOnTime()).isNull();
		assertThat(shown.isHidden("notificationsOnTime")).isTrue();
		assertThat(shown.shareNotificationsOnTime()).isNull();
		assertThat(shown.notificationsRequired()).isEqualTo(4);
		assertNothingWorkedOut(figures, shown);
		// the full view leaves nothing out
		SafetyFigures.Shown full = SafetyFigures.view(figures, false);
		assertThat(full.supportWithin24Hours()).isEqualTo(3);
		assertThat(full.hidden()).isEmpty();
	}

	// The reader

	private static void assertNothingWorkedOut(SafetyFigures.Figures figures, SafetyFigures.Shown shown) {
		Map<String, Integer> truth = truth(figures);
		Map<String, Integer> given = given(shown);
		Map<String, List<Integer>> domains = new LinkedHashMap<>();
		for (String key : truth.keySet()) {
			if (given.get(key) != null) {
				domains.put(key, List.of(given.get(key)));
			}
			else if (shown.isUnderThree(key)) {
				domains.put(key, List.of(1, 2));
			}
			else {
				assertThat(shown.isHidden(key)).as("%s is left out without saying so", key).isTrue();
				List<Integer> any = new ArrayList<>();
				for (int value = 0; value <= BOUND; value++) {
					any.add(value);
				}
				domains.put(key, any);
			}
		}
		// a rate or a share gives its count away
		for (String category : SafetyFigures.CATEGORIES) {
			if (given.get("categories." + category) == null) {
				assertThat(shown.categoriesPer10Fte().get(category)).as("rate of %s", category).isNull();
			}
		}
		if (given.get(INCIDENTS) == null) {
			assertThat(shown.incidentsPer10Fte()).isNull();
		}
		assertShareGivesNothing(shown.shareSerious(), given, "serious", INCIDENTS);
		assertShareGivesNothing(shown.shareSupportWithin24Hours(), given, "supportWithin24Hours", INCIDENTS);
		assertShareGivesNothing(shown.shareNotificationsOnTime(), given, "notificationsOnTime",
				"notificationsRequired");

		Map<String, Set<Integer>> possible = new LinkedHashMap<>();
		truth.keySet().forEach((key) -> possible.put(key, new HashSet<>()));
		Map<String, Set<Integer>> rests = new LinkedHashMap<>();
		PAIRS.forEach((pair) -> rests.put(pair.get(0) + "-" + pair.get(1), new HashSet<>()));
		for (int total : domains.get(INCIDENTS)) {
			Map<String, Set<Integer>> found = new LinkedHashMap<>();
			Map<String, Set<Integer>> foundRests = new LinkedHashMap<>();
			if (!categories(total, domains, found)) {
				continue;
			}
			boolean feasible = true;
			for (List<String> pair : PAIRS) {
				feasible &= pair(total, pair.get(0), pair.get(1), domains, found, foundRests);
			}
			for (String key : List.of("overdueActions")) {
				found.put(key, new HashSet<>(domains.get(key)));
			}
			if (!feasible) {
				continue;
			}
			found.put(INCIDENTS, Set.of(total));
			found.forEach((key, values) -> possible.get(key).addAll(values));
			foundRests.forEach((key, values) -> rests.get(key).addAll(values));
		}
		for (String key : truth.keySet()) {
			assertThat(possible.get(key)).as("%s: the true value is possible", key).contains(truth.get(key));
			if (given.get(key) == null) {
				assertThat(possible.get(key))
					.as("%s (true %d) in %s is worked out from the row %s", key, truth.get(key), shown.quarter(), given)
					.hasSizeGreaterThan(1);
			}
		}
		for (List<String> pair : PAIRS) {
			int rest = truth.get(pair.get(0)) - truth.get(pair.get(1));
			if (SafetyFigures.small(rest)) {
				assertThat(rests.get(pair.get(0) + "-" + pair.get(1)))
					.as("%s less %s (true %d) is worked out from the row %s", pair.get(0), pair.get(1), rest, given)
					.hasSizeGreaterThan(1);
			}
		}
	}

	private static void assertShareGivesNothing(Double share, Map<String, Integer> given, String part, String whole) {
		if (share != null) {
			assertThat(given.get(part)).as("a share of %s shown with it left out", part).isNotNull();
			assertThat(given.get(whole)).as("a share of %s shown with it left out", whole).isNotNull();
		}
	}

	/**
	 * The categories' values possible with the incidents at {@code total}; false when
	 * none.
	 */
	private static boolean categories(int total, Map<String, List<Integer>> domains, Map<String, Set<Integer>> found) {
		int n = CATEGORIES.size();
		// prefix[i]: sums reachable by categories 0..i-1; suffix[i]: by i..n-1
		boolean[][] prefix = new boolean[n + 1][total + 1];
		boolean[][] suffix = new boolean[n + 2][total + 1];
		prefix[0][0] = true;
		for (int i = 0; i < n; i++) {
			for (int sum = 0; sum <= total; sum++) {
				if (prefix[i][sum]) {
					for (int value : domains.get(CATEGORIES.get(i))) {
						if (sum + value <= total) {
							prefix[i + 1][sum + value] = true;
						}
					}
				}
			}
		}
		suffix[n][0] = true;
		for (int i = n - 1; i >= 0; i--) {
			for (int sum = 0; sum <= total; sum++) {
				if (suffix[i + 1][sum]) {
					for (int value : domains.get(CATEGORIES.get(i))) {
						if (sum + value <= total) {
							suffix[i][sum + value] = true;
						}
					}
				}
			}
		}
		if (!prefix[n][total]) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			Set<Integer> values = new HashSet<>();
			for (int value : domains.get(CATEGORIES.get(i))) {
				if (value > total) {
					continue;
				}
				int rest = total - value;
				for (int before = 0; before <= rest; before++) {
					if (prefix[i][before] && suffix[i + 1][rest - before]) {
						values.add(value);
						break;
					}
				}
			}
			found.put(CATEGORIES.get(i), values);
		}
		return true;
	}

	/**
	 * A whole and its part with the incidents at {@code total}; false when impossible.
	 */
	private static boolean pair(int total, String whole, String part, Map<String, List<Integer>> domains,
			Map<String, Set<Integer>> found, Map<String, Set<Integer>> rests) {
		List<Integer> wholes = whole.equals(INCIDENTS) ? List.of(total) : domains.get(whole);
		Set<Integer> wholeValues = new HashSet<>();
		Set<Integer> partValues = new HashSet<>();
		Set<Integer> restValues = new HashSet<>();
		for (int w : wholes) {
			if (BOUNDED.contains(whole) && w > total) {
				continue;
			}
			for (int p : domains.get(part)) {
				if (p <= w) {
					wholeValues.add(w);
					partValues.add(p);
					restValues.add(w - p);
				}
			}
		}
		if (partValues.isEmpty()) {
			return false;
		}
		if (!whole.equals(INCIDENTS)) {
			found.merge(whole, wholeValues, SafetyFiguresSuppressionTests::intersection);
		}
		found.merge(part, partValues, SafetyFiguresSuppressionTests::intersection);
		rests.put(whole + "-" + part, restValues);
		return true;
	}

	private static Set<Integer> intersection(Set<Integer> a, Set<Integer> b) {
		Set<Integer> both = new HashSet<>(a);
		both.retainAll(b);
		return both;
	}

	private static Map<String, Integer> truth(SafetyFigures.Figures figures) {
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put(INCIDENTS, figures.incidents());
		figures.categories().forEach((category, count) -> values.put("categories." + category, count));
		values.put("serious", figures.serious());
		values.put("notificationsRequired", figures.notificationsRequired());
		values.put("notificationsOnTime", figures.notificationsOnTime());
		values.put("acknowledged", figures.acknowledged());
		values.put("supportWithin24Hours", figures.supportWithin24Hours());
		values.put("overdueActions", figures.overdueActions());
		values.put("lvuIncidents", figures.lvuIncidents());
		values.put("lvuWithTwoHandlers", figures.lvuWithTwoHandlers());
		return values;
	}

	private static Map<String, Integer> given(SafetyFigures.Shown shown) {
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put(INCIDENTS, shown.incidents());
		shown.categories().forEach((category, count) -> values.put("categories." + category, count));
		values.put("serious", shown.serious());
		values.put("notificationsRequired", shown.notificationsRequired());
		values.put("notificationsOnTime", shown.notificationsOnTime());
		values.put("acknowledged", shown.acknowledged());
		values.put("supportWithin24Hours", shown.supportWithin24Hours());
		values.put("overdueActions", shown.overdueActions());
		values.put("lvuIncidents", shown.lvuIncidents());
		values.put("lvuWithTwoHandlers", shown.lvuWithTwoHandlers());
		return values;
	}

	/**
	 * A row as a quarter of a unit may have it: mostly few incidents over a few
	 * categories, so that ones and twos are common.
	 */
	private static SafetyFigures.Figures row(Random random) {
		int incidents = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(16);
		int spread = 1 + random.nextInt(SafetyFigures.CATEGORIES.size());
		Map<String, Integer> categories = new LinkedHashMap<>();
		for (int i = 0; i < incidents; i++) {
			categories.merge(SafetyFigures.CATEGORIES.get(random.nextInt(spread)), 1, Integer::sum);
		}
		int required = upTo(random, incidents);
		int lvu = upTo(random, incidents);
		return figures(categories, incidents, upTo(random, incidents), upTo(random, incidents), upTo(random, incidents),
				required, upTo(random, required), lvu, upTo(random, lvu));
	}

	/** Often all or none, else anything between. */
	private static int upTo(Random random, int whole) {
		return switch (random.nextInt(4)) {
			case 0 -> whole;
			case 1 -> Math.max(0, whole - 1 - random.nextInt(2));
			default -> random.nextInt(whole + 1);
		};
	}

	private static SafetyFigures.Figures figures(Map<String, Integer> some, int incidents, int serious,
			int acknowledged, int supported, int required, int onTime, int lvu, int lvuTwo) {
		Map<String, Integer> categories = new LinkedHashMap<>();
		SafetyFigures.CATEGORIES.forEach((category) -> categories.put(category, some.getOrDefault(category, 0)));
		assertThat(categories.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(incidents);
		return new SafetyFigures.Figures(7, "U", "Unit", null, new Quarter(2026, 3), 4.5, incidents, categories,
				serious, required, onTime, acknowledged, (acknowledged > 0) ? 5.0 : null, supported, 1, lvu, lvuTwo, 0);
	}

}
