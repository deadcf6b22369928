package bryt.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import bryt.organisation.StaffMember;
import bryt.organisation.StaffPeriod;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.organisation.UnitLevel;
import bryt.organisation.Visibility;
import bryt.shared.tables.Cell;
import bryt.shared.tables.FigureTable;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The 52-week history by hand, on six weeks: a worker's load week by week, the unit's and
 * the organisation's chart points (points ÷ capacity per week), and what the load chart
 * and its table show of them. Everyone is a social worker with more than two years in the
 * profession (experience factor 1.0) under the default load model (base 100).
 */
class WorkloadHistoryTest {

	/** Six Mondays, oldest first. */
	private static final List<LocalDate> WEEKS = List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9),
			LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 6));

	private static final LocalDate EXPERIENCED = LocalDate.of(2015, 1, 1);

	// D (department) → A and B (units)
	private static final Unit D = new Unit(1, 9, "D", "Department", UnitLevel.DEPARTMENT, null);

	private static final Unit A = new Unit(2, 9, "A", "Unit A", UnitLevel.UNIT, 1L);

	private static final Unit B = new Unit(3, 9, "B", "Unit B", UnitLevel.UNIT, 1L);

	private static final List<Unit> UNITS = List.of(D, A, B);

	// X: in A from 5 March at full time, half time from 20 March.
	private static final StaffMember X = new StaffMember(21, 9, "X", "Xenia", A.id(), StaffRole.SOCIAL_WORKER,
			new BigDecimal("0.5"), EXPERIENCED, LocalDate.of(2026, 3, 5), null, null,
			List.of(new StaffPeriod(A.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2026, 3, 5),
					LocalDate.of(2026, 3, 20)),
					new StaffPeriod(A.id(), StaffRole.SOCIAL_WORKER, new BigDecimal("0.5"), LocalDate.of(2026, 3, 20),
							null)));

	// Y: in A at full time throughout.
	private static final StaffMember Y = new StaffMember(22, 9, "Y", "Yngve", A.id(), StaffRole.SOCIAL_WORKER,
			BigDecimal.ONE, EXPERIENCED, LocalDate.of(2020, 1, 1), null, null);

	// Z: in B at full time from 23 March, the fourth week; before, B has nobody.
	private static final StaffMember Z = new StaffMember(23, 9, "Z", "Zara", B.id(), StaffRole.SOCIAL_WORKER,
			BigDecimal.ONE, EXPERIENCED, LocalDate.of(2026, 3, 23), null, null);

	// M: in A at full time, moved to B on 23 March.
	private static final StaffMember M = new StaffMember(24, 9, "M", "Mats", B.id(), StaffRole.SOCIAL_WORKER,
			BigDecimal.ONE, EXPERIENCED, LocalDate.of(2020, 1, 1), null, null,
			List.of(new StaffPeriod(A.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2020, 1, 1),
					LocalDate.of(2026, 3, 23)),
					new StaffPeriod(B.id(), StaffRole.SOCIAL_WORKER, BigDecimal.ONE, LocalDate.of(2026, 3, 23), null)));

	/**
	 * Changes to the points carried, from a week on: X takes an investigation of 8 in
	 * week 1, financial aid of 3 in week 2, and the investigation closes in week 4; Y
	 * carries 20 from the start and 10 more from week 3; Z takes 45 in week 4; M carries
	 * 12 throughout.
	 */
	private static final List<TrendCalculator.LoadEvent> EVENTS = List.of(new TrendCalculator.LoadEvent(X.id(), 1, 8),
			new TrendCalculator.LoadEvent(X.id(), 2, 3), new TrendCalculator.LoadEvent(X.id(), 4, -8),
			new TrendCalculator.LoadEvent(Y.id(), 0, 20), new TrendCalculator.LoadEvent(Y.id(), 3, 10),
			new TrendCalculator.LoadEvent(Z.id(), 4, 45), new TrendCalculator.LoadEvent(M.id(), 0, 12));

	private final ResourceBundleMessageSource messages = messages();

	private final WorkloadCharts charts = new WorkloadCharts(this.messages);

	private final WorkloadTables tables = new WorkloadTables(this.messages);

	@Test
	void aWorkersWeeksAreTheirPointsOverTheCapacityOfEachDate() {
		List<WorkerWeek> x = TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS);
		assertThat(x).extracting(WorkerWeek::date).isEqualTo(WEEKS);
		// 2 March: not employed yet (from 5 March): no figures, and not 0 %.
		assertThat(x.get(0).unitId()).isNull();
		assertThat(x.get(0).measured()).isFalse();
		// 9 March: 8 points of 100 × 1.0 FTE.
		assertWeek(x.get(1), 8, 100, 0.08);
		// 16 March: 8 + 3 = 11 of 100.
		assertWeek(x.get(2), 11, 100, 0.11);
		// 23 March: half time since 20 March: 11 of 100 × 0.5 = 50.
		assertWeek(x.get(3), 11, 50, 0.22);
		// 30 March and 6 April: the investigation closed, 3 of 50.
		assertWeek(x.get(4), 3, 50, 0.06);
		assertWeek(x.get(5), 3, 50, 0.06);
		assertThat(x.get(3).unitId()).isEqualTo(A.id());
		assertThat(x.get(3).band()).isEqualTo(Band.SPARE);

		// The worker's weeks are their rows of the figures on each date.
		for (int week = 0; week < WEEKS.size(); week++) {
			LocalDate date = WEEKS.get(week);
			WorkerWeek expected = x.get(week);
			WorkloadFigures figures = WorkloadCalculator.compute(9, "org", "Org", date, LoadSettings.DEFAULTS, UNITS,
					List.of(X, Y), openCasesOfX(date), Map.of());
			var row = figures.workers().stream().filter((worker) -> worker.staffId() == X.id()).findFirst();
			assertThat(row.isPresent()).as(date.toString()).isEqualTo(expected.unitId() != null);
			row.ifPresent((worker) -> {
				assertThat(worker.weightedLoad()).as(date.toString()).isCloseTo(expected.weightedLoad(), within(1e-9));
				assertThat(worker.capacity()).as(date.toString()).isCloseTo(expected.capacity(), within(1e-9));
				assertThat(worker.band()).as(date.toString()).isEqualTo(expected.band());
			});
		}
	}

	@Test
	void theUnitsAndTheOrganisationsPointsAreTheirPointsOverTheirCapacity() {
		Trend trend = TrendCalculator.compute("org", WEEKS, LoadSettings.DEFAULTS, UNITS, List.of(X, Y, Z), List.of(),
				EVENTS);
		// A: X and Y. 2 March 20 of 100 (X not yet employed); 9 March (8 + 20) of 200;
		// 16 March (11 + 20) of 200; 23 March (11 + 30) of (50 + 100); then (3 + 30) of
		// 150.
		assertRatios(trend.of(A.id()), 20 / 100.0, 28 / 200.0, 31 / 200.0, 41 / 150.0, 33 / 150.0, 33 / 150.0);
		// B: nobody until 23 March (no data, not 0 %), then Z: 0 of 100, 45 of 100.
		assertThat(trend.of(B.id()).subList(0, 3)).allMatch((week) -> !week.measured());
		assertRatios(trend.of(B.id()).subList(3, 6), 0, 0.45, 0.45);
		// The organisation: A and B. 23 March 41 of 250; from 30 March (33 + 45) of 250.
		assertRatios(trend.of(0), 20 / 100.0, 28 / 200.0, 31 / 200.0, 41 / 250.0, 78 / 250.0, 78 / 250.0);

		// The charts draw exactly these, in percent: a dot a week, one unbroken line.
		LoadChart a = LoadChart.read(this.charts.load(trend, A.id(), Locale.ENGLISH));
		assertPoints(a, 20, 14, 15.5, 41 / 1.5, 22, 22);
		assertThat(a.runs()).containsExactly(6);
		LoadChart organisation = LoadChart.read(this.charts.load(trend, 0, Locale.ENGLISH));
		assertPoints(organisation, 20, 14, 15.5, 16.4, 31.2, 31.2);
		// B: the three weeks without anyone are no dots and no line, not dots at 0 %;
		// the 0 % of a week with capacity and no cases is a dot.
		LoadChart b = LoadChart.read(this.charts.load(trend, B.id(), Locale.ENGLISH));
		assertPoints(b, 0, 45, 45);
		assertThat(b.runs()).containsExactly(3);
	}

	@Test
	void theChartDrawsTheBandEdgesAndNamesItselfAndItsLines() {
		String svg = this.charts.workerLoad(TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS),
				Locale.ENGLISH);
		LoadChart chart = LoadChart.read(svg);
		// Measured on the axis from its 0 % to the 100 % line: the red dashes at 110 %,
		// the green dots at 95 % (Band's edges).
		assertThat(chart.edges()).containsOnlyKeys("red", "ink", "green");
		assertThat(chart.edges().get("red")).isCloseTo(Band.RED_ABOVE * 100, within(0.01));
		assertThat(chart.edges().get("green")).isCloseTo(Band.GREEN_FROM * 100, within(0.01));
		// Five employed weeks, five dots; the week before employment is no dot.
		assertPoints(chart, 8, 11, 22, 6, 6);
		assertThat(chart.runs()).containsExactly(5);
		// The text alternative: a title, and a description the picture points to.
		assertThat(chart.title()).isEqualTo("Load as a share of capacity, the past 52 weeks");
		assertThat(chart.description()).contains("from 2026-03-02 to 2026-04-06")
			.contains("95% (full from here), 100% (capacity) and 110% (over capacity above it)")
			.contains("a gap in the line, not 0 %");
		assertThat(chart.describedBy()).isNotBlank().isEqualTo(chart.descriptionId());
		assertThat(svg).contains("role=\"img\"")
			.contains("aria-label=\"Load as a share of capacity, the past 52 weeks\"")
			.contains(">Load</text")
			.contains(">110%: over capacity above</text")
			.contains(">100%: capacity</text")
			.contains(">95%: full from here</text")
			.doesNotContainPattern("\\sstyle=");
		assertThat(this.charts.workerLoad(TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS),
				Locale.of("sv")))
			.contains(">110\u00a0%: över kapacitet ovanför</text")
			.contains("aria-label=\"Belastning i procent av kapaciteten, de senaste 52 veckorna\"");
		assertThat(this.charts.workerLoad(TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS),
				Locale.of("da")))
			.contains(">95\u00a0%: fuldt herfra</text");
	}

	@Test
	void weeksWithoutFiguresAreGapsInTheLineAndNoChartWithoutAny() {
		List<WorkerWeek> x = new ArrayList<>(TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS));
		// A week in the middle without figures splits the line in two pieces.
		x.set(3, x.get(3).withhold());
		LoadChart chart = LoadChart.read(this.charts.workerLoad(x, Locale.ENGLISH));
		assertPoints(chart, 8, 11, 6, 6);
		assertThat(chart.runs()).containsExactly(2, 2);
		// Nothing to draw: no chart (the table says "No data" week by week).
		assertThat(this.charts.workerLoad(WEEKS.stream().map(WorkerWeek::notEmployed).toList(), Locale.ENGLISH))
			.isNull();
	}

	@Test
	void theTableHoldsTheChartsFiguresNewestFirst() {
		List<WorkerWeek> x = TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, X, EVENTS);
		FigureTable table = this.tables.workerTrend(x, Map.of(A.id(), "Unit A"), "Load of Xenia, week by week",
				Locale.ENGLISH);
		assertThat(table.rows()).hasSize(6);
		assertThat(table.columns()).extracting((column) -> column.header())
			.containsExactly("Date", "Points carried", "Capacity", "Load", "Status");
		// Newest first: 6 April 3 of 50, 6 %, room left; the oldest week has no figures.
		assertThat(texts(table.rows().getFirst())).containsExactly("2026-04-06", "3.0", "50.0", "6%", "room left");
		assertThat(texts(table.rows().getLast())).containsExactly("2026-03-02", Cell.NONE, Cell.NONE, Cell.NONE,
				"No data");
		// Each week's load in the table is the chart's point, rounded as the table shows
		// it.
		LoadChart chart = LoadChart.read(this.charts.workerLoad(x, Locale.ENGLISH));
		List<Double> shown = table.rows()
			.reversed()
			.stream()
			.map((row) -> row.get(3).number())
			.filter((number) -> number != null)
			.map((number) -> number.doubleValue() * 100)
			.toList();
		assertThat(shown).hasSize(chart.points().size());
		for (int i = 0; i < shown.size(); i++) {
			assertThat(chart.points().get(i)).isCloseTo(shown.get(i), within(0.5));
		}
	}

	/**
	 * A manager of B sees M's weeks in B and not those in A, which the pages of those
	 * dates would not show them either; M sees all their own.
	 */
	@Test
	void aReaderSeesTheWeeksTheyWouldSeeOnEachDatesPage() {
		List<WorkerWeek> m = TrendCalculator.worker(WEEKS, LoadSettings.DEFAULTS, M, EVENTS);
		List<WorkerWeek> managerOfB = WorkerWeek.shownTo(m, M.id(), new Visibility(false, Set.of(B.id()), false, null));
		assertThat(managerOfB).extracting(WorkerWeek::withheld).containsExactly(true, true, true, false, false, false);
		assertThat(managerOfB.subList(0, 3)).allMatch((week) -> !week.measured() && week.weightedLoad() == 0
				&& week.capacity() == 0 && week.unitId() == null);
		assertThat(managerOfB.subList(3, 6)).isEqualTo(m.subList(3, 6));
		assertPoints(LoadChart.read(this.charts.workerLoad(managerOfB, Locale.ENGLISH)), 12, 12, 12);
		FigureTable table = this.tables.workerTrend(managerOfB, Map.of(A.id(), "Unit A", B.id(), "Unit B"), "M",
				Locale.ENGLISH);
		assertThat(texts(table.rows().getLast())).containsExactly("2026-03-02", Cell.NONE, Cell.NONE, Cell.NONE,
				"Not shown to you");
		assertThat(WorkerWeek.shownTo(m, M.id(), new Visibility(false, Set.of(), false, M.id()))).isEqualTo(m);
		assertThat(WorkerWeek.shownTo(m, M.id(), Visibility.EVERYTHING)).isEqualTo(m);
		// HR sees both units, and the table names the unit of each week.
		FigureTable all = this.tables.workerTrend(m, Map.of(A.id(), "Unit A", B.id(), "Unit B"), "M", Locale.ENGLISH);
		assertThat(texts(all.rows().getFirst())).containsExactly("2026-04-06", "Unit B", "12.0", "100.0", "12%",
				"room left");
		assertThat(texts(all.rows().getLast())).startsWith("2026-03-02", "Unit A");
	}

	/** X's open cases on a date, as the events above describe them. */
	private static List<OpenCase> openCasesOfX(LocalDate date) {
		List<OpenCase> cases = new ArrayList<>();
		if (!date.isBefore(WEEKS.get(1)) && date.isBefore(WEEKS.get(4))) {
			cases.add(new OpenCase(1, A.id(), 8, 1, true, false, null, X.id(), null));
		}
		if (!date.isBefore(WEEKS.get(2))) {
			cases.add(new OpenCase(2, A.id(), 3, 1, false, false, null, X.id(), null));
		}
		return cases;
	}

	private static void assertWeek(WorkerWeek week, double points, double capacity, double ratio) {
		assertThat(week.measured()).as(week.date().toString()).isTrue();
		assertThat(week.weightedLoad()).as(week.date().toString()).isCloseTo(points, within(1e-9));
		assertThat(week.capacity()).as(week.date().toString()).isCloseTo(capacity, within(1e-9));
		assertThat(week.loadRatio()).as(week.date().toString()).isCloseTo(ratio, within(1e-9));
	}

	private static void assertRatios(List<WeekFigures> weeks, double... ratios) {
		assertThat(weeks).hasSize(ratios.length);
		for (int i = 0; i < ratios.length; i++) {
			assertThat(weeks.get(i).measured()).as("week %d", i).isTrue();
			assertThat(weeks.get(i).loadRatio()).as("week %d", i).isCloseTo(ratios[i], within(1e-9));
		}
	}

	/** The chart's dots, in percent, to a hundredth of a percent. */
	static void assertPoints(LoadChart chart, double... percents) {
		assertThat(chart.points()).hasSize(percents.length);
		for (int i = 0; i < percents.length; i++) {
			assertThat(chart.points().get(i)).as("point %d", i).isCloseTo(percents[i], within(0.01));
		}
	}

	private static List<String> texts(List<Cell> row) {
		return row.stream().map(Cell::text).toList();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/workload");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
