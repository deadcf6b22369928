package bryt.surveys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.Dimension;
import bryt.surveys.AnonymityScope.Filter;
import bryt.surveys.AnonymityScope.Kind;
import bryt.surveys.AnonymityScope.Respondents;
import bryt.surveys.AnonymityScope.Unit;
import bryt.surveys.AnonymityScope.View;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A correctness check at the size of the issue's benchmark: 2,000 units (a tree ten wide
 * and five deep) and about 40,000 invitations. No timing here: bench/surveys times it.
 */
class AnonymityLargeTreeTests {

	private static final AnonymityEngine ENGINE = new AnonymityEngine(Minimums.DEFAULT);

	private static final List<String> TENURE = List.of("0-2", "3-9", "10+");

	private static final List<String> AGE = List.of("-34", "35-49", "50-");

	@Test
	void twoThousandUnitsOfTwentyShowEverything() {
		// Every unit has 20 of its own: every remainder is at least 20.
		List<Unit> units = tree(2000);
		List<Respondents> respondents = new ArrayList<>();
		units.forEach((unit) -> respondents.add(new Respondents(unit.id(), "2026", null, null, 20)));
		View cycle = new View("2026", Kind.SCORES, Set.of("2026"), Filter.ANY, true);
		AnonymityResult result = ENGINE
			.decide(AnonymityScope.wholeOrganisation(units, respondents, List.of(cycle), List.of()));
		assertThat(units).allSatisfy((unit) -> {
			assertThat(result.scores("2026", unit.id()).shown()).isTrue();
			assertThat(result.comments("2026", unit.id()).shown()).isTrue();
		});
	}

	@Test
	void twoThousandUnitsOfAnySizeLeaveNoSmallRegion() {
		// 0 to 30 respondents per unit and cycle, spread over tenure and age bands; two
		// cycles, a tenure filter and both breakdowns, as the committee sees them.
		List<Unit> units = tree(2000);
		Random random = new Random(13);
		List<Respondents> respondents = new ArrayList<>();
		for (Unit unit : units) {
			for (String cycle : List.of("2025", "2026")) {
				int count = random.nextInt(31);
				while (count > 0) {
					int share = 1 + random.nextInt(count);
					respondents.add(new Respondents(unit.id(), cycle, TENURE.get(random.nextInt(3)),
							AGE.get(random.nextInt(3)), share));
					count -= share;
				}
			}
		}
		List<View> views = List.of(new View("2026", Kind.SCORES, Set.of("2026"), Filter.ANY, true),
				new View("2025", Kind.SCORES, Set.of("2025"), Filter.ANY, true),
				new View("2026-new", Kind.SCORES, Set.of("2026"), new Filter("0-2", null), true));
		List<Breakdown> breakdowns = List.of(new Breakdown("tenure", Dimension.TENURE, TENURE),
				new Breakdown("age", Dimension.AGE, AGE));
		AnonymityScope scope = AnonymityScope.wholeOrganisation(units, respondents, views, breakdowns);
		AnonymityResult result = ENGINE.decide(scope);

		Map<String, Integer> regions = regions(scope, result);
		assertThat(regions).allSatisfy((region, size) -> assertThat(size).as(region).isGreaterThanOrEqualTo(5));
		long shown = units.stream().filter((unit) -> result.scores("2026", unit.id()).shown()).count();
		// Most units of 0–30 reach 5; not everything is hidden, not everything shown.
		assertThat(shown).isBetween(1000L, 1999L);
	}

	/** Unit 1 the root, unit i's parent (i − 2) / 10 + 1: ten wide, five deep. */
	private static List<Unit> tree(int size) {
		List<Unit> units = new ArrayList<>();
		units.add(new Unit(1, null));
		for (long id = 2; id <= size; id++) {
			units.add(new Unit(id, (id - 2) / 10 + 1));
		}
		return units;
	}

	/**
	 * The respondents by the exact set of shown figures that cover them (every derivable
	 * set is a union of these), counted the simple way: each row walks its ancestors.
	 */
	private static Map<String, Integer> regions(AnonymityScope scope, AnonymityResult result) {
		Map<Long, Long> parents = new HashMap<>();
		scope.units().forEach((unit) -> parents.put(unit.id(), unit.parentId()));
		Map<String, Integer> regions = new HashMap<>();
		for (Respondents row : scope.respondents()) {
			Set<String> around = new HashSet<>();
			for (Long unit = row.unitId(); unit != null; unit = parents.get(unit)) {
				for (View view : scope.views()) {
					boolean in = view.periods().contains(row.period()) && (view.filter().tenureBand() == null
							|| view.filter().tenureBand().equals(row.tenureBand()));
					if (!in || !result.scores(view.key(), unit).shown()) {
						continue;
					}
					around.add(view.key() + "@" + unit);
					for (Breakdown breakdown : scope.breakdowns()) {
						if (result.breakdown(view.key(), unit, breakdown.key()).shown()) {
							String band = (breakdown.dimension() == Dimension.TENURE) ? row.tenureBand()
									: row.ageBand();
							around.add(view.key() + "@" + unit + "/" + band);
						}
					}
				}
			}
			if (!around.isEmpty()) {
				regions.merge(new java.util.TreeSet<>(around).toString(), row.count(), Integer::sum);
			}
		}
		return regions;
	}

}
