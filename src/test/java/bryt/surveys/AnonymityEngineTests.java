package bryt.surveys;

import java.util.ArrayList;
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

import static bryt.surveys.AnonymityReason.BELOW_MINIMUM;
import static bryt.surveys.AnonymityReason.BREAKDOWN;
import static bryt.surveys.AnonymityReason.COMPLEMENTARY;
import static bryt.surveys.AnonymityReason.NOT_CLOSED;
import static bryt.surveys.AnonymityReason.NOT_IN_SCOPE;
import static bryt.surveys.AnonymityReason.OVERLAP;
import static bryt.surveys.AnonymityReason.ROLLED_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The anonymity engine against hand-computed cases, each rule alone and then together.
 * Units are numbered: 1 is the root, 10, 20, 30 its children, 11, 12 … theirs.
 */
class AnonymityEngineTests {

	private static final AnonymityEngine ENGINE = new AnonymityEngine(Minimums.DEFAULT);

	private static final View CYCLE = new View("2026", Kind.SCORES, Set.of("2026"), Filter.ANY, true);

	private final List<Unit> units = new ArrayList<>();

	private final List<Respondents> respondents = new ArrayList<>();

	@Test
	void minimumsRefuseAnythingBelowFive() {
		assertThat(Minimums.DEFAULT).isEqualTo(new Minimums(5, 10, 5));
		assertThat(new Minimums(5, 5, 5).comments()).isEqualTo(5);
		assertThat(new Minimums(8, 12, 6).scores()).isEqualTo(8);
		assertThatIllegalArgumentException().isThrownBy(() -> new Minimums(4, 10, 5))
			.withMessageContaining("scores is 4")
			.withMessageContaining("never set below 5");
		assertThatIllegalArgumentException().isThrownBy(() -> new Minimums(5, 4, 5)).withMessageContaining("comments");
		assertThatIllegalArgumentException().isThrownBy(() -> new Minimums(5, 10, 3)).withMessageContaining("exits");
	}

	@Test
	void aGroupBelowTheMinimumIsHiddenAndOneAtItIsShown() {
		// Two roots, no parent to subtract from: 4 < 5 hidden, 5 = 5 shown.
		unit(1, null, 4);
		unit(2, null, 5);
		AnonymityResult result = decide(CYCLE);
		assertHidden(result.scores("2026", 1), BELOW_MINIMUM);
		assertThat(result.scores("2026", 2).shown()).isTrue();
	}

	@Test
	void aSiblingIsHiddenWithTheSmallGroupSoTheParentRevealsNothing() {
		// parent 23 = A 12 + B 7 + C 4; C < 5 hidden; complementary: B (7), the next
		// smallest, hidden too; hidden 4 + 7 = 11 ≥ 5; parent − A = 11 reveals no one.
		unit(1, null, 0);
		unit(10, 1, 12);
		unit(20, 1, 7);
		unit(30, 1, 4);
		AnonymityResult result = decide(CYCLE);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertHidden(result.scores("2026", 20), COMPLEMENTARY);
		assertHidden(result.scores("2026", 30), BELOW_MINIMUM);
	}

	@Test
	void theParentsOwnRespondentsCountAsWhatASubtractionWouldReveal() {
		// parent 23 = own 3 + A 10 + B 10; parent − A − B = 3 < 5; A and B tie at 10, the
		// lower id (A) is hidden: parent − B = 13 ≥ 5.
		unit(1, null, 3);
		unit(10, 1, 10);
		unit(20, 1, 10);
		AnonymityResult result = decide(CYCLE);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.scores("2026", 10), COMPLEMENTARY);
		assertThat(result.scores("2026", 20).shown()).isTrue();
	}

	@Test
	void complementarySuppressionClimbsTheTree() {
		// root 30 = P 4 (its sections 11: 2, 12: 2) + Q 20 + S 6.
		// 11, 12 (2 each) hidden; P = 4 < 5 hidden; nothing shown under P.
		// Root: 30 − Q 20 − S 6 = 4 < 5: S (6, the smallest shown) hidden too;
		// root − Q = 10 ≥ 5.
		unit(1, null, 0);
		unit(10, 1, 0);
		unit(11, 10, 2);
		unit(12, 10, 2);
		unit(20, 1, 20);
		unit(30, 1, 6);
		AnonymityResult result = decide(CYCLE);
		assertHidden(result.scores("2026", 11), BELOW_MINIMUM);
		assertHidden(result.scores("2026", 12), BELOW_MINIMUM);
		assertHidden(result.scores("2026", 10), BELOW_MINIMUM);
		assertHidden(result.scores("2026", 30), COMPLEMENTARY);
		assertThat(result.scores("2026", 20).shown()).isTrue();
		assertThat(result.scores("2026", 1).shown()).isTrue();
	}

	@Test
	void aHiddenUnitsOwnSubUnitsStandInForIt() {
		// root 40 = P 14 (own 3, sections 11: 5, 12: 6) + Q 26.
		// Under P: 14 − 5 − 6 = 3 < 5: section 11 (5) hidden; P − 12 = 8 ≥ 5.
		// Root: 40 − P 14 − Q 26 = 0: nothing to hide.
		unit(1, null, 0);
		unit(10, 1, 3);
		unit(11, 10, 5);
		unit(12, 10, 6);
		unit(20, 1, 26);
		AnonymityResult result = decide(CYCLE);
		assertHidden(result.scores("2026", 11), COMPLEMENTARY);
		assertThat(result.scores("2026", 12).shown()).isTrue();
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertThat(result.scores("2026", 1).shown()).isTrue();
	}

	@Test
	void aFilteredFigureCloseToTheWholeIsHidden() {
		// Unit 1: 8 with tenure 0-2, 2 with 10+. Unfiltered 10, tenure 0-2 8: they differ
		// by 2 < 5; the smaller (the filtered 8) is hidden.
		units.add(new Unit(1, null));
		respondents.add(new Respondents(1, "2026", "0-2", null, 8));
		respondents.add(new Respondents(1, "2026", "10+", null, 2));
		View recent = new View("2026-recent", Kind.SCORES, Set.of("2026"), new Filter("0-2", null), true);
		AnonymityResult result = decide(CYCLE, recent);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.scores("2026-recent", 1), OVERLAP);
	}

	@Test
	void aFilterAboveAUnitGoesBeforeTheUnitsOwnFigure() {
		// P 32 = A 12 (9 new, 3 not) + B 20 (10 new, 10 not). Views: all, then new staff.
		// Complementary: P − A − B = 0 in both views.
		// Same unit: A all 12 minus A new 9 = 3 < 5: the smaller, A new, hidden.
		// A unit against a larger unit: A all 12 minus P new 19 = A's 3 not new < 5; the
		// later view's figure, P new, is hidden (not A's own 12, though it is smaller).
		// B: 20 − 10 = 10 and 19 − 10 = 9, fine. P all 32 − P new 19 = 13, fine.
		units.add(new Unit(1, null));
		units.add(new Unit(10, 1L));
		units.add(new Unit(20, 1L));
		respondents.add(new Respondents(10, "2026", "new", null, 9));
		respondents.add(new Respondents(10, "2026", "old", null, 3));
		respondents.add(new Respondents(20, "2026", "new", null, 10));
		respondents.add(new Respondents(20, "2026", "old", null, 10));
		View recent = new View("new", Kind.SCORES, Set.of("2026"), new Filter("new", null), true);
		AnonymityResult result = decide(CYCLE, recent);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertThat(result.scores("2026", 20).shown()).isTrue();
		assertHidden(result.scores("new", 10), OVERLAP);
		assertHidden(result.scores("new", 1), OVERLAP);
		assertThat(result.scores("new", 20).shown()).isTrue();
		AnonymityAttack.assertNothingBelowTheMinimum(scope(List.of(CYCLE, recent), List.of()), result, 5);
	}

	@Test
	void twoPooledWindowsThatDifferByOneLeaverShowOnlyTheLarger() {
		// Exits of unit 1: one leaver in month 1, 10 in each of months 2–12, 6 in month
		// 13.
		// Window 1–12: 1 + 110 = 111; window 2–13: 110 + 6 = 116. Window 1–12 minus
		// window
		// 2–13 is {month 1} − {month 13}: month 1 has 1 < 5, so the smaller (111) is
		// hidden.
		units.add(new Unit(1, null));
		respondents.add(new Respondents(1, "m01", null, null, 1));
		for (int month = 2; month <= 12; month++) {
			respondents.add(new Respondents(1, "m%02d".formatted(month), null, null, 10));
		}
		respondents.add(new Respondents(1, "m13", null, null, 6));
		View first = new View("first", Kind.EXITS, months(1, 12), Filter.ANY, true);
		View second = new View("second", Kind.EXITS, months(2, 13), Filter.ANY, true);
		AnonymityResult result = decide(first, second);
		assertHidden(result.scores("first", 1), OVERLAP);
		assertThat(result.scores("second", 1).shown()).isTrue();
	}

	@Test
	void separateCyclesDoNotOverlap() {
		// 2025: 6, 2026: 7: different respondents, no set is inside the other; both
		// shown.
		units.add(new Unit(1, null));
		respondents.add(new Respondents(1, "2025", null, null, 6));
		respondents.add(new Respondents(1, "2026", null, null, 7));
		View previous = new View("2025", Kind.SCORES, Set.of("2025"), Filter.ANY, true);
		AnonymityResult result = decide(CYCLE, previous);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertThat(result.scores("2025", 1).shown()).isTrue();
	}

	@Test
	void aBreakdownIsShownOnlyWhenEveryBandReachesTheMinimum() {
		// Unit 1: tenure 0-2: 5, 3-9: 6, 10+: 4 (15): the 10+ band < 5, the whole
		// breakdown
		// hidden; the unit's own figure (15) shown. Unit 2: 5, 5, 5: shown.
		units.add(new Unit(1, null));
		units.add(new Unit(2, null));
		respondents.add(new Respondents(1, "2026", "0-2", null, 5));
		respondents.add(new Respondents(1, "2026", "3-9", null, 6));
		respondents.add(new Respondents(1, "2026", "10+", null, 4));
		respondents.add(new Respondents(2, "2026", "0-2", null, 5));
		respondents.add(new Respondents(2, "2026", "3-9", null, 5));
		respondents.add(new Respondents(2, "2026", "10+", null, 5));
		Breakdown tenure = new Breakdown("tenure", Dimension.TENURE, List.of("0-2", "3-9", "10+"));
		AnonymityResult result = decide(List.of(CYCLE), List.of(tenure));
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.breakdown("2026", 1, "tenure"), BREAKDOWN);
		assertThat(result.scores("2026", 2).shown()).isTrue();
		assertThat(result.breakdown("2026", 2, "tenure").shown()).isTrue();
	}

	@Test
	void aBreakdownThatLeavesAFewUnknownBandsIsHiddenRatherThanTheFigure() {
		// Unit 1: 5 + 5 + 5 in the bands and 2 with no known tenure (17). All bands reach
		// 5,
		// but 17 − 15 = 2 would be revealed: the breakdown goes (the smaller loss), the
		// figure stays.
		units.add(new Unit(1, null));
		respondents.add(new Respondents(1, "2026", "0-2", null, 5));
		respondents.add(new Respondents(1, "2026", "3-9", null, 5));
		respondents.add(new Respondents(1, "2026", "10+", null, 5));
		respondents.add(new Respondents(1, "2026", null, null, 2));
		Breakdown tenure = new Breakdown("tenure", Dimension.TENURE, List.of("0-2", "3-9", "10+"));
		AnonymityResult result = decide(List.of(CYCLE), List.of(tenure));
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.breakdown("2026", 1, "tenure"), OVERLAP);
	}

	@Test
	void aBreakdownAboveASubUnitWithASmallBandIsHidden() {
		// P 29 = A 15 (tenure 5, 5, 5) + B 14 (6, 6, 2). A's breakdown shown; B's hidden
		// (2 < 5). P's bands 11, 11, 7 all reach 5, but B's two in 10+ are exactly those
		// in B and in P's 10+ band and not in A: P's breakdown is hidden as well. The
		// figures themselves (29, 15, 14; P − A − B = 0) are all shown.
		units.add(new Unit(1, null));
		units.add(new Unit(10, 1L));
		units.add(new Unit(20, 1L));
		respondents.add(new Respondents(10, "2026", "0-2", null, 5));
		respondents.add(new Respondents(10, "2026", "3-9", null, 5));
		respondents.add(new Respondents(10, "2026", "10+", null, 5));
		respondents.add(new Respondents(20, "2026", "0-2", null, 6));
		respondents.add(new Respondents(20, "2026", "3-9", null, 6));
		respondents.add(new Respondents(20, "2026", "10+", null, 2));
		Breakdown tenure = new Breakdown("tenure", Dimension.TENURE, List.of("0-2", "3-9", "10+"));
		AnonymityResult result = decide(List.of(CYCLE), List.of(tenure));
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertThat(result.scores("2026", 20).shown()).isTrue();
		assertThat(result.breakdown("2026", 10, "tenure").shown()).isTrue();
		assertHidden(result.breakdown("2026", 20, "tenure"), BREAKDOWN);
		assertHidden(result.breakdown("2026", 1, "tenure"), BREAKDOWN);
		AnonymityAttack.assertNothingBelowTheMinimum(scope(List.of(CYCLE), List.of(tenure)), result, 5);
	}

	@Test
	void nothingOfAnOpenCycleIsShown() {
		unit(1, null, 40);
		View open = new View("open", Kind.SCORES, Set.of("2026"), Filter.ANY, false);
		AnonymityResult result = decide(open);
		assertHidden(result.scores("open", 1), NOT_CLOSED);
		assertHidden(result.comments("open", 1), NOT_CLOSED);
	}

	@Test
	void exitsOfASmallUnitAreRolledUpToTheUnitThatCountsThem() {
		// Exits over 12 months: P 11 = A 3 + B 8. A < 5 rolled up (counted in P);
		// complementary: P − B = 3 < 5, so B (8) hidden too; P shown.
		units.add(new Unit(1, null));
		units.add(new Unit(10, 1L));
		units.add(new Unit(20, 1L));
		respondents.add(new Respondents(10, "m03", null, null, 3));
		respondents.add(new Respondents(20, "m07", null, null, 8));
		View exits = new View("exits", Kind.EXITS, months(1, 12), Filter.ANY, true);
		AnonymityResult result = decide(exits);
		assertThat(result.scores("exits", 1).shown()).isTrue();
		assertThat(result.scores("exits", 10)).isEqualTo(AnonymityDecision.rolledUpTo(1));
		assertHidden(result.scores("exits", 20), COMPLEMENTARY);
	}

	@Test
	void commentsNeedTheCommentMinimumWithTheSameRules() {
		// P 25 = A 9 + B 16: scores all shown (9 and 16 ≥ 5, 25 − 9 − 16 = 0).
		// Comments at 10: A (9) hidden; P − B = 9 < 10, so B's comments hidden too; P's
		// comments (25) shown.
		unit(1, null, 0);
		unit(10, 1, 9);
		unit(20, 1, 16);
		AnonymityResult result = decide(CYCLE);
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertThat(result.scores("2026", 20).shown()).isTrue();
		assertHidden(result.comments("2026", 10), BELOW_MINIMUM);
		assertHidden(result.comments("2026", 20), COMPLEMENTARY);
		assertThat(result.comments("2026", 1).shown()).isTrue();
	}

	@Test
	void commentsFollowAHiddenFigure() {
		// P 30 = A 12 + B 14 + C 4: C (4) hidden; the next smallest, A (12), hidden as
		// complementary (4 + 12 = 16 ≥ 5). A's comments are hidden for the same reason,
		// though A's 12 reach the comment minimum of 10.
		unit(1, null, 0);
		unit(10, 1, 12);
		unit(20, 1, 14);
		unit(30, 1, 4);
		AnonymityResult result = decide(CYCLE);
		assertHidden(result.scores("2026", 10), COMPLEMENTARY);
		assertHidden(result.comments("2026", 10), COMPLEMENTARY);
	}

	@Test
	void aUnitOutsideTheScopeCountsAsHiddenForSubtraction() {
		// The viewer sees P 15 = A 12 + B 3 at P and A only. B is outside the scope, so
		// P − A = 3 < 5 would reveal B: A is hidden.
		unit(1, null, 0);
		unit(10, 1, 12);
		unit(20, 1, 3);
		AnonymityScope scope = new AnonymityScope(this.units, Set.of(1L, 10L), this.respondents, List.of(CYCLE),
				List.of());
		AnonymityResult result = ENGINE.decide(scope);
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.scores("2026", 10), COMPLEMENTARY);
		assertHidden(result.scores("2026", 20), NOT_IN_SCOPE);
	}

	@Test
	void theRulesTogetherUntilNothingChanges() {
		// Root 1 → P 10 (sections 11, 12), Q 20, S 30. Two views: the cycle ("all") and
		// tenure 0-2 ("recent").
		// 11: 5 in 0-2, 1 in 10+ | 12: 4 in 10+ | Q: 12 in 0-2 | S: 3 in 0-2, 11 in 10+.
		// all: 11 = 6, 12 = 4, P = 10, Q = 12, S = 14, root = 36.
		// recent: 11 = 5, 12 = 0, P = 5, Q = 12, S = 3, root = 20.
		// Minimum: all 12 (4), recent 12 (0) and recent S (3) hidden.
		// Complementary, all: P − 11 = 4 < 5, so 11 (6) hidden; root − P − Q − S = 0.
		// Complementary, recent: root − P 5 − Q 12 = 3 < 5 → P (5) hidden; its section 11
		// (5) takes its place: still 3 → 11 hidden; root − Q = 8.
		// Overlaps between the views: P all 10 vs root recent 20 share 5, P has 5 beyond
		// (not < 5), root recent 15; Q all = Q recent (no difference); nothing hidden.
		// Regions: S's three in 0-2 lie in exactly {S all, root all, root recent}: 3 < 5.
		// Of the figures around them the later view's goes first (the scope lists views
		// in
		// order of preference): root recent (20) hidden. Then S's three lie in {S all,
		// root
		// all} with S's eleven others: 14. Every region now reaches 5: 11's 0-2 five and
		// the
		// five others of P in {P all, root all}: 10; Q's twelve in {Q all, root all, Q
		// recent}.
		unit(1, null, 0);
		unit(10, 1, 0);
		units.add(new Unit(11, 10L));
		respondents.add(new Respondents(11, "2026", "0-2", null, 5));
		respondents.add(new Respondents(11, "2026", "10+", null, 1));
		unit(12, 10, 4);
		units.add(new Unit(20, 1L));
		respondents.add(new Respondents(20, "2026", "0-2", null, 12));
		units.add(new Unit(30, 1L));
		respondents.add(new Respondents(30, "2026", "0-2", null, 3));
		respondents.add(new Respondents(30, "2026", "10+", null, 11));
		View recent = new View("recent", Kind.SCORES, Set.of("2026"), new Filter("0-2", null), true);
		AnonymityResult result = decide(CYCLE, recent);
		assertHidden(result.scores("2026", 12), BELOW_MINIMUM);
		assertHidden(result.scores("2026", 11), COMPLEMENTARY);
		assertThat(result.scores("2026", 10).shown()).isTrue();
		assertThat(result.scores("2026", 20).shown()).isTrue();
		assertThat(result.scores("2026", 30).shown()).isTrue();
		assertThat(result.scores("2026", 1).shown()).isTrue();
		assertHidden(result.scores("recent", 12), BELOW_MINIMUM);
		assertHidden(result.scores("recent", 30), BELOW_MINIMUM);
		assertHidden(result.scores("recent", 11), COMPLEMENTARY);
		assertHidden(result.scores("recent", 10), COMPLEMENTARY);
		assertThat(result.scores("recent", 20).shown()).isTrue();
		assertHidden(result.scores("recent", 1), OVERLAP);
		AnonymityAttack.assertNothingBelowTheMinimum(scope(List.of(CYCLE, recent), List.of()), result, 5);
	}

	@Test
	void aTreeOfLargeGroupsShowsEverything() {
		// Every unit has 10 of its own: every remainder is 10 ≥ 5 and comments reach 10.
		unit(1, null, 10);
		unit(10, 1, 10);
		unit(11, 10, 10);
		unit(12, 10, 10);
		unit(20, 1, 10);
		AnonymityResult result = decide(CYCLE);
		for (long id : List.of(1L, 10L, 11L, 12L, 20L)) {
			assertThat(result.scores("2026", id).shown()).as("unit %d", id).isTrue();
			assertThat(result.comments("2026", id).shown()).as("comments of unit %d", id).isTrue();
		}
	}

	@Test
	void refusesATreeWithACycleOrAnUnknownParent() {
		this.units.add(new Unit(1, 2L));
		this.units.add(new Unit(2, 1L));
		assertThatIllegalArgumentException().isThrownBy(() -> decide(CYCLE)).withMessageContaining("cycle");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> AnonymityScope.wholeOrganisation(List.of(new Unit(1, 9L)), List.of(), List.of(), List.of()))
			.withMessageContaining("parent 9");
	}

	@Test
	void participationIsRoundedToTenPercentHalfUp() {
		assertThat(AnonymityDisplay.participationPercent(0, 10)).hasValue(0);
		assertThat(AnonymityDisplay.participationPercent(4, 10)).hasValue(40);
		// 45 % is half way: up to 50 %; 44.9 % down to 40 %.
		assertThat(AnonymityDisplay.participationPercent(45, 100)).hasValue(50);
		assertThat(AnonymityDisplay.participationPercent(449, 1000)).hasValue(40);
		// 1 of 3 = 33.3 % → 30 %; 2 of 3 = 66.7 % → 70 %; 1 of 20 = 5 % → 10 %.
		assertThat(AnonymityDisplay.participationPercent(1, 3)).hasValue(30);
		assertThat(AnonymityDisplay.participationPercent(2, 3)).hasValue(70);
		assertThat(AnonymityDisplay.participationPercent(1, 20)).hasValue(10);
		assertThat(AnonymityDisplay.participationPercent(3, 3)).hasValue(100);
		assertThat(AnonymityDisplay.participationPercent(0, 0)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> AnonymityDisplay.participationPercent(4, 3));
	}

	@Test
	void commentsAreShuffledAndKeepEveryComment() {
		List<String> comments = List.of("a", "b", "c", "d", "e", "f", "g", "h");
		List<String> once = AnonymityDisplay.shuffled(comments, new java.util.Random(7));
		assertThat(once).containsExactlyInAnyOrderElementsOf(comments).isNotEqualTo(comments);
		assertThat(AnonymityDisplay.shuffled(comments, new java.util.Random(7))).isEqualTo(once);
		assertThat(AnonymityDisplay.shuffled(comments)).containsExactlyInAnyOrderElementsOf(comments);
	}

	@Test
	void everyReasonHasItsWordsInEveryLanguage() throws java.io.IOException {
		for (String bundle : List.of("i18n/surveys.properties", "i18n/surveys_sv.properties",
				"i18n/surveys_da.properties")) {
			java.util.Properties messages = new java.util.Properties();
			try (java.io.Reader reader = new java.io.InputStreamReader(
					getClass().getClassLoader().getResourceAsStream(bundle), java.nio.charset.StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			for (AnonymityReason reason : AnonymityReason.values()) {
				assertThat(messages.getProperty(reason.messageKey())).as(bundle + " " + reason.messageKey())
					.isNotBlank();
			}
		}
		assertThat(AnonymityReason.BELOW_MINIMUM.messageKey()).isEqualTo("surveys.hidden.below-minimum");
	}

	private void unit(long id, Integer parent, int count) {
		this.units.add(new Unit(id, (parent != null) ? Long.valueOf(parent) : null));
		if (count > 0) {
			this.respondents.add(new Respondents(id, "2026", null, null, count));
		}
	}

	private AnonymityResult decide(View... views) {
		return decide(List.of(views), List.of());
	}

	private AnonymityResult decide(List<View> views, List<Breakdown> breakdowns) {
		return ENGINE.decide(scope(views, breakdowns));
	}

	private AnonymityScope scope(List<View> views, List<Breakdown> breakdowns) {
		return AnonymityScope.wholeOrganisation(this.units, this.respondents, views, breakdowns);
	}

	private static Set<String> months(int from, int to) {
		Set<String> months = new java.util.HashSet<>();
		for (int month = from; month <= to; month++) {
			months.add("m%02d".formatted(month));
		}
		return months;
	}

	private static void assertHidden(AnonymityDecision decision, AnonymityReason reason) {
		assertThat(decision.hiddenBecause()).as("hidden because").hasValue(reason);
	}

}
