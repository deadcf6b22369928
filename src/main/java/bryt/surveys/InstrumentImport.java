package bryt.surveys;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import bryt.organisation.Role;
import bryt.shared.imports.Column;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblems;

/**
 * One import of an instrument pack, with what the import form says about it (name,
 * licence, attribution, who). It is an {@link ImportKind} so that
 * {@link bryt.shared.imports.Imports#run} gives it the organisation's import lock, the
 * transaction and the import history, but it is deliberately not a bean: the shared
 * import page, the API and the {@code import} command would offer it without the licence
 * and attribution a pack must carry (docs/surveys/instruments.md).
 */
final class InstrumentImport implements ImportKind {

	static final String NAME = "instrument";

	private final InstrumentRepository instruments;

	private final Clock clock;

	private final InstrumentImportForm form;

	private final String importedBy;

	InstrumentImport(InstrumentRepository instruments, Clock clock, InstrumentImportForm form, String importedBy) {
		this.instruments = instruments;
		this.clock = clock;
		this.form = form;
		this.importedBy = importedBy;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Set<String> roles() {
		return Set.of(Role.ADMINISTRATOR.name());
	}

	@Override
	public List<Column> columns() {
		return InstrumentPack.COLUMNS;
	}

	@Override
	public int order() {
		return 900;
	}

	@Override
	public int importFile(long organisationId, String fileName, InputStream csv) {
		// A name in use is listed with the file's own problems, in one refusal.
		String key = key(this.form.name());
		ImportProblems problems = new ImportProblems(fileName);
		if (this.instruments.exists(organisationId, key)) {
			problems.add(0, 0, "", "instrument.nameTaken");
		}
		InstrumentPack pack = InstrumentPack.read(csv, problems);
		Map<String, String> name = new LinkedHashMap<>();
		pack.locales().forEach((locale) -> name.put(locale, this.form.name().strip()));
		long id = this.instruments
			.insert(organisationId, key, name, pack.locales(), this.form.licence().strip(),
					this.form.attribution().strip(), true, this.clock.instant(), this.importedBy)
			.orElseThrow();
		store(this.instruments, id, pack);
		return pack.items().size();
	}

	/** The scales, areas and items of a pack whose head is stored under {@code id}. */
	static void store(InstrumentRepository instruments, long id, InstrumentPack pack) {
		pack.scales().forEach((scale) -> instruments.insertScale(id, scale));
		int position = 0;
		for (InstrumentPack.Area area : pack.areas()) {
			instruments.insertArea(id, area, ++position);
		}
		position = 0;
		for (InstrumentPack.Item item : pack.items()) {
			instruments.insertItem(id, item, ++position);
		}
	}

	/**
	 * An instrument's key from its name: lower case, without accents, words joined by
	 * hyphens ("Prevents OSA-enkät (RISE 2023)" → {@code prevents-osa-enkat-rise-2023}),
	 * at most 80 characters, as {@code survey_instrument.key} requires.
	 */
	static String key(String name) {
		String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace('ø', 'o')
			.replace('æ', 'a')
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (plain.length() > 80) {
			plain = plain.substring(0, 80).replaceAll("-+$", "");
		}
		return plain.isEmpty() ? "pack" : plain;
	}

}
