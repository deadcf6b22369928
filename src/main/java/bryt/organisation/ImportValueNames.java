package bryt.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every name the units and staff imports take for a unit's level and a leaver's reason:
 * Bryt's own, then the words Swedish and Danish HR systems and people write. Compared as
 * {@link StaffRoleNames} are (case, accents, spaces and hyphens alike); a refused value
 * is answered with the list in this order.
 * <p>
 * Levels follow the three of Bryt's tree: a Swedish "förvaltning" or "avdelning" and a
 * Danish "forvaltning" or "center" are departments; an "enhet", "sektion", Danish
 * "afdeling" or "enhed" is a unit; a "grupp", "arbetsgrupp", "team" or "gruppe" is a
 * team. Where a municipality names its levels otherwise, it writes Bryt's own words.
 */
final class ImportValueNames {

	static final Map<String, UnitLevel> LEVELS = levels();

	static final Map<String, EndReason> END_REASONS = endReasons();

	private ImportValueNames() {
	}

	private static Map<String, UnitLevel> levels() {
		Map<String, UnitLevel> names = own(UnitLevel.values());
		put(names, UnitLevel.DEPARTMENT, "förvaltning", "avdelning", "forvaltning", "center");
		put(names, UnitLevel.UNIT, "enhet", "sektion", "afdeling", "enhed");
		put(names, UnitLevel.TEAM, "grupp", "arbetsgrupp", "gruppe");
		return Collections.unmodifiableMap(names);
	}

	private static Map<String, EndReason> endReasons() {
		Map<String, EndReason> names = own(EndReason.values());
		// Sweden
		put(names, EndReason.RESIGNED, "egen begäran", "egen uppsägning", "uppsägning på egen begäran");
		put(names, EndReason.RETIRED, "pension", "ålderspension", "pensionering");
		put(names, EndReason.CONTRACT_ENDED, "visstid", "visstidsanställning upphör", "tidsbegränsad anställning");
		put(names, EndReason.DISMISSED, "uppsägning", "avsked", "arbetsbrist");
		put(names, EndReason.OTHER, "övrigt", "annat", "annan orsak");
		// Denmark
		put(names, EndReason.RESIGNED, "egen opsigelse", "opsagt selv");
		put(names, EndReason.RETIRED, "pensionering", "pensioneret", "efterløn");
		put(names, EndReason.CONTRACT_ENDED, "tidsbegrænset ansættelse", "udløb af kontrakt");
		put(names, EndReason.DISMISSED, "afskediget", "opsagt", "bortvist");
		put(names, EndReason.OTHER, "andet", "anden årsag");
		return Collections.unmodifiableMap(names);
	}

	/** Bryt's own names: the values' names in lower case, first in every list. */
	static <T extends Enum<T>> Map<String, T> own(T[] values) {
		Map<String, T> names = new LinkedHashMap<>();
		for (T value : values) {
			names.put(value.name().toLowerCase(Locale.ROOT), value);
		}
		return names;
	}

	/** Adds words for a value; a word may name only one value. */
	static <T> void put(Map<String, T> names, T value, String... words) {
		for (String word : words) {
			T before = names.putIfAbsent(word, value);
			if (before != null && before != value) {
				throw new IllegalStateException("Two values are called " + word);
			}
		}
	}

}
