package bryt.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.OverviewFigure;
import bryt.shared.time.Quarter;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Workload's overview figures equal what the workload API gives for the same day, unit by
 * unit, on the demo organisation (the longest time past deadline counted by hand is in
 * {@link WorkloadCalculatorTest}).
 */
@BrytTest
class WorkloadContributionTests {

	@Autowired
	private WorkloadContribution contribution;

	@Autowired
	private Organisations organisations;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void theOverviewEqualsTheWorkloadApiForTheSameDay() throws Exception {
		Organisation organisation = this.organisations.findByCode("exempelby").orElseThrow();
		LocalDate day = ServerDay.today();
		String token = ApiTokenPage.create(this.mvc, this.accounts, "overview comparison");
		String json = this.mvc
			.perform(get("/api/v1/organisations/exempelby/workload?at=" + day).header("Authorization",
					"Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<OverviewFigure> overview = this.contribution.figures(organisation, Quarter.of(day), day);
		Map<String, Long> ids = new java.util.HashMap<>();
		this.organisations.units(organisation.id()).forEach((unit) -> ids.put(unit.code(), unit.id()));
		List<Map<String, Object>> units = JsonPath.read(json, "$.units");
		units.add(JsonPath.read(json, "$.total"));
		int compared = 0;
		int past = 0;
		for (Map<String, Object> unit : units) {
			long id = ids.getOrDefault((String) unit.get("code"), OverviewFigure.ORGANISATION);
			int investigations = ((Number) unit.get("openInvestigations")).intValue();
			if (investigations == 0) {
				assertThat(find(overview, WorkloadContribution.LONGEST_PAST_DEADLINE, id).hidden()).isNotNull();
				continue;
			}
			Number longest = (Number) unit.get("longestDaysPastDeadline");
			assertThat(find(overview, WorkloadContribution.LONGEST_PAST_DEADLINE, id).value())
				.isEqualTo((longest != null) ? longest.doubleValue() : 0.0);
			assertThat(find(overview, WorkloadContribution.PAST_DEADLINE, id).value())
				.isEqualTo(((Number) unit.get("investigationsPastDeadline")).doubleValue());
			assertThat(find(overview, WorkloadContribution.SHARE_PAST_DEADLINE, id).value())
				.isCloseTo(((Number) unit.get("shareOfInvestigationsPastDeadline")).doubleValue(), within(1e-4));
			compared++;
			past += (longest != null) ? 1 : 0;
		}
		// the demo has investigations, some past their deadline, so something was
		// compared
		assertThat(compared).isPositive();
		assertThat(past).isPositive();
	}

	private static OverviewFigure find(List<OverviewFigure> figures, String key, long unit) {
		return figures.stream().filter((f) -> f.key().equals(key) && f.unitId() == unit).findFirst().orElseThrow();
	}

}
