package bryt.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report form posted, by field name, as typed: every value is checked (and the
 * identity-number guard run on it) by {@link IncidentValidator} before anything is
 * parsed, so that a crafted value gives a field error, never a 500.
 */
record IncidentForm(Map<String, String> values) {

	static final String PERSON = "person";

	static final String COLLEAGUE = "colleague";

	static final String UNIT = "unit";

	static final String OCCURRED_ON = "occurredOn";

	static final String PART_OF_DAY = "partOfDay";

	static final String CATEGORY = "category";

	static final String CHANNEL = "channel";

	static final String SOURCE = "source";

	static final String FAMILY_TARGETED = "familyTargeted";

	static final String CASE_KIND = "caseKind";

	static final String CASE_TWO_HANDLERS = "caseTwoHandlers";

	static final String SEVERITY = "severity";

	static final String INJURY = "injury";

	static final String ABSENCE_DAYS = "absenceDays";

	static final String ABSENCE_FROM = "absenceFrom";

	static final String CASE_REFERENCE = "caseReference";

	static final String DESCRIPTION = "description";

	static final String LINKS = "links";

	/** The serious checklist, in the order the form shows it. */
	static final List<String> CHECKLIST = List.of("weapon", "deathThreat", "injuryNeedingCare", "severalStaff",
			"threatToFamilyOrHome", "death");

	/** Every field a report form has; nothing else is read or echoed. */
	static final List<String> FIELDS = List.of(PERSON, COLLEAGUE, UNIT, OCCURRED_ON, PART_OF_DAY, CATEGORY, CHANNEL,
			SOURCE, FAMILY_TARGETED, CASE_KIND, CASE_TWO_HANDLERS, SEVERITY, INJURY, ABSENCE_DAYS, ABSENCE_FROM,
			CASE_REFERENCE, DESCRIPTION, LINKS, "weapon", "deathThreat", "injuryNeedingCare", "severalStaff",
			"threatToFamilyOrHome", "death");

	IncidentForm {
		Map<String, String> known = new HashMap<>();
		for (String field : FIELDS) {
			String value = values.get(field);
			if (value != null) {
				known.put(field, value);
			}
		}
		values = Map.copyOf(known);
	}

	/** The value as typed, stripped; null when absent or blank. */
	String get(String field) {
		String value = this.values.get(field);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	boolean ticked(String field) {
		return "true".equals(get(field));
	}

	@Override
	public String toString() {
		return "IncidentForm[***]";
	}

}
