package bryt.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import bryt.shared.NoPersonalIdentityNumber;
import bryt.shared.PersonalIdentityNumbers;

import org.springframework.validation.Errors;

/**
 * A question as an administrator writes it: its text in each language, its type, whether
 * it must be answered, and for a single choice its choices, one per line in each
 * language.
 */
record QuestionForm(@NotBlank @Size(max = MAX_LABEL) @NoPersonalIdentityNumber String labelSv,
		@NotBlank @Size(max = MAX_LABEL) @NoPersonalIdentityNumber String labelDa,
		@NotBlank @Size(max = MAX_LABEL) @NoPersonalIdentityNumber String labelEn, @NotNull Question.Type type,
		Boolean required, String optionsSv, String optionsDa, String optionsEn) {

	static final int MAX_LABEL = 500;

	static final int MAX_OPTION = 200;

	static final int MAX_OPTIONS = 20;

	QuestionForm {
		// An unticked checkbox sends nothing.
		required = Boolean.TRUE.equals(required);
	}

	static QuestionForm empty() {
		return new QuestionForm(null, null, null, Question.Type.TEXT, false, null, null, null);
	}

	static QuestionForm of(Question question) {
		return new QuestionForm(question.label().sv(), question.label().da(), question.label().en(), question.type(),
				question.required(), lines(question.options().stream().map(Labels::sv).toList()),
				lines(question.options().stream().map(Labels::da).toList()),
				lines(question.options().stream().map(Labels::en).toList()));
	}

	/**
	 * The question to store, after the checks annotations cannot express: a single choice
	 * needs 2 to 20 choices, the same number in each language. Rejects the fields in
	 * error on {@code errors}; empty when there are any.
	 */
	Optional<Checked> check(Errors errors) {
		List<Labels> options = new ArrayList<>();
		if (this.type == Question.Type.SINGLE_CHOICE) {
			Map<String, List<String>> byField = new LinkedHashMap<>();
			byField.put("optionsSv", options(this.optionsSv, "optionsSv", errors));
			byField.put("optionsDa", options(this.optionsDa, "optionsDa", errors));
			byField.put("optionsEn", options(this.optionsEn, "optionsEn", errors));
			int most = byField.values().stream().mapToInt(List::size).max().orElse(0);
			byField.forEach((field, language) -> {
				if (errors.hasFieldErrors(field)) {
					return;
				}
				if (language.size() < 2 || language.size() > MAX_OPTIONS) {
					errors.rejectValue(field, "voice.questionForm.error.options");
				}
				else if (language.size() != most) {
					errors.rejectValue(field, "voice.questionForm.error.optionCount",
							new Object[] { language.size(), most }, null);
				}
			});
			List<String> sv = byField.get("optionsSv");
			List<String> da = byField.get("optionsDa");
			List<String> en = byField.get("optionsEn");
			if (!errors.hasErrors()) {
				for (int i = 0; i < sv.size(); i++) {
					options.add(new Labels(sv.get(i), da.get(i), en.get(i)));
				}
			}
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Checked(this.type, this.required,
				new Labels(this.labelSv.strip(), this.labelDa.strip(), this.labelEn.strip()), options));
	}

	/**
	 * The choice fields not to show again: those refused as personal identity numbers.
	 */
	static Set<String> refusedOptions(Errors errors) {
		return Stream.of("optionsSv", "optionsDa", "optionsEn")
			.filter((field) -> errors.getFieldErrors(field)
				.stream()
				.anyMatch((error) -> "NoPersonalIdentityNumber".equals(error.getCode())))
			.collect(Collectors.toSet());
	}

	private static List<String> options(String text, String field, Errors errors) {
		List<String> options = (text == null) ? List.of()
				: Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList();
		if (options.stream().anyMatch(PersonalIdentityNumbers::containsOne)) {
			errors.rejectValue(field, "NoPersonalIdentityNumber");
		}
		else if (options.stream().anyMatch((option) -> option.length() > MAX_OPTION)) {
			errors.rejectValue(field, "voice.questionForm.error.optionLength");
		}
		return options;
	}

	private static String lines(List<String> options) {
		return String.join("\n", options);
	}

	/** A question that passed every check. */
	record Checked(Question.Type type, boolean required, Labels label, List<Labels> options) {

		Checked {
			options = List.copyOf(options);
		}

	}

}
