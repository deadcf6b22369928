package bryt.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.organisation.EndReason;
import bryt.organisation.StaffMember;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.organisation.UnitLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every expected value below is worked out by hand from the data in this class, with the
 * default load model but every role carrying cases in full (share 1): base 100 points,
 * co-handler 50 %, experience factors 0.6 / 0.8 / 1.0, complexity multipliers 1 / 1.5 /
 * 2.
 */
class WorkloadCalculatorTest {

	private static final LocalDate AT = LocalDate.of(2026, 6, 30);

	// D (department) → U (unit) → T (team)
	private static final Unit D = new Unit(1, 9, "D", "Department", UnitLevel.DEPARTMENT, null);

	private static final Unit U = new Unit(2, 9, "U", "Unit", UnitLevel.UNIT, 1L);

	private static final Unit T = new Unit(3, 9, "T", "Team", UnitLevel.TEAM, 2L);

	// A: 1.0 FTE, > 2 years → 100 points. B: 0.5 FTE, 9 months → 100 × 0.5 × 0.8 = 40.
	// C: 1.0 FTE, 4 months → 60. L (lead): 100. M (manager): 100.
	private static final StaffMember A = member(11, "A", T, StaffRole.SOCIAL_WORKER, "1", "2020-01-01", "2020-01-01",
			null);

	private static final StaffMember B = member(12, "B", T, StaffRole.SOCIAL_WORKER, "0.5", "2025-09-30", "2025-09-30",
			null);

	private static final StaffMember C = member(13, "C", U, StaffRole.SOCIAL_WORKER, "1", "2026-03-01", "2026-03-01",
			null);

	private static final StaffMember L = member(14, "L", U, StaffRole.FIRST_LINE_LEAD, "1", "2015-01-01", "2015-01-01",
			null);

	private static final StaffMember M = member(15, "M", D, StaffRole.UNIT_MANAGER, "1", "2010-01-01", "2010-01-01",
			null);

	// X left within the past 12 months, Y before them.
	private static final StaffMember X = member(16, "X", T, StaffRole.SOCIAL_WORKER, "1", "2024-01-01", "2024-01-01",
			"2026-01-15");

	private static final StaffMember Y = member(17, "Y", T, StaffRole.SOCIAL_WORKER, "1", "2023-01-01", "2023-01-01",
			"2025-05-01");

	// Types: investigation 10 points; LVU 20 points, two handlers; financial aid 4
	// points.
	private static final List<OpenCase> CASES = List.of(investigation(1, T, 1, "2026-06-20", A, B), // 10:
																									// A
																									// 5,
																									// B
																									// 5;
																									// 10
																									// days
																									// late
			investigation(2, T, 2, "2026-07-15", A, null), // 15: A 15
			lvu(3, U, 3, C, null), // 40: C 40; one handler only
			lvu(4, U, 1, C, A), // 20: C 10, A 10
			aid(5, T, 1, B), // 4: B 4
			investigation(6, U, 1, "2026-06-26", null, null), // nobody carries it; 4 days
																// late
			aid(7, U, 3, C), // 8: C 8
			investigation(8, U, 2, "2026-08-01", C, null), // 15: C 15
			investigation(9, T, 3, "2026-06-29", B, null), // 20: B 20; 1 day late
			lvu(10, T, 1, B, L)); // 20: B 10, L 10

	/**
	 * The default model, but with every role carrying cases (share 1): the figures below
	 * were worked out by hand under that model, which was Bryt's before capacity by role
	 * (issue 12). The default shares (leads and managers 0) are {@code CapacityTest}'s.
	 */
	private static final LoadSettings EVERY_ROLE_CARRIES_CASES = LoadSettings.DEFAULTS
		.withShares(new RoleShares(1, 1, 1, 1));

	private final WorkloadFigures figures = WorkloadCalculator.compute(9, "org", "Org", AT, EVERY_ROLE_CARRIES_CASES,
			List.of(D, U, T), List.of(A, B, C, L, M, X, Y), CASES, Map.of(3L, new UnitFlow(168, 100, 9000)));

	@Test
	void splitsCasesBetweenPrimaryAndCoHandlerAndWeighsComplexity() {
		// A: 5 + 15 + 10 = 30 of 100; B: 5 + 4 + 20 + 10 = 39 of 40; C: 40 + 10 + 8 + 15
		// = 73 of 60
		assertWorker("A", 3, 30, 100, Band.SPARE);
		assertWorker("B", 4, 39, 40, Band.GREEN);
		assertWorker("C", 4, 73, 60, Band.RED);
		assertWorker("L", 1, 10, 100, Band.SPARE);
		assertWorker("M", 0, 0, 100, Band.SPARE);
		assertThat(this.figures.workers()).extracting(WorkerFigures::name).doesNotContain("X", "Y");
	}

	@Test
	void sumsATeam() {
		UnitFigures team = this.figures.unit(3).orElseThrow();
		assertThat(team.weightedLoad()).isCloseTo(69, within(1e-9));
		assertThat(team.capacity()).isCloseTo(140, within(1e-9));
		assertThat(team.loadRatio()).isCloseTo(69.0 / 140, within(1e-9));
		assertThat(team.openCases()).isEqualTo(5);
		assertThat(team.openInvestigations()).isEqualTo(3);
		assertThat(team.investigationsPastDeadline()).isEqualTo(2);
		assertThat(team.shareOfInvestigationsPastDeadline()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(team.medianDaysPastDeadline()).isEqualTo(5.5); // 1 and 10 days
		assertThat(team.longestDaysPastDeadline()).isEqualTo(10L);
		assertThat(team.twoHandlerViolations()).isZero();
		assertThat(team.staffPerLead()).isNull();
		// one leaver (X); headcount 2 a year ago (A, X) and 2 now (A, B)
		assertThat(team.turnover()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void sumsAUnitWithItsTeams() {
		UnitFigures unit = this.figures.unit(2).orElseThrow();
		assertThat(unit.weightedLoad()).isCloseTo(152, within(1e-9));
		assertThat(unit.capacity()).isCloseTo(300, within(1e-9));
		assertThat(unit.band()).isEqualTo(Band.SPARE);
		assertThat(unit.headcount()).isEqualTo(4);
		assertThat(unit.fte()).isCloseTo(3.5, within(1e-9));
		assertThat(unit.openCases()).isEqualTo(10);
		assertThat(unit.openInvestigations()).isEqualTo(5);
		assertThat(unit.investigationsPastDeadline()).isEqualTo(3);
		assertThat(unit.shareOfInvestigationsPastDeadline()).isCloseTo(0.6, within(1e-9));
		assertThat(unit.medianDaysPastDeadline()).isEqualTo(4.0); // 1, 4 and 10 days
		assertThat(unit.longestDaysPastDeadline()).isEqualTo(10L);
		assertThat(unit.twoHandlerViolations()).isOne();
		assertThat(unit.staffPerLead()).isEqualTo(3.0);
		assertThat(unit.staffPerManager()).isNull();
		// one leaver; headcount a year ago A, X, L = 3, now A, B, C, L = 4
		assertThat(unit.turnover()).isCloseTo(1 / 3.5, within(1e-9));
	}

	@Test
	void sumsTheDepartmentAndTheOrganisation() {
		for (UnitFigures whole : List.of(this.figures.unit(1).orElseThrow(), this.figures.organisation())) {
			assertThat(whole.weightedLoad()).isCloseTo(152, within(1e-9));
			assertThat(whole.capacity()).isCloseTo(400, within(1e-9));
			assertThat(whole.loadRatio()).isCloseTo(0.38, within(1e-9));
			assertThat(whole.staffPerManager()).isEqualTo(3.0);
			// a year ago A, X, L, M = 4, now 5
			assertThat(whole.turnover()).isCloseTo(1 / 4.5, within(1e-9));
		}
		assertThat(this.figures.organisation().code()).isEqualTo("org");
	}

	@Test
	void forecastsTheStaffNeededFromInflowAndOpenTime() {
		// 168 points in 84 days = 2 points a day; cases stay open 9000 / 100 = 90 days on
		// average: a steady load of 180 points.
		// Team: 140 points over 1.5 FTE = 93.33 points per FTE → 180 / 93.33 = 1.9286
		// FTE.
		assertThat(this.figures.unit(3).orElseThrow().forecastFte()).isCloseTo(180 / (140 / 1.5), within(1e-9));
		// Unit (includes the team's flow): 300 points over 3.5 FTE → 180 / 85.71 = 2.1
		// FTE.
		assertThat(this.figures.unit(2).orElseThrow().forecastFte()).isCloseTo(2.1, within(1e-9));
	}

	@Test
	void countsExperienceInWholeMonths() {
		LoadSettings settings = LoadSettings.DEFAULTS;
		LocalDate start = LocalDate.of(2026, 1, 15);
		assertThat(settings.experienceFactor(start, LocalDate.of(2026, 7, 14))).isEqualTo(0.6);
		assertThat(settings.experienceFactor(start, LocalDate.of(2026, 7, 15))).isEqualTo(0.8);
		assertThat(settings.experienceFactor(start, LocalDate.of(2028, 1, 14))).isEqualTo(0.8);
		assertThat(settings.experienceFactor(start, LocalDate.of(2028, 1, 15))).isEqualTo(1.0);
		assertThat(settings.capacity(0.75, start, LocalDate.of(2028, 1, 15))).isEqualTo(75.0);
	}

	@Test
	void bandsAtTheirEdges() {
		assertThat(Band.of(1.1001)).isEqualTo(Band.RED);
		assertThat(Band.of(1.10)).isEqualTo(Band.AMBER);
		assertThat(Band.of(1.0001)).isEqualTo(Band.AMBER);
		assertThat(Band.of(1.00)).isEqualTo(Band.GREEN);
		assertThat(Band.of(0.95)).isEqualTo(Band.GREEN);
		assertThat(Band.of(0.9499)).isEqualTo(Band.SPARE);
	}

	private void assertWorker(String name, int openCases, double load, double capacity, Band band) {
		WorkerFigures worker = this.figures.workers()
			.stream()
			.filter((w) -> w.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(worker.openCases()).as("open cases of %s", name).isEqualTo(openCases);
		assertThat(worker.weightedLoad()).as("load of %s", name).isCloseTo(load, within(1e-9));
		assertThat(worker.capacity()).as("capacity of %s", name).isCloseTo(capacity, within(1e-9));
		assertThat(worker.loadRatio()).as("ratio of %s", name).isCloseTo(load / capacity, within(1e-9));
		assertThat(worker.band()).as("band of %s", name).isEqualTo(band);
	}

	private static StaffMember member(long id, String name, Unit unit, StaffRole role, String fte, String experience,
			String employed, String end) {
		return new StaffMember(id, 9, name, name, unit.id(), role, new BigDecimal(fte), LocalDate.parse(experience),
				LocalDate.parse(employed), (end != null) ? LocalDate.parse(end) : null,
				(end != null) ? EndReason.RESIGNED : null);
	}

	private static OpenCase investigation(long id, Unit unit, int complexity, String deadline, StaffMember primary,
			StaffMember co) {
		return new OpenCase(id, unit.id(), 10, complexity, true, false, LocalDate.parse(deadline), id(primary), id(co));
	}

	private static OpenCase lvu(long id, Unit unit, int complexity, StaffMember primary, StaffMember co) {
		return new OpenCase(id, unit.id(), 20, complexity, false, true, null, id(primary), id(co));
	}

	private static OpenCase aid(long id, Unit unit, int complexity, StaffMember primary) {
		return new OpenCase(id, unit.id(), 4, complexity, false, false, null, id(primary), null);
	}

	private static Long id(StaffMember member) {
		return (member != null) ? member.id() : null;
	}

}
