package bryt.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.Unit;

import org.springframework.ui.Model;

/** What the incident pages and forms share: the options of each choice, unit names. */
final class IncidentPages {

	private IncidentPages() {
	}

	static void addOptions(Model model) {
		model.addAttribute("partsOfDay", Incident.PartOfDay.values());
		model.addAttribute("categories", Incident.Category.values());
		model.addAttribute("channels", Incident.Channel.values());
		model.addAttribute("sources", Incident.Source.values());
		model.addAttribute("caseKinds", Incident.CaseKind.values());
		model.addAttribute("injuries", Incident.Injury.values());
		model.addAttribute("severities", List.of(1, 2, 3, 4));
		model.addAttribute("checklist", IncidentForm.CHECKLIST);
	}

	static Map<Long, String> unitNames(List<Unit> units) {
		Map<Long, String> names = new LinkedHashMap<>();
		units.forEach((unit) -> names.put(unit.id(), unit.name()));
		return names;
	}

}
