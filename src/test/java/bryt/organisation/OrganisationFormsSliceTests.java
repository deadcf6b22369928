package bryt.organisation;

import java.util.List;

import bryt.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.Errors;

import static bryt.FormErrors.linksTo;
import static bryt.FormErrors.message;
import static bryt.FormErrors.rejected;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's forms (units, staff, accounts, one's own password) answering bad
 * input, without a database: each refused field says why next to itself in the user's
 * language and is marked invalid, a refused value is not sent back, and nothing is saved.
 * What the services refuse (a taken code) comes back on the same form. One context for
 * all four controllers, so that the slices cost one start.
 */
@WebSlice({ UnitController.class, StaffController.class, AccountController.class, PasswordController.class,
		ApiTokenController.class })
class OrganisationFormsSliceTests {

	private static final long ORG = 7;

	private static final long UNIT = 70;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrganisationTree tree;

	@MockitoBean
	private UnitRepository units;

	@MockitoBean
	private StaffRepository staff;

	@MockitoBean
	private StaffChanges staffChanges;

	@MockitoBean
	private StaffDirectory directory;

	@MockitoBean
	private AccountRepository accountRepository;

	@MockitoBean
	private Accounts accounts;

	@MockitoBean
	private SecondFactors secondFactors;

	@MockitoBean
	private ApiTokens apiTokens;

	/** Where roles came from (issue 16), shown on the account form. */
	@MockitoBean
	private ProviderLinkRepository providerLinks;

	/** Which side's provider a session logged in through (the password page asks). */
	@MockitoBean
	private OidcProviders oidcProviders;

	@Test
	void aBlankCodeAndAnIdentityNumberAsNameAreRefusedNextToTheirFields() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/units").param("code", " ").param("name", "811218-9876").param("level", "DEPARTMENT")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NoPersonalIdentityNumber"))
			.andExpect(message("code", "Fill this in."))
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
		}).given(this.tree).save(eq(ORG), isNull(), any(), any());
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/units").param("code", "SOC")
						.param("name", "Socialtjänsten")
						.param("level", "DEPARTMENT")
						.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "code", "taken"))
			.andExpect(message("code", "Det här används redan."))
			.andExpect(content().string(containsString("value=\"Socialtjänsten\"")));
	}

	@Test
	void aValidUnitIsSavedAndTheListShown() throws Exception {
		this.mvc.perform(as(Role.ADMINISTRATOR,
				post("/admin/units").param("code", "SOC").param("name", "Socialtjänsten").param("level", "DEPARTMENT")))
			.andExpect(redirectedUrl("/admin/units"));
		then(this.tree).should()
			.save(eq(ORG), isNull(), eq(new UnitForm("SOC", "Socialtjänsten", UnitLevel.DEPARTMENT, null)), any());
	}

	/**
	 * A full-time equivalent over 1 and an end date without a reason, in Danish: both
	 * messages, and no staff member created. (Values that cannot be read, such as the
	 * date 2026-13-01, are the next test's.)
	 */
	@Test
	void staffWithAnImpossibleFteAndAnEndWithoutReasonIsRefusedFieldByField() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", String.valueOf(UNIT))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1.5")
						.param("employmentStart", "2020-01-01")
						.param("endDate", "2026-12-31")
						.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "fte", "DecimalMax"))
			.andExpect(content().string(containsString("Må højst være 1.0.")))
			.andExpect(content().string(containsString("Angiv både sidste dag og årsag, eller ingen af dem.")))
			.andExpect(
					content().string(containsString("aria-invalid=\"true\" aria-describedby=\"fte-hint fte-error\"")))
			.andExpect(content().string(not(containsString("value=\"1.5\""))));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	/** A unit of another organisation (or none) is not one to put staff in. */
	@Test
	void staffInAUnitOutsideTheOrganisationIsRefused() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", String.valueOf(UNIT))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1")
						.param("employmentStart", "2020-01-01")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "unitId", "unknown"))
			.andExpect(content().string(containsString("This does not exist in your organisation.")));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	@Test
	void aShortNewPasswordAndADifferentConfirmationAreRefusedAndNothingChanges() throws Exception {
		this.mvc
			.perform(as(Role.STAFF,
					post("/account/password").param("currentPassword", "violet tundra kettle")
						.param("newPassword", "too short")
						.param("confirmation", "too shirt")
						.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmed", "AssertTrue"))
			.andExpect(content().string(containsString("Mellan 12 och 200 tecken.")))
			.andExpect(content().string(containsString("De två nya lösenorden skiljer sig åt.")))
			.andExpect(content().string(not(containsString("too short"))))
			.andExpect(content().string(not(containsString("violet tundra kettle"))));
		then(this.accounts).should(never()).changeOwnPassword(any(), anyBoolean(), any(), any());
	}

	/**
	 * A username is shown on many pages: one that looks like a personal identity number
	 * is refused without being shown back (found by the review of the running jar).
	 */
	@Test
	void anIdentityNumberAsUsernameIsRefusedAndNotShownBack() throws Exception {
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/accounts").param("username", "19121212-1212")
						.param("displayName", "Anna Ek")
						.param("roles", "MANAGER")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "NoPersonalIdentityNumber"))
			.andExpect(content().string(containsString(
					"This looks like a personal identity number. Bryt must not hold any; it was not saved.")))
			.andExpect(content().string(not(containsString("121212"))));
		then(this.accounts).should()
			.save(eq(ORG), isNull(), any(), argThat((Errors errors) -> errors.hasFieldErrors("username")), any());
	}

	/**
	 * An account form with a username Bryt does not take and no role: the controller
	 * hands the refusals to the service, which saves nothing with errors, and shows them.
	 */
	@Test
	void anAccountWithABadUsernameAndNoRoleIsShownWithBothMessages() throws Exception {
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/accounts").param("username", "Anna Ek").param("displayName", "Anna Ek")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"))
			.andExpect(content()
				.string(containsString("Use lower-case letters, digits and . _ @ - only, at least two characters.")))
			.andExpect(content().string(containsString("Choose at least one.")));
		then(this.accounts).should()
			.save(eq(ORG), isNull(), any(), argThat((Errors errors) -> errors.hasFieldErrors("username")), any());
	}

	/**
	 * Everything right but a start date that does not exist: the date's message, where
	 * before the page came back with the errors dropped and no message at all.
	 */
	@Test
	void staffWithADateThatDoesNotExistIsShownAgainWithTheDateMessage() throws Exception {
		given(this.tree.units(ORG))
			.willReturn(List.of(new Unit(UNIT, ORG, "SOC", "Socialtjänsten", UnitLevel.DEPARTMENT, null)));
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", String.valueOf(UNIT))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1")
						.param("employmentStart", "2026-13-01")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "employmentStart", "2026-13-01"))
			.andExpect(model().errorCount(1))
			.andExpect(message("employmentStart", "Enter a date as yyyy-mm-dd."))
			.andExpect(content().string(containsString("value=\"Alva Berg\"")));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	/**
	 * The case found: a start date that does not exist and a unit the controller then
	 * refuses itself. It gave a 500 ("Cannot access properties on null bean instance
	 * 'form'").
	 */
	@Test
	void staffWithADateThatDoesNotExistAndAnUnknownUnitGetsBothMessages() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", String.valueOf(UNIT))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1")
						.param("employmentStart", "2026-13-01")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "employmentStart", "2026-13-01"))
			.andExpect(model().attributeHasFieldErrorCode("form", "unitId", "unknown"))
			.andExpect(message("employmentStart", "Enter a date as yyyy-mm-dd."))
			.andExpect(content().string(containsString("This does not exist in your organisation.")));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	/**
	 * A date that does not exist, a number, a unit id and two choices that cannot be
	 * read, in Danish: the form again with the message by each field, each typed text
	 * kept as the field's rejected value, and no staff member created.
	 */
	@Test
	void staffWithValuesThatCannotBeReadIsShownAgainWithAMessageByEachField() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", "seventy")
						.param("role", "CHIEF")
						.param("fte", "0,5x")
						.param("employmentStart", "2026-13-01")
						.param("endDate", "31/12/2026")
						.param("endReason", "GONE")
						.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "unitId", "seventy"))
			.andExpect(rejected("form", "role", "CHIEF"))
			.andExpect(rejected("form", "fte", "0,5x"))
			.andExpect(rejected("form", "employmentStart", "2026-13-01"))
			.andExpect(rejected("form", "endDate", "31/12/2026"))
			.andExpect(rejected("form", "endReason", "GONE"))
			.andExpect(message("employmentStart", "Angiv en dato som åååå-mm-dd."))
			.andExpect(message("endDate", "Angiv en dato som åååå-mm-dd."))
			.andExpect(message("fte", "Angiv et tal, f.eks. 0,75."))
			.andExpect(message("unitId", "Dette er ikke en gyldig værdi."))
			.andExpect(message("role", "Dette er ikke en gyldig værdi."))
			.andExpect(message("endReason", "Dette er ikke en gyldig værdi."))
			.andExpect(content().string(containsString("value=\"Alva Berg\"")));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	/** A level and a parent that cannot be read: both messages, and no unit saved. */
	@Test
	void aUnitWithALevelAndParentThatCannotBeReadIsShownAgain() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/units").param("code", "SOC")
						.param("name", "Socialtjänsten")
						.param("level", "PLANET")
						.param("parentId", "12a")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "level", "PLANET"))
			.andExpect(rejected("form", "parentId", "12a"))
			.andExpect(message("level", "This is not a valid value."))
			.andExpect(message("parentId", "This is not a valid value."))
			.andExpect(content().string(containsString("value=\"Socialtjänsten\"")));
		then(this.tree).should(never()).save(anyLong(), any(), any(), any());
	}

	/**
	 * Roles, units, a staff member and the enabled box that cannot be read, in Swedish:
	 * the messages by the fields that show one, and the service gets the errors, on which
	 * it saves nothing.
	 */
	@Test
	void anAccountWithValuesThatCannotBeReadIsShownAgain() throws Exception {
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/accounts").param("username", "anna.ek")
						.param("displayName", "Anna Ek")
						.param("roles", "GOD")
						.param("unitIds", "x1")
						.param("staffId", "anna")
						.param("enabled", "perhaps")
						.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "roles", "GOD"))
			.andExpect(rejected("form", "unitIds", "x1"))
			.andExpect(rejected("form", "staffId", "anna"))
			.andExpect(rejected("form", "enabled", "perhaps"))
			.andExpect(message("roles", "Det här är inte ett giltigt värde."))
			.andExpect(message("unitIds", "Det här är inte ett giltigt värde."))
			.andExpect(message("staffId", "Det här är inte ett giltigt värde."))
			.andExpect(content().string(containsString("value=\"anna.ek\"")));
		then(this.accounts).should()
			.save(eq(ORG), isNull(), any(), argThat((Errors errors) -> errors.getFieldErrorCount() == 4), any());
	}

	// Issue 11 (pages, forms): the error summary and the error classes on every form.

	/**
	 * A full-time equivalent over 1, an end date before the start without a reason, and a
	 * unit outside the organisation, in Danish: the title says "Fejl:", the summary links
	 * to each field (the checks across fields to the field they concern) and each is
	 * marked, the FTE input too (it was not).
	 */
	@Test
	void staffErrorsAreSummarisedWithALinkToEachMarkedField() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.HR,
					post("/staff").param("employeeNumber", "E1")
						.param("name", "Alva Berg")
						.param("unitId", String.valueOf(UNIT))
						.param("role", "SOCIAL_WORKER")
						.param("fte", "1.5")
						.param("employmentStart", "2020-01-01")
						.param("endDate", "2019-12-31")
						.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "endDateAfterStart", "AssertTrue"))
			.andExpect(linksTo("Fejl: ", "unitId", "fte", "endDate", "endReason"))
			.andExpect(content()
				.string(containsString("class=\"govuk-input govuk-input--error\" type=\"number\" id=\"fte\"")))
			.andExpect(content().string(containsString("Der er et problem")));
		then(this.staffChanges).should(never()).create(anyLong(), any());
	}

	/** A form without errors has no summary and no "Error:" in its title. */
	@Test
	void aFormWithoutErrorsHasNoSummary() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc.perform(as(Role.ADMINISTRATOR, get("/admin/units/new")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("govuk-error-summary"))))
			.andExpect(content().string(containsString("<title>New unit")));
	}

	@Test
	void unitErrorsAreSummarisedInSwedish() throws Exception {
		given(this.tree.units(ORG)).willReturn(List.of());
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/units").param("code", " ")
						.param("name", "")
						.param("level", "DEPARTMENT")
						.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(linksTo("Fel: ", "code", "name"));
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/units").param("code", "SOC").param("name", "Socialtjänsten").param("level", "PLANET")))
			.andExpect(status().isOk())
			.andExpect(linksTo("Error: ", "level"));
		then(this.tree).should(never()).save(anyLong(), any(), any(), any());
	}

	/**
	 * A crafted enabled box and role: a message by the box (it had no place for one) and
	 * by the roles, each linked from the summary (the roles to their first box).
	 */
	@Test
	void anAccountsCraftedEnabledBoxGetsAMessageByItAndALinkToIt() throws Exception {
		this.mvc
			.perform(as(Role.ADMINISTRATOR,
					post("/admin/accounts").param("username", "anna.ek")
						.param("displayName", "Anna Ek")
						.param("roles", "GOD")
						.param("enabled", "perhaps")
						.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "enabled", "perhaps"))
			.andExpect(message("enabled", "Det här är inte ett giltigt värde."))
			.andExpect(linksTo("Fel: ", "enabled", "role-" + Role.values()[0]));
		then(this.accounts).should()
			.save(eq(ORG), isNull(), any(), argThat((Errors errors) -> errors.hasFieldErrors("enabled")), any());
	}

	@Test
	void passwordErrorsAreSummarisedTheConfirmationAtItsField() throws Exception {
		this.mvc
			.perform(as(Role.STAFF,
					post("/account/password").param("currentPassword", "")
						.param("newPassword", "too short")
						.param("confirmation", "too shirt")
						.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(linksTo("Fejl: ", "currentPassword", "newPassword", "confirmation"));
		then(this.accounts).should(never()).changeOwnPassword(any(), anyBoolean(), any(), any());
	}

	@Test
	void anApiTokenWithoutNameIsRefusedWithTheSummary() throws Exception {
		this.mvc.perform(as(Role.ADMINISTRATOR, post("/admin/api-tokens").param("name", "  ")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(linksTo("Error: ", "name"))
			.andExpect(content().string(containsString("Fill this in.")));
		this.mvc.perform(as(Role.ADMINISTRATOR, post("/admin/api-tokens").param("name", "x".repeat(101))))
			.andExpect(status().isOk())
			.andExpect(linksTo("Error: ", "name"));
		then(this.apiTokens).should(never()).create(anyLong(), anyString());
	}

	private static MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
		return request.with(user(TestAccounts.of(ORG, role))).with(csrf());
	}

}
