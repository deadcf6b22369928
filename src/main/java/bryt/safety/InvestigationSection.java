package bryt.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The investigation and its actions (issue 14 item 8), and closing the incident: causes,
 * the day the risk assessment was updated, the actions with their owners and days, each
 * done or waived by the manager and the safety representative.
 */
@Component
@Order(HandlingDutySection.ORDER + 40)
class InvestigationSection implements IncidentSection {

	private final Handling handling;

	private final Organisations organisations;

	InvestigationSection(Handling handling, Organisations organisations) {
		this.handling = handling;
		this.organisations = organisations;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("section-investigation-title", "safety.investigation.title"));
	}

	@Override
	public String template() {
		return "safety/section-investigation";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		HandlingIncident incident = this.handling.incident(organisationId, incidentId).orElseThrow();
		List<InvestigationAction> actions = this.handling.actions(organisationId, incidentId);
		Map<String, String> values = new LinkedHashMap<>();
		HandlingDutySection.put(values, "causes", incident.causes());
		HandlingDutySection.put(values, "riskAssessmentUpdatedOn", incident.riskAssessmentUpdatedOn());
		Map<String, Object> model = HandlingSections.model(incidentId, "investigation", values);
		model.put("incident", incident);
		model.put("actions", actions);
		model.put("blocking", actions.stream().filter((action) -> !action.settled()).toList());
		model.put("today", this.handling.today());
		// Who waived, by name; an account since removed is shown as such.
		model.put("names",
				this.organisations.accounts(organisationId)
					.stream()
					.collect(Collectors.toMap((account) -> String.valueOf(account.id()),
							Organisations.AccountSummary::displayName)));
		model.put("waivesAsManager", handler.has(Role.MANAGER));
		model.put("waivesAsRepresentative", handler.has(Role.SAFETY_REPRESENTATIVE));
		model.put("accountId", String.valueOf(handler.accountId()));
		// Closing: the sides this handler acts for, and whether a safety representative
		// covers the unit at all (else the employer closes alone, recorded).
		model.put("sides", Handling.sides(handler, this.organisations.coveredUnits(organisationId, handler.accountId()),
				incident.unitId()));
		model.put("sideValues", List.of(InvestigationAction.Side.values()));
		model.put("hasRepresentative", !this.handling.representatives(organisationId, incident.unitId()).isEmpty());
		if (!values.containsKey("side")) {
			values.put("side", InvestigationAction.Side.MANAGER.name());
		}
		return model;
	}

}
