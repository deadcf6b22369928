package bryt.organisation;

import java.util.List;

import bryt.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.Errors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The unit form's answers to bad input, without a database: each refused field says why
 * next to itself, is marked invalid, and a refused value is not sent back; nothing is
 * saved. The tree's own rules (a taken code) come back on the same form.
 */
@WebSlice(UnitController.class)
class UnitFormSliceTests {

	private static final long ORG = 7;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrganisationTree tree;

	@MockitoBean
	private UnitRepository units;

	@Test
	void aBlankCodeAndAnIdentityNumberAsNameAreRefusedNextToTheirFields() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(post("/admin/units").param("code", " ")
				.param("name", "811218-9876")
				.param("level", "DEPARTMENT")
				.with(user(TestAccounts.of(ORG, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NoPersonalIdentityNumber"))
			.andExpect(content().string(containsString("<p class=\"error\" id=\"code-error\">Fill this in.</p>")))
			.andExpect(content().string(containsString(
					"This looks like a personal identity number. Bryt must not hold any; it was not saved.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"name-error\"")))
			.andExpect(content().string(not(containsString("811218"))));
		then(this.tree).should(never()).save(anyLong(), any(), any(), any());
	}

	@Test
	void aCodeTheTreeRefusesComesBackOnTheFormInTheUsersLanguage() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		willAnswer((call) -> {
			call.<Errors>getArgument(3).rejectValue("code", "taken");
			return null;
		}).given(this.tree).save(eq(ORG), eq(null), any(), any());
		this.mvc
			.perform(post("/admin/units").param("code", "SOC")
				.param("name", "Socialtjänsten")
				.param("level", "DEPARTMENT")
				.header("Accept-Language", "sv")
				.with(user(TestAccounts.of(ORG, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "taken"))
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("value=\"Socialtjänsten\"")));
	}

	@Test
	void aValidUnitIsSavedAndTheListShown() throws Exception {
		this.mvc
			.perform(post("/admin/units").param("code", "SOC")
				.param("name", "Socialtjänsten")
				.param("level", "DEPARTMENT")
				.with(user(TestAccounts.of(ORG, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/units"));
		then(this.tree).should()
			.save(eq(ORG), eq(null), eq(new UnitForm("SOC", "Socialtjänsten", UnitLevel.DEPARTMENT, null)), any());
	}

}
