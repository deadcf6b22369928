package bryt.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.organisation.EndReason;
import bryt.organisation.StaffMember;
import bryt.organisation.StaffPeriod;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.organisation.UnitLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Figures on a date count each member with the unit, role and FTE they had then. Every
 * expected value is worked out by hand with the default load model, every role carrying
 * cases in full (base 100 points; everyone here has more than two years in the
 * profession, so the experience factor is 1.0).
 */
class StaffHistoryTest {

	/**
	 * Every role carries cases in full (share 1), as before capacity by role (issue 12):
	 * the capacities below were worked out under that model, and a lead's capacity shows
	 * which unit they count in.
	 */
	private static final LoadSettings SETTINGS = LoadSettings.DEFAULTS.withShares(new RoleShares(1, 1, 1, 1));

	private static final LocalDate MOVE = LocalDate.of(2026, 5, 1);

	private static final LocalDate DAY_BEFORE = MOVE.minusDays(1);

	// D (department) → A and B (units, siblings)
	private static final Unit D = new Unit(1, 9, "D", "Department", UnitLevel.DEPARTMENT, null);

	private static final Unit A = new Unit(2, 9, "A", "Unit A", UnitLevel.UNIT, 1L);

	private static final Unit B = new Unit(3, 9, "B", "Unit B", UnitLevel.UNIT, 1L);

	private static final List<Unit> UNITS = List.of(D, A, B);

	// W: social worker in A at 1.0 FTE, moves to B at 0.5 FTE on 1 May 2026.
	private static final StaffMember W = new StaffMember(11, 9, "W", "W", B.id(), StaffRole.SOCIAL_WORKER,
			new BigDecimal("0.5"), LocalDate.of(2015, 1, 1), LocalDate.of(2022, 1, 1), null, null,
			List.of(new StaffPeriod(A.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2022, 1, 1), MOVE),
					new StaffPeriod(B.id(), StaffRole.SOCIAL_WORKER, new BigDecimal("0.5"), MOVE, null)));

	// L: first-line lead in B since January 2026.
	private static final StaffMember L = new StaffMember(12, 9, "L", "L", B.id(), StaffRole.FIRST_LINE_LEAD,
			BigDecimal.ONE, LocalDate.of(2015, 1, 1), LocalDate.of(2026, 1, 1), null, null);

	// V: moved from A to B on 1 February 2026 and left on 31 March 2026.
	private static final StaffMember V = new StaffMember(13, 9, "V", "V", B.id(), StaffRole.SOCIAL_WORKER,
			BigDecimal.ONE, LocalDate.of(2015, 1, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2026, 3, 31),
			EndReason.RESIGNED,
			List.of(new StaffPeriod(A.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2022, 1, 1),
					LocalDate.of(2026, 2, 1)),
					new StaffPeriod(B.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2026, 2, 1), null)));

	private static final List<StaffMember> STAFF = List.of(W, L, V);

	// One financial aid case of 10 points in unit A, handled by W throughout.
	private static final List<OpenCase> CASES = List
		.of(new OpenCase(1, A.id(), 10, 1, false, false, null, W.id(), null));

	@Test
	void theDayBeforeTheMoveCountsTheWorkerInTheOldUnitWithTheOldFte() {
		WorkloadFigures figures = compute(DAY_BEFORE);
		WorkerFigures w = figures.workers()
			.stream()
			.filter((worker) -> worker.staffId() == W.id())
			.findFirst()
			.orElseThrow();
		assertThat(w.unitId()).isEqualTo(A.id());
		// 100 × 1.0 FTE × 1.0
		assertThat(w.capacity()).isCloseTo(100, within(1e-9));
		assertThat(w.weightedLoad()).isCloseTo(10, within(1e-9));

		UnitFigures a = figures.unit(A.id()).orElseThrow();
		assertThat(a.headcount()).isOne();
		assertThat(a.fte()).isCloseTo(1.0, within(1e-9));
		assertThat(a.capacity()).isCloseTo(100, within(1e-9));
		assertThat(a.weightedLoad()).isCloseTo(10, within(1e-9));
		// one social worker, no lead
		assertThat(a.staffPerLead()).isNull();

		UnitFigures b = figures.unit(B.id()).orElseThrow();
		// only L: 100 × 1.0 × 1.0
		assertThat(b.headcount()).isOne();
		assertThat(b.capacity()).isCloseTo(100, within(1e-9));
		assertThat(b.weightedLoad()).isZero();
		// no social worker, one lead
		assertThat(b.staffPerLead()).isCloseTo(0.0, within(1e-9));
	}

	@Test
	void fromTheMoveOnTheWorkerCountsInTheNewUnitWithTheNewFte() {
		WorkloadFigures figures = compute(MOVE);
		WorkerFigures w = figures.workers()
			.stream()
			.filter((worker) -> worker.staffId() == W.id())
			.findFirst()
			.orElseThrow();
		assertThat(w.unitId()).isEqualTo(B.id());
		// 100 × 0.5 FTE × 1.0
		assertThat(w.capacity()).isCloseTo(50, within(1e-9));
		assertThat(w.weightedLoad()).isCloseTo(10, within(1e-9));
		assertThat(w.loadRatio()).isCloseTo(10 / 50.0, within(1e-9));

		UnitFigures a = figures.unit(A.id()).orElseThrow();
		assertThat(a.headcount()).isZero();
		assertThat(a.capacity()).isZero();
		assertThat(a.weightedLoad()).isZero();
		// the case stays in its unit; the points its handler carries move with them
		assertThat(a.openCases()).isOne();

		UnitFigures b = figures.unit(B.id()).orElseThrow();
		assertThat(b.headcount()).isEqualTo(2);
		assertThat(b.fte()).isCloseTo(0.5 + 1.0, within(1e-9));
		// W 50 + L 100
		assertThat(b.capacity()).isCloseTo(50 + 100, within(1e-9));
		assertThat(b.weightedLoad()).isCloseTo(10, within(1e-9));
		// one social worker per lead
		assertThat(b.staffPerLead()).isCloseTo(1.0, within(1e-9));

		// The department counts both units either way.
		assertThat(figures.organisation().capacity()).isCloseTo(50 + 100, within(1e-9));
		assertThat(compute(DAY_BEFORE).organisation().capacity()).isCloseTo(100 + 100, within(1e-9));
	}

	@Test
	void aLeaverCountsInTheUnitTheyWereInOnTheirLastDay() {
		WorkloadFigures figures = compute(DAY_BEFORE);
		// V left on 31 March 2026 from B. A year before (30 April 2025) W and V were in
		// A; on the date W is in A, L in B.
		// A: no leavers → 0.
		assertThat(figures.unit(A.id()).orElseThrow().turnover()).isZero();
		// B: 1 leaver ÷ the average of 0 a year before and 1 (L) on the date = 1 / 0.5.
		assertThat(figures.unit(B.id()).orElseThrow().turnover()).isCloseTo(1 / ((0 + 1) / 2.0), within(1e-9));
		// The department: 1 ÷ the average of 2 (W, V) and 2 (W, L) = 0.5.
		assertThat(figures.organisation().turnover()).isCloseTo(1 / ((2 + 2) / 2.0), within(1e-9));
	}

	@Test
	void theTrendCountsTheWorkerInTheUnitOfEachWeeksDate() {
		// Two weeks: 24 April (before the move) and 1 May (the move); W carries 10
		// points from the first week on.
		List<LocalDate> weeks = List.of(MOVE.minusWeeks(1), MOVE);
		Trend trend = TrendCalculator.compute("org", weeks, SETTINGS, UNITS, STAFF, List.of(),
				List.of(new TrendCalculator.LoadEvent(W.id(), 0, 10)));
		List<WeekFigures> a = trend.of(A.id());
		List<WeekFigures> b = trend.of(B.id());
		// 24 April: W in A (100 × 1.0), L in B (100)
		assertThat(a.get(0).headcount()).isOne();
		assertThat(a.get(0).capacity()).isCloseTo(100, within(1e-9));
		assertThat(a.get(0).weightedLoad()).isCloseTo(10, within(1e-9));
		assertThat(b.get(0).headcount()).isOne();
		assertThat(b.get(0).capacity()).isCloseTo(100, within(1e-9));
		// 1 May: W in B (100 × 0.5) with L (100); A empty
		assertThat(a.get(1).headcount()).isZero();
		assertThat(a.get(1).capacity()).isZero();
		assertThat(b.get(1).headcount()).isEqualTo(2);
		assertThat(b.get(1).capacity()).isCloseTo(50 + 100, within(1e-9));
		assertThat(b.get(1).weightedLoad()).isCloseTo(10, within(1e-9));
	}

	@Test
	void beforeTheFirstPeriodAMemberHasTheFirstPeriodsValues() {
		assertThat(W.on(LocalDate.of(2000, 1, 1)).unitId()).isEqualTo(A.id());
		assertThat(W.on(MOVE.minusDays(1)).fte()).isEqualByComparingTo("1");
		assertThat(W.on(MOVE).fte()).isEqualByComparingTo("0.5");
		// A member built without periods has one, from the employment start, with the
		// current values.
		assertThat(L.periods()).containsExactly(
				new StaffPeriod(B.id(), StaffRole.FIRST_LINE_LEAD, BigDecimal.ONE, LocalDate.of(2026, 1, 1), null));
	}

	private static WorkloadFigures compute(LocalDate at) {
		return WorkloadCalculator.compute(9, "org", "Org", at, SETTINGS, UNITS, STAFF, CASES, Map.of());
	}

}
