package bryt.surveys;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * A new action as typed on the action-plan page. The cycle, the unit and the due date are
 * text, so that a crafted value gets a message by its field, never a 400.
 */
record ActionForm(String cycle, String unit, @NotBlank @Size(max = 300) @NoPersonalIdentityNumber String title,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String owner, String dueOn) {

	static ActionForm empty() {
		return new ActionForm(null, null, null, null, null);
	}

	/**
	 * Rejects a cycle or unit not offered to the account, and a due date that is not a
	 * date or lies more than a year back or three years ahead of {@code today}.
	 */
	void validate(Errors errors, Collection<Long> cycles, Set<Long> units, LocalDate today) {
		if (id(this.cycle) == null || !cycles.contains(id(this.cycle))) {
			errors.rejectValue("cycle", "ActionForm.cycle");
		}
		if (id(this.unit) == null || !units.contains(id(this.unit))) {
			errors.rejectValue("unit", "ActionForm.unit");
		}
		LocalDate due = date(this.dueOn);
		if (due == null || due.isBefore(today.minusYears(1)) || due.isAfter(today.plusYears(3))) {
			errors.rejectValue("dueOn", "ActionForm.dueOn");
		}
	}

	/** The action; only after {@link #validate} found no errors. */
	ActionPlans.NewAction action() {
		return new ActionPlans.NewAction(id(this.cycle), id(this.unit), null, this.title.strip(), this.owner.strip(),
				date(this.dueOn));
	}

	private static Long id(String text) {
		try {
			return (text != null) ? Long.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static LocalDate date(String text) {
		try {
			return (text != null) ? LocalDate.parse(text.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
