package bryt.voice;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.WebSlice;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static bryt.FormErrors.linksTo;
import static bryt.FormErrors.message;
import static bryt.FormErrors.rejected;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's voice forms (a channel, a question of its questionnaire) answering
 * bad input, without a database: the message next to each field, in the user's language,
 * and nothing saved.
 */
@WebSlice({ ChannelController.class, QuestionController.class })
class VoiceAdminFormsSliceTests {

	private static final long ORG = 7;

	private static final long CHANNEL = 5;

	private static final long RECIPIENT = 11;

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ChannelRepository channels;

	@MockitoBean
	private Organisations directory;

	@MockitoBean
	private KeyRepository keys;

	@MockitoBean
	private RecipientKeys recipientKeys;

	@MockitoBean
	private QuestionRepository questions;

	@MockitoBean
	private DefaultQuestionnaire defaults;

	@MockitoBean
	private Channels changes;

	/** Deadlines outside their ranges, no name and no recipient. */
	@Test
	void aChannelWithoutNameOrRecipientsAndWithDeadlinesOutOfRangeIsRefused() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
				.param("name", " ")
				.param("acknowledgeDays", "0")
				.param("feedbackMonths", "3")
				.param("retentionDays", "5000")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "acknowledgeDays", "Min"))
			.andExpect(model().attributeHasFieldErrorCode("form", "retentionDays", "Max"))
			.andExpect(model().attributeHasFieldErrorCode("form", "recipients", "NotEmpty"))
			.andExpect(content().string(containsString("Fill this in.")))
			.andExpect(content().string(containsString("At least 1.")))
			.andExpect(content().string(containsString("At most 3,650.")))
			.andExpect(content().string(containsString("Choose at least one.")));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/**
	 * A channel's name is shown on the public report pages: one that looks like a
	 * personal identity number is refused without being shown back (found by the review
	 * of the running jar).
	 */
	@Test
	void anIdentityNumberAsChannelNameIsRefusedAndNotShownBack() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
				.param("name", "19121212-1212")
				.param("acknowledgeDays", "7")
				.param("feedbackMonths", "3")
				.param("retentionDays", "730")
				.param("recipients", String.valueOf(RECIPIENT))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "NoPersonalIdentityNumber"))
			.andExpect(content().string(containsString(
					"This looks like a personal identity number. Bryt must not hold any; it was not saved.")))
			.andExpect(content().string(not(containsString("121212"))));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/**
	 * Indexed names no form sends ({@code recipients[300]}, {@code name[0]}): a 400, not
	 * a 500 (found by the review of the running jar).
	 */
	@Test
	void indexedFieldNamesAreABadRequest() throws Exception {
		for (String name : List.of("recipients[300]", "recipients[2147483647]", "recipients[-1]", "recipients[abc]",
				"name[0]")) {
			this.mvc
				.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
					.param("acknowledgeDays", "7")
					.param("feedbackMonths", "3")
					.param("retentionDays", "730")
					.param(name, "2")))
				.andExpect(status().isBadRequest());
		}
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/**
	 * An administrator is never a recipient: the form refuses one (found by the review of
	 * the running jar).
	 */
	@Test
	void anAdministratorIsNotARecipient() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR)),
					new Organisations.AccountSummary(RECIPIENT + 1, "admin", "Admin", Set.of(Role.ADMINISTRATOR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
				.param("name", "Visselblåsning")
				.param("acknowledgeDays", "7")
				.param("feedbackMonths", "3")
				.param("retentionDays", "730")
				.param("recipients", String.valueOf(RECIPIENT), String.valueOf(RECIPIENT + 1))))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "recipients", "voice.unknownRecipient"));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/** A recipient id that is not an account of the organisation, in Swedish. */
	@Test
	void aRecipientFromOutsideTheOrganisationIsRefused() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
				.param("name", "Visselblåsning")
				.param("acknowledgeDays", "7")
				.param("feedbackMonths", "3")
				.param("retentionDays", "730")
				.param("recipients", "99")
				.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "recipients", "voice.unknownRecipient"))
			.andExpect(content().string(containsString("Välj mottagare i listan.")));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/**
	 * A question without its Swedish wording and with an identity number in its English
	 * one: both refused, the number not shown again, the question not added.
	 */
	@Test
	void aQuestionMissingALanguageOrHoldingAnIdentityNumberIsRefused() throws Exception {
		given(this.channels.find(ORG, CHANNEL)).willReturn(Optional.of(new Channel(CHANNEL, ORG,
				ChannelKind.WHISTLEBLOWING, "Visselblåsning", 7, 3, 730, true, List.of(RECIPIENT), 1)));
		this.mvc
			.perform(as(post("/admin/voice/channels/" + CHANNEL + "/questions").param("labelSv", "")
				.param("labelDa", "Hvad skete der?")
				.param("labelEn", "What did 811218-9876 do?")
				.param("type", "TEXT")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("question", "labelSv", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("question", "labelEn", "NoPersonalIdentityNumber"))
			.andExpect(content().string(containsString("Write the question in Swedish.")))
			.andExpect(content().string(containsString("This looks like a personal identity number.")))
			.andExpect(content().string(not(containsString("811218"))));
		then(this.changes).should(never()).addQuestion(anyLong(), anyLong(), any());
	}

	/**
	 * A kind, a deadline, a recipient and the enabled box that cannot be read: the
	 * messages by the fields that show one, each typed text kept as the field's rejected
	 * value, and no channel made.
	 */
	@Test
	void aChannelWithValuesThatCannotBeReadIsShownAgain() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "GOSSIP")
				.param("name", "Visselblåsning")
				.param("acknowledgeDays", "seven")
				.param("feedbackMonths", "3")
				.param("retentionDays", "7.5")
				.param("recipients", "hr")
				.param("enabled", "perhaps")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "kind", "GOSSIP"))
			.andExpect(rejected("form", "acknowledgeDays", "seven"))
			.andExpect(rejected("form", "retentionDays", "7.5"))
			.andExpect(rejected("form", "recipients", "hr"))
			.andExpect(rejected("form", "enabled", "perhaps"))
			.andExpect(message("acknowledgeDays", "Enter a whole number."))
			.andExpect(message("retentionDays", "Enter a whole number."))
			.andExpect(message("recipients", "This is not a valid value."))
			.andExpect(content().string(containsString("value=\"Visselblåsning\"")));
		then(this.changes).should(never()).create(anyLong(), any(), any());
		then(this.changes).should(never()).update(anyLong(), anyLong(), any());
	}

	/**
	 * A type and a required box that cannot be read, in Danish: the question not added.
	 */
	@Test
	void aQuestionWithATypeThatCannotBeReadIsShownAgain() throws Exception {
		given(this.channels.find(ORG, CHANNEL)).willReturn(Optional.of(new Channel(CHANNEL, ORG,
				ChannelKind.WHISTLEBLOWING, "Visselblåsning", 7, 3, 730, true, List.of(RECIPIENT), 1)));
		this.mvc
			.perform(as(post("/admin/voice/channels/" + CHANNEL + "/questions").param("labelSv", "Vad hände?")
				.param("labelDa", "Hvad skete der?")
				.param("labelEn", "What happened?")
				.param("type", "ESSAY")
				.param("required", "perhaps")
				.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(rejected("question", "type", "ESSAY"))
			.andExpect(rejected("question", "required", "perhaps"))
			.andExpect(message("type", "Dette er ikke en gyldig værdi."))
			.andExpect(content().string(containsString("value=\"Hvad skete der?\"")));
		then(this.changes).should(never()).addQuestion(anyLong(), anyLong(), any());
	}

	// Issue 11 (pages, forms): the error summary, and a message by every field a crafted
	// request can spoil.

	/**
	 * A crafted kind and enabled box, in Swedish: each gets its message by the field
	 * (neither had a place for one: the page came back with nothing to say why nothing
	 * was saved), the summary links to both and to the recipients' first box, and no
	 * channel is made.
	 */
	@Test
	void aChannelsCraftedKindAndEnabledBoxGetAMessageByTheirFields() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "GOSSIP")
				.param("name", "Visselblåsning")
				.param("acknowledgeDays", "7")
				.param("feedbackMonths", "3")
				.param("retentionDays", "730")
				.param("recipients", "hr")
				.param("enabled", "perhaps")
				.header("Accept-Language", "sv")))
			.andExpect(status().isOk())
			.andExpect(rejected("form", "kind", "GOSSIP"))
			.andExpect(rejected("form", "enabled", "perhaps"))
			.andExpect(message("kind", "Det här är inte ett giltigt värde."))
			.andExpect(message("enabled", "Det här är inte ett giltigt värde."))
			.andExpect(linksTo("Fel: ", "kind", "enabled", "recipient-" + RECIPIENT));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/** Deadlines out of range and no name, in Danish: a link to each number field. */
	@Test
	void channelErrorsAreSummarisedWithALinkToEachField() throws Exception {
		given(this.directory.accounts(ORG))
			.willReturn(List.of(new Organisations.AccountSummary(RECIPIENT, "hr", "HR", Set.of(Role.HR))));
		this.mvc
			.perform(as(post("/admin/voice/channels").param("kind", "WHISTLEBLOWING")
				.param("name", " ")
				.param("acknowledgeDays", "0")
				.param("feedbackMonths", "13")
				.param("retentionDays", "730")
				.param("recipients", String.valueOf(RECIPIENT))
				.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(linksTo("Fejl: ", "name", "acknowledgeDays", "feedbackMonths"));
		then(this.changes).should(never()).create(anyLong(), any(), any());
	}

	/**
	 * A crafted required box, in Danish: its message by the box, a link to it, the
	 * question not added; a single choice with too few choices links to the choices' text
	 * area, marked.
	 */
	@Test
	void aQuestionsCraftedRequiredBoxGetsAMessageByIt() throws Exception {
		given(this.channels.find(ORG, CHANNEL)).willReturn(Optional.of(new Channel(CHANNEL, ORG,
				ChannelKind.WHISTLEBLOWING, "Visselblåsning", 7, 3, 730, true, List.of(RECIPIENT), 1)));
		this.mvc
			.perform(as(post("/admin/voice/channels/" + CHANNEL + "/questions").param("labelSv", "Vad hände?")
				.param("labelDa", "Hvad skete der?")
				.param("labelEn", "What happened?")
				.param("type", "TEXT")
				.param("required", "perhaps")
				.header("Accept-Language", "da")))
			.andExpect(status().isOk())
			.andExpect(rejected("question", "required", "perhaps"))
			.andExpect(message("required", "Dette er ikke en gyldig værdi."))
			.andExpect(linksTo("Fejl: ", "required"));
		this.mvc
			.perform(as(post("/admin/voice/channels/" + CHANNEL + "/questions").param("labelSv", "Vad hände?")
				.param("labelDa", "Hvad skete der?")
				.param("labelEn", "What happened?")
				.param("type", "SINGLE_CHOICE")
				.param("optionsSv", "Ja")
				.param("optionsDa", "Ja\nNej")
				.param("optionsEn", "Yes\nNo")))
			.andExpect(status().isOk())
			.andExpect(linksTo("Error: ", "optionsSv"));
		then(this.changes).should(never()).addQuestion(anyLong(), anyLong(), any());
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user(TestAccounts.of(ORG, Role.ADMINISTRATOR))).with(csrf());
	}

}
