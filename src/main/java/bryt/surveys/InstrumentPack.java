package bryt.surveys;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import bryt.shared.imports.Column;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportProblems;

/**
 * An instrument pack as read from its file (docs/surveys/instruments.md): one row per
 * item, with its area, its texts per language, its scale, whether its area is scored,
 * whether it is reverse-scored and its kind. Read through the shared import reader, so a
 * CSV file and an .xlsx workbook are read alike and a personal identity number in any
 * cell refuses the file; any problem refuses the whole pack.
 *
 * @param locales the languages the pack has texts in, in Bryt's order (sv, da, en)
 * @param areas the areas in the order of their first row
 * @param items the items in file order
 */
record InstrumentPack(List<String> locales, List<Area> areas, List<Item> items) {

	/** The item kinds of {@code survey_item.kind}. */
	static final List<String> KINDS = List.of("scale", "recommend", "reasons", "yes_no", "text");

	static final int MAX_KEY = 80;

	static final int MAX_AREA_TEXT = 200;

	static final int MAX_ITEM_TEXT = 1000;

	/** More would not be a survey anyone finishes; also bounds what a file can store. */
	static final int MAX_ITEMS = 500;

	/** Letters (any script: Prevent's keys have å), digits, and _ . - */
	private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");

	static final List<Column> COLUMNS = List.of(Column.required("area_key"), Column.optional("area_sv"),
			Column.optional("area_da"), Column.optional("area_en"), Column.required("item_key"),
			Column.optional("item_sv"), Column.optional("item_da"), Column.optional("item_en"),
			Column.optional("scale"), Column.required("scored"), Column.optional("reverse"), Column.optional("kind"));

	InstrumentPack {
		locales = List.copyOf(locales);
		areas = List.copyOf(areas);
		items = List.copyOf(items);
	}

	/**
	 * Reads a pack, all or nothing.
	 * @throws bryt.shared.imports.ImportRefusedException with every problem found
	 */
	static InstrumentPack read(String fileName, InputStream in) {
		return read(in, new ImportProblems(fileName));
	}

	/**
	 * Reads a pack, all or nothing, adding its problems to those already found (e.g. a
	 * name in use), so that one refusal lists every problem of the file: those of single
	 * rows and those across rows together, as the other imports do.
	 * @throws bryt.shared.imports.ImportRefusedException with every problem found
	 */
	static InstrumentPack read(InputStream in, ImportProblems problems) {
		// The file's own problems apart: the reader stops at a header when it is handed
		// problems already found.
		ImportProblems file = new ImportProblems(problems.file());
		List<Row> rows = new ArrayList<>();
		CsvImportReader.read(in, COLUMNS, file, (row) -> rows.add(Row.of(row)));
		InstrumentPack pack = check(rows, file);
		problems.addAll(file);
		problems.refuseIfAny();
		return pack;
	}

	/**
	 * The checks across rows. A row whose key could not be read (its own problem is
	 * already listed) is left out of the checks that compare keys.
	 */
	private static InstrumentPack check(List<Row> rows, ImportProblems problems) {
		if (rows.size() > MAX_ITEMS) {
			problems.add(0, 0, "", "instrument.tooManyItems", String.valueOf(MAX_ITEMS));
		}
		// A language is in the pack when any row has a text in it; then every row needs
		// one (area and item), so no respondent meets a question without words.
		List<String> locales = Scales.LOCALES.stream()
			.filter((locale) -> rows.stream()
				.anyMatch((row) -> row.areaNames().containsKey(locale) || row.texts().containsKey(locale)))
			.toList();
		Map<String, Row> itemKeys = new HashMap<>();
		Map<String, Row> firstOfArea = new LinkedHashMap<>();
		for (Row row : rows) {
			if (row.areaNames().isEmpty()) {
				row.source()
					.problem(problems, "area_" + locales.stream().findFirst().orElse("sv"), "instrument.noText");
			}
			if (row.texts().isEmpty()) {
				row.source()
					.problem(problems, "item_" + locales.stream().findFirst().orElse("sv"), "instrument.noText");
			}
			for (String locale : locales) {
				if (!row.areaNames().isEmpty() && !row.areaNames().containsKey(locale)) {
					row.source().problem(problems, "area_" + locale, "instrument.localePartly", locale);
				}
				if (!row.texts().isEmpty() && !row.texts().containsKey(locale)) {
					row.source().problem(problems, "item_" + locale, "instrument.localePartly", locale);
				}
			}
			Row earlier = (row.itemKey() != null) ? itemKeys.putIfAbsent(row.itemKey(), row) : null;
			if (earlier != null) {
				row.source().problem(problems, "item_key", "duplicate", String.valueOf(earlier.source().line()));
			}
			Row first = (row.areaKey() != null) ? firstOfArea.putIfAbsent(row.areaKey(), row) : null;
			if (first != null) {
				if (first.scored() != row.scored()) {
					row.source()
						.problem(problems, "scored", "instrument.scoredDiffers", row.areaKey(),
								String.valueOf(first.source().line()));
				}
				for (String locale : locales) {
					String name = row.areaNames().get(locale);
					String firstName = first.areaNames().get(locale);
					if (name != null && firstName != null && !name.equals(firstName)) {
						row.source()
							.problem(problems, "area_" + locale, "instrument.areaNameDiffers", row.areaKey(),
									String.valueOf(first.source().line()));
					}
				}
			}
		}
		if (problems.any()) {
			return null;
		}
		List<Area> areas = firstOfArea.values()
			.stream()
			.map((row) -> new Area(row.areaKey(), row.areaNames(), row.scored()))
			.toList();
		List<Item> items = rows.stream()
			.map((row) -> new Item(row.itemKey(), row.areaKey(), row.kind(), row.texts(), row.scale(), row.reverse()))
			.toList();
		return new InstrumentPack(locales, areas, items);
	}

	/** The catalogue's scales the pack's items use, in order of first use. */
	List<Scales.Scale> scales() {
		return this.items.stream()
			.map(Item::scale)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map((key) -> Scales.named(key).orElseThrow())
			.toList();
	}

	/**
	 * An area.
	 *
	 * @param names by locale
	 */
	record Area(String key, Map<String, String> names, boolean scored) {

		Area {
			names = Map.copyOf(names);
		}

	}

	/**
	 * An item.
	 *
	 * @param texts by locale
	 * @param scale the catalogue's key, {@code null} for a kind other than {@code scale}
	 */
	record Item(String key, String area, String kind, Map<String, String> texts, String scale, boolean reverse) {

		Item {
			texts = Map.copyOf(texts);
		}

	}

	/** One row as read, with its source for problems found across rows. */
	private record Row(CsvRow source, String areaKey, Map<String, String> areaNames, String itemKey,
			Map<String, String> texts, String kind, String scale, boolean scored, boolean reverse) {

		static Row of(CsvRow row) {
			String areaKey = key(row, "area_key");
			String itemKey = key(row, "item_key");
			Map<String, String> areaNames = new LinkedHashMap<>();
			Map<String, String> texts = new LinkedHashMap<>();
			for (String locale : Scales.LOCALES) {
				String area = row.optionalText("area_" + locale, MAX_AREA_TEXT);
				if (area != null) {
					areaNames.put(locale, area);
				}
				String text = row.optionalText("item_" + locale, MAX_ITEM_TEXT);
				if (text != null) {
					texts.put(locale, text);
				}
			}
			Map<String, String> kinds = new LinkedHashMap<>();
			KINDS.forEach((kind) -> kinds.put(kind, kind));
			String kind = row.choice("kind", false, kinds);
			if (kind == null) {
				kind = "scale";
			}
			String scale = row.text("scale");
			if ("scale".equals(kind)) {
				if (scale == null) {
					row.problem("scale", "required");
				}
				else if (Scales.named(scale).isEmpty()) {
					row.problem("scale", "instrument.unknownScale", String.join(", ", Scales.CATALOGUE.keySet()));
					scale = null;
				}
			}
			else if (scale != null) {
				row.problem("scale", "instrument.scaleForKind", kind);
				scale = null;
			}
			Boolean scored = row.bool("scored", true);
			Boolean reverse = row.bool("reverse", false);
			if (Boolean.TRUE.equals(reverse) && !"scale".equals(kind)) {
				row.problem("reverse", "instrument.reverseForKind", kind);
			}
			return new Row(row, areaKey, areaNames, itemKey, texts, kind, scale, Boolean.TRUE.equals(scored),
					Boolean.TRUE.equals(reverse));
		}

		private static String key(CsvRow row, String column) {
			String key = row.requiredText(column, MAX_KEY);
			if (key != null && !KEY.matcher(key).matches()) {
				row.problem(column, "instrument.key");
			}
			return key;
		}

	}

}
