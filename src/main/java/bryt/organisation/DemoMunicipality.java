package bryt.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import bryt.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fictional municipality of Exempelby, created on an empty database in demo mode:
 * three departments, their units and teams, about 150 staff members including those who
 * left over the past three years, and one account per role with the password
 * {@value DemoMode#PASSWORD}.
 *
 * <p>
 * The same seed gives the same municipality; dates are relative to the day it is created.
 * Every name is made up from common Swedish first and family names; no person from Bryt's
 * source articles appears.
 */
@Component
class DemoMunicipality implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

	static final String CODE = "exempelby";

	static final String NAME = "Exempelby kommun";

	/** One account per role, in the order the login page lists them. */
	static final List<DemoAccount> ACCOUNTS = List.of(new DemoAccount("admin", Role.ADMINISTRATOR),
			new DemoAccount("hr", Role.HR), new DemoAccount("manager", Role.MANAGER),
			new DemoAccount("union", Role.UNION_REPRESENTATIVE), new DemoAccount("safety", Role.SAFETY_REPRESENTATIVE),
			new DemoAccount("staff", Role.STAFF), new DemoAccount("committee", Role.COMMITTEE_MEMBER),
			new DemoAccount("employeeside", Role.EMPLOYEE_SIDE_ADMINISTRATOR));

	static final String[] FIRST_NAMES = { "Astrid", "Bo", "Camilla", "Dag", "Ebba", "Elin", "Emil", "Erik", "Fatima",
			"Filip", "Gustav", "Hassan", "Ida", "Ingrid", "Jonas", "Karin", "Kerstin", "Leila", "Lars", "Linnea",
			"Maja", "Mats", "Mikael", "Nadia", "Nils", "Olle", "Petra", "Rasmus", "Sara", "Sofia", "Stina", "Tove",
			"Ulf", "Vera", "Yusuf", "Zara", "Amir", "Birgitta", "Omar", "Greta" };

	static final String[] FAMILY_NAMES = { "Andersson", "Berg", "Dahl", "Ek", "Falk", "Forsberg", "Holm", "Hedlund",
			"Isaksson", "Jakobsson", "Karlsson", "Lind", "Lindqvist", "Mattsson", "Nilsson", "Nyberg", "Olsson",
			"Persson", "Sandberg", "Sjöberg", "Strand", "Söderberg", "Wallin", "Wikström", "Åberg", "Öberg", "Ali",
			"Hussein", "Rahimi", "Nguyen", "Korhonen", "Eriksson", "Larsson", "Gustafsson", "Pettersson", "Axelsson",
			"Bergström", "Lundin", "Hansson", "Mohammed" };

	/** Departments, their units, and the teams of units that have them. */
	private static final List<Department> TREE = List.of(
			new Department("BOF", "Barn och familj",
					List.of(new UnitSpec("BOF-MOT", "Mottagning barn och unga", List.of()),
							new UnitSpec("BOF-UTR", "Utredning barn och unga",
									List.of(new String[] { "BOF-UTR-1", "Utredning team 1" },
											new String[] { "BOF-UTR-2", "Utredning team 2" })),
							new UnitSpec("BOF-PLA", "Placering och uppföljning", List.of()))),
			new Department("VUX", "Vuxen",
					List.of(new UnitSpec("VUX-MB", "Missbruk och beroende", List.of()),
							new UnitSpec("VUX-SP", "Socialpsykiatri", List.of()))),
			new Department("EKB", "Ekonomiskt bistånd och arbete", List.of(
					new UnitSpec("EKB-EB", "Ekonomiskt bistånd",
							List.of(new String[] { "EKB-EB-NY", "Nybesök" },
									new String[] { "EKB-EB-HL", "Handläggning" })),
					new UnitSpec("EKB-ARB", "Arbetsmarknad", List.of()))));

	private static final long SEED = 1_2026L;

	private final DemoMode demo;

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final StaffRepository staff;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Organisations registry;

	private final ApplicationEventPublisher events;

	private final ProviderLinkRepository links;

	DemoMunicipality(DemoMode demo, OrganisationRepository organisations, UnitRepository units, StaffRepository staff,
			AccountRepository accounts, PasswordEncoder passwordEncoder, TransactionTemplate transaction, Clock clock,
			Organisations registry, ApplicationEventPublisher events, ProviderLinkRepository links) {
		this.links = links;
		this.registry = registry;
		this.events = events;
		this.demo = demo;
		this.organisations = organisations;
		this.units = units;
		this.staff = staff;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo.active()) {
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			if (this.organisations.isEmpty()) {
				create(LocalDate.now(this.clock));
				log.info("Created the demo municipality {}; log in with one of the demo accounts listed on /login",
						NAME);
			}
		});
	}

	private void create(LocalDate today) {
		Random random = new Random(SEED);
		long org = this.registry.create(CODE, NAME, Country.SE).id();
		Names names = new Names(random);
		Map<String, Long> unitIds = new HashMap<>();
		Map<String, Long> staffIds = new HashMap<>();
		int number = 1000;
		for (Department department : TREE) {
			long departmentId = this.units.create(org, department.code(), department.name(), UnitLevel.DEPARTMENT,
					null);
			unitIds.put(department.code(), departmentId);
			hire(org, ++number, names.next(), departmentId, StaffRole.UNIT_MANAGER, BigDecimal.ONE,
					today.minusYears(12 + random.nextInt(10)), today.minusYears(3 + random.nextInt(8)));
			for (UnitSpec unit : department.units()) {
				long unitId = this.units.create(org, unit.code(), unit.name(), UnitLevel.UNIT, departmentId);
				unitIds.put(unit.code(), unitId);
				staffIds.put(unit.code() + ":manager",
						hire(org, ++number, names.next(), unitId, StaffRole.UNIT_MANAGER, BigDecimal.ONE,
								today.minusYears(8 + random.nextInt(12)), today.minusYears(1 + random.nextInt(6))));
				List<Long> groups = new ArrayList<>();
				for (String[] team : unit.teams()) {
					long teamId = this.units.create(org, team[0], team[1], UnitLevel.TEAM, unitId);
					unitIds.put(team[0], teamId);
					groups.add(teamId);
				}
				if (groups.isEmpty()) {
					groups.add(unitId);
				}
				for (long group : groups) {
					number = staffGroup(org, number, group, random, names, today, staffIds);
				}
			}
		}
		hire(org, ++number, names.next(), unitIds.get("BOF"), StaffRole.OTHER, new BigDecimal("0.5"),
				today.minusYears(4), today.minusYears(2));
		createAccounts(org, unitIds, staffIds);
		this.events.publishEvent(new DemoMunicipalityCreated(org, today));
	}

	/**
	 * A group of social workers with one first-line lead: about ten current members, a
	 * few of them new, and about four who left at some point in the past three years.
	 */
	private int staffGroup(long org, int number, long unitId, Random random, Names names, LocalDate today,
			Map<String, Long> staffIds) {
		int next = number;
		hire(org, ++next, names.next(), unitId, StaffRole.FIRST_LINE_LEAD, BigDecimal.ONE,
				today.minusYears(6 + random.nextInt(10)), today.minusYears(1 + random.nextInt(5)));
		int current = 8 + random.nextInt(5);
		for (int i = 0; i < current; i++) {
			// Roughly one in four started within the past year; some of them are new
			// to the profession.
			LocalDate employed = (random.nextInt(4) == 0) ? today.minusDays(14 + random.nextInt(350))
					: today.minusDays(365 + random.nextInt(365 * 9));
			LocalDate experience = (random.nextInt(3) == 0) ? employed : employed.minusDays(random.nextInt(365 * 8));
			BigDecimal fte = (random.nextInt(6) == 0) ? new BigDecimal("0.75") : BigDecimal.ONE;
			long id = hire(org, ++next, names.next(), unitId, StaffRole.SOCIAL_WORKER, fte, experience, employed);
			staffIds.putIfAbsent(unitId + ":worker", id);
		}
		int leavers = 3 + random.nextInt(3);
		EndReason[] reasons = { EndReason.RESIGNED, EndReason.RESIGNED, EndReason.RESIGNED, EndReason.RETIRED,
				EndReason.CONTRACT_ENDED, EndReason.OTHER };
		for (int i = 0; i < leavers; i++) {
			LocalDate left = today.minusDays(10 + random.nextInt(365 * 3 - 10));
			LocalDate employed = left.minusDays(120 + random.nextInt(365 * 4));
			StaffForm leaver = new StaffForm(String.valueOf(++next), names.next(), unitId, StaffRole.SOCIAL_WORKER,
					BigDecimal.ONE, employed.minusDays(random.nextInt(365 * 3)), employed, left,
					reasons[random.nextInt(reasons.length)]);
			this.staff.create(org, leaver);
		}
		return next;
	}

	private long hire(long org, int number, String name, long unitId, StaffRole role, BigDecimal fte,
			LocalDate experienceStart, LocalDate employmentStart) {
		return this.staff.create(org, new StaffForm(String.valueOf(number), name, unitId, role, fte, experienceStart,
				employmentStart, null, null));
	}

	private void createAccounts(long org, Map<String, Long> unitIds, Map<String, Long> staffIds) {
		String hash = this.passwordEncoder.encode(DemoMode.PASSWORD);
		long investigationTeam = unitIds.get("BOF-UTR-1");
		this.accounts.create(org, "admin", "Demo: administratör", EnumSet.of(Role.ADMINISTRATOR), null, true, Set.of(),
				hash);
		this.accounts.create(org, "hr", "Demo: HR", EnumSet.of(Role.HR), null, true, Set.of(), hash);
		this.accounts.create(org, "manager", "Demo: enhetschef utredning", EnumSet.of(Role.MANAGER),
				staffIds.get("BOF-UTR:manager"), true, Set.of(unitIds.get("BOF-UTR")), hash);
		// Issue 16: the employee side's roles are granted by the employee side's
		// administrator, whom the platform operator named (as `organisation grant` does).
		java.time.Instant now = this.clock.instant();
		long employeeSide = this.accounts.create(org, "employeeside", "Demo: administratör för arbetstagarsidan",
				EnumSet.of(Role.EMPLOYEE_SIDE_ADMINISTRATOR), null, true, Set.of(), hash);
		this.links.grantedByOperator(org, employeeSide, Role.EMPLOYEE_SIDE_ADMINISTRATOR, now);
		long union = this.accounts.create(org, "union", "Demo: fackligt ombud barn och familj",
				EnumSet.of(Role.UNION_REPRESENTATIVE), staffIds.get(unitIds.get("BOF-PLA") + ":worker"), true,
				Set.of(unitIds.get("BOF")), hash);
		this.links.granted(org, union, Role.UNION_REPRESENTATIVE, null, employeeSide, now);
		// Issue 14: the safety representative is a role of its own, covering the same
		// units as the union representative but a different person.
		long safety = this.accounts.create(org, "safety", "Demo: skyddsombud barn och familj",
				EnumSet.of(Role.SAFETY_REPRESENTATIVE), staffIds.get(unitIds.get("BOF-MOT") + ":worker"), true,
				Set.of(unitIds.get("BOF")), hash);
		this.links.granted(org, safety, Role.SAFETY_REPRESENTATIVE, null, employeeSide, now);
		this.accounts.create(org, "staff", "Demo: socialsekreterare", EnumSet.of(Role.STAFF),
				staffIds.get(investigationTeam + ":worker"), true, Set.of(), hash);
		this.accounts.create(org, "committee", "Demo: nämndledamot", EnumSet.of(Role.COMMITTEE_MEMBER), null, true,
				Set.of(), hash);
	}

	record DemoAccount(String username, Role role) {
	}

	private record Department(String code, String name, List<UnitSpec> units) {
	}

	private record UnitSpec(String code, String name, List<String[]> teams) {
	}

	/** Unique made-up names from the two lists. */
	private static final class Names {

		private final Random random;

		private final Set<String> used = new HashSet<>();

		Names(Random random) {
			this.random = random;
		}

		String next() {
			String name;
			do {
				name = FIRST_NAMES[this.random.nextInt(FIRST_NAMES.length)] + " "
						+ FAMILY_NAMES[this.random.nextInt(FAMILY_NAMES.length)];
			}
			while (!this.used.add(name));
			return name;
		}

	}

}
