package bryt.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Country;
import bryt.organisation.Organisations;
import bryt.organisation.Side;

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

	private final Incidents incidents;

	private final Clock clock;

	Handling(HandlingRepository repository, Organisations organisations, SafetyClocks clocks, Incidents incidents,
			Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.clocks = clocks;
		this.incidents = incidents;
		this.clock = clock;
	}

	/**
	 * Whether the account's word counts for the safety representative's side: from when
	 * it receives incidents' keys ({@link Incidents#keyFrom}:
	 * {@link Incidents#KEY_STANDING} after it became its holder's own). An administrator
	 * who makes an account a safety representative, or sets its password, cannot through
	 * it confirm a close, mark the representative's actions done or waive them for the
	 * representative (the outsider review of 2026-11-30 closed an incident "with the
	 * safety representative" so).
	 */
	boolean speaksForRepresentatives(long organisationId, long accountId) {
		return !this.incidents.keyFrom(organisationId, accountId, Side.EMPLOYEE_SIDE).isAfter(this.clock.instant());
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
		HandlingIncident incident = open(organisationId, incidentId);
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
		HandlingIncident incident = open(organisationId, incidentId);
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
		open(organisationId, incidentId);
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
		open(organisationId, incidentId);
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

	/**
	 * Records the causes and the risk assessment's day. A change withdraws both sides'
	 * confirmations of the close: they confirmed what stood before.
	 */
	@Transactional
	void saveInvestigation(long organisationId, long incidentId, String causes, LocalDate riskAssessmentUpdatedOn) {
		open(organisationId, incidentId);
		this.repository.saveInvestigation(organisationId, incidentId, causes, riskAssessmentUpdatedOn);
		this.repository.withdrawCloseConfirmations(organisationId, incidentId);
	}

	@Transactional(readOnly = true)
	List<InvestigationAction> actions(long organisationId, long incidentId) {
		return this.repository.actions(organisationId, incidentId);
	}

	/** Adds an action for a side; it withdraws both sides' confirmations of the close. */
	@Transactional
	long addAction(long organisationId, long incidentId, String title, String owner, LocalDate dueOn,
			InvestigationAction.Side side) {
		open(organisationId, incidentId);
		this.repository.withdrawCloseConfirmations(organisationId, incidentId);
		return this.repository.addAction(organisationId, incidentId, title, owner, dueOn, side);
	}

	/**
	 * Marks the action done, when the account acts for the action's own side: the
	 * employer's actions are marked done by a manager or HR, the safety representative's
	 * by a safety representative, so that neither side settles the other's alone.
	 * @param sides the sides the account acts for on this incident ({@link #sides})
	 */
	@Transactional
	ActionOutcome actionDone(long organisationId, long incidentId, long actionId, LocalDate doneOn,
			Set<InvestigationAction.Side> sides, long accountId) {
		open(organisationId, incidentId);
		Optional<InvestigationAction> action = this.repository.actions(organisationId, incidentId)
			.stream()
			.filter((candidate) -> candidate.id() == actionId)
			.findFirst();
		if (action.isEmpty()) {
			return ActionOutcome.NOT_FOUND;
		}
		if (!sides.contains(action.get().side())) {
			return ActionOutcome.WRONG_SIDE;
		}
		if (action.get().side() == InvestigationAction.Side.SAFETY_REPRESENTATIVE
				&& !speaksForRepresentatives(organisationId, accountId)) {
			return ActionOutcome.NOT_STANDING;
		}
		this.repository.actionDone(organisationId, incidentId, actionId, doneOn);
		return ActionOutcome.DONE;
	}

	/**
	 * The sides an account acts for on an incident of the unit: the employer's when it is
	 * HR or a manager covering the unit, the safety representative's when it is one
	 * covering the unit.
	 * @param coveredUnits the units the account covers (with those below them)
	 */
	static Set<InvestigationAction.Side> sides(bryt.organisation.CurrentAccount me, Set<Long> coveredUnits,
			long unitId) {
		Set<InvestigationAction.Side> sides = java.util.EnumSet.noneOf(InvestigationAction.Side.class);
		boolean covers = coveredUnits.contains(unitId);
		if (me.has(bryt.organisation.Role.HR) || (me.has(bryt.organisation.Role.MANAGER) && covers)) {
			sides.add(InvestigationAction.Side.MANAGER);
		}
		if (me.has(bryt.organisation.Role.SAFETY_REPRESENTATIVE) && covers) {
			sides.add(InvestigationAction.Side.SAFETY_REPRESENTATIVE);
		}
		return sides;
	}

	/**
	 * Waives the action for one side. Refused when the action is not the incident's, and
	 * when the same account already waived it for the other side: the rule asks for both
	 * the manager and the safety representative, two people, so one account holding both
	 * roles cannot stand in for both.
	 */
	@Transactional
	Waiver waive(long organisationId, long incidentId, long actionId, InvestigationAction.Side side, long accountId) {
		open(organisationId, incidentId);
		InvestigationAction action = this.repository.actions(organisationId, incidentId)
			.stream()
			.filter((candidate) -> candidate.id() == actionId)
			.findFirst()
			.orElse(null);
		if (action == null) {
			return Waiver.NOT_FOUND;
		}
		if (side == InvestigationAction.Side.SAFETY_REPRESENTATIVE
				&& !speaksForRepresentatives(organisationId, accountId)) {
			return Waiver.NOT_STANDING;
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
	 * One side confirms that the incident closes (AFS 2023:1 and the Danish rules: the
	 * employer investigates with the safety representative). It needs the
	 * acknowledgement, the investigation (causes and the risk assessment's day) and every
	 * action done or waived by both; then the first side's confirmation is a proposal and
	 * the other side's, by another account, closes it. When no safety representative
	 * covers the unit the employer's side closes alone, and that is recorded.
	 * @param side the side the account confirms for (the caller checked it acts for it)
	 */
	@Transactional
	Closing close(long organisationId, long incidentId, InvestigationAction.Side side, long accountId) {
		HandlingIncident incident = open(organisationId, incidentId);
		List<InvestigationAction> open = this.repository.actions(organisationId, incidentId)
			.stream()
			.filter((action) -> !action.settled())
			.toList();
		if (!open.isEmpty()) {
			return new Closing(Closing.Outcome.OPEN_ACTIONS, open);
		}
		if (!incident.acknowledged()) {
			return new Closing(Closing.Outcome.NOT_ACKNOWLEDGED, List.of());
		}
		if (!incident.investigated()) {
			return new Closing(Closing.Outcome.NOT_INVESTIGATED, List.of());
		}
		if (side == InvestigationAction.Side.SAFETY_REPRESENTATIVE
				&& !speaksForRepresentatives(organisationId, accountId)) {
			return new Closing(Closing.Outcome.NOT_STANDING, List.of());
		}
		String by = String.valueOf(accountId);
		InvestigationAction.Side otherSide = (side == InvestigationAction.Side.MANAGER)
				? InvestigationAction.Side.SAFETY_REPRESENTATIVE : InvestigationAction.Side.MANAGER;
		String other = incident.closeConfirmedBy(otherSide);
		if (by.equals(other)) {
			return new Closing(Closing.Outcome.SAME_PERSON, List.of());
		}
		this.repository.confirmClose(organisationId, incidentId, side, by);
		if (other != null) {
			this.repository.close(organisationId, incidentId, today(), false);
			return new Closing(Closing.Outcome.CLOSED, List.of());
		}
		if (side == InvestigationAction.Side.MANAGER && representatives(organisationId, incident.unitId()).isEmpty()) {
			this.repository.close(organisationId, incidentId, today(), true);
			return new Closing(Closing.Outcome.CLOSED_WITHOUT_REPRESENTATIVE, List.of());
		}
		return new Closing(Closing.Outcome.PROPOSED, List.of());
	}

	/**
	 * The enabled safety representatives covering the unit (or a unit above it): the
	 * other side of closing. Covered units are an account's, not a role's
	 * (docs/safety/design.md).
	 */
	@Transactional(readOnly = true)
	List<bryt.organisation.Organisations.AccountSummary> representatives(long organisationId, long unitId) {
		return this.organisations.accounts(organisationId)
			.stream()
			.filter((account) -> account.roles().contains(bryt.organisation.Role.SAFETY_REPRESENTATIVE))
			.filter((account) -> this.organisations.coveredUnits(organisationId, account.id()).contains(unitId))
			.toList();
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The incident for a change: its row held until the transaction ends, and only while
	 * it is open. The closed check is in the locking statement ({@code ... where
	 * closed_on is null}), not only in the callers' earlier look, so that a close
	 * committed in between cannot let a change through ({@link ClosedIncidents}).
	 */
	private HandlingIncident open(long organisationId, long incidentId) {
		if (!this.repository.lockOpen(organisationId, incidentId)) {
			found(organisationId, incidentId);
			throw new ClosedIncidents.Refused(incidentId);
		}
		return found(organisationId, incidentId);
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

		WAIVED, SAME_PERSON, NOT_FOUND,
		/** Refused: a safety representative whose word does not count yet. */
		NOT_STANDING

	}

	/** The outcome of marking an action done. */
	enum ActionOutcome {

		DONE, WRONG_SIDE, NOT_FOUND,
		/** Refused: a safety representative whose word does not count yet. */
		NOT_STANDING

	}

	/**
	 * The outcome of a side's confirmation of the close.
	 *
	 * @param blocking the actions in the way, for OPEN_ACTIONS
	 */
	record Closing(Outcome outcome, List<InvestigationAction> blocking) {

		boolean closed() {
			return this.outcome == Outcome.CLOSED || this.outcome == Outcome.CLOSED_WITHOUT_REPRESENTATIVE;
		}

		enum Outcome {

			/** Confirmed by both sides: closed. */
			CLOSED,
			/** Closed by the employer alone: no safety representative covers the unit. */
			CLOSED_WITHOUT_REPRESENTATIVE,
			/** Confirmed by this side; the other side's confirmation closes it. */
			PROPOSED,
			/** Refused: no manager or HR has acknowledged it. */
			NOT_ACKNOWLEDGED,
			/** Refused: the causes or the risk assessment's day are not recorded. */
			NOT_INVESTIGATED,
			/** Refused: actions neither done nor waived by both. */
			OPEN_ACTIONS,
			/**
			 * Refused: a safety representative whose word does not count yet
			 * ({@link Handling#speaksForRepresentatives}).
			 */
			NOT_STANDING,
			/** Refused: this account confirmed for the other side already. */
			SAME_PERSON

		}

	}

}
