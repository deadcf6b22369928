package bryt.surveys;

import java.util.Arrays;
import java.util.List;

/**
 * An item as the respondent sees it, in their language.
 *
 * @param labels the scale's labels for a scale item (values 0 .. n-1), else empty
 */
record AnswerItem(String key, Kind kind, String areaKey, String areaName, String text, List<String> labels) {

	/** The leaving reasons' fixed list, in value order (survey_answer.value). */
	static final List<String> REASONS = List.of("pay", "workload", "leadership", "support", "threats", "values",
			"career", "private", "retirement", "fixedTerm");

	/** The highest value an answer to this item may have, or -1 for free text. */
	int maxValue() {
		return switch (this.kind) {
			case SCALE -> this.labels.size() - 1;
			case RECOMMEND -> 10;
			case REASONS -> REASONS.size() - 1;
			case YES_NO -> 2;
			case TEXT -> -1;
		};
	}

	/**
	 * The form field's name (escaped where written, as every value); public for the
	 * template.
	 */
	public String field() {
		return "item." + this.key;
	}

	enum Kind {

		SCALE, RECOMMEND, REASONS, YES_NO, TEXT;

		static Kind of(String kind) {
			return Arrays.stream(values())
				.filter((k) -> k.name().equalsIgnoreCase(kind))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No item kind " + kind));
		}

	}

}
