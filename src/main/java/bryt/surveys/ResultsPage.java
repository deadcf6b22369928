package bryt.surveys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

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
		Optional<Cycle> found = this.cycles.cycle(cycleId)
			.filter((cycle) -> cycle.organisationId() == organisationId && PROGRAMS.contains(cycle.program()));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Cycle cycle = found.get();
		if (!"closed".equals(cycle.status())) {
			// No running scores: nothing is read, so nothing can leak.
			return Optional.of(new Figures(cycle, null, null));
		}
		ResultCycle counted = new ResultCycle(cycle.id(), cycle.program().key(), cycle.instrumentId(), cycle.opensOn(),
				cycle.closesOn());
		ResultRows rows = this.results.rows(List.of(cycle.id()), ResultBreakdown.NONE);
		ResultFigures figures = ResultCalculator.figures(cycle.opensOn(), cycle.closesOn(), List.of(counted),
				this.results.instrument(cycle.instrumentId()), rows, ResultBreakdown.NONE);
		return Optional.of(new Figures(cycle, figures, new AnonymityEngine(this.minimums).decide(scope(rows, true))));
	}

	/**
	 * The engine's scope: the snapshot's tree, every unit visible, each unit's own
	 * respondents, and the one view.
	 */
	static AnonymityScope scope(ResultRows rows, boolean closed) {
		List<AnonymityScope.Unit> units = new ArrayList<>();
		Set<Long> known = new HashSet<>();
		for (ResultRows.Group group : rows.groups()) {
			units.add(new AnonymityScope.Unit(group.unitId(), group.parentUnitId()));
			known.add(group.unitId());
		}
		List<AnonymityScope.Respondents> respondents = new ArrayList<>();
		for (ResultRows.Respondents row : rows.respondents()) {
			// A response outside the snapshot counts in no figure (the calculator rolls
			// up
			// the snapshot only), so the engine need not weigh it.
			if (known.contains(row.unitId())) {
				respondents.add(new AnonymityScope.Respondents(row.unitId(), VIEW, null, null, row.responses()));
			}
		}
		AnonymityScope.View view = new AnonymityScope.View(VIEW, AnonymityScope.Kind.SCORES, Set.of(VIEW),
				AnonymityScope.Filter.ANY, closed);
		return AnonymityScope.wholeOrganisation(units, respondents, List.of(view), List.of());
	}

	/**
	 * A cycle and, once closed, its figures before suppression and the engine's
	 * decisions; both {@code null} while it is open.
	 */
	record Figures(Cycle cycle, ResultFigures figures, AnonymityResult decisions) {

		boolean closed() {
			return this.figures != null;
		}

		/** The unit's decision: whether its figures may be shown, and if not, why. */
		AnonymityDecision decision(long unitId) {
			return this.decisions.scores(VIEW, unitId);
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
			List<ResultUnit> ordered = new ArrayList<>();
			addChildren(all, null, ordered);
			return ordered.stream().filter((unit) -> visibility.seesUnitFigures(unit.unitId())).toList();
		}

		private static void addChildren(List<ResultUnit> all, Long parent, List<ResultUnit> ordered) {
			Set<Long> ids = new HashSet<>();
			all.forEach((unit) -> ids.add(unit.unitId()));
			for (ResultUnit unit : all) {
				boolean root = unit.parentUnitId() == null || !ids.contains(unit.parentUnitId());
				if ((parent == null) ? root : parent.equals(unit.parentUnitId())) {
					ordered.add(unit);
					addChildren(all, unit.unitId(), ordered);
				}
			}
		}

	}

}
