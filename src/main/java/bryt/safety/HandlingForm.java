package bryt.safety;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import bryt.shared.PersonalIdentityNumbers;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.MultiValueMap;

/**
 * A handling section's form as posted: every value is read as text and checked here, so
 * that a crafted value gets a message by its field, never a 400, and every text runs
 * through the identity-number guard. A value refused is not shown again
 * ({@link #shownValues()}), so that a personal identity number is never sent back.
 */
final class HandlingForm {

	/** How far back a recorded day may lie. */
	private static final int YEARS_BACK = 10;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Map<String, MessageSourceResolvable> errors = new LinkedHashMap<>();

	private final LocalDate today;

	HandlingForm(MultiValueMap<String, String> params, LocalDate today) {
		params.forEach((name, list) -> {
			if (!name.startsWith("_") && list != null && !list.isEmpty() && list.get(0) != null) {
				this.values.put(name, list.get(0));
			}
		});
		this.today = today;
	}

	/**
	 * A text field, stripped; null when empty. Refused: empty when required, longer than
	 * {@code max}, or holding what looks like a personal identity number.
	 */
	String text(String name, int max, boolean required) {
		String value = blankToNull(this.values.get(name));
		if (value == null) {
			if (required) {
				reject(name, "NotBlank");
			}
			return null;
		}
		if (PersonalIdentityNumbers.containsOne(value)) {
			reject(name, "NoPersonalIdentityNumber");
			return null;
		}
		if (value.length() > max) {
			reject(name, "safety.handling.error.tooLong", max);
			return null;
		}
		return value;
	}

	/**
	 * A day something happened: empty is null; refused when it is not a date, lies in the
	 * future, or more than ten years back.
	 */
	LocalDate pastDay(String name) {
		LocalDate day = day(name);
		if (day != null && (day.isAfter(this.today) || day.isBefore(this.today.minusYears(YEARS_BACK)))) {
			reject(name, "safety.handling.error.pastDay");
			return null;
		}
		return day;
	}

	/** A day something is due: refused when it is not a date, or far from today. */
	LocalDate dueDay(String name, boolean required) {
		LocalDate day = day(name);
		if (day == null && required && !this.errors.containsKey(name)) {
			reject(name, "safety.handling.error.day");
		}
		if (day != null && (day.isBefore(this.today.minusYears(1)) || day.isAfter(this.today.plusYears(3)))) {
			reject(name, "safety.handling.error.dueDay");
			return null;
		}
		return day;
	}

	private LocalDate day(String name) {
		String value = blankToNull(this.values.get(name));
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			reject(name, "safety.handling.error.day");
			return null;
		}
	}

	/** A box: ticked only with the value "true", as the page sends it. */
	boolean checked(String name) {
		return "true".equals(this.values.get(name));
	}

	/**
	 * One of {@code type}'s constants, or null when empty; a crafted value is refused.
	 */
	<E extends Enum<E>> E choice(String name, Class<E> type) {
		String value = blankToNull(this.values.get(name));
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		reject(name, "safety.handling.error.choice");
		return null;
	}

	void reject(String name, String code, Object... arguments) {
		this.errors.putIfAbsent(name, new DefaultMessageSourceResolvable(new String[] { code }, arguments));
	}

	boolean hasError(String name) {
		return this.errors.containsKey(name);
	}

	boolean failed() {
		return !this.errors.isEmpty();
	}

	Map<String, MessageSourceResolvable> errors() {
		return this.errors;
	}

	/** What the form shows again: every value but those refused. */
	Map<String, String> shownValues() {
		Map<String, String> shown = new LinkedHashMap<>(this.values);
		shown.keySet().removeAll(this.errors.keySet());
		return shown;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
