package bryt.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.Dimension;
import bryt.surveys.AnonymityScope.Filter;
import bryt.surveys.AnonymityScope.Kind;
import bryt.surveys.AnonymityScope.Respondents;
import bryt.surveys.AnonymityScope.Unit;
import bryt.surveys.AnonymityScope.View;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The differencing attack as properties over random organisations: unit trees of depth 1
 * to 4 with 1 to 40 units and 0 to 30 respondents per unit and period, random viewer
 * scopes (the committee's whole organisation, or a union's units and what lies below
 * them), views over overlapping windows of periods with and without filters, breakdowns
 * by tenure and age. Whatever the engine shows, {@link AnonymityAttack} derives nothing
 * of fewer than the minimum respondents.
 */
class AnonymityDifferencingTests {

	private static final AnonymityEngine ENGINE = new AnonymityEngine(Minimums.DEFAULT);

	private static final List<String> PERIODS = List.of("p1", "p2", "p3", "p4");

	private static final List<String> TENURE = List.of("t-new", "t-old");

	private static final List<String> AGE = List.of("a-young", "a-older");

	@Test
	void noDifferenceOfShownFiguresRevealsASmallGroup() {
		qt().withExamples(300).forAll(organisations()).checkAssert((scenario) -> {
			AnonymityResult result = ENGINE.decide(scenario);
			AnonymityAttack.assertNothingBelowTheMinimum(scenario, result, Minimums.DEFAULT.scores());
		});
	}

	@Test
	void largeGroupsAreAllShown() {
		// Every unit with 10 to 30 respondents of its own in one closed cycle: whatever
		// is
		// subtracted, at least 10 remain, so an engine that hides more than the minimum
		// rule asks for fails here.
		qt().withExamples(200).forAll(trees(), integers().between(0, Integer.MAX_VALUE)).checkAssert((tree, seed) -> {
			java.util.Random random = new java.util.Random(seed);
			List<Respondents> respondents = new ArrayList<>();
			for (Unit unit : tree) {
				respondents.add(new Respondents(unit.id(), "p1", null, null, 10 + random.nextInt(21)));
			}
			View cycle = new View("cycle", Kind.SCORES, Set.of("p1"), Filter.ANY, true);
			AnonymityResult result = ENGINE
				.decide(AnonymityScope.wholeOrganisation(tree, respondents, List.of(cycle), List.of()));
			for (Unit unit : tree) {
				assertThat(result.scores("cycle", unit.id()).shown()).as("unit %d", unit.id()).isTrue();
				assertThat(result.comments("cycle", unit.id()).shown()).as("comments of unit %d", unit.id()).isTrue();
			}
		});
	}

	@Test
	void theAttackerFindsWhatAMinimumOnlyRuleLeaks() {
		// The attacker has teeth: against decisions that apply only the minimum (parent
		// 13 =
		// A 10 + B 3, A shown) it finds parent − A = 3.
		List<Unit> tree = List.of(new Unit(1, null), new Unit(2, 1L), new Unit(3, 1L));
		List<Respondents> respondents = List.of(new Respondents(2, "p1", null, null, 10),
				new Respondents(3, "p1", null, null, 3));
		View cycle = new View("cycle", Kind.SCORES, Set.of("p1"), Filter.ANY, true);
		AnonymityScope scope = AnonymityScope.wholeOrganisation(tree, respondents, List.of(cycle), List.of());
		AnonymityResult minimumOnly = new AnonymityResult(scope, java.util.Map.of(1L, 0, 2L, 1, 3L, 2),
				new AnonymityDecision[][] { { AnonymityDecision.shownFigure(), AnonymityDecision.shownFigure(),
						AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM) } },
				new AnonymityDecision[][] { { AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM),
						AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM),
						AnonymityDecision.hidden(AnonymityReason.BELOW_MINIMUM) } },
				new AnonymityDecision[1][0][]);
		assertThat(AnonymityAttack.findings(scope, minimumOnly, 5, false)).contains("leaves 3 respondents");
		assertThat(AnonymityAttack.findings(scope, ENGINE.decide(scope), 5, false)).isNull();
	}

	/** A random organisation and viewer, with its views and breakdowns. */
	private static Gen<AnonymityScope> organisations() {
		Gen<AnonymityScope> organisations = (in) -> {
			List<Unit> units = trees().generate(in);
			List<Respondents> respondents = new ArrayList<>();
			for (Unit unit : units) {
				for (String period : PERIODS) {
					int count = pick(in, 0, 30);
					// Split the unit's respondents over one to three combinations of
					// bands, an
					// unknown band included.
					int parts = pick(in, 1, 3);
					for (int part = 0; part < parts && count > 0; part++) {
						int share = (part == parts - 1) ? count : pick(in, 0, count);
						count -= share;
						String tenure = (pick(in, 0, 4) == 0) ? null : TENURE.get(pick(in, 0, 1));
						String age = (pick(in, 0, 4) == 0) ? null : AGE.get(pick(in, 0, 1));
						if (share > 0) {
							respondents.add(new Respondents(unit.id(), period, tenure, age, share));
						}
					}
				}
			}
			List<View> views = new ArrayList<>();
			int viewCount = pick(in, 1, 4);
			for (int v = 0; v < viewCount; v++) {
				int from = pick(in, 0, PERIODS.size() - 1);
				int to = pick(in, from, PERIODS.size() - 1);
				Filter filter = switch (pick(in, 0, 3)) {
					case 0 -> new Filter(TENURE.get(pick(in, 0, 1)), null);
					case 1 -> new Filter(null, AGE.get(pick(in, 0, 1)));
					default -> Filter.ANY;
				};
				Kind kind = (pick(in, 0, 1) == 0) ? Kind.SCORES : Kind.EXITS;
				boolean closed = pick(in, 0, 9) > 0;
				views.add(new View("v" + v, kind, new HashSet<>(PERIODS.subList(from, to + 1)), filter, closed));
			}
			List<Breakdown> breakdowns = new ArrayList<>();
			if (pick(in, 0, 1) == 1) {
				breakdowns.add(new Breakdown("tenure", Dimension.TENURE, TENURE));
			}
			if (pick(in, 0, 1) == 1) {
				breakdowns.add(new Breakdown("age", Dimension.AGE, AGE));
			}
			Set<Long> visible = new HashSet<>();
			if (pick(in, 0, 1) == 0) {
				units.forEach((unit) -> visible.add(unit.id()));
			}
			else {
				// A union: some units it represents, and everything below them.
				for (Unit unit : units) {
					boolean represented = pick(in, 0, 2) == 0;
					if (represented || (unit.parentId() != null && visible.contains(unit.parentId()))) {
						visible.add(unit.id());
					}
				}
			}
			return new AnonymityScope(units, visible, respondents, views, breakdowns);
		};
		return organisations.describedAs(AnonymityDifferencingTests::describe);
	}

	/** A falsifying example in a line per part rather than the records' long form. */
	private static String describe(AnonymityScope scope) {
		StringBuilder text = new StringBuilder("\nunits (id<parent):");
		scope.units().forEach((unit) -> text.append(' ').append(unit.id()).append('<').append(unit.parentId()));
		text.append("\nvisible: ").append(new java.util.TreeSet<>(scope.visible()));
		text.append("\nrespondents (unit period tenure age count):");
		scope.respondents()
			.forEach((row) -> text.append("\n  ")
				.append(String.join(" ", row.unitId() + "", row.period(), row.tenureBand() + "", row.ageBand() + "",
						row.count() + "")));
		text.append("\nviews:");
		scope.views()
			.forEach((view) -> text.append("\n  ")
				.append(String.join(" ", view.key(), view.kind().name(), new java.util.TreeSet<>(view.periods()) + "",
						view.filter() + "", view.closed() ? "closed" : "open")));
		text.append("\nbreakdowns: ").append(scope.breakdowns().stream().map(Breakdown::key).toList());
		return text.toString();
	}

	/** 1 to 40 units, depth 1 to 4, parents listed before their children. */
	private static Gen<List<Unit>> trees() {
		return (in) -> {
			int size = pick(in, 1, 40);
			int maxDepth = pick(in, 1, 4);
			List<Unit> units = new ArrayList<>();
			List<Integer> depth = new ArrayList<>();
			units.add(new Unit(1, null));
			depth.add(1);
			for (int i = 1; i < size; i++) {
				int parent = pick(in, 0, i - 1);
				while (depth.get(parent) >= maxDepth) {
					parent = pick(in, 0, i - 1);
					if (maxDepth == 1) {
						break;
					}
				}
				if (maxDepth == 1) {
					units.add(new Unit(i + 1, null));
					depth.add(1);
				}
				else {
					units.add(new Unit(i + 1, units.get(parent).id()));
					depth.add(depth.get(parent) + 1);
				}
			}
			return units;
		};
	}

	private static int pick(RandomnessSource in, int from, int to) {
		return integers().between(from, to).generate(in);
	}

}
