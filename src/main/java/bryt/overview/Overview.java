package bryt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.shared.disclosure.CellSuppression;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Service;

/**
 * The overview's figures, collected from every module that contributes (each computes its
 * own, with its own minimum-group rules). The one place that asks the contributions: the
 * page of the running quarter and every snapshot go through {@link #compute}.
 */
@Service
public class Overview {

	/** The order of the sources on the page and in the report. */
	static final List<String> SOURCES = List.of("workload", "absence", "voice", "surveys", "safety");

	private final List<OverviewContribution> contributions;

	private final Clock clock;

	private final Organisations organisations;

	Overview(List<OverviewContribution> contributions, Clock clock, Organisations organisations) {
		this.organisations = organisations;
		this.contributions = contributions.stream()
			.sorted(Comparator.comparingInt((OverviewContribution contribution) -> order(contribution.source()))
				.thenComparing(OverviewContribution::source))
			.toList();
		this.clock = clock;
	}

	/**
	 * The sources that contribute, in the order of {@link #SOURCES} (unknown ones last).
	 */
	public List<OverviewContribution> contributions() {
		return this.contributions;
	}

	/** Every definition of every contribution, in the overview's order. */
	public List<FigureDefinition> definitions() {
		List<FigureDefinition> definitions = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (OverviewContribution contribution : this.contributions) {
			for (FigureDefinition definition : contribution.definitions()) {
				if (!definition.source().equals(contribution.source())) {
					throw new IllegalStateException(
							contribution.source() + " defines a figure of another source: " + definition.key());
				}
				if (!keys.add(definition.key())) {
					throw new IllegalStateException("Two definitions of " + definition.key());
				}
				definitions.add(definition);
			}
		}
		return definitions;
	}

	/**
	 * The day a quarter's figures describe: its last day once it has ended, else today.
	 */
	public LocalDate asOf(Quarter quarter) {
		LocalDate today = LocalDate.now(this.clock);
		return quarter.last().isBefore(today) ? quarter.last() : today;
	}

	/**
	 * Every contribution's figures for one quarter, as they stand on {@link #asOf}. A
	 * figure whose key no definition of its source names is refused: a snapshot must be
	 * able to say which definition each figure follows.
	 */
	public List<OverviewFigure> compute(Organisation organisation, Quarter quarter) {
		LocalDate asOf = asOf(quarter);
		List<OverviewFigure> figures = new ArrayList<>();
		List<Unit> units = this.organisations.units(organisation.id());
		for (OverviewContribution contribution : this.contributions) {
			Set<String> keys = new HashSet<>();
			contribution.definitions().forEach((definition) -> keys.add(definition.key()));
			OverviewContribution.Contributed contributed = contribution.contribute(organisation, quarter, asOf);
			List<OverviewFigure> own = new ArrayList<>();
			for (OverviewFigure figure : contributed.figures()) {
				if (!keys.contains(figure.key())) {
					throw new IllegalStateException(
							contribution.source() + " gave an undefined figure: " + figure.key());
				}
				own.add(figure);
			}
			for (OverviewContribution.AdditiveCount additive : contribution.additiveCounts()) {
				Map<Long, Long> counts = contributed.counts().get(additive.key());
				if (counts == null) {
					throw new IllegalStateException(
							contribution.source() + " declared " + additive.key() + " additive without its counts");
				}
				own = acrossUnits(own, additive, counts, units);
			}
			figures.addAll(own);
		}
		return figures;
	}

	/**
	 * One additive count through the shared complementary suppression over the unit tree:
	 * every figure the source hid as too few whose count is 1 to the minimum less one is
	 * "under the threshold", every other hidden one is hidden, and the pass's further
	 * cells (and a "too few" whose count is not, hidden by the source to protect another)
	 * become {@link OverviewFigure.Hidden#COMPLEMENT}. The page, the API, the downloads
	 * and the committee report all read these figures (live, or as a snapshot froze
	 * them), so the pass holds for each.
	 */
	static List<OverviewFigure> acrossUnits(List<OverviewFigure> figures, OverviewContribution.AdditiveCount additive,
			Map<Long, Long> counts, List<Unit> units) {
		Map<Long, OverviewFigure> byUnit = new LinkedHashMap<>();
		figures.stream().filter((f) -> f.key().equals(additive.key())).forEach((f) -> byUnit.put(f.unitId(), f));
		if (byUnit.isEmpty()) {
			return figures;
		}
		int threshold = additive.smallestShown();
		CellSuppression.Builder table = CellSuppression.table(threshold);
		Map<Long, Long> parents = new HashMap<>();
		units.forEach((unit) -> parents.put(unit.id(),
				(additive.subtree() && unit.parentId() != null && byUnit.containsKey(unit.parentId())) ? unit.parentId()
						: OverviewFigure.ORGANISATION));
		Set<Long> small = new HashSet<>();
		for (Map.Entry<Long, OverviewFigure> entry : byUnit.entrySet()) {
			long unit = entry.getKey();
			OverviewFigure figure = entry.getValue();
			long count = counts.getOrDefault(unit, 0L);
			Long parent = (unit == OverviewFigure.ORGANISATION) ? null
					: byUnit.containsKey(parents.getOrDefault(unit, OverviewFigure.ORGANISATION))
							? parents.getOrDefault(unit, OverviewFigure.ORGANISATION) : null;
			table.row(unit, parent);
			CellSuppression.Mark mark;
			if (figure.value() != null || (figure.hidden() == OverviewFigure.Hidden.NO_DATA && count == 0)) {
				// shown, or "no data" for a count of nothing: the reader knows it
				mark = CellSuppression.Mark.SHOWN;
			}
			else if (figure.hidden() == OverviewFigure.Hidden.TOO_FEW && count > 0 && count < threshold) {
				mark = CellSuppression.Mark.SMALL;
				small.add(unit);
			}
			else {
				mark = CellSuppression.Mark.HIDDEN;
			}
			table.cell(unit, additive.key(), count, mark);
		}
		CellSuppression.Result result = table.protect();
		List<OverviewFigure> protectedFigures = new ArrayList<>();
		for (OverviewFigure figure : figures) {
			boolean complement = figure.key().equals(additive.key()) && (result.hides(figure.unitId(), figure.key())
					|| (figure.hidden() == OverviewFigure.Hidden.TOO_FEW && !small.contains(figure.unitId())));
			protectedFigures.add(complement
					? OverviewFigure.hidden(figure.key(), figure.unitId(), OverviewFigure.Hidden.COMPLEMENT) : figure);
		}
		return protectedFigures;
	}

	private static int order(String source) {
		int index = SOURCES.indexOf(source);
		return (index >= 0) ? index : SOURCES.size();
	}

}
