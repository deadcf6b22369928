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
import bryt.shared.disclosure.CellSuppression;
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
	 * given: there is nobody behind it. Within the row, counts are also hidden so that no
	 * "< 3" follows from the others (complementary suppression, {@link #suppress}). In
	 * the full view nothing is left out.
	 */
	public static Shown view(Figures figures, boolean committee) {
		return view(figures, committee, Set.of());
	}

	/**
	 * The rows of a reader, each in the view the reader gets of it ({@code committee}
	 * true for a unit's id in the committee's view), with complementary suppression
	 * <em>across</em> the rows as well: within each quarter, a parent's (or the
	 * organisation's) count is its units' plus its own part, and the shared pass
	 * ({@link CellSuppression}) hides further counts so that no "< 3" or hidden count, no
	 * rest of 1 or 2 of a whole and its part, and no unit's own part of 1 or 2 can be
	 * worked out from every row shown (docs/safety/figures.md, "Hiding across units").
	 * Every page, download, API and the overview pass their rows through here.
	 */
	public static List<Shown> view(List<Figures> figures, java.util.function.LongPredicate committee) {
		Map<Quarter, List<Figures>> quarters = new LinkedHashMap<>();
		figures.forEach((row) -> quarters.computeIfAbsent(row.quarter(), (k) -> new ArrayList<>()).add(row));
		Map<Figures, Set<String>> across = new HashMap<>();
		for (List<Figures> rows : quarters.values()) {
			across.putAll(acrossUnits(rows, committee));
		}
		return figures.stream()
			.map((row) -> view(row, committee.test(row.unitId()), across.getOrDefault(row, Set.of())))
			.toList();
	}

	/** The within-row relations as the shared pass's sums: a total, then its parts. */
	private static List<List<String>> sums(Figures any) {
		List<List<String>> sums = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		categories.add(INCIDENTS);
		any.categories().keySet().forEach((category) -> categories.add(CATEGORY + category));
		sums.add(categories);
		for (List<String> pair : PAIRS) {
			sums.add(List.of(pair.get(0), pair.get(1), REST + pair.get(1)));
		}
		return sums;
	}

	/** An unpublished rest: the whole less the part (not serious, late, ...). */
	private static final String REST = "rest.";

	/**
	 * The counts each row of one quarter must hide besides its own row's suppression, so
	 * that nothing hidden follows across the units (the shared pass).
	 */
	private static Map<Figures, Set<String>> acrossUnits(List<Figures> rows,
			java.util.function.LongPredicate committee) {
		Map<Figures, Set<String>> result = new HashMap<>();
		if (rows.stream().noneMatch((row) -> committee.test(row.unitId()))) {
			return result;
		}
		CellSuppression.Builder table = CellSuppression.table(SMALLEST_SHOWN);
		sums(rows.get(0)).forEach((sum) -> table.sum(sum.get(0), sum.subList(1, sum.size())));
		Set<Long> ids = new HashSet<>();
		rows.forEach((row) -> ids.add(row.unitId()));
		Map<Long, Figures> byId = new HashMap<>();
		for (Figures row : rows) {
			byId.put(row.unitId(), row);
			Long parent = (row.unitId() == ORGANISATION) ? null
					: (row.parentId() != null && ids.contains(row.parentId())) ? row.parentId()
							: (ids.contains(ORGANISATION) ? ORGANISATION : null);
			table.row(row.unitId(), parent);
			Map<String, Integer> values = counts(row);
			Set<String> underThree = new java.util.LinkedHashSet<>();
			Set<String> hidden = new java.util.LinkedHashSet<>();
			boolean committeeView = committee.test(row.unitId());
			if (committeeView) {
				suppress(values, underThree, hidden);
			}
			values.forEach((key, value) -> table.cell(row.unitId(), key, value,
					!committeeView ? CellSuppression.Mark.KNOWN : underThree.contains(key) ? CellSuppression.Mark.SMALL
							: hidden.contains(key) ? CellSuppression.Mark.HIDDEN : CellSuppression.Mark.SHOWN));
			for (List<String> pair : PAIRS) {
				table.cell(row.unitId(), REST + pair.get(1), values.get(pair.get(0)) - values.get(pair.get(1)),
						committeeView ? CellSuppression.Mark.UNPUBLISHED : CellSuppression.Mark.KNOWN);
			}
		}
		CellSuppression.Result protectedCells = table.protect();
		for (CellSuppression.Cell cell : protectedCells.secondary()) {
			result.computeIfAbsent(byId.get(cell.row()), (k) -> new HashSet<>()).add(cell.column());
		}
		return result;
	}

	private static Shown view(Figures figures, boolean committee, Set<String> across) {
		Map<String, Integer> values = counts(figures);
		Set<String> underThree = new java.util.LinkedHashSet<>();
		Set<String> hidden = new java.util.LinkedHashSet<>();
		if (committee) {
			suppress(values, underThree, hidden);
			for (String key : across) {
				// hidden across the units: "hidden", never "< 3" (its bounds alone, or a
				// parent less its units, would give it away)
				underThree.remove(key);
				hidden.add(key);
			}
		}
		Map<String, Integer> categories = new LinkedHashMap<>();
		Map<String, Double> categoryRates = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> entry : figures.categories().entrySet()) {
			String key = CATEGORY + entry.getKey();
			categories.put(entry.getKey(), given(key, values, underThree, hidden));
			categoryRates.put(entry.getKey(), rate(values.get(key), figures.fte(),
					"categoriesPer10Fte." + entry.getKey(), !shown(key, underThree, hidden), hidden));
		}
		return new Shown(figures.unitId(), figures.code(), figures.name(), figures.parentId(),
				figures.quarter().toString(), figures.quarter().first(), figures.quarter().last(), committee,
				figures.fte(), given(INCIDENTS, values, underThree, hidden),
				rate(figures.incidents(), figures.fte(), "incidentsPer10Fte", !shown(INCIDENTS, underThree, hidden),
						hidden),
				categories, categoryRates, given(SERIOUS, values, underThree, hidden),
				share(figures.serious(), figures.incidents(), "shareSerious", SERIOUS, INCIDENTS, underThree, hidden),
				given(REQUIRED, values, underThree, hidden), given(ON_TIME, values, underThree, hidden),
				share(figures.notificationsOnTime(), figures.notificationsRequired(), "shareNotificationsOnTime",
						ON_TIME, REQUIRED, underThree, hidden),
				given(ACKNOWLEDGED, values, underThree, hidden),
				(underThree.contains(ACKNOWLEDGED) || across.contains(ACKNOWLEDGED))
						? hide("medianHoursToAcknowledge", hidden) : figures.medianHoursToAcknowledge(),
				given(SUPPORTED, values, underThree, hidden),
				share(figures.supportWithin24Hours(), figures.incidents(), "shareSupportWithin24Hours", SUPPORTED,
						INCIDENTS, underThree, hidden),
				given("overdueActions", values, underThree, hidden), given(LVU, values, underThree, hidden),
				given(LVU_TWO, values, underThree, hidden), figures.twoHandlerViolations(), List.copyOf(underThree),
				List.copyOf(hidden));
	}

	private static final String CATEGORY = "categories.";

	private static final String INCIDENTS = "incidents";

	private static final String SERIOUS = "serious";

	private static final String REQUIRED = "notificationsRequired";

	private static final String ON_TIME = "notificationsOnTime";

	private static final String ACKNOWLEDGED = "acknowledged";

	private static final String SUPPORTED = "supportWithin24Hours";

	private static final String LVU = "lvuIncidents";

	private static final String LVU_TWO = "lvuWithTwoHandlers";

	/**
	 * The row's parts of a whole whose rest is not shown: the whole, then the part; the
	 * rest (the whole less the part: incidents without support within 24 hours, not
	 * serious, not acknowledged, late notifications, LVU incidents with one handler) can
	 * be worked out from the two.
	 */
	private static final List<List<String>> PAIRS = List.of(List.of(INCIDENTS, SUPPORTED), List.of(INCIDENTS, SERIOUS),
			List.of(INCIDENTS, ACKNOWLEDGED), List.of(REQUIRED, ON_TIME), List.of(LVU, LVU_TWO));

	private static Map<String, Integer> counts(Figures figures) {
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put(INCIDENTS, figures.incidents());
		figures.categories().forEach((category, count) -> values.put(CATEGORY + category, count));
		values.put(SERIOUS, figures.serious());
		values.put(REQUIRED, figures.notificationsRequired());
		values.put(ON_TIME, figures.notificationsOnTime());
		values.put(ACKNOWLEDGED, figures.acknowledged());
		values.put(SUPPORTED, figures.supportWithin24Hours());
		values.put("overdueActions", figures.overdueActions());
		values.put(LVU, figures.lvuIncidents());
		values.put(LVU_TWO, figures.lvuWithTwoHandlers());
		return values;
	}

	/**
	 * The committee's suppression of one row (docs/safety/figures.md). A count of 1 or 2
	 * goes to {@code underThree}; then, so that none follows from what is shown (the idea
	 * of the surveys' complementary suppression, applied to the row's two relations):
	 * <ul>
	 * <li>Incidents are the sum of the categories. When the incidents are under 3 and two
	 * categories are "< 3", every category is hidden (two "< 3" categories under a total
	 * under 3 would each be 1; one alone may be 1 or 2). Otherwise, when the categories
	 * under 3 are worked out from the total (one alone, or all 1 or all 2, their sum
	 * being their number or twice it), the smallest category shown that is not zero is
	 * hidden too; when there is none, the total is, with the parts of incidents it would
	 * pin down.</li>
	 * <li>A whole and a part whose rest is not shown ({@link #PAIRS}): when the whole and
	 * the part are shown and the rest is 1 or 2, the part is hidden.</li>
	 * </ul>
	 * A hidden count (in {@code hidden}) is neither "< 3" nor given; what is computed
	 * from it is hidden as well ({@link #view}).
	 */
	static void suppress(Map<String, Integer> values, Set<String> underThree, Set<String> hidden) {
		values.forEach((key, value) -> {
			if (small(value)) {
				underThree.add(key);
			}
		});
		List<String> categories = values.keySet().stream().filter((key) -> key.startsWith(CATEGORY)).toList();
		List<String> small = categories.stream().filter(underThree::contains).toList();
		if (underThree.contains(INCIDENTS) && small.size() >= 2) {
			for (String category : categories) {
				underThree.remove(category);
				hidden.add(category);
			}
		}
		else if (!underThree.contains(INCIDENTS)) {
			int sum = small.stream().mapToInt(values::get).sum();
			if (!small.isEmpty() && (small.size() == 1 || sum == small.size() || sum == 2 * small.size())) {
				Optional<String> next = categories.stream()
					.filter((key) -> !underThree.contains(key) && values.get(key) > 0)
					.min(java.util.Comparator.comparing(values::get));
				Optional<String> zero = categories.stream()
					.filter((key) -> !underThree.contains(key) && values.get(key) == 0)
					.findFirst();
				if (next.isPresent()) {
					hidden.add(next.get());
				}
				else if (sum == 2 * small.size() && zero.isPresent()) {
					// all 2: a hidden zero leaves room for a 1 among them
					hidden.add(zero.get());
				}
				else {
					// The total would give the parts: it goes. All 1: it is then only
					// bounded by the parts' 1 to 2 each, and whatever counts under it is
					// no larger. All 2 (every category): the total would be at the top of
					// that range, so what counts under it goes as well, else one as large
					// as the total would pin it.
					hidden.add(INCIDENTS);
					if (sum == 2 * small.size()) {
						for (String under : List.of(SERIOUS, SUPPORTED, ACKNOWLEDGED, REQUIRED, ON_TIME, LVU,
								LVU_TWO)) {
							if (!underThree.contains(under)) {
								hidden.add(under);
							}
						}
					}
				}
			}
		}
		for (List<String> pair : PAIRS) {
			String whole = pair.get(0);
			String part = pair.get(1);
			if (shown(whole, underThree, hidden) && shown(part, underThree, hidden)
					&& small(values.get(whole) - values.get(part))) {
				hidden.add(part);
			}
		}
	}

	private static boolean shown(String key, Set<String> underThree, Set<String> hidden) {
		return !underThree.contains(key) && !hidden.contains(key);
	}

	private static Integer given(String key, Map<String, Integer> values, Set<String> underThree, Set<String> hidden) {
		return shown(key, underThree, hidden) ? values.get(key) : null;
	}

	/** Whether a count is 1 or 2: under {@link #SMALLEST_SHOWN} and not zero. */
	static boolean small(int count) {
		return count > 0 && count < SMALLEST_SHOWN;
	}

	private static Double rate(int count, double fte, String key, boolean notShown, Set<String> hidden) {
		if (notShown) {
			return hide(key, hidden);
		}
		return (fte > 0) ? count * 10 / fte : null;
	}

	private static Double share(int part, int whole, String key, String partKey, String wholeKey,
			Set<String> underThree, Set<String> hidden) {
		if (!shown(partKey, underThree, hidden) || !shown(wholeKey, underThree, hidden)) {
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
