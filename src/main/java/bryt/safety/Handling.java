package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Country;
import bryt.organisation.Organisations;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Handling an incident (issue 14 items 4–8): the duty to notify, support, the police
 * report, protection measures, the investigation and its actions, and closing. The
 * callers (the sections and {@link HandlingController}) have checked that the account
 * handles the incident; every method here is bound to the organisation, so that an
 * incident of another organisation is not found. Due points come from
 * {@link SafetyClocks} only.
 */
@Service
class Handling {

	private final HandlingRepository repository;

	private final Organisations organisations;

	private final SafetyClocks clocks;

	private final Clock clock;

	Handling(HandlingRepository repository, Organisations organisations, SafetyClocks clocks, Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.clocks = clocks;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Optional<HandlingIncident> incident(long organisationId, long incidentId) {
		return this.repository.incident(organisationId, incidentId);
	}

	// The duty to notify (item 4)

	@Transactional(readOnly = true)
	Duty duty(long organisationId, long incidentId) {
		HandlingIncident incident = found(organisationId, incidentId);
		Country country = country(organisationId);
		boolean serious = SafetyClocks.serious(incident.checklist());
		HandlingDue due = this.clocks
			.authorityDue(country, incident.checklist(), incident.receivedAt(), incident.absenceDays(),
					incident.absenceFrom())
			.map((point) -> HandlingDue.of(point, this.clock.instant(), this.clock.getZone()))
			.orElse(null);
		return new Duty(country, incident, serious, due, incident.authorityNotifiedOn() != null);
	}

	/**
	 * Records the checklist, the notification and the work injury report. In Sweden the
	 * checklist has no "death" item: what is stored for it stays as it was.
	 */
	@Transactional
	void saveDuty(long organisationId, long incidentId, SafetyClocks.Checklist checklist, LocalDate notifiedOn,
			String reference, LocalDate workInjuryReportedOn) {
		HandlingIncident incident = found(organisationId, incidentId);
		SafetyClocks.Checklist saved = (country(organisationId) == Country.SE)
				? new SafetyClocks.Checklist(checklist.weapon(), checklist.deathThreat(), checklist.injuryNeedingCare(),
						checklist.severalStaff(), checklist.threatToFamilyOrHome(), incident.checklist().death())
				: checklist;
		this.repository.saveDuty(organisationId, incidentId, saved, notifiedOn, reference, workInjuryReportedOn);
	}

	// Support (item 5)

	/**
	 * The three steps, each with its due day from {@link SafetyClocks#supportDue}: the
	 * stored row where there is one, else the step not yet recorded.
	 */
	@Transactional(readOnly = true)
	List<SupportStepView> support(long organisationId, long incidentId) {
		HandlingIncident incident = found(organisationId, incidentId);
		Map<SafetyClocks.SupportStep, HandlingRepository.SupportStepRecord> stored = new EnumMap<>(
				SafetyClocks.SupportStep.class);
		for (HandlingRepository.SupportStepRecord row : this.repository.support(organisationId, incidentId)) {
			stored.put(row.step(), row);
		}
		LocalDate today = today();
		List<SupportStepView> steps = new ArrayList<>();
		for (SafetyClocks.SupportStep step : SafetyClocks.SupportStep.values()) {
			HandlingRepository.SupportStepRecord row = stored.getOrDefault(step,
					new HandlingRepository.SupportStepRecord(step, SafetyClocks.supportDue(step, receivedOn(incident)),
							null, false, null));
			boolean overdue = row.offeredOn() == null && row.doneOn() == null && today.isAfter(row.dueOn());
			steps.add(new SupportStepView(step, row.dueOn(), row.offeredOn(), row.declined(), row.doneOn(),
					stored.containsKey(step), overdue));
		}
		return steps;
	}

	/**
	 * Saves the three steps at once; the first save creates all three rows with their due
	 * days, so that the plan is in the table from then on (the reminders and the figures
	 * read it) while a page that is only looked at writes nothing.
	 */
	@Transactional
	void saveSupport(long organisationId, long incidentId, Map<SafetyClocks.SupportStep, SupportEntry> entries) {
		HandlingIncident incident = found(organisationId, incidentId);
		for (SafetyClocks.SupportStep step : SafetyClocks.SupportStep.values()) {
			SupportEntry entry = entries.getOrDefault(step, new SupportEntry(null, false, null));
			this.repository.saveSupportStep(organisationId, incidentId,
					new HandlingRepository.SupportStepRecord(step, SafetyClocks.supportDue(step, receivedOn(incident)),
							entry.offeredOn(), entry.declined(), entry.doneOn()));
		}
	}

	// The police report (item 6)

	@Transactional
	void savePolice(long organisationId, long incidentId, PoliceDecision decision, LocalDate reportedOn,
			String reference, Boolean employerAssists) {
		found(organisationId, incidentId);
		this.repository.savePolice(organisationId, incidentId, decision, reportedOn, reference, employerAssists);
	}

	// Protection measures (item 7)

	/** Every kind, in order, with its dates where it was requested. */
	@Transactional(readOnly = true)
	List<HandlingRepository.MeasureRecord> measures(long organisationId, long incidentId) {
		found(organisationId, incidentId);
		Map<MeasureKind, HandlingRepository.MeasureRecord> stored = new EnumMap<>(MeasureKind.class);
		for (HandlingRepository.MeasureRecord row : this.repository.measures(organisationId, incidentId)) {
			stored.put(row.kind(), row);
		}
		List<HandlingRepository.MeasureRecord> all = new ArrayList<>();
		for (MeasureKind kind : MeasureKind.values()) {
			all.add(stored.getOrDefault(kind, new HandlingRepository.MeasureRecord(kind, null, null)));
		}
		return all;
	}

	/**
	 * Saves every kind: one with a requested day is stored, one without is removed (a
	 * measure is a row only once it was requested).
	 */
	@Transactional
	void saveMeasures(long organisationId, long incidentId, List<HandlingRepository.MeasureRecord> measures) {
		found(organisationId, incidentId);
		for (HandlingRepository.MeasureRecord measure : measures) {
			if (measure.requestedOn() == null) {
				this.repository.removeMeasure(organisationId, incidentId, measure.kind());
			}
			else {
				this.repository.saveMeasure(organisationId, incidentId, measure);
			}
		}
	}

	// The investigation and its actions (item 8)

	@Transactional
	void saveInvestigation(long organisationId, long incidentId, String causes, LocalDate riskAssessmentUpdatedOn) {
		found(organisationId, incidentId);
		this.repository.saveInvestigation(organisationId, incidentId, causes, riskAssessmentUpdatedOn);
	}

	@Transactional(readOnly = true)
	List<InvestigationAction> actions(long organisationId, long incidentId) {
		return this.repository.actions(organisationId, incidentId);
	}

	@Transactional
	long addAction(long organisationId, long incidentId, String title, String owner, LocalDate dueOn) {
		found(organisationId, incidentId);
		this.repository.lock(organisationId, incidentId);
		return this.repository.addAction(organisationId, incidentId, title, owner, dueOn);
	}

	/** Marks the action done; false when it is not one of the incident's actions. */
	@Transactional
	boolean actionDone(long organisationId, long incidentId, long actionId, LocalDate doneOn) {
		return this.repository.actionDone(organisationId, incidentId, actionId, doneOn);
	}

	/**
	 * Waives the action for one side. Refused when the action is not the incident's, and
	 * when the same account already waived it for the other side: the rule asks for both
	 * the manager and the safety representative, two people, so one account holding both
	 * roles cannot stand in for both.
	 */
	@Transactional
	Waiver waive(long organisationId, long incidentId, long actionId, InvestigationAction.Side side, long accountId) {
		this.repository.lock(organisationId, incidentId);
		InvestigationAction action = this.repository.actions(organisationId, incidentId)
			.stream()
			.filter((candidate) -> candidate.id() == actionId)
			.findFirst()
			.orElse(null);
		if (action == null) {
			return Waiver.NOT_FOUND;
		}
		String by = String.valueOf(accountId);
		String other = (side == InvestigationAction.Side.MANAGER) ? action.waivedByRepresentative()
				: action.waivedByManager();
		if (by.equals(other)) {
			return Waiver.SAME_PERSON;
		}
		if (side == InvestigationAction.Side.MANAGER) {
			this.repository.waiveAsManager(organisationId, incidentId, actionId, by);
		}
		else {
			this.repository.waiveAsRepresentative(organisationId, incidentId, actionId, by);
		}
		return Waiver.WAIVED;
	}

	/**
	 * Closes the incident when every action is done or waived by both sides.
	 * @return the actions that stand in the way, in their order; empty when it closed
	 */
	@Transactional
	List<InvestigationAction> close(long organisationId, long incidentId) {
		found(organisationId, incidentId);
		this.repository.lock(organisationId, incidentId);
		List<InvestigationAction> open = this.repository.actions(organisationId, incidentId)
			.stream()
			.filter((action) -> !action.settled())
			.toList();
		if (open.isEmpty()) {
			this.repository.close(organisationId, incidentId, today());
		}
		return open;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The incident, or 404: the callers checked it, so this happens only in a race. */
	private HandlingIncident found(long organisationId, long incidentId) {
		return this.repository.incident(organisationId, incidentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Country country(long organisationId) {
		return this.organisations.find(organisationId).orElseThrow().country();
	}

	private LocalDate receivedOn(HandlingIncident incident) {
		return LocalDate.ofInstant(incident.receivedAt(), this.clock.getZone());
	}

	/**
	 * The duty to notify as the section shows it.
	 *
	 * @param country the organisation's country
	 * @param incident the incident
	 * @param serious whether the checklist marks it serious
	 * @param due when the authority must be notified, or null when it need not be
	 * @param notified whether the notification is recorded (then nothing is overdue)
	 */
	record Duty(Country country, HandlingIncident incident, boolean serious, HandlingDue due, boolean notified) {

		public boolean overdue() {
			return !this.notified && this.due != null && this.due.overdue();
		}

	}

	/** One support step as the section shows it. */
	record SupportStepView(SafetyClocks.SupportStep step, LocalDate dueOn, LocalDate offeredOn, boolean declined,
			LocalDate doneOn, boolean recorded, boolean overdue) {
	}

	/** What a handler recorded for one support step. */
	record SupportEntry(LocalDate offeredOn, boolean declined, LocalDate doneOn) {
	}

	/** The outcome of a waiver. */
	enum Waiver {

		WAIVED, SAME_PERSON, NOT_FOUND

	}

}
