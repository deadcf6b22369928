package bryt.safety;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import bryt.shared.PersonalIdentityNumbers;

/**
 * Checks a report form (logged in or anonymous) and turns it into a {@link NewIncident}.
 * Pure: the caller gives today and what the reporter may choose. The identity-number
 * guard runs first on every field as typed; a refused value is not echoed back.
 */
final class IncidentValidator {

	static final String IDENTITY_NUMBER = "safety.error.identityNumber";

	static final int MAX_DESCRIPTION = 4000;

	static final int MAX_CASE_REFERENCE = 40;

	static final int MAX_LINKS = 10;

	static final int MAX_LINK = 2000;

	static final int MAX_ABSENCE_DAYS = 3650;

	/**
	 * An incident older than this is not reported here (the clocks would be long past).
	 */
	static final int MAX_AGE_YEARS = 10;

	private IncidentValidator() {
	}

	/**
	 * @param choices what the reporter may choose: the units, and for a logged-in
	 * reporter the people
	 */
	static Checked check(IncidentForm sent, LocalDate today, Choices choices) {
		IncidentForm form = sent;
		if (!choices.named()) {
			Map<String, String> kept = new LinkedHashMap<>(sent.values());
			kept.remove(IncidentForm.ABSENCE_FROM);
			kept.remove(IncidentForm.CASE_REFERENCE);
			form = new IncidentForm(kept);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>(form.values());
		// The guard runs on what was sent: an identity number is refused even in a field
		// the anonymous form then ignores.
		for (String field : IncidentForm.FIELDS) {
			if (PersonalIdentityNumbers.containsOne(sent.values().get(field))) {
				errors.put(field, IDENTITY_NUMBER);
				values.remove(field);
			}
		}
		Long affected = null;
		boolean onBehalf = false;
		if (choices.named()) {
			String person = form.get(IncidentForm.PERSON);
			String colleague = form.get(IncidentForm.COLLEAGUE);
			if ("self".equals(person) && choices.ownStaffId() != null) {
				affected = choices.ownStaffId();
			}
			else if ("other".equals(person)) {
				onBehalf = true;
				if (colleague != null) {
					Long id = number(colleague);
					if (id == null || !choices.staffIds().contains(id)) {
						errors.putIfAbsent(IncidentForm.COLLEAGUE, "safety.error.colleague");
					}
					affected = id;
				}
			}
			else {
				errors.putIfAbsent(IncidentForm.PERSON, "safety.error.person");
			}
		}
		Long unit = number(form.get(IncidentForm.UNIT));
		if (unit == null || !choices.unitIds().contains(unit)) {
			errors.putIfAbsent(IncidentForm.UNIT, "safety.error.unit");
		}
		LocalDate occurredOn = date(form.get(IncidentForm.OCCURRED_ON));
		if (occurredOn == null) {
			errors.putIfAbsent(IncidentForm.OCCURRED_ON, "safety.error.occurredOn");
		}
		else if (occurredOn.isAfter(today)) {
			errors.putIfAbsent(IncidentForm.OCCURRED_ON, "safety.error.occurredOn.future");
		}
		else if (occurredOn.isBefore(today.minusYears(MAX_AGE_YEARS))) {
			errors.putIfAbsent(IncidentForm.OCCURRED_ON, "safety.error.occurredOn.old");
		}
		Incident.PartOfDay partOfDay = choice(Incident.PartOfDay.class, form, IncidentForm.PART_OF_DAY, null, errors);
		Incident.Category category = choice(Incident.Category.class, form, IncidentForm.CATEGORY, null, errors);
		Incident.Channel channel = choice(Incident.Channel.class, form, IncidentForm.CHANNEL, null, errors);
		Incident.Source source = choice(Incident.Source.class, form, IncidentForm.SOURCE, null, errors);
		Incident.CaseKind caseKind = choice(Incident.CaseKind.class, form, IncidentForm.CASE_KIND,
				Incident.CaseKind.NONE, errors);
		Boolean twoHandlers = null;
		if (caseKind != null && caseKind != Incident.CaseKind.NONE) {
			String answer = form.get(IncidentForm.CASE_TWO_HANDLERS);
			if ("yes".equals(answer) || "no".equals(answer)) {
				twoHandlers = "yes".equals(answer);
			}
			else {
				errors.putIfAbsent(IncidentForm.CASE_TWO_HANDLERS, "safety.error.caseTwoHandlers");
			}
		}
		Long severity = number(form.get(IncidentForm.SEVERITY));
		if (severity == null || severity < 1 || severity > Incident.MAX_SEVERITY) {
			errors.putIfAbsent(IncidentForm.SEVERITY, "safety.error.severity");
		}
		Incident.Injury injury = choice(Incident.Injury.class, form, IncidentForm.INJURY, Incident.Injury.NONE, errors);
		String absence = form.get(IncidentForm.ABSENCE_DAYS);
		Long absenceDays = (absence == null) ? Long.valueOf(0) : number(absence);
		if (absenceDays == null || absenceDays > MAX_ABSENCE_DAYS) {
			errors.putIfAbsent(IncidentForm.ABSENCE_DAYS, "safety.error.absenceDays");
		}
		// The anonymous form does not ask for the first day of absence nor the case
		// reference: either, set against absence records or the case system, points to
		// one or two people (docs/safety/anonymity.md). Sent anyway, they are ignored.
		String absenceFromText = choices.named() ? form.get(IncidentForm.ABSENCE_FROM) : null;
		LocalDate absenceFrom = date(absenceFromText);
		if (absenceFromText != null && absenceFrom == null) {
			errors.putIfAbsent(IncidentForm.ABSENCE_FROM, "safety.error.absenceFrom");
		}
		else if (absenceFrom == null && absenceDays != null && absenceDays > 0 && choices.named()) {
			// Denmark's EASY due date counts from the first day of absence.
			errors.putIfAbsent(IncidentForm.ABSENCE_FROM, "safety.error.absenceFrom.missing");
		}
		else if (absenceFrom != null && occurredOn != null && absenceFrom.isBefore(occurredOn)) {
			errors.putIfAbsent(IncidentForm.ABSENCE_FROM, "safety.error.absenceFrom.before");
		}
		else if (absenceFrom != null && absenceFrom.isAfter(today.plusDays(1))) {
			errors.putIfAbsent(IncidentForm.ABSENCE_FROM, "safety.error.absenceFrom.future");
		}
		String caseReference = choices.named() ? form.get(IncidentForm.CASE_REFERENCE) : null;
		if (caseReference != null && caseReference.length() > MAX_CASE_REFERENCE) {
			errors.putIfAbsent(IncidentForm.CASE_REFERENCE, "safety.error.caseReference");
		}
		String description = form.get(IncidentForm.DESCRIPTION);
		if (description != null && description.length() > MAX_DESCRIPTION) {
			errors.putIfAbsent(IncidentForm.DESCRIPTION, "safety.error.description");
		}
		List<String> links = links(form.get(IncidentForm.LINKS));
		if (links == null) {
			errors.putIfAbsent(IncidentForm.LINKS, "safety.error.links");
		}
		List<Boolean> ticks = IncidentForm.CHECKLIST.stream().map(form::ticked).toList();
		SafetyClocks.Checklist checklist = new SafetyClocks.Checklist(ticks.get(0), ticks.get(1), ticks.get(2),
				ticks.get(3), ticks.get(4), ticks.get(5));
		if (!errors.isEmpty()) {
			return new Checked(errors, values, null);
		}
		return new Checked(errors, values,
				new NewIncident(unit, affected, onBehalf, occurredOn, partOfDay, category, channel, source,
						form.ticked(IncidentForm.FAMILY_TARGETED), caseKind, twoHandlers, severity.intValue(), injury,
						absenceDays.intValue(), absenceFrom, caseReference, description, links, checklist));
	}

	/** The form's values to show again: any holding an identity number left out. */
	static Map<String, String> echo(IncidentForm form) {
		Map<String, String> values = new LinkedHashMap<>(form.values());
		values.values().removeIf(PersonalIdentityNumbers::containsOne);
		return values;
	}

	/** Whether a file's name may be kept: no identity number in it. */
	static boolean nameAllowed(String fileName) {
		return !PersonalIdentityNumbers.containsOne(fileName);
	}

	/** One link a line, each http or https; null when one is not. */
	static List<String> links(String text) {
		List<String> links = new ArrayList<>();
		if (text == null) {
			return links;
		}
		for (String line : text.split("\\R")) {
			String link = line.strip();
			if (link.isEmpty()) {
				continue;
			}
			if (!link(link) || links.size() >= MAX_LINKS) {
				return null;
			}
			links.add(link);
		}
		return links;
	}

	private static boolean link(String link) {
		if (link.length() > MAX_LINK || link.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			URI uri = new URI(link);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static <E extends Enum<E>> E choice(Class<E> type, IncidentForm form, String field, E absent,
			Map<String, String> errors) {
		String value = form.get(field);
		if (value == null && absent != null) {
			return absent;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		errors.putIfAbsent(field, "safety.error." + field);
		return null;
	}

	private static Long number(String value) {
		return (value != null && value.matches("[0-9]{1,9}")) ? Long.valueOf(value) : null;
	}

	private static LocalDate date(String value) {
		if (value == null || !value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * What the reporter may choose.
	 *
	 * @param named whether the form asks who it happened to (logged in); the anonymous
	 * form does not
	 * @param ownStaffId the reporter's own staff record, or null
	 * @param staffIds the colleagues the reporter may name
	 */
	record Choices(Set<Long> unitIds, boolean named, Long ownStaffId, Set<Long> staffIds) {

		static Choices anonymous(Set<Long> unitIds) {
			return new Choices(unitIds, false, null, Set.of());
		}

	}

	/**
	 * @param values what to show again in the form: a value refused for an identity
	 * number is left out
	 * @param incident the parsed incident, or null when there are errors
	 */
	record Checked(Map<String, String> errors, Map<String, String> values, NewIncident incident) {

		@Override
		public String toString() {
			return "Checked[errors=" + this.errors + "]";
		}

	}

	/** A checked incident, ready to store. */
	record NewIncident(long unitId, Long affectedStaffId, boolean onBehalf, LocalDate occurredOn,
			Incident.PartOfDay partOfDay, Incident.Category category, Incident.Channel channel, Incident.Source source,
			boolean familyTargeted, Incident.CaseKind caseKind, Boolean caseTwoHandlers, int severity,
			Incident.Injury injury, int absenceDays, LocalDate absenceFrom, String caseReference, String description,
			List<String> links, SafetyClocks.Checklist checklist) {

		@Override
		public String toString() {
			return "NewIncident[***]";
		}

	}

}
