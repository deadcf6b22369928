package bryt.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bryt.organisation.Organisation;
import bryt.overview.FigureDefinition;
import bryt.overview.FigureDefinition.Format;
import bryt.overview.OverviewContribution;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * Safety's part of the joint overview: incidents per 10 FTE, serious incidents and the
 * share of the authority's notifications made on time, per unit (summed over the unit and
 * all below it) and for the organisation, in the committee's view
 * ({@link SafetyFigures#view} with {@code committee} true), as the safety figures API
 * gives them: the overview is shown to the committee and both parties. A figure the view
 * leaves out (a count of 1 or 2, or a rate or share resting on one) is too few; one
 * without a value (no FTE, nothing to notify) has no data. Zero is shown: nobody is
 * behind it.
 */
@Component
class SafetyContribution implements OverviewContribution {

	static final String PER_10_FTE = "safety.incidentsPer10Fte";

	static final String SERIOUS = "safety.seriousIncidents";

	static final String NOTIFICATIONS_ON_TIME = "safety.notificationsOnTime";

	private static final List<FigureDefinition> DEFINITIONS = List.of(
			new FigureDefinition(PER_10_FTE, 1, Format.DECIMAL), new FigureDefinition(SERIOUS, 1, Format.COUNT),
			new FigureDefinition(NOTIFICATIONS_ON_TIME, 1, Format.SHARE));

	private final SafetyFigures figures;

	SafetyContribution(SafetyFigures figures) {
		this.figures = figures;
	}

	@Override
	public String source() {
		return "safety";
	}

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	/**
	 * The quarter as it stood on {@code asOf}: FTE sampled on the months' first days up
	 * to it, a notification judged late only once its due day had passed by then.
	 */
	@Override
	public List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf) {
		return contribute(organisation, quarter, asOf).figures();
	}

	/** Serious incidents add up over the units: a unit's cover it and all below it. */
	@Override
	public List<AdditiveCount> additiveCounts() {
		return List.of(new AdditiveCount(SERIOUS, SafetyFigures.SMALLEST_SHOWN, true));
	}

	@Override
	public Contributed contribute(Organisation organisation, Quarter quarter, LocalDate asOf) {
		List<SafetyFigures.Figures> counted = this.figures.figures(organisation.id(), quarter, quarter, asOf);
		Map<Long, Long> serious = new HashMap<>();
		counted.forEach((row) -> serious.put(
				(row.unitId() == SafetyFigures.ORGANISATION) ? OverviewFigure.ORGANISATION : row.unitId(),
				(long) row.serious()));
		return new Contributed(figures(counted), Map.of(SERIOUS, serious));
	}

	private static List<OverviewFigure> figures(List<SafetyFigures.Figures> counted) {
		List<OverviewFigure> result = new ArrayList<>();
		for (SafetyFigures.Shown shown : SafetyFigures.view(counted, (unit) -> true)) {
			long unitId = (shown.unitId() == SafetyFigures.ORGANISATION) ? OverviewFigure.ORGANISATION : shown.unitId();
			result.add(figure(PER_10_FTE, unitId, shown.incidentsPer10Fte(),
					shown.isHidden("incidentsPer10Fte") ? Hidden.TOO_FEW : Hidden.NO_DATA));
			// "< 3" is too few; a count hidden so that another cannot be worked out says
			// so
			// (it was "no data" before: it is not)
			result.add(figure(SERIOUS, unitId, (shown.serious() != null) ? shown.serious().doubleValue() : null,
					shown.isUnderThree("serious") ? Hidden.TOO_FEW : Hidden.COMPLEMENT));
			result.add(figure(NOTIFICATIONS_ON_TIME, unitId, shown.shareNotificationsOnTime(),
					shown.isHidden("shareNotificationsOnTime") ? Hidden.TOO_FEW : Hidden.NO_DATA));
		}
		return result;
	}

	private static OverviewFigure figure(String key, long unitId, Double value, Hidden why) {
		if (value != null) {
			return OverviewFigure.shown(key, unitId, value);
		}
		return OverviewFigure.hidden(key, unitId, why);
	}

}
