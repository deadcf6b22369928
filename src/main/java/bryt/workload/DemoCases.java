package bryt.workload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.shared.imports.Imports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Three years of made-up cases for the demo municipality, about 6,000 a year, imported
 * through the same path as a real export. Inflow per worker is set so that the
 * investigation teams run over capacity, some investigations run late and a few
 * compulsory-care cases lack their second handler.
 */
@Component
class DemoCases {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private static final long SEED = 2026_11L;

	private static final int DAYS = 3 * 365;

	/**
	 * Case mixes by department: type, share of inflow, shortest and longest days open.
	 */
	private static final Map<String, List<Mix>> MIXES = Map.of("BOF",
			List.of(new Mix("BBU-FB", 0.35, 5, 20), new Mix("BBU-UTR", 0.30, 50, 170),
					new Mix("BBU-INS", 0.15, 60, 360), new Mix("LVU", 0.05, 200, 700), new Mix("PLAC", 0.15, 150, 700)),
			"VUX",
			List.of(new Mix("VUX-UTR", 0.6, 20, 100), new Mix("LVM", 0.1, 60, 180), new Mix("EKB", 0.3, 60, 340)),
			"EKB", List.of(new Mix("EKB", 0.7, 40, 360), new Mix("ARB", 0.3, 60, 300)));

	/**
	 * Cases a year per full-time worker, by department, and extra pressure on some units.
	 */
	private static final Map<String, Double> INFLOW = Map.of("BOF", 38.0, "VUX", 66.0, "EKB", 60.0);

	private static final Map<String, Double> PRESSURE = Map.of("BOF-UTR-1", 1.35, "BOF-UTR-2", 1.2, "EKB-EB-NY", 1.15,
			"VUX-SP", 0.8);

	private final CaseImport caseImport;

	private final Organisations organisations;

	private final Imports imports;

	DemoCases(CaseImport caseImport, Imports imports, Organisations organisations) {
		this.caseImport = caseImport;
		this.imports = imports;
		this.organisations = organisations;
	}

	@EventListener
	void on(DemoMunicipalityCreated demo) {
		String csv = generate(demo.today(), this.organisations.units(demo.organisationId()),
				this.organisations.staff(demo.organisationId()));
		int cases = this.imports.run(demo.organisationId(), this.caseImport, "demo-cases.csv",
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		log.info("Created {} demo cases", cases);
	}

	static String generate(LocalDate today, List<Unit> units, List<StaffMember> staff) {
		Random random = new Random(SEED);
		Map<Long, Unit> byId = new HashMap<>();
		units.forEach((unit) -> byId.put(unit.id(), unit));
		Map<Long, List<StaffMember>> workersByUnit = new HashMap<>();
		for (StaffMember member : staff) {
			if (member.role() == StaffRole.SOCIAL_WORKER) {
				workersByUnit.computeIfAbsent(member.unitId(), (id) -> new ArrayList<>()).add(member);
			}
		}
		StringBuilder csv = new StringBuilder("case_ref,case_type,unit,opened,closed,handler,co_handler,linked_case\n");
		int sequence = 0;
		LocalDate first = today.minusDays(DAYS);
		for (Map.Entry<Long, List<StaffMember>> group : workersByUnit.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.toList()) {
			Unit unit = byId.get(group.getKey());
			String department = department(unit, byId).code();
			List<Mix> mix = MIXES.get(department);
			double perDay = INFLOW.get(department) * PRESSURE.getOrDefault(unit.code(), 1.0) / 365;
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				if (day.getDayOfWeek().getValue() > 5) {
					continue;
				}
				List<StaffMember> present = employed(group.getValue(), day);
				int arrivals = poisson(random, perDay * present.size() * 7 / 5);
				for (int i = 0; i < arrivals && !present.isEmpty(); i++) {
					Mix type = pick(mix, random);
					LocalDate closed = day
						.plusDays(type.minDays() + random.nextInt(type.maxDays() - type.minDays() + 1));
					StaffMember handler = handlerFor(present, closed, random);
					String coHandler = "";
					if (type.code().equals("LVU") || type.code().equals("LVM")) {
						// about one in twelve compulsory-care cases lacks its second
						// handler
						List<StaffMember> others = present.stream().filter((m) -> m != handler).toList();
						if (!others.isEmpty() && random.nextInt(12) != 0) {
							coHandler = others.get(random.nextInt(others.size())).employeeNumber();
						}
					}
					String ref = "EX-" + day.getYear() + "-" + (++sequence);
					csv.append(String.join(",", ref, type.code(), unit.code(), day.toString(),
							dateOrEmpty(closed, today), handler.employeeNumber(), coHandler, ""))
						.append('\n');
					if (type.code().endsWith("-UTR") && !closed.isAfter(today.minusDays(30))
							&& random.nextInt(30) == 0) {
						// A closed investigation reopened: linked, so it keeps the first
						// clock.
						LocalDate reopened = closed.plusDays(5 + random.nextInt(25));
						LocalDate closedAgain = reopened.plusDays(20 + random.nextInt(60));
						csv.append(String.join(",", ref + "-R", type.code(), unit.code(), reopened.toString(),
								dateOrEmpty(closedAgain, today), handler.employeeNumber(), "", ref))
							.append('\n');
					}
				}
			}
		}
		return csv.toString();
	}

	private static String dateOrEmpty(LocalDate date, LocalDate today) {
		return date.isAfter(today) ? "" : date.toString();
	}

	/** Someone employed for the whole time the case is open, else anyone present. */
	private static StaffMember handlerFor(List<StaffMember> present, LocalDate until, Random random) {
		List<StaffMember> staying = present.stream()
			.filter((member) -> member.endDate() == null || !member.endDate().isBefore(until))
			.toList();
		List<StaffMember> candidates = staying.isEmpty() ? present : staying;
		return candidates.get(random.nextInt(candidates.size()));
	}

	private static List<StaffMember> employed(List<StaffMember> members, LocalDate day) {
		return members.stream().filter((member) -> member.employedOn(day)).toList();
	}

	private static Unit department(Unit unit, Map<Long, Unit> byId) {
		Unit current = unit;
		while (current.parentId() != null) {
			current = byId.get(current.parentId());
		}
		return current;
	}

	private static Mix pick(List<Mix> mix, Random random) {
		double roll = random.nextDouble();
		for (Mix type : mix) {
			roll -= type.share();
			if (roll < 0) {
				return type;
			}
		}
		return mix.get(mix.size() - 1);
	}

	private static int poisson(Random random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	private record Mix(String code, double share, int minDays, int maxDays) {
	}

}
