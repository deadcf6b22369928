package bryt.voice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.overview.FigureDefinition;
import bryt.overview.FigureDefinition.Format;
import bryt.overview.OverviewContribution;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * Voice's part of the joint overview: reports received in the quarter, the share
 * acknowledged within 7 days and the share given feedback within 3 months, per unit the
 * reports name and for the organisation, as {@link VoiceFigures#quarter} counts and hides
 * them (a group under {@value VoiceFigures#MIN_GROUP}, and a second unit beside a single
 * hidden one). Counted from what is stored in the clear, never from a report.
 */
@Component
class VoiceContribution implements OverviewContribution {

	static final String RECEIVED = "voice.received";

	static final String ACKNOWLEDGED = "voice.acknowledgedIn7Days";

	static final String FEEDBACK = "voice.feedbackIn3Months";

	private static final List<FigureDefinition> DEFINITIONS = List.of(new FigureDefinition(RECEIVED, 1, Format.COUNT),
			new FigureDefinition(ACKNOWLEDGED, 1, Format.SHARE), new FigureDefinition(FEEDBACK, 1, Format.SHARE));

	private final VoiceFigures figures;

	private final Organisations organisations;

	VoiceContribution(VoiceFigures figures, Organisations organisations) {
		this.figures = figures;
		this.organisations = organisations;
	}

	@Override
	public String source() {
		return "voice";
	}

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	@Override
	public List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf) {
		return contribute(organisation, quarter, asOf).figures();
	}

	/**
	 * Reports received add up over the units: the organisation's are its units' plus
	 * those naming none (each unit's are its own, not its sub-units').
	 */
	@Override
	public List<AdditiveCount> additiveCounts() {
		return List.of(new AdditiveCount(RECEIVED, VoiceFigures.MIN_GROUP, false));
	}

	@Override
	public Contributed contribute(Organisation organisation, Quarter quarter, LocalDate asOf) {
		VoiceFigures.QuarterFigures counted = this.figures.quarter(organisation.id(), quarter, asOf);
		List<OverviewFigure> result = new ArrayList<>();
		add(result, OverviewFigure.ORGANISATION, counted.organisation());
		Map<Long, Long> received = new HashMap<>();
		received.put(OverviewFigure.ORGANISATION, (long) counted.receivedCounts().getOrDefault(0L, 0));
		for (Unit unit : this.organisations.units(organisation.id())) {
			add(result, unit.id(), counted.units().get(unit.id()));
			received.put(unit.id(), (long) counted.receivedCounts().getOrDefault(unit.id(), 0));
		}
		return new Contributed(result, Map.of(RECEIVED, received));
	}

	private static void add(List<OverviewFigure> into, long unitId, VoiceFigures.UnitQuarter unit) {
		into.add(
				figure(RECEIVED, unitId, (unit != null) ? unit.received() : null, (figure) -> (double) figure.group()));
		into.add(figure(ACKNOWLEDGED, unitId, (unit != null) ? unit.acknowledged() : null, VoiceFigures.Figure::share));
		into.add(figure(FEEDBACK, unitId, (unit != null) ? unit.feedback() : null, VoiceFigures.Figure::share));
	}

	/**
	 * A hidden figure is too few; one with nothing to count (no report, nothing due) has
	 * no data.
	 */
	private static OverviewFigure figure(String key, long unitId, VoiceFigures.Figure figure,
			Function<VoiceFigures.Figure, Double> value) {
		if (figure != null && figure.tooFew()) {
			return OverviewFigure.hidden(key, unitId, Hidden.TOO_FEW);
		}
		if (figure == null || !figure.shown()) {
			return OverviewFigure.hidden(key, unitId, Hidden.NO_DATA);
		}
		return OverviewFigure.shown(key, unitId, value.apply(figure));
	}

}
