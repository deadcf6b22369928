package bryt.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The duty to notify (issue 14 item 4): the serious checklist, and when it marks the
 * incident serious the notification to the authority with its due point (Sweden:
 * Arbetsmiljöverket "today" and the work injury to Försäkringskassan; Denmark: EASY).
 */
@Component
@Order(HandlingDutySection.ORDER)
class HandlingDutySection implements IncidentSection {

	/** The handling sections come after the routing's, in the order of the issue. */
	static final int ORDER = 20;

	private final Handling handling;

	HandlingDutySection(Handling handling) {
		this.handling = handling;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("section-duty-title", "safety.duty.title"));
	}

	@Override
	public String template() {
		return "safety/section-duty";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		Handling.Duty duty = this.handling.duty(organisationId, incidentId);
		HandlingIncident incident = duty.incident();
		Map<String, String> values = new LinkedHashMap<>();
		SafetyClocks.Checklist checklist = incident.checklist();
		tick(values, "weapon", checklist.weapon());
		tick(values, "deathThreat", checklist.deathThreat());
		tick(values, "injuryNeedingCare", checklist.injuryNeedingCare());
		tick(values, "severalStaff", checklist.severalStaff());
		tick(values, "threatToFamilyOrHome", checklist.threatToFamilyOrHome());
		tick(values, "death", checklist.death());
		put(values, "notifiedOn", incident.authorityNotifiedOn());
		put(values, "reference", incident.authorityReference());
		put(values, "workInjuryReportedOn", incident.workInjuryReportedOn());
		Map<String, Object> model = HandlingSections.model(incidentId, "duty", values);
		model.put("duty", duty);
		return model;
	}

	private static void tick(Map<String, String> values, String name, boolean ticked) {
		if (ticked) {
			values.put(name, "true");
		}
	}

	static void put(Map<String, String> values, String name, Object value) {
		if (value != null) {
			values.put(name, value.toString());
		}
	}

}
