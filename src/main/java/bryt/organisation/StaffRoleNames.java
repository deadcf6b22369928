package bryt.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every name a staff import takes for a role: Bryt's own, and the titles Swedish and
 * Danish HR systems export. Compared case- and accent-insensitively, spaces and hyphens
 * alike ({@code CsvRow.choice}), so "Förste socialsekreterare", "förste
 * socialsekreterare" and "forste-socialsekreterare" are one name. A refused value is
 * answered with this list, in this order.
 */
final class StaffRoleNames {

	static final Map<String, StaffRole> NAMES = names();

	private StaffRoleNames() {
	}

	private static Map<String, StaffRole> names() {
		Map<String, StaffRole> names = new LinkedHashMap<>();
		// Bryt's own names, as before.
		for (StaffRole role : StaffRole.values()) {
			names.put(role.name().toLowerCase(java.util.Locale.ROOT), role);
		}
		// Sweden
		put(names, StaffRole.SOCIAL_WORKER, "socialsekreterare", "handläggare", "socialhandläggare",
				"biståndshandläggare", "utredare", "familjebehandlare");
		put(names, StaffRole.FIRST_LINE_LEAD, "förste socialsekreterare", "1:e socialsekreterare", "gruppledare",
				"arbetsledare", "samordnare");
		put(names, StaffRole.UNIT_MANAGER, "enhetschef", "sektionschef", "avdelningschef", "biträdande enhetschef");
		put(names, StaffRole.OTHER, "administratör", "assistent", "övrig", "annan");
		// Denmark
		put(names, StaffRole.SOCIAL_WORKER, "socialrådgiver", "sagsbehandler", "socialformidler");
		put(names, StaffRole.FIRST_LINE_LEAD, "teamleder", "faglig koordinator", "faglig leder");
		put(names, StaffRole.UNIT_MANAGER, "afdelingsleder", "afdelingschef", "leder");
		put(names, StaffRole.OTHER, "administrativ medarbejder", "sekretær", "andet");
		return Collections.unmodifiableMap(names);
	}

	private static void put(Map<String, StaffRole> names, StaffRole role, String... titles) {
		for (String title : titles) {
			if (names.putIfAbsent(title, role) != null) {
				throw new IllegalStateException("Two roles are called " + title);
			}
		}
	}

}
