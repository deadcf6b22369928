package bryt.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.time.Quarter;
import bryt.workload.UnitFigures;
import bryt.workload.Workload;
import bryt.workload.WorkloadFigures;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety module's figures for the joint overview (issue 14 item 10), per unit and
 * calendar quarter, each unit's summed over it and every unit below it, as the workload
 * figures are; counts, shares, rates and a median only, never a description, a name or a
 * reference (docs/safety/figures.md).
 * <ul>
 * <li>An incident counts in the quarter it occurred in.</li>
 * <li>FTE: the workload module's FTE of the unit ({@link UnitFigures#fte()}, through
 * {@link Workload#figures}), averaged over the first day of each of the quarter's months
 * up to today, so that staff are counted one way in Bryt.</li>
 * <li>Serious: {@link SafetyClocks#serious}. Notifications: those the authority had to
 * have ({@link SafetyClocks#authorityDue}) and whose due day has passed or that were
 * notified; on time when notified on or before the due day (a due instant's day in the
 * organisation's time zone).</li>
 * <li>Acknowledgement: hours from receipt, the median over the acknowledged incidents.
 * Support within 24 hours: the first contact offered on the day the incident was received
 * or the next.</li>
 * <li>Overdue actions: due before today, not done and not waived by both.</li>
 * <li>LVU: incidents on LVU cases, those of them with two handlers, and beside them the
 * workload module's open two-handler cases with fewer than two handlers on the quarter's
 * last day (or today).</li>
 * </ul>
 * Who sees which view: {@link #view(Figures, boolean)}.
 */
@Service
public class SafetyFigures {

	/** The categories of an incident, as {@code safety_incident.category}. */
	public static final List<String> CATEGORIES = List.of("PHYSICAL_VIOLENCE", "THREAT", "HARASSMENT",
			"ONLINE_EXPOSURE", "DISINFORMATION", "UNLAWFUL_INFLUENCE", "PROPERTY_DAMAGE", "OFFENSIVE_BEHAVIOUR",
			"NEAR_MISS", "RISK_OBSERVATION");

	/** A count under this shows as "< 3" in the committee's view. */
	public static final int SMALLEST_SHOWN = 3;

	/** The unit id of the organisation's total, as in the workload figures. */
	public static final long ORGANISATION = 0;

	private final FiguresRepository repository;

	private final Organisations organisations;

	private final Workload workload;

	private final SafetyClocks clocks;

	private final Clock clock;

	SafetyFigures(FiguresRepository repository, Organisations organisations, Workload workload, SafetyClocks clocks,
			Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.workload = workload;
		this.clocks = clocks;
		this.clock = clock;
	}

	/**
	 * An organisation's figures for each quarter from {@code from} to {@code to}: the
	 * organisation's total ({@link #ORGANISATION}) and then every unit, parents before
	 * children, in each quarter. Unsuppressed: pass each through {@link #view} before
	 * showing it.
	 */
	@Transactional(readOnly = true)
	public List<Figures> figures(long organisationId, Quarter from, Quarter to) {
		return figures(organisationId, from, to, LocalDate.now(this.clock));
	}

	/** As {@link #figures(long, Quarter, Quarter)}, on a given day. */
	List<Figures> figures(long organisationId, Quarter from, Quarter to, LocalDate today) {
		Organisation organisation = this.organisations.find(organisationId).orElseThrow();
		List<Unit> units = ordered(this.organisations.units(organisationId));
		Map<Long, Set<Long>> subtrees = subtrees(units);
		ZoneId zone = this.clock.getZone();
		List<Figures> result = new ArrayList<>();
		for (Quarter quarter : from.through(to)) {
			List<FiguresRepository.Row> rows = this.repository.incidents(organisationId, quarter.first(),
					quarter.last(), today);
			List<WorkloadFigures> samples = new ArrayList<>();
			for (int month = 0; month < 3; month++) {
				LocalDate day = quarter.first().plusMonths(month);
				if (!day.isAfter(today)) {
					samples.add(this.workload.figures(organisation, day));
				}
			}
			LocalDate end = quarter.last().isAfter(today) ? today : quarter.last();
			WorkloadFigures atEnd = end.isBefore(quarter.first()) ? null : this.workload.figures(organisation, end);
			result.add(compute(organisation, ORGANISATION, null, null, null, quarter, rows, null, samples, atEnd, today,
					zone));
			for (Unit unit : units) {
				result.add(compute(organisation, unit.id(), unit.code(), unit.name(), unit.parentId(), quarter, rows,
						subtrees.get(unit.id()), samples, atEnd, today, zone));
			}
		}
		return result;
	}

	private Figures compute(Organisation organisation, long unitId, String code, String name, Long parentId,
			Quarter quarter, List<FiguresRepository.Row> all, Set<Long> subtree, List<WorkloadFigures> samples,
			WorkloadFigures atEnd, LocalDate today, ZoneId zone) {
		Map<String, Integer> categories = new LinkedHashMap<>();
		CATEGORIES.forEach((category) -> categories.put(category, 0));
		int incidents = 0;
		int serious = 0;
		int required = 0;
		int onTime = 0;
		int supported = 0;
		int overdue = 0;
		int lvu = 0;
		int lvuTwo = 0;
		List<Double> hours = new ArrayList<>();
		for (FiguresRepository.Row row : all) {
			if (subtree != null && !subtree.contains(row.unitId())) {
				continue;
			}
			incidents++;
			categories.merge(row.category(), 1, Integer::sum);
			if (SafetyClocks.serious(row.checklist())) {
				serious++;
			}
			Optional<SafetyClocks.Due> due = this.clocks.authorityDue(organisation.country(), row.checklist(),
					row.receivedAt(), row.absenceDays(), row.absenceFrom());
			if (due.isPresent()) {
				LocalDate dueDay = (due.get().day() != null) ? due.get().day()
						: due.get().instant().atZone(zone).toLocalDate();
				if (row.authorityNotifiedOn() != null) {
					required++;
					if (!row.authorityNotifiedOn().isAfter(dueDay)) {
						onTime++;
					}
				}
				else if (dueDay.isBefore(today)) {
					// Late and still not notified; one still within its day is not
					// judged yet.
					required++;
				}
			}
			if (row.acknowledgedAt() != null) {
				hours.add(Duration.between(row.receivedAt(), row.acknowledgedAt()).toMinutes() / 60.0);
			}
			LocalDate received = row.receivedAt().atZone(zone).toLocalDate();
			if (row.firstContactOfferedOn() != null && !row.firstContactOfferedOn().isAfter(received.plusDays(1))) {
				supported++;
			}
			overdue += row.overdueActions();
			if ("LVU".equals(row.caseKind())) {
				lvu++;
				if (Boolean.TRUE.equals(row.caseTwoHandlers())) {
					lvuTwo++;
				}
			}
		}
		double fte = 0;
		for (WorkloadFigures sample : samples) {
			fte += unitFigures(sample, unitId).map(UnitFigures::fte).orElse(0.0);
		}
		fte = samples.isEmpty() ? 0 : fte / samples.size();
		int violations = (atEnd != null) ? unitFigures(atEnd, unitId).map(UnitFigures::twoHandlerViolations).orElse(0)
				: 0;
		return new Figures(unitId, code, name, parentId, quarter, fte, incidents, categories, serious, required, onTime,
				hours.size(), median(hours), supported, overdue, lvu, lvuTwo, violations);
	}

	private static Optional<UnitFigures> unitFigures(WorkloadFigures figures, long unitId) {
		return (unitId == ORGANISATION) ? Optional.of(figures.organisation()) : figures.unit(unitId);
	}

	private static Double median(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** The units, parents before children, siblings by code. */
	private static List<Unit> ordered(List<Unit> units) {
		Map<Long, List<Unit>> children = new HashMap<>();
		List<Unit> roots = new ArrayList<>();
		Set<Long> ids = new HashSet<>();
		units.forEach((unit) -> ids.add(unit.id()));
		for (Unit unit : units) {
			if (unit.parentId() == null || !ids.contains(unit.parentId())) {
				roots.add(unit);
			}
			else {
				children.computeIfAbsent(unit.parentId(), (k) -> new ArrayList<>()).add(unit);
			}
		}
		List<Unit> ordered = new ArrayList<>();
		addInOrder(roots, children, ordered);
		return ordered;
	}

	private static void addInOrder(List<Unit> level, Map<Long, List<Unit>> children, List<Unit> ordered) {
		level.stream().sorted(java.util.Comparator.comparing(Unit::code)).forEach((unit) -> {
			ordered.add(unit);
			addInOrder(children.getOrDefault(unit.id(), List.of()), children, ordered);
		});
	}

	/** Each unit with every unit below it. */
	private static Map<Long, Set<Long>> subtrees(List<Unit> ordered) {
		Map<Long, Set<Long>> subtrees = new HashMap<>();
		ordered.forEach((unit) -> subtrees.put(unit.id(), new HashSet<>(Set.of(unit.id()))));
		// Children come after their parents: walking backwards adds each finished
		// subtree to its parent's.
		for (int i = ordered.size() - 1; i >= 0; i--) {
			Unit unit = ordered.get(i);
			if (unit.parentId() != null && subtrees.containsKey(unit.parentId())) {
				subtrees.get(unit.parentId()).addAll(subtrees.get(unit.id()));
			}
		}
		return subtrees;
	}

	/**
	 * One unit's (or the organisation's) figures in a quarter, as counted: whoever shows
	 * them passes them through {@link SafetyFigures#view}.
	 *
	 * @param unitId the unit, or {@link SafetyFigures#ORGANISATION} for the total
	 * @param fte the unit's average FTE over the quarter (workload's count)
	 * @param incidents incidents that occurred in the quarter
	 * @param categories incidents by category, every category in
	 * {@link SafetyFigures#CATEGORIES} order
	 * @param serious incidents that are serious by the checklist
	 * @param notificationsRequired incidents the authority had to be notified of whose
	 * due day has passed or that were notified
	 * @param notificationsOnTime those notified on or before the due day
	 * @param acknowledged incidents acknowledged
	 * @param medianHoursToAcknowledge the median hours from receipt to acknowledgement,
	 * or {@code null} when none was acknowledged
	 * @param supportWithin24Hours incidents whose first contact was offered on the day
	 * received or the next
	 * @param overdueActions actions of the quarter's incidents due before today, neither
	 * done nor waived by both
	 * @param lvuIncidents incidents on LVU cases
	 * @param lvuWithTwoHandlers of those, on a case with two handlers
	 * @param twoHandlerViolations the workload module's open two-handler cases with fewer
	 * than two handlers at the quarter's end (or today)
	 */
	public record Figures(long unitId, String code, String name, Long parentId, Quarter quarter, double fte,
			int incidents, Map<String, Integer> categories, int serious, int notificationsRequired,
			int notificationsOnTime, int acknowledged, Double medianHoursToAcknowledge, int supportWithin24Hours,
			int overdueActions, int lvuIncidents, int lvuWithTwoHandlers, int twoHandlerViolations) {

		public Figures {
			categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
		}

	}

	/**
	 * The figures as one reader may see them. In the committee's view (committee members,
	 * union representatives, every API client) a count of 1 or 2 is not given (listed in
	 * {@code underThree}, shown as "< 3") and every figure computed from such a count is
	 * not given either (listed in {@code hidden}): a rate per 10 FTE, a share whose
	 * numerator or denominator is 1 or 2, a median of 1 or 2 acknowledgements. Zero is
	 * given: there is nobody behind it. In the full view nothing is left out.
	 */
	public static Shown view(Figures figures, boolean committee) {
		Set<String> underThree = new java.util.LinkedHashSet<>();
		Set<String> hidden = new java.util.LinkedHashSet<>();
		Map<String, Integer> categories = new LinkedHashMap<>();
		Map<String, Double> categoryRates = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : figures.categories().entrySet()) {
			String key = entry.getKey();
			categories.put(key, count(entry.getValue(), "categories." + key, committee, underThree));
			categoryRates.put(key,
					rate(entry.getValue(), figures.fte(), "categoriesPer10Fte." + key, committee, hidden));
		}
		return new Shown(figures.unitId(), figures.code(), figures.name(), figures.parentId(),
				figures.quarter().toString(), figures.quarter().first(), figures.quarter().last(), committee,
				figures.fte(), count(figures.incidents(), "incidents", committee, underThree),
				rate(figures.incidents(), figures.fte(), "incidentsPer10Fte", committee, hidden), categories,
				categoryRates, count(figures.serious(), "serious", committee, underThree),
				share(figures.serious(), figures.incidents(), "shareSerious", committee, hidden),
				count(figures.notificationsRequired(), "notificationsRequired", committee, underThree),
				count(figures.notificationsOnTime(), "notificationsOnTime", committee, underThree),
				share(figures.notificationsOnTime(), figures.notificationsRequired(), "shareNotificationsOnTime",
						committee, hidden),
				count(figures.acknowledged(), "acknowledged", committee, underThree),
				(committee && small(figures.acknowledged())) ? hide("medianHoursToAcknowledge", hidden)
						: figures.medianHoursToAcknowledge(),
				count(figures.supportWithin24Hours(), "supportWithin24Hours", committee, underThree),
				share(figures.supportWithin24Hours(), figures.incidents(), "shareSupportWithin24Hours", committee,
						hidden),
				count(figures.overdueActions(), "overdueActions", committee, underThree),
				count(figures.lvuIncidents(), "lvuIncidents", committee, underThree),
				count(figures.lvuWithTwoHandlers(), "lvuWithTwoHandlers", committee, underThree),
				figures.twoHandlerViolations(), List.copyOf(underThree), List.copyOf(hidden));
	}

	/** Whether a count is 1 or 2: under {@link #SMALLEST_SHOWN} and not zero. */
	static boolean small(int count) {
		return count > 0 && count < SMALLEST_SHOWN;
	}

	private static Integer count(int count, String key, boolean committee, Set<String> underThree) {
		if (committee && small(count)) {
			underThree.add(key);
			return null;
		}
		return count;
	}

	private static Double rate(int count, double fte, String key, boolean committee, Set<String> hidden) {
		if (committee && small(count)) {
			return hide(key, hidden);
		}
		return (fte > 0) ? count * 10 / fte : null;
	}

	private static Double share(int part, int whole, String key, boolean committee, Set<String> hidden) {
		if (committee && (small(part) || small(whole))) {
			return hide(key, hidden);
		}
		return (whole > 0) ? (double) part / whole : null;
	}

	private static Double hide(String key, Set<String> hidden) {
		hidden.add(key);
		return null;
	}

	/**
	 * One unit's figures in a quarter as a reader may see them ({@link #view}): a figure
	 * not given is {@code null} and its name is in {@code underThree} (a count of 1 or 2)
	 * or {@code hidden} (computed from such a count). A {@code null} figure in neither
	 * list has no value (a rate without FTE, a share or median of nothing).
	 */
	public record Shown(long unitId, String code, String name, Long parentId, String quarter, LocalDate from,
			LocalDate to, boolean committeeView, double fte, Integer incidents, Double incidentsPer10Fte,
			Map<String, Integer> categories, Map<String, Double> categoriesPer10Fte, Integer serious,
			Double shareSerious, Integer notificationsRequired, Integer notificationsOnTime,
			Double shareNotificationsOnTime, Integer acknowledged, Double medianHoursToAcknowledge,
			Integer supportWithin24Hours, Double shareSupportWithin24Hours, Integer overdueActions,
			Integer lvuIncidents, Integer lvuWithTwoHandlers, int twoHandlerViolations, List<String> underThree,
			List<String> hidden) {

		/** Whether the named figure is a count of 1 or 2 left out. */
		public boolean isUnderThree(String key) {
			return this.underThree.contains(key);
		}

		/** Whether the named figure is left out because it rests on such a count. */
		public boolean isHidden(String key) {
			return this.hidden.contains(key);
		}

	}

}
