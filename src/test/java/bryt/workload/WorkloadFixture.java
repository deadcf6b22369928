package bryt.workload;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Loads CSV files into an organisation the way HR does: through the import page
 * ({@code POST /workload/imports}, fields {@code kind} and {@code file}), so that the
 * tests that need units, staff and cases do not depend on which class imports them. A
 * refused file fails the test with the problems the page lists.
 */
final class WorkloadFixture {

	private final MockMvc mvc;

	private final Organisation organisation;

	WorkloadFixture(MockMvc mvc, Organisation organisation) {
		this.mvc = mvc;
		this.organisation = organisation;
	}

	int units(String csv) {
		return upload("units", csv);
	}

	int staff(String csv) {
		return upload("staff", csv);
	}

	int cases(String csv) {
		return upload("cases", csv);
	}

	int caseTypes(String csv) {
		return upload("case-types", csv);
	}

	/**
	 * Uploads a file of the given kind (its code on the page) and returns the rows it
	 * changed.
	 */
	int upload(String kind, String csv) {
		return upload(kind, csv, StandardCharsets.UTF_8);
	}

	int upload(String kind, String csv, Charset charset) {
		try {
			MvcResult result = this.mvc
				.perform(multipart("/workload/imports")
					.file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(charset)))
					.param("kind", kind)
					.with(user(TestAccounts.of(this.organisation.id(), Role.HR)))
					.with(csrf()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as("the import page's status").isEqualTo(200);
			Map<String, Object> model = result.getModelAndView().getModel();
			assertThat(model.get("problems")).as("the problems the page lists for %s.csv", kind).isNull();
			assertThat(model).as("the page's result for %s.csv", kind).containsKey("changed");
			return (Integer) model.get("changed");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The id of the organisation's unit with this code, as the imports gave it. */
	static long unitId(Organisations organisations, Organisation organisation, String code) {
		return organisations.units(organisation.id())
			.stream()
			.filter((unit) -> unit.code().equals(code))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** The id of the organisation's staff member with this employee number. */
	static long staffId(Organisations organisations, Organisation organisation, String employeeNumber) {
		return organisations.staff(organisation.id())
			.stream()
			.filter((member) -> member.employeeNumber().equals(employeeNumber))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
