package bryt.surveys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import bryt.organisation.Visibility;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The results page of one annual or pulse cycle: the cycle's figures
 * ({@link ResultCalculator}) and the anonymity engine's decisions, taken <em>once for the
 * whole organisation</em> (every unit of the cycle's snapshot visible), so that every
 * viewer is shown the same figure for the same unit and no two viewers can combine what
 * each was shown into a smaller group. Each viewer then gets the units its
 * {@link Visibility} allows.
 */
@Service
class ResultsPage {

	/** The one view the page shows: the cycle itself, without a filter. */
	static final String VIEW = "cycle";

	/** The programs whose cycles have a results page. */
	static final Set<CycleProgram> PROGRAMS = Set.of(CycleProgram.ANNUAL, CycleProgram.PULSE);

	private final CycleRepository cycles;

	private final ResultsRepository results;

	private final Minimums minimums;

	/**
	 * A closed cycle's figures and decisions: its answers, and those of the earlier
	 * closed cycles of its trend, never change once closed (answers are released at the
	 * close and only ever read after it), and the minimums are fixed at start. So they
	 * are computed once per cycle, breakdown and trend, and kept for a while: the
	 * engine's runs over a large organisation's tree are the page's largest cost (see
	 * docs/benchmarks.md, "Surveys"). A cycle of the trend closing later (an older pulse
	 * closed after a newer one) changes the key, not the kept figures. The close itself
	 * computes them (for its action proposals) and keeps them once it has committed, so
	 * the first reader after a close finds them ready.
	 */
	private final Cache<Key, Figures> closed = Caffeine.newBuilder()
		.maximumSize(16)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private record Key(long cycleId, ResultBreakdown breakdown, List<Long> earlier) {
	}

	ResultsPage(CycleRepository cycles, ResultsRepository results, Minimums minimums) {
		this.cycles = cycles;
		this.results = results;
		this.minimums = minimums;
	}

	/** The organisation's annual and pulse cycles that have closed, newest first. */
	@Transactional(readOnly = true)
	public List<Cycle> closedCycles(long organisationId) {
		return this.cycles.cycles(organisationId)
			.stream()
			.filter((cycle) -> PROGRAMS.contains(cycle.program()) && "closed".equals(cycle.status()))
			.toList();
	}

	/**
	 * The organisation's annual or pulse cycle, with its figures and decisions once it
	 * has closed; empty for another organisation's cycle or another program.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<Figures> figures(long organisationId, long cycleId) {
		return figures(organisationId, cycleId, ResultBreakdown.NONE);
	}

	/**
	 * As {@link #figures(long, long)}, with the area indices broken down by tenure or age
	 * band ({@link ResultBreakdown#NONE}: none), read in the same transaction.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<Figures> figures(long organisationId, long cycleId, ResultBreakdown breakdown) {
		Optional<Cycle> found = this.cycles.cycle(cycleId)
			.filter((cycle) -> cycle.organisationId() == organisationId && PROGRAMS.contains(cycle.program()));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Cycle cycle = found.get();
		if (!"closed".equals(cycle.status())) {
			// No running scores: nothing is read, so nothing can leak.
			return Optional.of(new Figures(cycle, null, null, List.of(), null));
		}
		List<ResultCycle> earlier = earlier(cycle);
		Key key = new Key(cycle.id(), breakdown, earlier.stream().map(ResultCycle::id).toList());
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return Optional.of(this.closed.get(key, (missing) -> closedFigures(cycle, earlier, breakdown)));
		}
		// Inside a writing transaction (the close proposing actions): kept only once it
		// committed, so that a close rolled back leaves nothing behind for the page.
		Figures computed = closedFigures(cycle, earlier, breakdown);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ResultsPage.this.closed.put(key, computed);
				}
			});
		}
		return Optional.of(computed);
	}

	private Figures closedFigures(Cycle cycle, List<ResultCycle> earlier, ResultBreakdown breakdown) {
		ResultCycle counted = new ResultCycle(cycle.id(), cycle.program().key(), cycle.instrumentId(), cycle.opensOn(),
				cycle.closesOn());
		ResultRows rows = this.results.rows(List.of(cycle.id()), ResultBreakdown.NONE);
		ResultInstrument instrument = this.results.instrument(cycle.instrumentId());
		ResultFigures figures = ResultCalculator.figures(cycle.opensOn(), cycle.closesOn(), List.of(counted),
				instrument, rows, ResultBreakdown.NONE);
		Map<String, AnonymityResult> decisions = decide(this.minimums, rows, instrument, true);
		Bands bands = (breakdown == ResultBreakdown.NONE) ? null : bands(counted, instrument, breakdown, decisions);
		return new Figures(cycle, figures, decisions, trend(earlier), bands);
	}

	/** The tenure bands invitations carry ({@code CycleLaunch.tenureBand}), in order. */
	static final List<String> TENURE_BANDS = List.of("under_1", "1_3", "3_10", "10_plus");

	/** The key of the one breakdown in a breakdown's engine runs. */
	static final String BREAKDOWN = "bands";

	/**
	 * A breakdown of the cycle's area indices: the counts read by band, the figures per
	 * unit and band, and per area an engine run with the breakdown, on those who answered
	 * the area, by band. Every band of the dimension is a cell (tenure: the four bands
	 * invitations carry; age: those the answers carry, none yet), so a unit's breakdown
	 * is shown only when each band reaches the minimum. The run's own figures must match
	 * the page's decisions without the breakdown; where they do not (the breakdown would
	 * cost a figure the page shows), that area's breakdown is hidden everywhere instead,
	 * so that what the page shows stays one engine's decision.
	 */
	private Bands bands(ResultCycle cycle, ResultInstrument instrument, ResultBreakdown breakdown,
			Map<String, AnonymityResult> decisions) {
		ResultRows rows = this.results.rows(List.of(cycle.id()), breakdown);
		ResultFigures figures = ResultCalculator.figures(cycle.opensOn(), cycle.closesOn(), List.of(cycle), instrument,
				rows, breakdown);
		Map<Long, Long> tree = new LinkedHashMap<>();
		rows.groups().forEach((group) -> tree.put(group.unitId(), group.parentUnitId()));
		TreeSet<String> found = new TreeSet<>();
		rows.areas().stream().map(ResultRows.AreaSum::band).filter(Objects::nonNull).forEach(found::add);
		List<String> bands = new ArrayList<>((breakdown == ResultBreakdown.TENURE_BAND) ? TENURE_BANDS : List.of());
		found.stream().filter((band) -> !bands.contains(band)).forEach(bands::add);
		AnonymityScope.Dimension dimension = (breakdown == ResultBreakdown.TENURE_BAND)
				? AnonymityScope.Dimension.TENURE : AnonymityScope.Dimension.AGE;
		AnonymityEngine engine = new AnonymityEngine(minimums);
		Map<String, AnonymityResult> runs = new LinkedHashMap<>();
		for (ResultInstrument.Area area : instrument.areas()) {
			if (!area.scored() || bands.isEmpty()) {
				continue;
			}
			List<AnonymityScope.Respondents> respondents = new ArrayList<>();
			for (ResultRows.AreaSum row : rows.areas()) {
				if (row.areaKey().equals(area.key()) && tree.containsKey(row.unitId()) && row.responses() > 0) {
					boolean tenure = dimension == AnonymityScope.Dimension.TENURE;
					respondents.add(new AnonymityScope.Respondents(row.unitId(), VIEW, tenure ? row.band() : null,
							tenure ? null : row.band(), row.responses()));
				}
			}
			List<AnonymityScope.Unit> units = new ArrayList<>();
			tree.forEach((unit, parent) -> units.add(new AnonymityScope.Unit(unit, parent)));
			AnonymityScope.View view = new AnonymityScope.View(VIEW, AnonymityScope.Kind.SCORES, Set.of(VIEW),
					AnonymityScope.Filter.ANY, true);
			AnonymityResult run = engine.decide(AnonymityScope.wholeOrganisation(units, respondents, List.of(view),
					List.of(new AnonymityScope.Breakdown(BREAKDOWN, dimension, bands))));
			AnonymityResult base = decisions.get(area(area.key()));
			boolean same = tree.keySet()
				.stream()
				.allMatch((unit) -> run.scores(VIEW, unit).shown() == base.scores(VIEW, unit).shown());
			if (same) {
				runs.put(area(area.key()), run);
			}
		}
		return new Bands(breakdown, List.copyOf(bands), !found.isEmpty(), figures, runs);
	}

	/**
	 * The previous closed cycles of the same program (at most {@value #TREND_CYCLES},
	 * oldest first), each with its figures and its own decisions per measure: separate
	 * cycles are different respondents, so each is decided on its own counts, once for
	 * the whole organisation, as the cycle itself.
	 */
	private List<Past> trend(List<ResultCycle> earlier) {
		if (earlier.isEmpty()) {
			return List.of();
		}
		ResultRows all = this.results.rows(earlier.stream().map(ResultCycle::id).toList(), ResultBreakdown.NONE);
		Map<Long, ResultInstrument> instruments = new HashMap<>();
		List<Past> trend = new ArrayList<>();
		for (ResultCycle past : earlier) {
			ResultInstrument instrument = instruments.computeIfAbsent(past.instrumentId(), this.results::instrument);
			ResultRows rows = all.of(Set.of(past.id()));
			Set<Long> units = new HashSet<>();
			rows.groups().forEach((group) -> units.add(group.unitId()));
			trend.add(
					new Past(past,
							ResultCalculator.figures(past.opensOn(), past.closesOn(), List.of(past), instrument, rows,
									ResultBreakdown.NONE),
							decide(this.minimums, rows, instrument, true, false), units));
		}
		return trend;
	}

	/**
	 * The cycles of the trend: the previous closed ones of the same program, oldest
	 * first.
	 */
	private List<ResultCycle> earlier(Cycle cycle) {
		List<ResultCycle> earlier = this.results
			.closedCycles(cycle.organisationId(), cycle.program().key(), cycle.opensOn().minusYears(TREND_YEARS),
					cycle.opensOn())
			.stream()
			.filter((past) -> past.id() != cycle.id() && past.opensOn().isBefore(cycle.opensOn()))
			.toList();
		return earlier.subList(Math.max(0, earlier.size() - TREND_CYCLES), earlier.size());
	}

	/** How many previous cycles the trend shows at most. */
	static final int TREND_CYCLES = 4;

	/** How far back the trend looks for previous cycles. */
	static final int TREND_YEARS = 5;

	/**
	 * A measure's decision for a unit in one cycle: hidden where the unit is, else the
	 * measure's own run. Hiding a figure the measure's run shows never leaves a remainder
	 * of 1–4: what it adds to its parent's remainder is its own remainder, which that run
	 * left empty or at the minimum.
	 */
	static AnonymityDecision decision(Map<String, AnonymityResult> decisions, long unitId, String measure) {
		AnonymityDecision unit = decisions.get(PARTICIPATION).scores(VIEW, unitId);
		AnonymityResult run = decisions.get(measure);
		if (run == null) {
			// Never fall back to the unit's decision: a measure not decided is not shown.
			throw new IllegalArgumentException("No decision for " + measure + ".");
		}
		return unit.shown() ? run.scores(VIEW, unitId) : unit;
	}

	/**
	 * The engine's decisions per measure: each figure rests on its own respondents
	 * (participation on the unit's, an area index on those who answered the area, an
	 * item's distribution and the recommend score on those who answered the item), so
	 * each measure is one engine run over the whole tree with its own counts, minimum and
	 * complementary suppression within the measure. Measures with the same counts in
	 * every unit (items everyone answered) share one run: the engine is deterministic in
	 * the counts.
	 */
	static Map<String, AnonymityResult> decide(Minimums minimums, ResultRows rows, ResultInstrument instrument,
			boolean closed) {
		return decide(minimums, rows, instrument, closed, true);
	}

	/**
	 * As {@link #decide(Minimums, ResultRows, ResultInstrument, boolean)}; without
	 * {@code items} only participation and the area indices (the trend shows nothing
	 * else, and each run over a large tree costs tens of milliseconds).
	 */
	static Map<String, AnonymityResult> decide(Minimums minimums, ResultRows rows, ResultInstrument instrument,
			boolean closed, boolean items) {
		Map<Long, Long> tree = new LinkedHashMap<>();
		for (ResultRows.Group group : rows.groups()) {
			tree.put(group.unitId(), group.parentUnitId());
		}
		Map<String, Map<Long, Integer>> own = ownCounts(rows, instrument, tree.keySet());
		AnonymityEngine engine = new AnonymityEngine(minimums);
		Map<Map<Long, Integer>, AnonymityResult> runs = new HashMap<>();
		Map<String, AnonymityResult> decisions = new LinkedHashMap<>();
		own.forEach((measure, counts) -> {
			if (items || !measure.startsWith("item:")) {
				decisions.put(measure, runs.computeIfAbsent(counts, (key) -> engine.decide(scope(tree, key, closed))));
			}
		});
		return decisions;
	}

	/**
	 * Per measure and unit of the snapshot, the unit's <em>own</em> respondents to it
	 * (not its sub-units'): the rows {@link ResultsRepository} reads are per the unit a
	 * response was given in, so no subtraction is needed. A response outside the snapshot
	 * counts in no figure (the calculator rolls up the snapshot only), so the engine need
	 * not weigh it.
	 */
	static Map<String, Map<Long, Integer>> ownCounts(ResultRows rows, ResultInstrument instrument, Set<Long> known) {
		Map<String, Map<Long, Integer>> own = new LinkedHashMap<>();
		own.put(PARTICIPATION, new HashMap<>());
		Map<String, String> itemMeasures = new HashMap<>();
		for (ResultInstrument.Area area : instrument.areas()) {
			if (area.scored()) {
				own.put(area(area.key()), new HashMap<>());
			}
		}
		for (ResultInstrument.Item item : instrument.items()) {
			// Free text has no figure; leaving reasons belong to the exit survey's page.
			if (!"text".equals(item.kind()) && !"reasons".equals(item.kind())) {
				own.put(item(item.key()), new HashMap<>());
				itemMeasures.put(item.key(), item(item.key()));
			}
		}
		for (ResultRows.Respondents row : rows.respondents()) {
			if (known.contains(row.unitId())) {
				own.get(PARTICIPATION).merge(row.unitId(), row.responses(), Integer::sum);
			}
		}
		Map<String, Integer> values = new HashMap<>();
		instrument.items().forEach((item) -> values.put(item.key(), item.values()));
		for (ResultRows.ValueCount row : rows.values()) {
			String measure = itemMeasures.get(row.itemKey());
			// A value off the item's scale is no answer to it (as in the calculator).
			if (measure != null && row.value() != null && row.value() < values.get(row.itemKey())
					&& known.contains(row.unitId())) {
				own.get(measure).merge(row.unitId(), row.responses(), Integer::sum);
			}
		}
		for (ResultRows.AreaSum row : rows.areas()) {
			Map<Long, Integer> counts = own.get(area(row.areaKey()));
			if (counts != null && known.contains(row.unitId())) {
				counts.merge(row.unitId(), row.responses(), Integer::sum);
			}
		}
		own.values().forEach((counts) -> counts.values().removeIf((count) -> count == 0));
		return own;
	}

	/** The measure of the unit's respondents: participation. */
	static final String PARTICIPATION = "participation";

	/** The measure of an area's index. */
	static String area(String areaKey) {
		return "area:" + areaKey;
	}

	/** The measure of an item's distribution (and, for a recommend item, its score). */
	static String item(String itemKey) {
		return "item:" + itemKey;
	}

	/**
	 * The engine's scope of one measure: the snapshot's tree, every unit visible, each
	 * unit's own respondents to the measure, and the one view.
	 */
	static AnonymityScope scope(Map<Long, Long> tree, Map<Long, Integer> own, boolean closed) {
		List<AnonymityScope.Unit> units = new ArrayList<>();
		tree.forEach((unit, parent) -> units.add(new AnonymityScope.Unit(unit, parent)));
		List<AnonymityScope.Respondents> respondents = new ArrayList<>();
		own.forEach((unit, count) -> respondents.add(new AnonymityScope.Respondents(unit, VIEW, null, null, count)));
		AnonymityScope.View view = new AnonymityScope.View(VIEW, AnonymityScope.Kind.SCORES, Set.of(VIEW),
				AnonymityScope.Filter.ANY, closed);
		return AnonymityScope.wholeOrganisation(units, respondents, List.of(view), List.of());
	}

	/**
	 * The area indices of a cycle by band.
	 *
	 * @param dimension tenure or age band
	 * @param bands every band of the dimension, in order
	 * @param recorded whether any answer carries a band of the dimension (answers given
	 * with paper codes carry no tenure band; none carries an age band yet)
	 * @param figures the figures per unit and band
	 * @param runs per area measure, its engine run with the breakdown; missing where the
	 * breakdown is hidden everywhere
	 */
	record Bands(ResultBreakdown dimension, List<String> bands, boolean recorded, ResultFigures figures,
			Map<String, AnonymityResult> runs) {

		/**
		 * Whether a unit's breakdown of an area may be shown: where the unit's figure of
		 * the area is (the caller checks that first) and the breakdown run shows every
		 * band.
		 */
		AnonymityDecision decision(long unitId, String measure) {
			AnonymityResult run = this.runs.get(measure);
			return (run == null) ? AnonymityDecision.hidden(AnonymityReason.BREAKDOWN)
					: run.breakdown(VIEW, unitId, BREAKDOWN);
		}

	}

	/**
	 * A previous cycle of the trend: its figures, its decisions per measure and the units
	 * of its snapshot (a unit missing from it has no figure in that cycle).
	 */
	record Past(ResultCycle cycle, ResultFigures figures, Map<String, AnonymityResult> decisions, Set<Long> units) {

		/**
		 * The unit's decision for a measure; empty when the unit was not in the cycle.
		 */
		Optional<AnonymityDecision> decision(long unitId, String measure) {
			// A unit not in that cycle's snapshot, or an area its instrument did not
			// have:
			// no figure.
			return (this.units.contains(unitId) && this.decisions.containsKey(measure))
					? Optional.of(ResultsPage.decision(this.decisions, unitId, measure)) : Optional.empty();
		}

	}

	/**
	 * A cycle and, once closed, its figures before suppression, the engine's decisions
	 * and the previous cycles' (the trend); {@code null} and empty while it is open.
	 */
	record Figures(Cycle cycle, ResultFigures figures, Map<String, AnonymityResult> decisions, List<Past> trend,
			Bands bands) {

		boolean closed() {
			return this.figures != null;
		}

		/**
		 * The unit's decision on its respondents (participation): whether the unit's row
		 * is shown at all, and if not, why.
		 */
		AnonymityDecision decision(long unitId) {
			return this.decisions.get(PARTICIPATION).scores(VIEW, unitId);
		}

		/** A measure's decision for a unit ({@link #area}, {@link #item}). */
		AnonymityDecision decision(long unitId, String measure) {
			return ResultsPage.decision(this.decisions, unitId, measure);
		}

		/**
		 * The units a viewer may see, in the snapshot's order: parents before their
		 * children, each unit's whole figures (shown or the reason they are hidden).
		 */
		List<ResultUnit> units(Visibility visibility) {
			if (!closed()) {
				return List.of();
			}
			List<ResultUnit> all = this.figures.units();
			Set<Long> ids = new HashSet<>();
			all.forEach((unit) -> ids.add(unit.unitId()));
			// children by parent, in the snapshot's order; a unit whose parent is not in
			// the snapshot is a root (the key null)
			Map<Long, List<ResultUnit>> children = new HashMap<>();
			for (ResultUnit unit : all) {
				Long parent = (unit.parentUnitId() != null && ids.contains(unit.parentUnitId())) ? unit.parentUnitId()
						: null;
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(unit);
			}
			List<ResultUnit> ordered = new ArrayList<>();
			addChildren(children, null, ordered);
			return ordered.stream().filter((unit) -> visibility.seesUnitFigures(unit.unitId())).toList();
		}

		private static void addChildren(Map<Long, List<ResultUnit>> children, Long parent, List<ResultUnit> ordered) {
			for (ResultUnit unit : children.getOrDefault(parent, List.of())) {
				ordered.add(unit);
				addChildren(children, unit.unitId(), ordered);
			}
		}

	}

}
