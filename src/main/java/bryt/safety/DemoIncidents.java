package bryt.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
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
 * <strong>For the lead at merge:</strong> {@link #report} inserts with SQL
 * ({@link DemoIncidentsRepository}) because the reporting service (S1) is not on this
 * branch; switch it to S1's service so the demo is entered through the real path. The
 * description is left empty (the reporting service encrypts it).
 */
@Component
class DemoIncidents {

	private static final Logger log = LoggerFactory.getLogger(DemoIncidents.class);

	private static final long SEED = 14_2026L;

	/** Categories with their weights: threats the most, violence less. */
	private static final Map<String, Integer> CATEGORIES = Map.of("THREAT", 34, "OFFENSIVE_BEHAVIOUR", 16, "HARASSMENT",
			12, "PHYSICAL_VIOLENCE", 8, "NEAR_MISS", 8, "ONLINE_EXPOSURE", 6, "RISK_OBSERVATION", 6,
			"UNLAWFUL_INFLUENCE", 4, "DISINFORMATION", 3, "PROPERTY_DAMAGE", 3);

	private static final List<String> PARTS_OF_DAY = List.of("MORNING", "AFTERNOON", "EVENING", "NIGHT");

	private final DemoIncidentsRepository repository;

	private final Organisations organisations;

	private final Clock clock;

	DemoIncidents(DemoIncidentsRepository repository, Organisations organisations, Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** In the transaction that creates the demo municipality. */
	@EventListener
	void on(DemoMunicipalityCreated demo) {
		List<DemoIncident> incidents = year(demo.organisationId(), demo.today(), this.clock.getZone());
		incidents.forEach(this::report);
		log.info("Created {} demo safety incidents", incidents.size());
	}

	/**
	 * Stores one incident. The one place the demo writes an incident: at merge, S1's
	 * reporting service (then the handling parts' services) replace the SQL here.
	 */
	void report(DemoIncident incident) {
		this.repository.insert(incident);
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

}
