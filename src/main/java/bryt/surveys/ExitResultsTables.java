package bryt.surveys;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Visibility;
import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;
import bryt.surveys.SurveyFigures.Measure;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The exit survey's results for a month: per stage, the figures pooled over the 12 months
 * ending with it (never both stages together: the same leaver may answer both), as
 * {@link FigureTable}s the page, the CSV/XLSX downloads and the PDF all write. Every cell
 * is the engine's decision ({@link SurveyFigures#exitWindow}); a hidden one carries the
 * engine's words (for a unit too small: "counted in" the unit above), never the number.
 */
@Component
class ExitResultsTables {

	/** The class of a cell whose figure the anonymity engine hides. */
	static final String HIDDEN = ResultsTables.HIDDEN;

	/** A unit's figures in the units table: participation, come back ×3, recommend. */
	private static final int FIGURES = 5;

	private final SurveyFigures figures;

	private final MessageSource messages;

	ExitResultsTables(SurveyFigures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	/**
	 * The month the page opens on: the newest whose window is final for either stage (the
	 * current month's never is: its leavers are still being invited), else the current
	 * month, which then says that nothing has closed.
	 */
	YearMonth defaultMonth(long organisationId, YearMonth current) {
		return this.figures.newestFinalExitMonth(organisationId).orElse(current);
	}

	/**
	 * Both stages for the month, cut to the units the viewer sees; {@code unit} picks the
	 * unit whose reasons are listed (one the viewer sees; the first otherwise).
	 */
	List<Stage> stages(long organisationId, YearMonth month, Visibility visibility, String unit, Locale locale) {
		List<Stage> stages = new ArrayList<>();
		for (String program : SurveyFigures.EXIT_PROGRAMS) {
			stages.add(stage(this.figures.exitWindow(organisationId, program, month), visibility, unit, locale));
		}
		return stages;
	}

	private Stage stage(SurveyFigures.ExitWindow window, Visibility visibility, String unitParameter, Locale locale) {
		String stageName = message("surveys.program." + window.program(), locale);
		String key = window.program().replace('_', '-');
		FigureTable.Builder table = FigureTable.builder(key, message("surveys.exits.units", locale, stageName))
			.column(Column.text("unit", message("surveys.results.unit", locale)))
			.column(Column.number("participation", message("surveys.results.participation", locale)))
			.column(Column.number("back-yes", message("surveys.exits.back.yes", locale)))
			.column(Column.number("back-no", message("surveys.exits.back.no", locale)))
			.column(Column.number("back-dont-know", message("surveys.exits.back.dontKnow", locale)))
			.column(Column.number("recommend", message("surveys.results.recommend", locale)));
		List<ResultUnit> units = (window.figures() == null) ? List.of()
				: ordered(window.figures().units()).stream()
					.filter((unit) -> visibility.seesUnitFigures(unit.unitId()))
					.toList();
		for (ResultUnit unit : units) {
			List<Cell> row = new ArrayList<>();
			row.add(Cell.text(unit.name()).linkedTo("?month=" + window.month() + "&unit=" + unit.unitId() + "#" + key));
			if (unit.respondents() == 0) {
				// Nobody in the window: the engine decides nothing for the unit, but a
				// row
				// of "–" would tell it from one of 1–4 leavers, which is hidden. So it is
				// hidden in the same words.
				Cell nobody = nobody(window, unit, locale);
				for (int i = 0; i < FIGURES; i++) {
					row.add(nobody);
				}
				table.row(row);
				continue;
			}
			row.add(participation(window, unit, locale));
			Optional<Distribution> back = unit.distributions()
				.stream()
				.filter((d) -> "yes_no".equals(d.kind()))
				.findFirst();
			AnonymityDecision backDecision = back
				.map((d) -> window.decision(unit.unitId(), new Measure(Measure.Kind.COME_BACK, d.itemKey())))
				.orElse(null);
			for (int value : new int[] { 1, 0, 2 }) {
				if (backDecision == null) {
					row.add(Cell.text(Cell.NONE));
				}
				else if (backDecision.shown()) {
					row.add(Cell.integer(back.get().counts().get(value)));
				}
				else {
					row.add(hidden(backDecision, window, locale));
				}
			}
			Optional<Map.Entry<String, RecommendScore>> recommend = unit.recommend().entrySet().stream().findFirst();
			AnonymityDecision recommendDecision = recommend
				.map((entry) -> window.decision(unit.unitId(), new Measure(Measure.Kind.RECOMMEND, entry.getKey())))
				.orElse(null);
			// The engine first: a unit nobody answered for is hidden as one with 1–4 is
			// (a "–" there would tell 0 from 1–4); "–" only where the figure could be
			// shown.
			if (recommendDecision != null && !recommendDecision.shown()) {
				row.add(hidden(recommendDecision, window, locale));
			}
			else if (recommendDecision == null || recommend.get().getValue().answered() == 0) {
				row.add(Cell.text(Cell.NONE));
			}
			else {
				row.add(Cell.integer(recommend.get().getValue().rounded()));
			}
			table.row(row);
		}
		ResultUnit chosen = units.stream()
			.filter((candidate) -> String.valueOf(candidate.unitId()).equals(unitParameter))
			.findFirst()
			.orElse(units.isEmpty() ? null : units.getFirst());
		Reasons reasons = (chosen != null) ? reasons(window, chosen, key, locale) : null;
		return new Stage(window.program(), key, stageName, window.figures() != null, table.build(), chosen, reasons);
	}

	/** The chosen unit's reasons: a table and the bars drawn from the same numbers. */
	private Reasons reasons(SurveyFigures.ExitWindow window, ResultUnit unit, String key, Locale locale) {
		FigureTable.Builder table = FigureTable
			.builder("reasons-" + key,
					message("surveys.exits.reasons", locale, unit.name(),
							message("surveys.program." + window.program(), locale)))
			.column(Column.text("reason", message("surveys.exits.reason", locale)))
			.column(Column.number("leavers", message("surveys.exits.leavers", locale)))
			.column(Column.number("share", message("surveys.results.share", locale)));
		Optional<Distribution> distribution = unit.distributions()
			.stream()
			.filter((d) -> "reasons".equals(d.kind()) && d.answered() > 0)
			.findFirst();
		List<String> labels = Scales.LEAVING_REASONS.labels()
			.getOrDefault(locale.getLanguage(), Scales.LEAVING_REASONS.labels().get("en"));
		List<Bar> bars = new ArrayList<>();
		String hiddenBecause = null;
		if (unit.respondents() == 0) {
			// As a unit of 1–4 leavers: every reason hidden, the same words, not "nobody
			// answered".
			Cell nobody = nobody(window, unit, locale);
			for (String label : labels) {
				table.row(List.of(Cell.text(label), nobody, nobody));
			}
			return new Reasons(table.build(), bars, true, nobody.text());
		}
		if (distribution.isPresent()) {
			Distribution reasons = distribution.get();
			AnonymityDecision decision = window.decision(unit.unitId(),
					new Measure(Measure.Kind.EXIT_REASONS, reasons.itemKey()));
			for (int position = 0; position < reasons.counts().size(); position++) {
				String label = (position < labels.size()) ? labels.get(position) : String.valueOf(position);
				if (decision.shown()) {
					int leavers = reasons.counts().get(position);
					double share = leavers / (double) reasons.answered();
					table.row(List.of(Cell.text(label), Cell.integer(leavers), Cell.percent(share, 0, locale)));
					bars.add(new Bar(label, leavers, 100 * share));
				}
				else {
					Cell hidden = hidden(decision, window, locale);
					table.row(List.of(Cell.text(label), hidden, hidden));
				}
			}
			if (!decision.shown()) {
				hiddenBecause = hidden(decision, window, locale).text();
			}
		}
		return new Reasons(table.build(), bars, distribution.isPresent(), hiddenBecause);
	}

	private Cell participation(SurveyFigures.ExitWindow window, ResultUnit unit, Locale locale) {
		AnonymityDecision decision = window.decision(unit.unitId(), new Measure(Measure.Kind.PARTICIPATION, null));
		// The engine first, as for the other figures: nobody invited is hidden as 1–4
		// are.
		if (decision != null && !decision.shown()) {
			return hidden(decision, window, locale);
		}
		if (decision == null || !unit.participation().measured()) {
			return Cell.text(Cell.NONE);
		}
		return Cell.percent(unit.participation().percent() / 100.0, 0, locale);
	}

	/**
	 * The hidden cell of a unit nobody in the window answered for: the words a unit of
	 * 1–4 leavers gets (counted in the unit above it; below the minimum at the top).
	 */
	private Cell nobody(SurveyFigures.ExitWindow window, ResultUnit unit, Locale locale) {
		String text = (unit.parentUnitId() != null)
				? message("surveys.exits.countedIn", locale,
						window.figures()
							.unit(unit.parentUnitId())
							.map(ResultUnit::name)
							.orElse(String.valueOf(unit.parentUnitId())))
				: message(AnonymityReason.BELOW_MINIMUM.messageKey(), locale);
		return Cell.text(text).withClass(HIDDEN);
	}

	/** A hidden cell: the engine's words, and for a rolled-up unit where it counts. */
	private Cell hidden(AnonymityDecision decision, SurveyFigures.ExitWindow window, Locale locale) {
		String text;
		if (decision.countedIn().isPresent()) {
			long parent = decision.countedIn().getAsLong();
			String name = window.figures().unit(parent).map(ResultUnit::name).orElse(String.valueOf(parent));
			text = message("surveys.exits.countedIn", locale, name);
		}
		else {
			text = message(decision.hiddenBecause().orElse(AnonymityReason.BELOW_MINIMUM).messageKey(), locale);
		}
		return Cell.text(text).withClass(HIDDEN);
	}

	/** Parents before their children, in the snapshot's order. */
	static List<ResultUnit> ordered(List<ResultUnit> all) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		all.forEach((unit) -> ids.add(unit.unitId()));
		List<ResultUnit> ordered = new ArrayList<>();
		addChildren(all, ids, null, ordered);
		return ordered;
	}

	private static void addChildren(List<ResultUnit> all, java.util.Set<Long> ids, Long parent,
			List<ResultUnit> ordered) {
		for (ResultUnit unit : all) {
			boolean root = unit.parentUnitId() == null || !ids.contains(unit.parentUnitId());
			if ((parent == null) ? root : parent.equals(unit.parentUnitId())) {
				ordered.add(unit);
				addChildren(all, ids, unit.unitId(), ordered);
			}
		}
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/**
	 * One stage's results.
	 *
	 * @param counted whether any closed cycle lies in the window
	 * @param unit the unit whose reasons are listed, {@code null} when none is visible
	 * @param reasons its reasons, {@code null} with no unit
	 */
	record Stage(String program, String key, String name, boolean counted, FigureTable units, ResultUnit unit,
			Reasons reasons) {

	}

	/**
	 * @param answered whether anyone answered the reasons question
	 * @param hiddenBecause the engine's words when the reasons are hidden
	 */
	record Reasons(FigureTable table, List<Bar> bars, boolean answered, String hiddenBecause) {

	}

	/** A reason's bar: its count and share (0–100) of the leavers who answered. */
	record Bar(String label, int leavers, double width) {

	}

}
