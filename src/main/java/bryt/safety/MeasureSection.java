package bryt.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Protection measures (issue 14 item 7): the eight kinds, each with the day it was
 * requested and the day it was in place.
 */
@Component
@Order(HandlingDutySection.ORDER + 30)
class MeasureSection implements IncidentSection {

	private final Handling handling;

	MeasureSection(Handling handling) {
		this.handling = handling;
	}

	@Override
	public Optional<Heading> heading() {
		return Optional.of(new Heading("section-measures-title", "safety.measures.title"));
	}

	@Override
	public String template() {
		return "safety/section-measures";
	}

	@Override
	public Map<String, Object> model(long organisationId, long incidentId, CurrentAccount handler) {
		Map<String, String> values = new LinkedHashMap<>();
		for (HandlingRepository.MeasureRecord measure : this.handling.measures(organisationId, incidentId)) {
			HandlingDutySection.put(values, "requested-" + measure.kind(), measure.requestedOn());
			HandlingDutySection.put(values, "done-" + measure.kind(), measure.doneOn());
		}
		Map<String, Object> model = HandlingSections.model(incidentId, "measures", values);
		model.put("kinds", MeasureKind.values());
		return model;
	}

}
