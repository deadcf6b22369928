package bryt.surveys;

import java.util.Locale;
import java.util.Map;

import bryt.BrytTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static bryt.surveys.ResultsFixture.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /surveys/results/{id}/pdf}: the heatmap of a closed cycle as the results
 * page decides it. Instrument and units: {@link ResultsFixture}.
 *
 * <pre>
 * annual, March 2026, invited 111: 10, 120: 10
 *   111: 6 responses l1 = 3 (load 100), rec 10; 120: 3 responses l1 = 0 (load 0), rec 0
 * the page's decision (one per unit): 120 (3) below 5; 100 − 110 = 3 → 110 hidden, then
 * 100 − 111 = 3 → 111 hidden; 100 (9) shown: participation 9 of 20 = 45 % → 50 %,
 * load (6·100 + 3·0)/9 → 67, recommend (6 − 3)/9 → +33
 * </pre>
 */
@BrytTest
class SurveysPdfTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	private ResultsFixture survey;

	private String username;

	private long annual;

	@BeforeEach
	void survey() {
		String code = "pdf-" + System.nanoTime();
		this.survey = new ResultsFixture(this.jdbc, code);
		this.annual = this.survey.cycle("annual", "2026-03-01", "2026-03-31", "closed", 0, 0, 10, 10);
		for (int i = 0; i < 6; i++) {
			this.survey.respond(this.annual, 111, null, Map.of("l1", v(3), "rec", v(10)));
		}
		for (int i = 0; i < 3; i++) {
			this.survey.respond(this.annual, 120, null, Map.of("l1", v(0), "rec", v(0)));
		}
		this.username = code + "-hr";
		this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, 'HR', 'x', '{HR}')
				""").param("org", this.survey.organisation).param("username", this.username).update();
	}

	@Test
	void aClosedCyclesPdfHoldsTheHeatmapsShownFiguresAndNoHiddenOne() throws Exception {
		byte[] pdf = this.mvc
			.perform(get("/surveys/results/" + this.annual + "/pdf")
				.with(user(this.accounts.loadUserByUsername(this.username)))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Annual work-environment survey, 2026-03-01")
			.contains("Unit Participation Load Would recommend Why hidden")
			.contains("Förvaltning 50% 67 33");
		// the hidden units: the word and the engine's reason, never a number
		assertThat(text.lines()
			.filter((line) -> line.startsWith("Barn och unga") || line.startsWith("Mottagning")
					|| line.startsWith("Vuxen")))
			.hasSize(3)
			.allSatisfy((line) -> assertThat(line).startsWith(line.split(" Hidden")[0] + " Hidden Hidden Hidden Hidden")
				.doesNotContainPattern("\\d"));
	}

	@Test
	void anOpenCycleHasNoPdf() throws Exception {
		long open = this.survey.cycle("annual", "2026-09-01", "2026-09-30", "open", 0, 0, 10, 10);
		this.mvc
			.perform(get("/surveys/results/" + open + "/pdf")
				.with(user(this.accounts.loadUserByUsername(this.username))))
			.andExpect(status().isNotFound());
	}

}
