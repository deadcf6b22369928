package bryt.surveys;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A cycle of a program as the staff pages and jobs see it.
 *
 * @param instrumentNames the instrument's name by language ({@code en} always there)
 * @param withoutAddress exit survey, first stage: leavers not invited for want of a work
 * address
 */
record Cycle(long id, long organisationId, CycleProgram program, long instrumentId, LocalDate opensOn,
		LocalDate closesOn, String status, int invited, boolean reminded, Map<String, String> instrumentNames,
		int withoutAddress) {

	Cycle {
		instrumentNames = Map.copyOf(instrumentNames);
	}

	/** The instrument's name in the page's language (the request's locale). */
	public String instrumentName() {
		return instrumentName(LocaleContextHolder.getLocale());
	}

	/** The instrument's name in a language, else in English. */
	String instrumentName(Locale locale) {
		return this.instrumentNames.getOrDefault(locale.getLanguage(), this.instrumentNames.get("en"));
	}

	boolean open() {
		return "open".equals(this.status);
	}

	/** Whether an administrator cancelled it before it closed: it never shows results. */
	boolean cancelled() {
		return "cancelled".equals(this.status);
	}

	/**
	 * Whether an administrator may still close it early or cancel it: an open annual
	 * survey or pulse (the exit stages' monthly cycles close by themselves).
	 */
	public boolean endable() {
		return open() && (this.program == CycleProgram.ANNUAL || this.program == CycleProgram.PULSE);
	}

	/** Whether answers are taken on a day. */
	boolean answerable(LocalDate today) {
		return open() && !today.isBefore(this.opensOn) && !today.isAfter(this.closesOn);
	}

}
