package bryt.safety;

import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Safety's overview figures in the committee's view, counted by hand on a fixture of its
 * own (Sweden), and equal to what the safety figures API gives for the same quarter.
 *
 * <pre>
 * T (department) over A and B. A: 5 × 1.0 FTE; B: 2 × 1.0 + 0.5 = 2.5; T and the
 * organisation 7.5.
 * 2025-Q3 A: three THREATs; one with a death threat notified on its due day (on time), one
 *            with a weapon notified two days late, one not serious
 *            → 3 × 10 / 5 = 6.0 per 10 FTE; serious 2: "< 3", too few; notifications
 *            1 of 2 on time: rests on 1 and 2, too few
 *         B: one HARASSMENT → 1 × 10 / 2.5: rests on 1, too few; serious 0 (shown);
 *            nothing to notify: no data
 *         T itself: five THREATs, not serious (so that T less A is not B's count: T's own
 *            part is unknown to a reader; without it the pass across the units hides A's
 *            count beside B's, docs/safety/figures.md "Hiding across units")
 *         T, organisation: 9 incidents → 90 / 7.5 = 12.0; serious 2: too few
 * 2025-Q4: nothing → 0 per 10 FTE everywhere, serious 0, notifications no data
 * </pre>
 */
@BrytTest
class SafetyContributionTests {

	private static final Quarter Q3 = new Quarter(2025, 3);

	private static final Quarter Q4 = new Quarter(2025, 4);

	@Autowired
	private SafetyContribution contribution;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private FiguresIncidents fixture;

	private Organisation organisation;

	private long t;

	private long a;

	private long b;

	@BeforeEach
	void incidents() {
		this.fixture = new FiguresIncidents(this.jdbc, "SE");
		this.organisation = this.organisations.find(this.fixture.organisation).orElseThrow();
		this.t = this.fixture.unit("T", "DEPARTMENT", null);
		this.a = this.fixture.unit("A", "UNIT", this.t);
		this.b = this.fixture.unit("B", "UNIT", this.t);
		for (int i = 0; i < 5; i++) {
			this.fixture.staff(this.a, "1.0", "2024-01-01");
		}
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		this.fixture.staff(this.b, "0.5", "2024-01-01");
		this.fixture.incident(this.a, "THREAT", "2025-08-05T12:00:00Z", "acknowledged_at", "2025-08-05T17:00:00Z",
				"status", "ACKNOWLEDGED", "death_threat", true, "authority_notified_on", "2025-08-06");
		this.fixture.incident(this.a, "THREAT", "2025-09-01T06:00:00Z", "acknowledged_at", "2025-09-02T12:00:00Z",
				"status", "ACKNOWLEDGED", "weapon", true, "authority_notified_on", "2025-09-04");
		this.fixture.incident(this.a, "THREAT", "2025-07-10T08:00:00Z");
		this.fixture.incident(this.b, "HARASSMENT", "2025-07-20T10:00:00Z");
		for (int day = 1; day <= 5; day++) {
			this.fixture.incident(this.t, "THREAT", "2025-08-1" + day + "T10:00:00Z");
		}
	}

	@Test
	void eachFigureAsCountedByHandInTheCommitteesView() {
		List<OverviewFigure> q3 = this.contribution.figures(this.organisation, Q3, Q3.last());
		assertThat(value(q3, SafetyContribution.PER_10_FTE, this.a)).isCloseTo(6.0, within(1e-9));
		assertThat(hidden(q3, SafetyContribution.SERIOUS, this.a)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(q3, SafetyContribution.NOTIFICATIONS_ON_TIME, this.a)).isEqualTo(Hidden.TOO_FEW);
		assertThat(hidden(q3, SafetyContribution.PER_10_FTE, this.b)).isEqualTo(Hidden.TOO_FEW);
		assertThat(value(q3, SafetyContribution.SERIOUS, this.b)).isZero();
		assertThat(hidden(q3, SafetyContribution.NOTIFICATIONS_ON_TIME, this.b)).isEqualTo(Hidden.NO_DATA);
		for (long unit : new long[] { 0L, this.t }) {
			assertThat(value(q3, SafetyContribution.PER_10_FTE, unit)).isCloseTo(90 / 7.5, within(1e-9));
			assertThat(hidden(q3, SafetyContribution.SERIOUS, unit)).isEqualTo(Hidden.TOO_FEW);
		}
		assertThat(q3).hasSize(3 * 4);

		List<OverviewFigure> q4 = this.contribution.figures(this.organisation, Q4, Q4.last());
		for (long unit : new long[] { 0L, this.t, this.a, this.b }) {
			assertThat(value(q4, SafetyContribution.PER_10_FTE, unit)).isZero();
			assertThat(value(q4, SafetyContribution.SERIOUS, unit)).isZero();
			assertThat(hidden(q4, SafetyContribution.NOTIFICATIONS_ON_TIME, unit)).isEqualTo(Hidden.NO_DATA);
		}
	}

	/** The overview equals the safety figures API for the same quarter, unit by unit. */
	@Test
	void theOverviewEqualsTheSafetyFiguresApi() throws Exception {
		String json = this.mvc
			.perform(get("/api/v1/organisations/" + this.fixture.code + "/safety/figures?from=2025-07-01&to=2025-09-30")
				.header("Authorization", "Bearer " + this.fixture.token()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> api = JsonPath.read(json, "$.figures");
		List<OverviewFigure> overview = this.contribution.figures(this.organisation, Q3, Q3.last());
		assertThat(api).hasSize(4);
		for (Map<String, Object> unit : api) {
			long id = ((Number) unit.get("unitId")).longValue();
			assertThat(find(overview, SafetyContribution.PER_10_FTE, id).value())
				.isEqualTo(number(unit.get("incidentsPer10Fte")));
			assertThat(find(overview, SafetyContribution.SERIOUS, id).value()).isEqualTo(number(unit.get("serious")));
			assertThat(find(overview, SafetyContribution.NOTIFICATIONS_ON_TIME, id).value())
				.isEqualTo(number(unit.get("shareNotificationsOnTime")));
		}
	}

	private static Double number(Object value) {
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

	private static Double value(List<OverviewFigure> figures, String key, long unit) {
		OverviewFigure figure = find(figures, key, unit);
		assertThat(figure.hidden()).as("%s of %d is shown", key, unit).isNull();
		return figure.value();
	}

	private static Hidden hidden(List<OverviewFigure> figures, String key, long unit) {
		return find(figures, key, unit).hidden();
	}

	private static OverviewFigure find(List<OverviewFigure> figures, String key, long unit) {
		return figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unit).findFirst().orElseThrow();
	}

}
