package bryt;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a test expects of a form's errors: the messages by the fields, the values kept,
 * the error summary.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The page shows the message by the field, in the element its
	 * {@code aria-describedby} names ({@code <field>-error}).
	 */
	public static ResultMatcher message(String field, String text) {
		return (result) -> assertThat(result.getResponse().getContentAsString())
			.contains("<p class=\"govuk-error-message\" id=\"" + field + "-error\">" + text + "</p>");
	}

	/**
	 * The field was refused as a value that could not be read ({@code typeMismatch}), on
	 * a result that holds the form, and keeps the text typed as its value.
	 */
	public static ResultMatcher rejected(String form, String field, String typed) {
		return (result) -> {
			BindingResult errors = (BindingResult) result.getModelAndView()
				.getModel()
				.get(BindingResult.MODEL_KEY_PREFIX + form);
			assertThat(errors).as("the errors of %s", form).isNotNull();
			assertThat(errors.getTarget()).as("the form %s", form).isNotNull();
			FieldError error = errors.getFieldError(field);
			assertThat(error).as("the error of %s", field).isNotNull();
			assertThat(error.getCode()).isEqualTo("typeMismatch");
			assertThat(errors.getFieldValue(field)).isEqualTo(typed);
		};
	}

	/**
	 * What a form that came back with errors must show (issue 11, items 1 and 2, GOV.UK
	 * Frontend's error summary pattern): the title starts with "Error: " in the page's
	 * language, one error summary for the design system's script to focus, and for each
	 * field named a link {@code href="#<id>"} in it to an element with that id, which is
	 * marked as in error (its {@code govuk-*--error} class, a checkbox by its form
	 * group's).
	 */
	public static ResultMatcher linksTo(String titlePrefix, String... ids) {
		return (result) -> {
			String html = result.getResponse().getContentAsString();
			assertLinks(Jsoup.parse(html), titlePrefix, ids);
		};
	}

	public static void assertLinks(Document page, String titlePrefix, String... ids) {
		assertThat(page.title()).startsWith(titlePrefix);
		assertThat(page.select(".govuk-error-summary[data-module=govuk-error-summary]")).hasSize(1);
		Element summary = page.selectFirst(".govuk-error-summary");
		assertThat(summary.select("[role=alert] .govuk-error-summary__title").text()).isNotBlank();
		for (String id : ids) {
			assertThat(summary.select("a[href=#" + id + "]")).as("a link to #%s", id).isNotEmpty();
			assertThat(page.select("[id=" + id + "]")).as("one element #%s", id).hasSize(1);
			Element field = page.getElementById(id);
			assertThat(field).as("the field #%s", id).isNotNull();
			Element group = field.closest(".govuk-form-group");
			assertThat(group).as("the form group of #%s", id).isNotNull();
			assertThat(group.hasClass("govuk-form-group--error")).as("#%s's group marked", id).isTrue();
			String expected = switch (field.tagName()) {
				case "select" -> "govuk-select--error";
				case "textarea" -> "govuk-textarea--error";
				default -> "checkbox".equals(field.attr("type")) ? null : "govuk-input--error";
			};
			if (expected != null) {
				assertThat(field.classNames()).as("#%s's classes", id).contains(expected);
			}
		}
	}

}
