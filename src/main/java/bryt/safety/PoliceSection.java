package bryt.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The police report (issue 14 item 6): who files it, when, its reference, whether the
 * employer assists.
 */
@Component
@Order(HandlingDutySection.ORDER + 20)
class PoliceSection implements IncidentSection {

	private final Handling handling;

	PoliceSection(Handling handling) {
		this.handling = handling;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("section-police-title", "safety.police.title"));
	}

	@Override
	public String template() {
		return "safety/section-police";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		HandlingIncident incident = this.handling.incident(organisationId, incidentId).orElseThrow();
		Map<String, String> values = new LinkedHashMap<>();
		HandlingDutySection.put(values, "decision", incident.policeDecision());
		HandlingDutySection.put(values, "reportedOn", incident.policeReportedOn());
		HandlingDutySection.put(values, "reference", incident.policeReference());
		if (incident.employerAssists() != null) {
			values.put("employerAssists", incident.employerAssists() ? "TRUE" : "FALSE");
		}
		Map<String, Object> model = HandlingSections.model(incidentId, "police", values);
		model.put("decisions", PoliceDecision.values());
		return model;
	}

}
