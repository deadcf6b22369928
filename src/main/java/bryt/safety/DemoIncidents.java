package bryt.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import bryt.organisation.CurrentAccount;
import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;
import bryt.organisation.Visibility;
import bryt.shared.DemoMode;
import bryt.voice.Sealing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo municipality's incidents (issue 14 item 12): a year of them across its units,
 * built as plain data by a seeded generator (the same demo every time) and each handed to
 * {@link #report}. The mix: more threats and offensive behaviour than violence, a few
 * online exposures, some on LVU cases in Barn och familj with and without two handlers, a
 * few serious ones (notified the same day, some a day or two late), acknowledgements
 * mostly within hours and some late, support mostly offered the same day, and older
 * incidents closed with their actions done while some recent actions are overdue.
 *
 * <p>
 * Every incident goes through the real paths: reported with {@link Incidents} (logged in
 * as the demo account that would report it, a few anonymously), so that its description
 * is sealed for its handlers like a real one; then acknowledged with {@link Routing} and
 * handled with {@link Handling}. Those services take "now" from the clock, so the times
 * that lie in the past (received, acknowledged, closed) are set afterwards with SQL
 * ({@link DemoIncidentsRepository}); docs/safety/figures.md says which and why.
 */
@Component
class DemoIncidents {

	private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

	private static final long SEED = 14_2026L;

	/** Every this many incidents, one is reported anonymously. */
	private static final int ANONYMOUS_EVERY = 30;

	/** Categories with their weights: threats the most, violence less. */
	private static final Map<String, Integer> CATEGORIES = Map.of("THREAT", 34, "OFFENSIVE_BEHAVIOUR", 16, "HARASSMENT",
			12, "PHYSICAL_VIOLENCE", 8, "NEAR_MISS", 8, "ONLINE_EXPOSURE", 6, "RISK_OBSERVATION", 6,
			"UNLAWFUL_INFLUENCE", 4, "DISINFORMATION", 3, "PROPERTY_DAMAGE", 3);

	/** A short description (sv) per category: what the reporter would write. */
	private static final Map<String, String> DESCRIPTIONS = Map.of("THREAT",
			"Klienten blev arg under samtalet om utredningen och sa att hen visste var jag bodde.",
			"OFFENSIVE_BEHAVIOUR", "En anhörig skrek och kallade mig kränkande saker i receptionen.", "HARASSMENT",
			"Samma person har ringt flera gånger om dagen i en vecka och krävt att få byta handläggare.",
			"PHYSICAL_VIOLENCE", "Klienten knuffade mig mot dörrkarmen när jag skulle gå efter mötet.", "NEAR_MISS",
			"Klienten tog upp en kniv ur väskan men lade tillbaka den när kollegan kom in.", "ONLINE_EXPOSURE",
			"Mitt namn och foto lades ut i en Facebookgrupp med uppmaning att höra av sig till mig.",
			"RISK_OBSERVATION", "Mötesrummet saknar en andra utgång och larmknappen fungerade inte vid test.",
			"UNLAWFUL_INFLUENCE", "En anhörig erbjöd pengar för att utredningen skulle läggas ner.", "DISINFORMATION",
			"Ett inlägg på sociala medier påstår felaktigt att jag omhändertagit barn utan beslut.", "PROPERTY_DAMAGE",
			"Klienten slog sönder en stol i besöksrummet efter beskedet.");

	private static final List<String> PARTS_OF_DAY = List.of("MORNING", "AFTERNOON", "EVENING", "NIGHT");

	private final Incidents incidents;

	private final Routing routing;

	private final Handling handling;

	private final Sealing sealing;

	private final UserDetailsService accounts;

	private final DemoIncidentsRepository repository;

	private final Organisations organisations;

	private final Clock clock;

	DemoIncidents(Incidents incidents, Routing routing, Handling handling, Sealing sealing, UserDetailsService accounts,
			DemoIncidentsRepository repository, Organisations organisations, Clock clock) {
		this.incidents = incidents;
		this.routing = routing;
		this.handling = handling;
		this.sealing = sealing;
		this.accounts = accounts;
		this.repository = repository;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** In the transaction that creates the demo municipality. */
	@EventListener
	void on(DemoMunicipalityCreated demo) {
		List<DemoIncident> incidents = year(demo.organisationId(), demo.today(), this.clock.getZone());
		Reporters reporters = reporters(demo.organisationId());
		for (int i = 0; i < incidents.size(); i++) {
			report(incidents.get(i), reporters, i % ANONYMOUS_EVERY == ANONYMOUS_EVERY / 2);
		}
		log.info("Created {} demo safety incidents", incidents.size());
	}

	/**
	 * The demo accounts that report and handle, each with its key pair (made with the
	 * demo password, as Voice's demo channels do), so that what is reported is sealed for
	 * them and the demo manager, HR and safety representative can read it.
	 */
	private Reporters reporters(long organisationId) {
		Map<String, Reporter> byName = new HashMap<>();
		for (String name : List.of("staff", "manager", "safety", "hr")) {
			CurrentAccount account = (CurrentAccount) this.accounts.loadUserByUsername(name);
			this.sealing.demoKeyPair(organisationId, account.accountId(), DemoMode.PASSWORD);
			Visibility visibility = this.organisations.visibility(
					UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()),
					organisationId);
			byName.put(name, new Reporter(account, this.incidents.choices(account, visibility)));
		}
		return new Reporters(byName.get("staff"), byName.get("manager"), byName.get("safety"), byName.get("hr"));
	}

	/**
	 * Reports one incident and records what happened to it later: the one place the demo
	 * writes an incident.
	 */
	void report(DemoIncident incident, Reporters reporters, boolean anonymously) {
		Map<String, String> values = form(incident);
		Incidents.Reported reported;
		if (anonymously) {
			Organisation organisation = this.organisations.find(incident.organisationId()).orElseThrow();
			reported = this.incidents.reportAnonymously(organisation, new IncidentForm(values), List.of(), Map.of(),
					Sealing.newFormId());
		}
		else {
			Reporter reporter = reporters.of(incident);
			if (reporter.choices().ownStaffId() != null
					&& reporter.choices().ownStaffId().equals(incident.affectedStaffId())) {
				values.put(IncidentForm.PERSON, "self");
			}
			else {
				values.put(IncidentForm.PERSON, "other");
				values.put(IncidentForm.COLLEAGUE, String.valueOf(incident.affectedStaffId()));
			}
			reported = this.incidents.report(reporter.account(), reporter.choices(), new IncidentForm(values),
					List.of(), Map.of());
		}
		if (!reported.errors().isEmpty()) {
			throw new IllegalStateException("A demo incident was refused: " + reported.errors().values());
		}
		long id = reported.incidentId();
		long org = incident.organisationId();
		// The services received it now; the demo's incident was received in the past (an
		// anonymous one to the hour, as the service stores it).
		this.repository.received(org, id,
				anonymously ? incident.receivedAt().truncatedTo(ChronoUnit.HOURS) : incident.receivedAt());
		if (incident.acknowledgedAt() != null) {
			this.routing.acknowledge(org, id, reporters.acknowledger(incident.unitId()));
			this.repository.acknowledgedAt(org, id, incident.acknowledgedAt());
		}
		if (incident.authorityNotifiedOn() != null) {
			this.handling.saveDuty(org, id, incident.checklist(), incident.authorityNotifiedOn(), null, null);
		}
		if (incident.firstContactOfferedOn() != null) {
			this.handling.saveSupport(org, id, Map.of(SafetyClocks.SupportStep.FIRST_CONTACT,
					new Handling.SupportEntry(incident.firstContactOfferedOn(), false, null)));
		}
		if (incident.checklist().weapon() || incident.checklist().injuryNeedingCare()) {
			// Violence with a weapon or an injury: the employer reports it to the police.
			this.handling.savePolice(org, id, PoliceDecision.EMPLOYER, incident.receivedOn(), null, true);
		}
		if (incident.checklist().threatToFamilyOrHome()) {
			this.handling.saveMeasures(org, id,
					List.of(new HandlingRepository.MeasureRecord(MeasureKind.PROTECTED_PERSONAL_DATA,
							incident.receivedOn(), (incident.closedOn() != null) ? incident.closedOn() : null)));
		}
		for (DemoAction action : incident.actions()) {
			long actionId = this.handling.addAction(org, id, action.title(), action.owner(), action.dueOn(),
					InvestigationAction.Side.MANAGER);
			if (action.doneOn() != null) {
				this.handling.actionDone(org, id, actionId, action.doneOn(),
						java.util.EnumSet.of(InvestigationAction.Side.MANAGER),
						reporters.acknowledger(incident.unitId()).accountId());
			}
		}
		if (incident.closedOn() != null) {
			// Closed as the rules ask: investigated, then confirmed by the employer's
			// side
			// and by the safety representative (or the employer alone, recorded, where no
			// representative covers the unit).
			this.handling.saveInvestigation(org, id, CAUSES, incident.closedOn());
			Handling.Closing closing = this.handling.close(org, id, InvestigationAction.Side.MANAGER,
					reporters.acknowledger(incident.unitId()).accountId());
			if (closing.outcome() == Handling.Closing.Outcome.PROPOSED) {
				closing = this.handling.close(org, id, InvestigationAction.Side.SAFETY_REPRESENTATIVE,
						reporters.safety().account().accountId());
			}
			if (!closing.closed()) {
				throw new IllegalStateException("A closed demo incident did not close: " + closing.outcome());
			}
			// Closed today by the service; the demo's incident closed in the past.
			this.repository.closedOn(org, id, incident.closedOn());
		}
	}

	/** The causes a closed demo incident's investigation records. */
	private static final String CAUSES = "Ensamarbete vid besök; rutinen för riskbedömning följdes inte.";

	/** The report form as the reporter would fill it in. */
	private static Map<String, String> form(DemoIncident incident) {
		Map<String, String> values = new HashMap<>();
		values.put(IncidentForm.UNIT, String.valueOf(incident.unitId()));
		values.put(IncidentForm.OCCURRED_ON, incident.occurredOn().toString());
		values.put(IncidentForm.PART_OF_DAY, incident.partOfDay());
		values.put(IncidentForm.CATEGORY, incident.category());
		values.put(IncidentForm.CHANNEL, incident.channel());
		values.put(IncidentForm.SOURCE, incident.source());
		values.put(IncidentForm.CASE_KIND, incident.caseKind());
		if (incident.caseTwoHandlers() != null) {
			values.put(IncidentForm.CASE_TWO_HANDLERS, incident.caseTwoHandlers() ? "yes" : "no");
		}
		values.put(IncidentForm.SEVERITY, String.valueOf(incident.severity()));
		values.put(IncidentForm.INJURY, incident.injury());
		values.put(IncidentForm.ABSENCE_DAYS, String.valueOf(incident.absenceDays()));
		if (incident.absenceFrom() != null) {
			values.put(IncidentForm.ABSENCE_FROM, incident.absenceFrom().toString());
		}
		values.put(IncidentForm.DESCRIPTION, DESCRIPTIONS.get(incident.category()));
		SafetyClocks.Checklist checklist = incident.checklist();
		List<Boolean> ticks = List.of(checklist.weapon(), checklist.deathThreat(), checklist.injuryNeedingCare(),
				checklist.severalStaff(), checklist.threatToFamilyOrHome(), checklist.death());
		for (int i = 0; i < ticks.size(); i++) {
			if (ticks.get(i)) {
				values.put(IncidentForm.CHECKLIST.get(i), "true");
			}
		}
		return values;
	}

	/** The year of incidents up to the day before {@code today}, oldest first. */
	List<DemoIncident> year(long organisationId, LocalDate today, ZoneId zone) {
		Random random = new Random(SEED);
		Map<Long, List<Long>> staffByUnit = new HashMap<>();
		for (StaffMember member : this.organisations.staff(organisationId)) {
			if (member.employedOn(today)) {
				staffByUnit.computeIfAbsent(member.unitId(), (k) -> new ArrayList<>()).add(member.id());
			}
		}
		List<DemoIncident> incidents = new ArrayList<>();
		for (Unit unit : this.organisations.units(organisationId)
			.stream()
			.sorted(java.util.Comparator.comparing(Unit::code))
			.toList()) {
			List<Long> staff = staffByUnit.getOrDefault(unit.id(), List.of());
			if (staff.isEmpty()) {
				continue;
			}
			// About one incident a year per employee: two in three social workers in
			// exposed areas report having been threatened (the seeds).
			int count = 1 + staff.size() + random.nextInt(2);
			for (int i = 0; i < count; i++) {
				incidents.add(incident(organisationId, unit, staff, today, zone, random));
			}
		}
		incidents.sort(java.util.Comparator.comparing(DemoIncident::receivedAt));
		return incidents;
	}

	private static DemoIncident incident(long organisationId, Unit unit, List<Long> staff, LocalDate today, ZoneId zone,
			Random random) {
		LocalDate occurred = today.minusDays(1 + random.nextInt(364));
		String category = weighted(random);
		String partOfDay = PARTS_OF_DAY.get((random.nextInt(10) < 8) ? random.nextInt(2) : 2 + random.nextInt(2));
		String channel = switch (category) {
			case "ONLINE_EXPOSURE", "DISINFORMATION" -> "SOCIAL_MEDIA";
			case "PHYSICAL_VIOLENCE", "PROPERTY_DAMAGE" -> (random.nextInt(3) == 0) ? "HOME_VISIT" : "IN_PERSON";
			default -> List.of("IN_PERSON", "PHONE", "LETTER_OR_EMAIL", "HOME_VISIT").get(random.nextInt(4));
		};
		String source = List.of("CLIENT", "CLIENT", "CLIENT", "RELATIVE", "RELATIVE", "UNKNOWN", "OTHER")
			.get(random.nextInt(7));
		boolean children = unit.code().startsWith("BOF-");
		String caseKind = (children && random.nextInt(4) == 0) ? "LVU"
				: (unit.code().startsWith("VUX-") && random.nextInt(8) == 0) ? "LVM" : "NONE";
		Boolean twoHandlers = "NONE".equals(caseKind) ? null : random.nextBoolean();
		boolean violence = "PHYSICAL_VIOLENCE".equals(category);
		boolean threat = "THREAT".equals(category);
		SafetyClocks.Checklist checklist = new SafetyClocks.Checklist(violence && random.nextInt(5) == 0,
				threat && random.nextInt(10) == 0, violence && random.nextInt(4) == 0, random.nextInt(40) == 0,
				(threat || "ONLINE_EXPOSURE".equals(category)) && random.nextInt(12) == 0, false);
		boolean serious = SafetyClocks.serious(checklist);
		int severity = serious ? 3 + random.nextInt(2) : 1 + random.nextInt(3);
		String injury = (violence && random.nextInt(5) < 2) ? "PHYSICAL"
				: (random.nextInt(10) == 0) ? "PSYCHOLOGICAL" : "NONE";
		int absence = "NONE".equals(injury) ? 0 : random.nextInt(6);
		int hour = switch (partOfDay) {
			case "MORNING" -> 8 + random.nextInt(4);
			case "AFTERNOON" -> 12 + random.nextInt(5);
			case "EVENING" -> 17 + random.nextInt(5);
			default -> random.nextInt(6);
		};
		// Reported the same day mostly, the next day sometimes.
		ZonedDateTime receivedLocal = occurred.atTime(hour, random.nextInt(60))
			.atZone(zone)
			.plusHours((random.nextInt(5) == 0) ? 14 + random.nextInt(10) : 1 + random.nextInt(3));
		Instant received = receivedLocal.toInstant();
		Instant limit = today.atStartOfDay(zone).toInstant();
		// Acknowledged mostly within hours, one in eight late; a very recent one may
		// still wait.
		Instant acknowledged = received.plus(Duration
			.ofMinutes((random.nextInt(8) == 0) ? 60L * (26 + random.nextInt(40)) : 20 + random.nextInt(60 * 7)));
		if (acknowledged.isAfter(limit)) {
			acknowledged = null;
		}
		LocalDate receivedOn = receivedLocal.toLocalDate();
		LocalDate notified = serious ? receivedOn.plusDays((random.nextInt(4) == 0) ? 1 + random.nextInt(2) : 0) : null;
		if (notified != null && !notified.isBefore(today)) {
			notified = null;
		}
		int supportDelay = random.nextInt(20);
		LocalDate firstContact = (supportDelay < 14) ? receivedOn : (supportDelay < 17) ? receivedOn.plusDays(1)
				: (supportDelay < 19) ? receivedOn.plusDays(2 + random.nextInt(3)) : null;
		if (firstContact != null && !firstContact.isBefore(today)) {
			firstContact = null;
		}
		boolean closed = occurred.isBefore(today.minusDays(75)) && random.nextInt(10) < 8;
		LocalDate closedOn = closed ? occurred.plusDays(30 + random.nextInt(40)) : null;
		List<DemoAction> actions = new ArrayList<>();
		if (serious || random.nextInt(3) == 0) {
			LocalDate due = occurred.plusDays(14 + random.nextInt(30));
			LocalDate done = closed ? min(due.minusDays(random.nextInt(10)), closedOn)
					: (random.nextBoolean() && due.isBefore(today)) ? due : null;
			actions.add(new DemoAction(serious ? "Uppdatera riskbedömningen" : "Gå igenom rutinen för hembesök",
					"Enhetschef", due, done));
		}
		Long affected = staff.get(random.nextInt(staff.size()));
		return new DemoIncident(organisationId, unit.id(), affected, occurred, partOfDay, category, channel, source,
				caseKind, twoHandlers, severity, injury, absence, (absence > 0) ? occurred : null, checklist, notified,
				received, acknowledged, (acknowledged != null) ? "Demo: enhetschef" : null, firstContact, receivedOn,
				actions, closedOn);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static String weighted(Random random) {
		int total = CATEGORIES.values().stream().mapToInt(Integer::intValue).sum();
		int pick = random.nextInt(total);
		// In a fixed order: Map.of's iteration order is not stable across runs.
		for (String category : SafetyFigures.CATEGORIES) {
			pick -= CATEGORIES.get(category);
			if (pick < 0) {
				return category;
			}
		}
		return "THREAT";
	}

	/** An incident of the demo, as the reporting and handling parts would record it. */
	record DemoIncident(long organisationId, long unitId, Long affectedStaffId, LocalDate occurredOn, String partOfDay,
			String category, String channel, String source, String caseKind, Boolean caseTwoHandlers, int severity,
			String injury, int absenceDays, LocalDate absenceFrom, SafetyClocks.Checklist checklist,
			LocalDate authorityNotifiedOn, Instant receivedAt, Instant acknowledgedAt, String acknowledgedBy,
			LocalDate firstContactOfferedOn, LocalDate receivedOn, List<DemoAction> actions, LocalDate closedOn) {
	}

	/** An action of the investigation. */
	record DemoAction(String title, String owner, LocalDate dueOn, LocalDate doneOn) {
	}

	/** A demo account that reports, with what it may choose on the form. */
	record Reporter(CurrentAccount account, Incidents.ReportChoices choices) {

		boolean sees(long unitId, Long staffId) {
			return this.choices.units().stream().anyMatch((unit) -> unit.id() == unitId)
					&& (staffId.equals(this.choices.ownStaffId())
							|| this.choices.colleagues().stream().anyMatch((member) -> member.id() == staffId));
		}

	}

	/**
	 * Who reports a demo incident: the demo social worker their own, the manager one in
	 * the units they lead, the safety representative one in Barn och familj, HR the rest
	 * (on the employee's behalf, as HR may).
	 */
	record Reporters(Reporter staff, Reporter manager, Reporter safety, Reporter hr) {

		Reporter of(DemoIncident incident) {
			for (Reporter reporter : List.of(this.staff, this.manager, this.safety)) {
				if (reporter.sees(incident.unitId(), incident.affectedStaffId()) && (reporter != this.staff
						|| incident.affectedStaffId().equals(reporter.choices().ownStaffId()))) {
					return reporter;
				}
			}
			return this.hr;
		}

		/** A manager acknowledges: the demo manager their units', HR the others'. */
		CurrentAccount acknowledger(long unitId) {
			return this.manager.choices().units().stream().anyMatch((unit) -> unit.id() == unitId)
					? this.manager.account() : this.hr.account();
		}

	}

}
