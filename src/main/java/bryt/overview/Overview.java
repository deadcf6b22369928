package bryt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import bryt.organisation.Organisation;
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

	Overview(List<OverviewContribution> contributions, Clock clock) {
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
		for (OverviewContribution contribution : this.contributions) {
			Set<String> keys = new HashSet<>();
			contribution.definitions().forEach((definition) -> keys.add(definition.key()));
			for (OverviewFigure figure : contribution.figures(organisation, quarter, asOf)) {
				if (!keys.contains(figure.key())) {
					throw new IllegalStateException(
							contribution.source() + " gave an undefined figure: " + figure.key());
				}
				figures.add(figure);
			}
		}
		return figures;
	}

	private static int order(String source) {
		int index = SOURCES.indexOf(source);
		return (index >= 0) ? index : SOURCES.size();
	}

}
