package bryt.safety;

import java.util.List;
import java.util.Map;

import bryt.BrytTest;
import bryt.shared.time.Quarter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The committee's view across units (docs/safety/figures.md, "Hiding across units"):
 *
 * <pre>
 * T (department) over A and B; 2025-Q3: A 4 threats, B 1 threat; T and the organisation 5.
 * Each row alone (before): B "< 3", A 4 and T 5 shown, so T − A = 1 gives B.
 * Across the units: A's incidents and threats are hidden as well (4, the smallest shown
 * beside B under T), with A's rate per 10 FTE.
 * </pre>
 */
@BrytTest
class SafetyFiguresAcrossUnitsTests {

	private static final Quarter Q3 = new Quarter(2025, 3);

	@Autowired
	private SafetyFigures figures;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	private FiguresIncidents fixture;

	private long t;

	private long a;

	private long b;

	@BeforeEach
	void incidents() {
		this.fixture = new FiguresIncidents(this.jdbc, "SE");
		this.t = this.fixture.unit("T", "DEPARTMENT", null);
		this.a = this.fixture.unit("A", "UNIT", this.t);
		this.b = this.fixture.unit("B", "UNIT", this.t);
		for (int i = 0; i < 5; i++) {
			this.fixture.staff(this.a, "1.0", "2024-01-01");
		}
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		this.fixture.staff(this.b, "1.0", "2024-01-01");
		for (int day = 1; day <= 4; day++) {
			this.fixture.incident(this.a, "THREAT", "2025-08-0" + day + "T10:00:00Z");
		}
		this.fixture.incident(this.b, "THREAT", "2025-08-20T10:00:00Z");
	}

	@Test
	void aParentLessItsShownChildNoLongerGivesTheChildUnderThree() throws Exception {
		List<SafetyFigures.Figures> counted = this.figures.figures(this.fixture.organisation, Q3, Q3, Q3.last());

		// Before: each row alone leaves T 5 and A 4 beside B's "< 3"
		SafetyFigures.Shown aAlone = SafetyFigures.view(row(counted, this.a), true);
		SafetyFigures.Shown tAlone = SafetyFigures.view(row(counted, this.t), true);
		assertThat(SafetyFigures.view(row(counted, this.b), true).isUnderThree("incidents")).isTrue();
		assertThat(tAlone.incidents() - aAlone.incidents()).isEqualTo(1);

		// Across the units, as the page, the downloads, the API and the overview get it
		List<SafetyFigures.Shown> shown = SafetyFigures.view(counted, (unit) -> true);
		SafetyFigures.Shown a = shown(shown, this.a);
		assertThat(shown(shown, this.b).isUnderThree("incidents")).isTrue();
		assertThat(shown(shown, this.t).incidents()).isEqualTo(5);
		assertThat(shown(shown, SafetyFigures.ORGANISATION).incidents()).isEqualTo(5);
		assertThat(a.incidents()).isNull();
		assertThat(a.isHidden("incidents")).isTrue();
		assertThat(a.incidentsPer10Fte()).isNull();
		assertThat(a.categories().get("THREAT")).isNull();
		assertThat(a.categoriesPer10Fte().get("THREAT")).isNull();

		// The API gives the same
		String json = this.mvc
			.perform(get("/api/v1/organisations/" + this.fixture.code + "/safety/figures?from=2025-07-01&to=2025-09-30")
				.header("Authorization", "Bearer " + this.fixture.token()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> api = JsonPath.read(json, "$.figures");
		Map<String, Object> aJson = api.stream()
			.filter((unit) -> ((Number) unit.get("unitId")).longValue() == this.a)
			.findFirst()
			.orElseThrow();
		assertThat(aJson.get("incidents")).isNull();
		List<String> hiddenJson = JsonPath.read(json, "$.figures[?(@.unitId == " + this.a + ")].hidden[*]");
		assertThat(hiddenJson).contains("incidents", "incidentsPer10Fte");
	}

	private static SafetyFigures.Figures row(List<SafetyFigures.Figures> rows, long unit) {
		return rows.stream().filter((row) -> row.unitId() == unit).findFirst().orElseThrow();
	}

	private static SafetyFigures.Shown shown(List<SafetyFigures.Shown> rows, long unit) {
		return rows.stream().filter((row) -> row.unitId() == unit).findFirst().orElseThrow();
	}

}
