package bryt;

import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@link WebSlice} test expects of a form's errors. */
public final class FormErrors {

	private FormErrors() {
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

}
