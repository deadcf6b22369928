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
		// Bryt's own names, as before.
		Map<String, StaffRole> names = ImportValueNames.own(StaffRole.values());
		// Sweden
		ImportValueNames.put(names, StaffRole.SOCIAL_WORKER, "socialsekreterare", "handläggare", "socialhandläggare",
				"biståndshandläggare", "utredare", "familjebehandlare");
		ImportValueNames.put(names, StaffRole.FIRST_LINE_LEAD, "förste socialsekreterare", "1:e socialsekreterare",
				"gruppledare", "arbetsledare", "samordnare");
		ImportValueNames.put(names, StaffRole.UNIT_MANAGER, "enhetschef", "sektionschef", "avdelningschef",
				"biträdande enhetschef");
		ImportValueNames.put(names, StaffRole.OTHER, "administratör", "assistent", "övrig", "annan");
		// Denmark
		ImportValueNames.put(names, StaffRole.SOCIAL_WORKER, "socialrådgiver", "sagsbehandler", "socialformidler");
		ImportValueNames.put(names, StaffRole.FIRST_LINE_LEAD, "teamleder", "faglig koordinator", "faglig leder");
		ImportValueNames.put(names, StaffRole.UNIT_MANAGER, "afdelingsleder", "afdelingschef", "leder");
		ImportValueNames.put(names, StaffRole.OTHER, "administrativ medarbejder", "sekretær", "andet");
		return Collections.unmodifiableMap(names);
	}

}
