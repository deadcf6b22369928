package bryt.workload;

import bryt.WebSlice;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workload pages' parameters, without a database: a date that does not exist, a date
 * in another format, an identity number in its place (each sent back to the page without
 * it), a unit or worker that is not a number (a bad request). None reaches the figures or
 * the directory. (The error page itself is rendered by the container's error dispatch,
 * which {@code SecurityConfigurationTests} checks on the whole application.)
 */
@WebSlice(WorkloadController.class)
class WorkloadPagesSliceTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Workload workload;

	@MockitoBean
	private Organisations organisations;

	@MockitoBean
	private WorkloadCharts charts;

	@MockitoBean
	private WorkloadTables tables;

	/**
	 * Issue 11 (from a review): a malformed date is no error page. The reader is sent to
	 * the page without it, which says what was expected (ExportAndPrintTests checks the
	 * message); the value goes into no link.
	 */
	@Test
	void aDateThatIsNotADayIsSentBackToThePageWithoutIt() throws Exception {
		for (String at : new String[] { "2026-02-30", "16.03.2026", "811218-9876", "" + Long.MAX_VALUE }) {
			for (String path : new String[] { "/workload", "/workload/units/3", "/workload/workers/4" }) {
				this.mvc.perform(get(path).param("at", at).with(hr()))
					.andExpect(status().isFound())
					.andExpect(redirectedUrl(path))
					.andExpect(flash().attribute("badDate", true));
			}
		}
		verifyNoInteractions(this.workload, this.organisations, this.charts, this.tables);
	}

	@Test
	void aUnitOrWorkerThatIsNotANumberIsABadRequest() throws Exception {
		this.mvc.perform(get("/workload/units/BOU").with(hr())).andExpect(status().isBadRequest());
		this.mvc.perform(get("/workload/workers/E1").with(hr())).andExpect(status().isBadRequest());
		verifyNoInteractions(this.workload, this.organisations, this.charts, this.tables);
	}

	private static RequestPostProcessor hr() {
		return user(TestAccounts.of(7, Role.HR));
	}

}
