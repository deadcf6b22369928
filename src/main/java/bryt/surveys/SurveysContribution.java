package bryt.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.FigureDefinition;
import bryt.overview.FigureDefinition.Format;
import bryt.overview.OverviewContribution;
import bryt.overview.OverviewFigure;
import bryt.overview.OverviewFigure.Hidden;
import bryt.shared.time.Quarter;

import org.springframework.stereotype.Component;

/**
 * The surveys' part of the joint overview, read from
 * {@link SurveyFigures#figures(long, LocalDate, LocalDate)} (the anonymity engine's
 * decisions, as the surveys API gives them) and {@link ActionPlans#figures}:
 * <ul>
 * <li>the latest annual cycle closed by the day the quarter's figures describe: its
 * participation (to the nearest 10 %) and its overall index, the mean of the unit's area
 * indices, given only when the engine shows every one of them;</li>
 * <li>the leaving reasons of the exit survey at leaving ({@code exit_first}) over the
 * rolling 12 months ending with the quarter's latest final month: per reason, the share
 * of the leavers who answered the question that named it;</li>
 * <li>the action plans' open actions (planned or in progress) and those of them overdue
 * on that day, per unit the actions belong to: the employer's actions, not answers, so no
 * minimum applies.</li>
 * </ul>
 * A figure the engine hides is too few; one it has nothing for is no data. The engine
 * decides no figure for the whole organisation, and the overview makes none: the
 * organisation's survey figures are those of its one top unit when it has exactly one,
 * else no data. Its action figures are the sum of its units'.
 */
@Component
class SurveysContribution implements OverviewContribution {

	static final String PARTICIPATION = "surveys.participation";

	static final String INDEX = "surveys.index";

	static final String EXIT_REASON = "surveys.exitReason.";

	static final String ACTIONS_OPEN = "surveys.actionsOpen";

	static final String ACTIONS_OVERDUE = "surveys.actionsOverdue";

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final List<FigureDefinition> DEFINITIONS = definitions(Scales.LEAVING_REASONS.codes());

	private final SurveyFigures figures;

	private final ActionPlans actions;

	private final Organisations organisations;

	SurveysContribution(SurveyFigures figures, ActionPlans actions, Organisations organisations) {
		this.figures = figures;
		this.actions = actions;
		this.organisations = organisations;
	}

	private static List<FigureDefinition> definitions(List<String> reasons) {
		List<FigureDefinition> definitions = new ArrayList<>();
		definitions.add(new FigureDefinition(PARTICIPATION, 1, Format.SHARE));
		definitions.add(new FigureDefinition(INDEX, 1, Format.DECIMAL));
		reasons.forEach((code) -> definitions.add(new FigureDefinition(reasonKey(code), 1, Format.SHARE)));
		definitions.add(new FigureDefinition(ACTIONS_OPEN, 1, Format.COUNT));
		definitions.add(new FigureDefinition(ACTIONS_OVERDUE, 1, Format.COUNT));
		return List.copyOf(definitions);
	}

	/** {@code support_supervision} → {@code surveys.exitReason.supportSupervision}. */
	static String reasonKey(String code) {
		StringBuilder key = new StringBuilder(EXIT_REASON);
		boolean upper = false;
		for (char c : code.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				key.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return key.toString();
	}

	@Override
	public String source() {
		return "surveys";
	}

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	@Override
	public List<OverviewFigure> figures(Organisation organisation, Quarter quarter, LocalDate asOf) {
		List<SurveyFigures.Figure> all = this.figures.figures(organisation.id(), EARLIEST, asOf);
		Map<Long, SurveyFigures.Figure> annual = latest(all, "annual", EARLIEST, asOf);
		LocalDate from = quarter.first();
		Map<Long, SurveyFigures.Figure> exits = latest(all, "exit_first", from, asOf);
		Map<Long, int[]> actions = new HashMap<>();
		int[] total = new int[2];
		for (ActionPlans.ActionPlanFigures plan : this.actions.figures(organisation.id(), asOf)) {
			int[] counts = { plan.planned() + plan.inProgress(), plan.overdue() };
			actions.put(plan.unitId(), counts);
			total[0] += counts[0];
			total[1] += counts[1];
		}
		List<OverviewFigure> result = new ArrayList<>();
		add(result, OverviewFigure.ORGANISATION, only(annual), only(exits), total);
		// The organisation's units, and any other a cycle's snapshot still names (the
		// overview keeps only those it knows).
		Set<Long> units = new LinkedHashSet<>();
		this.organisations.units(organisation.id()).forEach((unit) -> units.add(unit.id()));
		units.addAll(annual.keySet());
		units.addAll(exits.keySet());
		units.addAll(actions.keySet());
		for (long unit : units) {
			add(result, unit, annual.get(unit), exits.get(unit), actions.getOrDefault(unit, new int[2]));
		}
		return result;
	}

	/**
	 * Per unit, its figure of the program's period that ended latest from {@code from} to
	 * {@code to}.
	 */
	private static Map<Long, SurveyFigures.Figure> latest(List<SurveyFigures.Figure> all, String program,
			LocalDate from, LocalDate to) {
		Optional<LocalDate> end = all.stream()
			.filter((figure) -> figure.program().equals(program) && !figure.periodEnd().isBefore(from)
					&& !figure.periodEnd().isAfter(to))
			.map(SurveyFigures.Figure::periodEnd)
			.max(Comparator.naturalOrder());
		Map<Long, SurveyFigures.Figure> byUnit = new LinkedHashMap<>();
		end.ifPresent((last) -> all.stream()
			.filter((figure) -> figure.program().equals(program) && figure.periodEnd().equals(last))
			.forEach((figure) -> byUnit.put(figure.unitId(), figure)));
		return byUnit;
	}

	/** The one top unit's figure, or none when the period has several or none. */
	private static SurveyFigures.Figure only(Map<Long, SurveyFigures.Figure> byUnit) {
		List<SurveyFigures.Figure> top = byUnit.values().stream().filter((f) -> f.parentUnitId() == null).toList();
		return (top.size() == 1) ? top.getFirst() : null;
	}

	private static void add(List<OverviewFigure> into, long unitId, SurveyFigures.Figure annual,
			SurveyFigures.Figure exits, int[] actions) {
		boolean participationHidden = annual != null
				&& annual.hidden().contains(new SurveyFigures.Measure(SurveyFigures.Measure.Kind.PARTICIPATION, null));
		into.add(figure(PARTICIPATION, unitId, (annual != null && annual.participationPercent() != null)
				? annual.participationPercent() / 100.0 : null, participationHidden));
		boolean indexHidden = annual != null && annual.hidden()
			.stream()
			.anyMatch((measure) -> measure.kind() == SurveyFigures.Measure.Kind.AREA_INDEX);
		Double index = (annual != null && !indexHidden && !annual.areaIndices().isEmpty())
				? annual.areaIndices().values().stream().mapToInt(Integer::intValue).average().orElseThrow() : null;
		into.add(figure(INDEX, unitId, index, indexHidden));
		boolean reasonsHidden = exits != null && exits.hidden()
			.stream()
			.anyMatch((measure) -> measure.kind() == SurveyFigures.Measure.Kind.EXIT_REASONS);
		List<String> codes = Scales.LEAVING_REASONS.codes();
		for (int position = 0; position < codes.size(); position++) {
			Double share = null;
			if (exits != null && !reasonsHidden) {
				String item = exits.exitReasons().isEmpty() ? null : exits.exitReasons().getFirst().itemKey();
				for (SurveyFigures.ExitReason reason : exits.exitReasons()) {
					if (reason.itemKey().equals(item) && reason.position() == position && reason.answered() > 0) {
						share = reason.leavers() / (double) reason.answered();
					}
				}
			}
			into.add(figure(reasonKey(codes.get(position)), unitId, share, reasonsHidden));
		}
		into.add(OverviewFigure.shown(ACTIONS_OPEN, unitId, actions[0]));
		into.add(OverviewFigure.shown(ACTIONS_OVERDUE, unitId, actions[1]));
	}

	private static OverviewFigure figure(String key, long unitId, Double value, boolean hidden) {
		if (value != null) {
			return OverviewFigure.shown(key, unitId, value);
		}
		return OverviewFigure.hidden(key, unitId, hidden ? Hidden.TOO_FEW : Hidden.NO_DATA);
	}

}
