package bryt.overview;

import java.util.List;
import java.util.Locale;

import bryt.shared.tables.FigureTable;

/**
 * The committee report of one snapshot, in one language: everything every format prints
 * (HTML, PDF, CSV, Excel), computed once, so the numbers cannot differ between them. It
 * holds no names of people and no free text but the two parties' comments, which are
 * their statements for publication.
 *
 * @param locale the language it is written in
 * @param snapshotId the snapshot
 * @param quarter the quarter, e.g. {@code 2026-Q3}
 * @param version the snapshot's version
 * @param title the report's title
 * @param organisation the organisation's name
 * @param period the quarter and its dates, in words
 * @param cover the cover's lines: sources, definitions' versions, extraction, version and
 * reason, the two sign-offs
 * @param employerComment the employer's comment, or the words for none
 * @param unionComment the unions' comment, or the words for none
 * @param sections each source's figures per unit, with its chart
 * @param figures every figure of every unit in one table: the CSV and Excel downloads
 * @param benchmarks Kolada's key figures beside Bryt's
 * @param definitions the annex: each figure's definition and version
 * @param rules the annex: each source's minimum-group rule
 */
public record CommitteeReport(Locale locale, long snapshotId, String quarter, int version, String title,
		String organisation, String period, List<Line> cover, String employerComment, String unionComment,
		List<Section> sections, FigureTable figures, FigureTable benchmarks, List<Line> definitions, List<Line> rules) {

	/** The file name of a download, without its extension. */
	public String fileName() {
		return "committee-report-" + this.quarter + "-v" + this.version + "-" + this.locale.getLanguage();
	}

	/**
	 * A labelled line of text.
	 *
	 * @param label its label
	 * @param text its text
	 */
	public record Line(String label, String text) {
	}

	/**
	 * One source's figures.
	 *
	 * @param source the source's name, e.g. {@code workload}
	 * @param heading its heading
	 * @param tables the figures per unit (the organisation first), in tables of at most
	 * {@link CommitteeReports#COLUMNS} figures
	 * @param chart an SVG chart of the first figure per unit, or {@code null} when no
	 * unit has a value
	 * @param chartCaption what the chart shows
	 */
	public record Section(String source, String heading, List<FigureTable> tables, String chart, String chartCaption) {
	}

}
