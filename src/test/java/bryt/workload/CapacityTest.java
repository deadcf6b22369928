package bryt.workload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import bryt.organisation.StaffMember;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.organisation.UnitLevel;
import bryt.shared.tables.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Capacity by role, the spread of load and the shown percentage (issue 12, items 1–3),
 * worked out by hand with the default load model: base 100, shares social worker 1,
 * first-line lead 0, unit manager 0, other 0. Every worker is experienced (factor 1).
 *
 * <pre>
 * O (organisation)
 * ├─ T team  A social worker 1.0 FTE  capacity 100  carries 120    → 1.2   red
 * │          B social worker 0.5 FTE  capacity  50  carries 50.2   → 1.004 amber
 * │          L first-line lead 1.0    capacity   0  carries 10     → flagged
 * │          M unit manager 1.0       capacity   0  carries  0
 * └─ V team  C social worker 1.0 FTE  capacity 100  carries 97     → 0.97  green
 *            E social worker 1.0 FTE  capacity 100  carries 30     → 0.3   spare
 *            O other staff 1.0        capacity   0  carries  0
 * </pre>
 *
 * T: 180.2 points (L's 10 count) of 150 → 1.2013, red; caseworkers A and B, both over
 * capacity; median (1.004 + 1.2) / 2 = 1.102, highest 1.2. (Before capacity by role:
 * 180.2 of 350, 51 %, room left.)
 *
 * <p>
 * Organisation: 307.2 of 350 → 0.8777, 88 %, room left, while 2 of its 4 caseworkers are
 * over capacity: red 1, amber 1, green 1, spare 1; median (0.97 + 1.004) / 2 = 0.987.
 */
class CapacityTest {

	private static final LocalDate AT = LocalDate.of(2026, 6, 30);

	private static final Unit T = new Unit(1, 9, "T", "Team T", UnitLevel.TEAM, null);

	private static final Unit V = new Unit(2, 9, "V", "Team V", UnitLevel.TEAM, null);

	private static final StaffMember A = member(11, T, StaffRole.SOCIAL_WORKER, "1");

	private static final StaffMember B = member(12, T, StaffRole.SOCIAL_WORKER, "0.5");

	private static final StaffMember L = member(13, T, StaffRole.FIRST_LINE_LEAD, "1");

	private static final StaffMember M = member(14, T, StaffRole.UNIT_MANAGER, "1");

	private static final StaffMember C = member(15, V, StaffRole.SOCIAL_WORKER, "1");

	private static final StaffMember E = member(16, V, StaffRole.SOCIAL_WORKER, "1");

	private static final StaffMember O = member(17, V, StaffRole.OTHER, "1");

	private static final List<OpenCase> CASES = List.of(held(1, T, 120, A), held(2, T, 50.2, B), held(3, T, 10, L),
			held(4, V, 97, C), held(5, V, 30, E));

	private final WorkloadFigures figures = compute(LoadSettings.DEFAULTS);

	@Test
	void onlyCaseworkersAddCapacityButEveryonesCasesCount() {
		UnitFigures team = this.figures.unit(T.id()).orElseThrow();
		assertThat(team.capacity()).isCloseTo(150, within(1e-9));
		assertThat(team.weightedLoad()).isCloseTo(180.2, within(1e-9));
		assertThat(team.loadRatio()).isCloseTo(180.2 / 150, within(1e-9));
		assertThat(team.band()).isEqualTo(Band.RED);
		assertThat(team.headcount()).isEqualTo(4);
		assertThat(team.fte()).isCloseTo(3.5, within(1e-9));
	}

	@Test
	void theForecastComparesWithCaseCarryingFullTimeStaff() {
		// Team T: A 1.0 and B 0.5 carry cases; the lead's and the manager's 1.0 each do
		// not.
		assertThat(this.figures.unit(T.id()).orElseThrow().caseFte()).isCloseTo(1.5, within(1e-9));
		// The organisation adds C and E (1.0 each) but not O (other, share 0).
		assertThat(this.figures.organisation().caseFte()).isCloseTo(3.5, within(1e-9));
		assertThat(this.figures.organisation().fte()).isCloseTo(6.5, within(1e-9));
	}

	@Test
	void theLeadsOwnCasesFlagThem() {
		WorkerFigures lead = worker(L);
		assertThat(lead.capacity()).isZero();
		assertThat(lead.weightedLoad()).isCloseTo(10, within(1e-9));
		assertThat(lead.caseworker()).isFalse();
		assertThat(lead.withoutCaseCapacity()).isTrue();
		assertThat(lead.measured()).isFalse();
		// The manager holds no case: no capacity, but nothing to flag.
		assertThat(worker(M).withoutCaseCapacity()).isFalse();
		assertThat(worker(M).caseworker()).isFalse();
		assertThat(worker(O).withoutCaseCapacity()).isFalse();
		assertThat(worker(A).caseworker()).isTrue();
		assertThat(worker(A).withoutCaseCapacity()).isFalse();
	}

	@Test
	void theSpreadOfATeam() {
		Spread spread = this.figures.unit(T.id()).orElseThrow().spread();
		assertThat(spread.caseworkers()).isEqualTo(2);
		assertThat(List.of(spread.red(), spread.amber(), spread.green(), spread.spare())).containsExactly(1, 1, 0, 0);
		assertThat(spread.workersOverCapacity()).isEqualTo(2);
		assertThat(spread.medianLoad()).isCloseTo(1.102, within(1e-9));
		assertThat(spread.highestLoad()).isCloseTo(1.2, within(1e-9));
	}

	@Test
	void theOrganisationHasRoomLeftWhileHalfItsCaseworkersAreOverCapacity() {
		UnitFigures total = this.figures.organisation();
		assertThat(total.capacity()).isCloseTo(350, within(1e-9));
		assertThat(total.weightedLoad()).isCloseTo(307.2, within(1e-9));
		assertThat(total.band()).isEqualTo(Band.SPARE);
		assertThat(Band.percent(total.loadRatio())).isEqualTo(88);
		Spread spread = total.spread();
		assertThat(spread.caseworkers()).isEqualTo(4);
		assertThat(total.workersOverCapacity()).isEqualTo(2);
		assertThat(List.of(spread.red(), spread.amber(), spread.green(), spread.spare())).containsExactly(1, 1, 1, 1);
		assertThat(spread.medianLoad()).isCloseTo(0.987, within(1e-9));
		assertThat(spread.highestLoad()).isCloseTo(1.2, within(1e-9));
		Spread v = this.figures.unit(V.id()).orElseThrow().spread();
		assertThat(List.of(v.caseworkers(), v.workersOverCapacity(), v.green(), v.spare())).containsExactly(2, 0, 1, 1);
		assertThat(v.medianLoad()).isCloseTo((0.97 + 0.3) / 2, within(1e-9));
	}

	/**
	 * Another share: a lead with share 0.5 has capacity 100 × 1 × 1 × 0.5 = 50 and is a
	 * caseworker at 10 / 50 = 0.2; T then has 200 points of capacity.
	 */
	@Test
	void aShareAboveZeroMakesTheRoleCarryCases() {
		WorkloadFigures figures = compute(
				LoadSettings.DEFAULTS.withShares(RoleShares.DEFAULTS.with(StaffRole.FIRST_LINE_LEAD, 0.5)));
		WorkerFigures lead = figures.workers().stream().filter((w) -> w.staffId() == L.id()).findFirst().orElseThrow();
		assertThat(lead.capacity()).isCloseTo(50, within(1e-9));
		assertThat(lead.caseworker()).isTrue();
		assertThat(lead.withoutCaseCapacity()).isFalse();
		UnitFigures team = figures.unit(T.id()).orElseThrow();
		assertThat(team.capacity()).isCloseTo(200, within(1e-9));
		assertThat(team.spread().caseworkers()).isEqualTo(3);
		assertThat(team.spread().spare()).isEqualTo(1);
	}

	@Test
	void noCaseworkersNoSpread() {
		assertThat(Spread.of(List.of(worker(L), worker(M)))).isEqualTo(Spread.NONE);
	}

	/**
	 * The band is decided on the exact ratio; the shown whole percentage stays inside it.
	 * Rounding alone would show 1.004 as 100 % (green on the help page), 1.1001 as 110 %
	 * (amber) and 0.9499 as 95 % (green).
	 */
	@ParameterizedTest
	@CsvSource({ "0, SPARE, 0", "0.5, SPARE, 50", "0.9449, SPARE, 94", "0.9499, SPARE, 94", "0.95, GREEN, 95",
			"0.999, GREEN, 100", "1.0, GREEN, 100", "1.004, AMBER, 101", "1.005, AMBER, 101", "1.0051, AMBER, 101",
			"1.06, AMBER, 106", "1.1, AMBER, 110", "1.1001, RED, 111", "1.104, RED, 111", "1.27, RED, 127" })
	void theShownPercentageAgreesWithTheBand(double ratio, Band band, long percent) {
		assertThat(Band.of(ratio)).isEqualTo(band);
		assertThat(Band.percent(ratio)).isEqualTo(percent);
		assertThat(percent).isBetween(band.lowestPercent(),
				(band.highestPercent() < 0) ? Long.MAX_VALUE : band.highestPercent());
	}

	/** What a page, a download and a chart label show: the same text as the number. */
	@Test
	void theShownTextAgreesWithTheBand() {
		Locale sv = Locale.forLanguageTag("sv");
		assertThat(Cell.percent(Band.shownRatio(1.004), 0, sv).text().replace('\u00a0', ' ')).isEqualTo("101 %");
		assertThat(Cell.percent(Band.shownRatio(0.9499), 0, Locale.ENGLISH).text()).isEqualTo("94%");
		assertThat(Cell.percent(Band.shownRatio(1.1001), 0, Locale.ENGLISH).text()).isEqualTo("111%");
		assertThat(Cell.percent(Band.shownRatio(1.0), 0, Locale.ENGLISH).text()).isEqualTo("100%");
	}

	private WorkerFigures worker(StaffMember member) {
		return this.figures.workers()
			.stream()
			.filter((worker) -> worker.staffId() == member.id())
			.findFirst()
			.orElseThrow();
	}

	private static WorkloadFigures compute(LoadSettings settings) {
		return WorkloadCalculator.compute(9, "O", "Organisation", AT, settings, List.of(T, V),
				List.of(A, B, L, M, C, E, O), CASES, Map.of());
	}

	private static StaffMember member(long id, Unit unit, StaffRole role, String fte) {
		return new StaffMember(id, 9, "E" + id, "Worker " + id, unit.id(), role, new BigDecimal(fte),
				LocalDate.of(2015, 1, 1), LocalDate.of(2015, 1, 1), null, null);
	}

	private static OpenCase held(long id, Unit unit, double points, StaffMember handler) {
		return new OpenCase(id, unit.id(), points, 1, false, false, null, handler.id(), null);
	}

}
