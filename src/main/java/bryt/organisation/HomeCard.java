package bryt.organisation;

import java.util.List;

/**
 * One card of the home page: a heading, its figures as a summary list, and a link to the
 * page where they are acted on. Texts are message keys with arguments, so that each
 * language formats numbers and plurals itself.
 *
 * @param order where the card goes: lower first (workload 100, voice 200; a new module
 * picks its own hundred)
 * @param titleKey the card's heading
 * @param figures its rows
 * @param linkKey the text of the card's link, or {@code null} for none
 * @param href where the link goes, or {@code null}
 */
public record HomeCard(int order, String titleKey, List<Figure> figures, String linkKey, String href) {

	public HomeCard {
		figures = List.copyOf(figures);
	}

	/**
	 * One figure: a label, its value, where it is acted on, and how urgent it is. An
	 * {@link Tone#ALERT} also appears in the banner at the top of the page.
	 *
	 * @param labelKey the label's message key
	 * @param labelArgs its arguments
	 * @param valueKey the value's message key (e.g. a number format)
	 * @param valueArgs its arguments
	 * @param href the page where the figure is acted on, or {@code null}
	 * @param tone how it is marked
	 */
	public record Figure(String labelKey, List<Object> labelArgs, String valueKey, List<Object> valueArgs, String href,
			Tone tone) {

		public Figure {
			labelArgs = List.copyOf(labelArgs);
			valueArgs = List.copyOf(valueArgs);
		}

		/** A figure whose label has no arguments. */
		public static Figure of(String labelKey, String valueKey, List<Object> valueArgs, String href, Tone tone) {
			return new Figure(labelKey, List.of(), valueKey, valueArgs, href, tone);
		}

		public Object[] labelArguments() {
			return this.labelArgs.toArray();
		}

		public Object[] valueArguments() {
			return this.valueArgs.toArray();
		}

		public boolean alert() {
			return this.tone == Tone.ALERT;
		}

	}

	/**
	 * How a figure is marked: a red tag and the banner for what needs acting on now, an
	 * amber tag for what to watch, a green one for what is fine, none for plain figures.
	 */
	public enum Tone {

		ALERT("govuk-tag--red"), WARNING("govuk-tag--yellow"), GOOD("govuk-tag--green"), NONE(null);

		private final String tagClass;

		Tone(String tagClass) {
			this.tagClass = tagClass;
		}

		/** The GOV.UK tag class, or {@code null} for no tag. */
		public String tagClass() {
			return this.tagClass;
		}

	}

}
