package bryt.overview;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.CommitteeReport.Line;
import bryt.overview.CommitteeReport.Section;
import bryt.overview.Snapshot.Side;
import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.charts.SvgCharts;
import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the committee report of a snapshot: one {@link CommitteeReport} that every format
 * prints. A figure a minimum-group rule hid is the words for why, never a number; a
 * figure's value is written once, as a {@link Cell}, and the same cell stands in the
 * source's table, in the table of all figures (the CSV and Excel downloads) and, for the
 * first figure of each source, behind its chart.
 */
@Service
public class CommitteeReports {

	/** The languages a report is written in: the organisation's, or English. */
	static final Set<String> LANGUAGES = Set.of("sv", "da", "en");

	/** The most figures in one table of a source. */
	static final int COLUMNS = 6;

	private final Snapshots snapshots;

	private final Organisations organisations;

	private final Benchmarks benchmarks;

	private final MessageSource messages;

	private final Clock clock;

	CommitteeReports(Snapshots snapshots, Organisations organisations, Benchmarks benchmarks, MessageSource messages,
			Clock clock) {
		this.snapshots = snapshots;
		this.organisations = organisations;
		this.benchmarks = benchmarks;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The language of an organisation's report: its own (Swedish or Danish), or English
	 * when asked for.
	 */
	public static Locale language(Organisation organisation, boolean english) {
		return english ? Locale.ENGLISH
				: Locale.forLanguageTag(organisation.country().language().name().toLowerCase(Locale.ROOT));
	}

	/** The report of one of the organisation's snapshots, if it has that snapshot. */
	@Transactional(readOnly = true)
	public Optional<CommitteeReport> report(long organisationId, long snapshotId, Locale locale) {
		Organisation organisation = this.organisations.find(organisationId).orElseThrow();
		return this.snapshots.find(organisationId, snapshotId)
			.map((snapshot) -> report(organisation, snapshot, locale));
	}

	/** The report of a snapshot. */
	@Transactional(readOnly = true)
	public CommitteeReport report(Organisation organisation, Snapshot snapshot, Locale locale) {
		ZoneId zone = this.clock.getZone();
		List<SnapshotUnit> units = snapshot.units();
		Map<String, Map<Long, OverviewFigure>> figures = new HashMap<>();
		for (OverviewFigure figure : snapshot.figures()) {
			figures.computeIfAbsent(figure.key(), (k) -> new HashMap<>()).put(figure.unitId(), figure);
		}
		// Every value written once: the same cell in every table and format.
		Map<String, Map<Long, Cell>> cells = new HashMap<>();
		for (FigureDefinition definition : snapshot.definitions()) {
			Map<Long, Cell> row = new HashMap<>();
			for (SnapshotUnit unit : units) {
				OverviewFigure figure = figures.getOrDefault(definition.key(), Map.of()).get(unit.id());
				row.put(unit.id(), cell(definition, figure, locale));
			}
			cells.put(definition.key(), row);
		}

		Set<String> sources = new LinkedHashSet<>();
		snapshot.definitions().forEach((definition) -> sources.add(definition.source()));

		List<Section> sections = new ArrayList<>();
		for (String source : sources) {
			List<FigureDefinition> definitions = snapshot.definitions()
				.stream()
				.filter((d) -> d.source().equals(source))
				.toList();
			String heading = text("overview.report.source." + source, locale, source);
			// A source of many figures (the surveys' ten reasons for leaving) in tables
			// of
			// at most COLUMNS figures each, so that a landscape page holds every column
			// without breaking the words of a unit's name.
			List<FigureTable> tables = new ArrayList<>();
			int parts = (definitions.size() + COLUMNS - 1) / COLUMNS;
			for (int part = 0; part < parts; part++) {
				List<FigureDefinition> some = definitions.subList(part * COLUMNS,
						Math.min(definitions.size(), (part + 1) * COLUMNS));
				FigureTable.Builder table = FigureTable
					.builder((parts == 1) ? source : source + "-" + (part + 1),
							(parts == 1) ? heading : heading + " (" + (part + 1) + "/" + parts + ")")
					.column(Column.text("unit", text("overview.report.unit", locale, "unit")));
				for (FigureDefinition definition : some) {
					table.column(Column.number(definition.key(), name(definition.key(), locale)));
				}
				for (SnapshotUnit unit : units) {
					List<Cell> row = new ArrayList<>();
					row.add(Cell.text(unitName(unit, locale)));
					for (FigureDefinition definition : some) {
						row.add(cells.get(definition.key()).get(unit.id()));
					}
					table.row(row);
				}
				tables.add(table.build());
			}
			FigureDefinition first = definitions.get(0);
			String caption = text("overview.report.chart", locale, "chart", name(first.key(), locale));
			sections.add(new Section(source, heading, tables, chart(first, units, cells, locale, caption), caption));
		}

		FigureTable.Builder all = FigureTable
			.builder("committee-report", text("overview.report.all", locale, "all", snapshot.quarter().toString()))
			.column(Column.text("figure", text("overview.report.figure", locale, "figure")))
			.column(Column.text("unitCode", text("overview.report.unitCode", locale, "code")))
			.column(Column.text("unit", text("overview.report.unit", locale, "unit")))
			.column(Column.number("value", text("overview.report.value", locale, "value")))
			.column(Column.number("version", text("overview.report.version", locale, "version")));
		for (FigureDefinition definition : snapshot.definitions()) {
			for (SnapshotUnit unit : units) {
				all.row(List.of(Cell.text(name(definition.key(), locale)), Cell.code(unit.code()),
						Cell.text(unitName(unit, locale)), cells.get(definition.key()).get(unit.id()),
						Cell.integer(definition.version())));
			}
		}

		DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
		List<Line> cover = new ArrayList<>();
		cover.add(new Line(text("overview.report.cover.organisation", locale, "organisation"), organisation.name()));
		cover.add(new Line(text("overview.report.cover.period", locale, "period"), period(snapshot, locale)));
		cover.add(new Line(text("overview.report.cover.sources", locale, "sources"), String.join(", ",
				sources.stream().map((s) -> text("overview.report.source." + s, locale, s)).toList())));
		cover.add(new Line(text("overview.report.cover.definitions", locale, "definitions"), String.join(", ",
				snapshot.definitions().stream().map((d) -> name(d.key(), locale) + " v" + d.version()).toList())));
		cover.add(new Line(text("overview.report.cover.extracted", locale, "extracted"),
				text("overview.report.cover.extractedAt", locale, "extracted", minutes.format(snapshot.extractedAt()),
						snapshot.asOf().toString())));
		cover.add(new Line(text("overview.report.cover.version", locale, "version"), (snapshot.reason() != null)
				? text("overview.report.cover.recalculated", locale, "version", Integer.toString(snapshot.version()),
						snapshot.reason())
				: text("overview.report.cover.first", locale, "version", Integer.toString(snapshot.version()))));
		cover.add(new Line(text("overview.report.cover.reviewed", locale, "reviewed"),
				review(snapshot, Side.EMPLOYER, locale) + " " + review(snapshot, Side.UNION, locale)));

		List<Line> definitions = new ArrayList<>();
		for (FigureDefinition definition : snapshot.definitions()) {
			definitions.add(new Line(name(definition.key(), locale) + " (v" + definition.version() + ")",
					OverviewPages.definition(this.messages, definition.key(), organisation.country(), locale)));
		}
		List<Line> rules = new ArrayList<>();
		for (String source : sources) {
			rules.add(new Line(text("overview.report.source." + source, locale, source),
					text("overview." + source + ".rule", locale, source)));
		}

		String none = text("overview.report.noComment", locale, "none");
		return new CommitteeReport(locale, snapshot.id(), snapshot.quarter().toString(), snapshot.version(),
				text("overview.report.title", locale, "title", organisation.name(), snapshot.quarter().toString()),
				organisation.name(), period(snapshot, locale), cover,
				snapshot.comment(Side.EMPLOYER).map((c) -> c.shown(this.messages, locale)).orElse(none),
				snapshot.comment(Side.UNION).map((c) -> c.shown(this.messages, locale)).orElse(none), sections,
				all.build(), this.benchmarks.table(organisation.id(), snapshot, locale), definitions, rules);
	}

	/** How a value of a format is written; the same in every table and download. */
	static Cell cell(FigureDefinition.Format format, double value, Locale locale) {
		return switch (format) {
			case COUNT, DAYS ->
				Cell.integer(java.math.BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
			case DECIMAL -> Cell.decimal(value, 1, locale);
			case SHARE -> Cell.percent(value, 1, locale);
			case RATIO -> Cell.percent(value, 0, locale);
		};
	}

	private Cell cell(FigureDefinition definition, OverviewFigure figure, Locale locale) {
		if (figure == null) {
			return Cell.text(text("overview.report.hidden.NO_DATA", locale, "no data")).withClass(HIDDEN);
		}
		if (figure.value() == null) {
			return Cell.text(text("overview.report.hidden." + figure.hidden().name(), locale, "hidden"))
				.withClass(HIDDEN);
		}
		return cell(definition.format(), figure.value(), locale);
	}

	/** The class of a cell a rule hid or that has nothing to count. */
	static final String HIDDEN = "bryt-hidden";

	/**
	 * A bar per top-level unit and the organisation of the source's first figure, in the
	 * unit the table writes it; none when no unit has a value.
	 */
	private static String chart(FigureDefinition definition, List<SnapshotUnit> units,
			Map<String, Map<Long, Cell>> cells, Locale locale, String caption) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		boolean percent = definition.format() == FigureDefinition.Format.SHARE
				|| definition.format() == FigureDefinition.Format.RATIO;
		for (SnapshotUnit unit : units) {
			Cell cell = cells.get(definition.key()).get(unit.id());
			// The organisation and its top-level units: a bar for each of a large
			// organisation's 137 units ran over three pages; the table holds them all.
			if (cell.number() != null && unit.parentId() == null) {
				double value = cell.number().doubleValue() * (percent ? 100 : 1);
				data.addValue(value, "", unit.code());
			}
		}
		if (data.getColumnCount() == 0) {
			return null;
		}
		JFreeChart chart = ChartFactory.createBarChart(null, null, percent ? "%" : null, data,
				PlotOrientation.HORIZONTAL, false, false, false);
		SvgCharts.themed(chart);
		int height = Math.max(160, 60 + 22 * data.getColumnCount());
		return SvgCharts.svg(chart, 640, height, caption);
	}

	private String review(Snapshot snapshot, Side side, Locale locale) {
		String who = side.name();
		return snapshot.review(side)
			.map((review) -> text("overview.report.reviewed." + who, locale, who, review.reviewedOn().toString()))
			.orElseGet(() -> text("overview.report.notReviewed." + who, locale, who));
	}

	private String period(Snapshot snapshot, Locale locale) {
		return text("overview.report.period", locale, snapshot.quarter().toString(), snapshot.quarter().toString(),
				snapshot.quarter().first().toString(), snapshot.quarter().last().toString());
	}

	private String unitName(SnapshotUnit unit, Locale locale) {
		return (unit.id() == OverviewFigure.ORGANISATION)
				? text("overview.report.wholeOrganisation", locale, unit.name(), unit.name()) : unit.name();
	}

	private String name(String key, Locale locale) {
		return text("overview." + key + ".name", locale, key);
	}

	/** A message, or {@code fallback} where a contribution has not given its text yet. */
	private String text(String key, Locale locale, String fallback, Object... args) {
		return this.messages.getMessage(key, args, fallback, locale);
	}

}
