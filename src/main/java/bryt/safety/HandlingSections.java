package bryt.safety;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every handling section's fragment reads: the incident, the section's name (the ids
 * of its fields begin with it), the values its form shows and the errors of a form that
 * came back (none on the incident's page).
 */
final class HandlingSections {

	private HandlingSections() {
	}

	static Map<String, Object> model(long incidentId, String name, Map<String, String> values) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("incidentId", incidentId);
		model.put("name", name);
		model.put("values", values);
		model.put("errors", Map.of());
		return model;
	}

}
