package bryt.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Support (issue 14 item 5): the three steps with their due days, each offered, done or
 * declined.
 */
@Component
@Order(HandlingDutySection.ORDER + 10)
class SupportSection implements IncidentSection {

	private final Handling handling;

	SupportSection(Handling handling) {
		this.handling = handling;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("section-support-title", "safety.support.title"));
	}

	@Override
	public String template() {
		return "safety/section-support";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		List<Handling.SupportStepView> steps = this.handling.support(organisationId, incidentId);
		Map<String, String> values = new LinkedHashMap<>();
		for (Handling.SupportStepView step : steps) {
			HandlingDutySection.put(values, "offered-" + step.step(), step.offeredOn());
			HandlingDutySection.put(values, "done-" + step.step(), step.doneOn());
			if (step.declined()) {
				values.put("declined-" + step.step(), "true");
			}
		}
		Map<String, Object> model = HandlingSections.model(incidentId, "support", values);
		model.put("steps", steps);
		return model;
	}

}
