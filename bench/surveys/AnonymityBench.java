import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import bryt.surveys.AnonymityEngine;
import bryt.surveys.AnonymityResult;
import bryt.surveys.AnonymityScope;
import bryt.surveys.AnonymityScope.Breakdown;
import bryt.surveys.AnonymityScope.Dimension;
import bryt.surveys.AnonymityScope.Filter;
import bryt.surveys.AnonymityScope.Kind;
import bryt.surveys.AnonymityScope.Respondents;
import bryt.surveys.AnonymityScope.Unit;
import bryt.surveys.AnonymityScope.View;
import bryt.surveys.Minimums;

/**
 * The benchmark for the anonymity engine alone: a survey with 40,000 invitations
 * over 2,000 units (a tree ten wide and five deep), every rule applied: this cycle and the
 * previous one, a tenure filter, breakdowns by tenure and age, and exits pooled over two
 * overlapping 12-month windows. Prints the time of each run after a warm-up.
 *
 * <p>
 * Usage (from the repository root, after {@code ./mvnw -o -q compile}):
 * {@code java -cp target/classes bench/surveys/AnonymityBench.java [runs]}
 */
public class AnonymityBench {

	private static final List<String> TENURE = List.of("0-2", "3-9", "10+");

	private static final List<String> AGE = List.of("-34", "35-49", "50-");

	public static void main(String[] args) {
		int runs = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		Random random = new Random(2026);
		List<Unit> units = new ArrayList<>();
		units.add(new Unit(1, null));
		for (long id = 2; id <= 2000; id++) {
			units.add(new Unit(id, (id - 2) / 10 + 1));
		}
		List<Respondents> respondents = new ArrayList<>();
		int invited = 0;
		int answered = 0;
		for (Unit unit : units) {
			// 20 invited per unit on average (40,000 in all), about 70 % answer.
			int invitations = random.nextInt(41);
			invited += invitations;
			for (String cycle : List.of("2025", "2026")) {
				for (int i = 0; i < invitations; i++) {
					if (random.nextInt(10) < 7) {
						respondents.add(new Respondents(unit.id(), cycle, TENURE.get(random.nextInt(3)),
								AGE.get(random.nextInt(3)), 1));
						answered += cycle.equals("2026") ? 1 : 0;
					}
				}
			}
			for (int month = 1; month <= 13; month++) {
				if (random.nextInt(12) == 0) {
					respondents.add(new Respondents(unit.id(), "m" + month, TENURE.get(random.nextInt(3)), null, 1));
				}
			}
		}
		List<View> views = List.of(new View("2026", Kind.SCORES, Set.of("2026"), Filter.ANY, true),
				new View("2025", Kind.SCORES, Set.of("2025"), Filter.ANY, true),
				new View("2026-new", Kind.SCORES, Set.of("2026"), new Filter("0-2", null), true),
				new View("exits", Kind.EXITS, months(2, 13), Filter.ANY, true),
				new View("exits-before", Kind.EXITS, months(1, 12), Filter.ANY, true));
		List<Breakdown> breakdowns = List.of(new Breakdown("tenure", Dimension.TENURE, TENURE),
				new Breakdown("age", Dimension.AGE, AGE));
		AnonymityScope scope = AnonymityScope.wholeOrganisation(units, respondents, views, breakdowns);
		AnonymityEngine engine = new AnonymityEngine(Minimums.DEFAULT);
		System.out.printf("%d units, %d invited, %d answered this cycle, %d respondent rows%n", units.size(), invited,
				answered, respondents.size());
		long[] millis = new long[runs];
		AnonymityResult result = null;
		engine.decide(scope);
		for (int run = 0; run < runs; run++) {
			long start = System.nanoTime();
			result = engine.decide(scope);
			millis[run] = (System.nanoTime() - start) / 1_000_000;
		}
		long shown = 0;
		for (Unit unit : units) {
			shown += result.scores("2026", unit.id()).shown() ? 1 : 0;
		}
		Arrays.sort(millis);
		System.out.printf("decide: median %d ms, max %d ms over %d runs (after one warm-up); %d of %d unit figures"
				+ " shown this cycle%n", millis[runs / 2], millis[runs - 1], runs, shown, units.size());
	}

	private static Set<String> months(int from, int to) {
		Set<String> months = new HashSet<>();
		for (int month = from; month <= to; month++) {
			months.add("m" + month);
		}
		return months;
	}

}
