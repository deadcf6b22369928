package bryt.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing an instrument pack (issue 13, item 2): Prevent's OSA survey as RISE revised
 * it (the shared test pack, unchanged) is stored whole and shown read-only with its
 * attribution; each malformed pack is refused by line, column and message in en, sv and
 * da, and stores nothing; no route changes an imported item's wording.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentImportTests {

	static final String OSA = "instruments/prevent-osa-2023.csv";

	static final String ATTRIBUTION = "Frågor från Prevents OSA-enkät, psykometriskt reviderad av RISE (2023), CC BY 4.0.";

	private static final Locale SV = Locale.of("sv");

	private static final Locale DA = Locale.of("da");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Instruments instruments;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MessageSource messages;

	private long org;

	@BeforeAll
	void organisation() {
		this.org = this.organisations.create("instrumenttest", "Instrumentby kommun", Country.SE).id();
	}

	@Test
	void theOsaPackImportsAs34ItemsIn8AreasAndIsShownReadOnlyWithItsAttribution() throws Exception {
		this.mvc
			.perform(multipart("/surveys/instruments/import").file(osaFile(osa()))
				.param("name", "Prevents OSA-enkät (RISE 2023)")
				.param("licence", "CC BY 4.0")
				.param("attribution", ATTRIBUTION)
				.with(user(TestAccounts.of(this.org, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/surveys/instruments"));
		long id = osaId("prevents-osa-enkat-rise-2023");

		Instrument osa = this.instruments.find(id, "en").orElseThrow();
		// Swedish only: shown in Swedish whatever the page's language.
		assertThat(osa.locale()).isEqualTo("sv");
		assertThat(osa.locales()).containsExactly("sv");
		assertThat(osa.readOnly()).isTrue();
		assertThat(osa.brytOwn()).isFalse();
		assertThat(osa.licence()).isEqualTo("CC BY 4.0");
		assertThat(osa.attribution()).isEqualTo(ATTRIBUTION);
		assertThat(osa.items()).hasSize(34);
		assertThat(osa.areas()).extracting(Instrument.Area::key)
			.containsExactly("arbetets_organisering", "arbetsbelastning_krav", "mojlighet_paverka", "socialt_stod",
					"aterhamtning", "ledarskap", "kunskaper_utveckling", "psykologisk_trygghet");
		assertThat(osa.areas()).extracting((area) -> area.items().size()).containsExactly(4, 4, 4, 5, 4, 5, 3, 5);
		assertThat(osa.areas().stream().filter((area) -> !area.scored()).map(Instrument.Area::key))
			.containsExactly("arbetets_organisering", "kunskaper_utveckling");
		Instrument.Item first = osa.areas().getFirst().items().getFirst();
		assertThat(first.key()).isEqualTo("ao1");
		assertThat(first.text()).isEqualTo("Jag vet vilka arbetsuppgifter jag har.");
		assertThat(first.scale().key()).isEqualTo("agree4");
		assertThat(first.scale().labels("sv")).containsExactly("Instämmer inte alls", "Instämmer till viss del",
				"Instämmer till stor del", "Instämmer helt och hållet");
		Instrument.Item breaks = osa.items()
			.stream()
			.filter((item) -> item.key().equals("å1"))
			.findFirst()
			.orElseThrow();
		assertThat(breaks.scale().labels("sv")).containsExactly("Aldrig", "Sällan", "Ibland", "Ganska ofta",
				"Mycket ofta", "Alltid");
		assertThat(osa.items()).noneMatch(Instrument.Item::reverse);

		// The page: every item with its scale, the attribution and licence, no form.
		for (Role role : List.of(Role.MANAGER, Role.UNION_REPRESENTATIVE, Role.COMMITTEE_MEMBER, Role.HR)) {
			String page = page(get("/surveys/instruments/" + id), role, Locale.ENGLISH);
			assertThat(page).contains(ATTRIBUTION)
				.contains("Licence: CC BY 4.0.")
				.contains("its wording cannot be changed in Bryt")
				.contains("Jag vet vilka arbetsuppgifter jag har.")
				.contains("Mina ansträngningar värdesätts.")
				.contains("Aldrig · Sällan · Ibland · Ganska ofta · Mycket ofta · Alltid")
				.contains("<td class=\"govuk-table__cell\" lang=\"sv\">Jag vet vilka arbetsuppgifter jag har.</td>")
				.contains("34 items in 8 areas");
			assertThat(count(page, "class=\"govuk-table__row bryt-item\"")).isEqualTo(34);
			assertThat(count(page, ">Distribution only<")).isEqualTo(2);
			assertThat(count(page, ">Index 0–100<")).isEqualTo(6);
			assertThat(main(page)).doesNotContain("<form").doesNotContain("<input").doesNotContain("<textarea");
		}
		String list = page(get("/surveys/instruments"), Role.COMMITTEE_MEMBER, SV);
		assertThat(list).contains("Prevents OSA-enkät (RISE 2023)").contains("CC BY 4.0").contains("Bryts egna frågor");
		// Another organisation does not see it.
		long other = this.organisations.create("instrumentother", "Annanby kommun", Country.SE).id();
		this.mvc.perform(get("/surveys/instruments/" + id).with(user(TestAccounts.of(other, Role.HR))))
			.andExpect(status().isNotFound());
		// The import history has it, under its kind.
		assertThat(this.jdbc.sql("""
				select kind || ' ' || outcome || ' ' || rows_changed || ' ' || file_name from import_run
				where organisation_id = :org and actor_kind = 'account' and outcome = 'accepted'
				""").param("org", this.org).query(String.class).list())
			.containsExactly("instrument accepted 34 prevent-osa-2023.csv");
		assertThat(page(get("/workload/imports/history"), Role.ADMINISTRATOR, Locale.ENGLISH))
			.contains("Instrument pack")
			.contains("prevent-osa-2023.csv");
	}

	@Test
	void noRouteChangesAnImportedItemsWording() throws Exception {
		int items = this.instruments.importPack(this.org,
				new InstrumentImportForm("OSA for crafted requests", "CC BY 4.0", ATTRIBUTION), "prevent-osa-2023.csv",
				osa(), Actor.SYSTEM);
		assertThat(items).isEqualTo(34);
		long id = osaId("osa-for-crafted-requests");
		String before = texts(id);
		var admin = TestAccounts.of(this.org, Role.ADMINISTRATOR);
		for (var request : List.of(post("/surveys/instruments/" + id), put("/surveys/instruments/" + id),
				patch("/surveys/instruments/" + id), post("/surveys/instruments/" + id + "/items/ao1"),
				post("/surveys/instruments/" + id + "/edit"), post("/surveys/instruments"))) {
			MvcResult result = this.mvc
				.perform(request.param("text", "Jag vet inte vad jag gör.")
					.param("items[0].text", "Jag vet inte vad jag gör.")
					.param("item", "ao1")
					.param("name", "Changed")
					.with(user(admin))
					.with(csrf()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(request.toString()).isBetween(400, 499);
		}
		// Importing a pack again under the same name does not replace the stored one.
		ImportRefusedException again = catchThrowableOfType(ImportRefusedException.class, () -> this.instruments
			.importPack(this.org, new InstrumentImportForm("OSA for crafted requests", "CC BY 4.0", ATTRIBUTION),
					"changed.csv",
					stream(osaText().replace("Jag vet vilka arbetsuppgifter jag har.", "Jag vet inte vad jag gör.")),
					Actor.SYSTEM));
		assertThat(again.problems().list()).extracting(ImportProblem::code).containsExactly("instrument.nameTaken");
		assertThat(texts(id)).isEqualTo(before).contains("Jag vet vilka arbetsuppgifter jag har.");
	}

	/**
	 * Beyond the pages: the database refuses a change to a read-only instrument's wording
	 * from anyone (here Bryt's own connection, which may otherwise write every row), and
	 * lets the whole instrument go.
	 */
	@Test
	void theDatabaseRefusesAnyChangeToAnImportedInstrumentsWording() throws Exception {
		this.instruments.importPack(this.org,
				new InstrumentImportForm("OSA for the database", "CC BY 4.0", ATTRIBUTION), "prevent-osa-2023.csv",
				osa(), Actor.SYSTEM);
		long id = osaId("osa-for-the-database");
		String before = texts(id);
		List<String> changes = List.of(
				"update survey_item set text = '{\"sv\": \"Jag vet inte.\"}' where instrument_id = :id and key = 'ao1'",
				"update survey_item set reverse = true where instrument_id = :id",
				"delete from survey_item where instrument_id = :id and key = 'ao1'",
				"insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key)"
						+ " values (:id, 'ao9', 'arbetets_organisering', 99, 'scale', '{\"sv\": \"Ny\"}', 'agree4')",
				"update survey_area set scored = true where instrument_id = :id",
				"update survey_scale set labels = '{}' where instrument_id = :id",
				"update survey_instrument set attribution = 'Someone else' where id = :id",
				"update survey_instrument set read_only = false where id = :id");
		for (String change : changes) {
			assertThat(catchThrowableOfType(org.springframework.dao.DataAccessException.class,
					() -> this.jdbc.sql(change).param("id", id).update()))
				.as(change)
				.isNotNull()
				.hasMessageContaining("is fixed");
		}
		assertThat(texts(id)).isEqualTo(before);
		assertThat(this.instruments.find(id, "sv").orElseThrow().attribution()).isEqualTo(ATTRIBUTION);
		// Bryt's own are fixed the same way.
		assertThat(catchThrowableOfType(org.springframework.dao.DataAccessException.class,
				() -> this.jdbc.sql("update survey_item set reverse = not reverse where instrument_id = :id")
					.param("id", this.instruments.brytOwn(Instruments.ANNUAL).orElseThrow())
					.update()))
			.hasMessageContaining("is fixed");
		// The whole instrument may go (with its parts).
		assertThat(this.jdbc.sql("delete from survey_instrument where id = :id").param("id", id).update()).isEqualTo(1);
		assertThat(texts(id)).isEmpty();
	}

	@Test
	void eachMalformedPackIsRefusedByLineColumnAndMessageInEachLanguageAndStoresNothing() throws Exception {
		String osa = osaText();
		List<Case> cases = List.of(
				new Case("missing column", dropColumn(osa, 5), 1, "–", "scored", "missingColumn",
						"This required column is missing. Name it as the template does or as one of: scored",
						"Den här obligatoriska kolumnen saknas. Ge den mallens rubrik eller en av: scored",
						"Denne obligatoriske kolonne mangler. Giv den skabelonens overskrift eller en af: scored"),
				new Case("unknown scale", cell(osa, 5, 4, "agree7"), 5, "5", "scale", "instrument.unknownScale",
						"Bryt has no scale with this name. Expected one of: agree4, agree5, frequency6, exposure5.",
						"Bryt har ingen skala med det namnet.", "Bryt har ingen skala med det navn."),
				new Case("duplicate item key", cell(osa, 4, 2, "ao1"), 4, "3", "item_key", "duplicate",
						"This also appears on line 2.", "rad 2", "linje 2"),
				new Case("scored differs within an area", cell(osa, 3, 5, "yes"), 3, "6", "scored",
						"instrument.scoredDiffers",
						"The area arbetets_organisering is marked differently on line 2: every row of an area must say the same.",
						"Området arbetets_organisering är markerat annorlunda på rad 2",
						"Området arbetets_organisering er markeret anderledes i linje 2"),
				new Case("empty text", cell(osa, 6, 3, ""), 6, "4", "item_sv", "instrument.noText",
						"The row has no text in any language.", "Raden har ingen text på något språk.",
						"Rækken har ingen tekst på noget sprog."),
				new Case("personnummer", cell(osa, 7, 3, "Ring 19121212-1212 om du undrar."), 7, "4", "item_sv",
						"personalIdentityNumber", "This looks like a personal identity number.",
						"Det här ser ut som ett personnummer.", "Dette ligner et CPR-nummer."),
				new Case("a language filled in on one row only", englishOnTheFirstRow(osa), 3, "7", "area_en",
						"instrument.localePartly",
						"Other rows have a text in this language (en): fill it in here too, or leave the language out of the whole file.",
						"Andra rader har text på det här språket (en)", "Andre rækker har tekst på dette sprog (en)"));
		long instrumentsBefore = storedInstruments();
		long itemsBefore = storedItems();
		List<String> wrong = new ArrayList<>();
		for (Case bad : cases) {
			ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
					() -> this.instruments.importPack(this.org,
							new InstrumentImportForm("Bad pack", "CC BY 4.0", ATTRIBUTION), "bad.csv",
							stream(bad.file()), Actor.SYSTEM));
			assertThat(refused).as(bad.what()).isNotNull();
			ImportProblem first = refused.problems().list().getFirst();
			assertThat(first.line()).as(bad.what()).isEqualTo(bad.line());
			assertThat(first.columnLabel(false)).as(bad.what()).isEqualTo(bad.column());
			assertThat(first.columnName()).as(bad.what()).isEqualTo(bad.columnName());
			assertThat(first.code()).as(bad.what()).isEqualTo(bad.code());
			// The page, in each language: the line, the column and the message.
			for (Locale locale : List.of(Locale.ENGLISH, SV, DA)) {
				String expected = (locale == SV) ? bad.sv() : (locale == DA) ? bad.da() : bad.en();
				assertThat(this.messages.getMessage(first.messageKey(), first.args().toArray(), locale))
					.as(bad.what() + " " + locale)
					.contains(expected);
				String page = this.mvc
					.perform(multipart("/surveys/instruments/import")
						.file(new MockMultipartFile("file", "bad.csv", "text/csv",
								bad.file().getBytes(StandardCharsets.UTF_8)))
						.param("name", "Bad pack")
						.param("licence", "CC BY 4.0")
						.param("attribution", ATTRIBUTION)
						.locale(locale)
						.with(user(TestAccounts.of(this.org, Role.ADMINISTRATOR)))
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				String row = page.substring(page.indexOf("<tbody"), page.indexOf("</tbody>"));
				String firstRow = row.substring(row.indexOf("<tr"), row.indexOf("</tr>"));
				if (!firstRow.contains(">" + bad.line() + "<") || !firstRow.contains(">" + bad.column() + "<")
						|| !firstRow.contains(">" + bad.columnName() + "<")
						|| !firstRow.contains(HtmlUtils.htmlEscape(expected, "UTF-8"))) {
					wrong.add(bad.what() + " " + locale + ": " + firstRow);
				}
				assertThat(page).doesNotContain("19121212");
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(storedInstruments()).isEqualTo(instrumentsBefore);
		assertThat(storedItems()).isEqualTo(itemsBefore);
	}

	/**
	 * The same pack saved from Excel imports the same, and a refused one is named by row
	 * and column letter.
	 */
	@Test
	void theOsaPackAsAnExcelWorkbookImportsTheSameAndIsRefusedByColumnLetter() throws Exception {
		String osa = osaText();
		int items = this.instruments.importPack(this.org,
				new InstrumentImportForm("OSA from Excel", "CC BY 4.0", ATTRIBUTION), "osa.xlsx", stream(workbook(osa)),
				Actor.SYSTEM);
		assertThat(items).isEqualTo(34);
		Instrument fromExcel = this.instruments.find(osaId("osa-from-excel"), "sv").orElseThrow();
		this.instruments.importPack(this.org, new InstrumentImportForm("OSA from CSV", "CC BY 4.0", ATTRIBUTION),
				"osa.csv", stream(osa), Actor.SYSTEM);
		Instrument fromCsv = this.instruments.find(osaId("osa-from-csv"), "sv").orElseThrow();
		assertThat(fromExcel.areas()).usingRecursiveComparison().isEqualTo(fromCsv.areas());
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> this.instruments.importPack(this.org,
						new InstrumentImportForm("Bad Excel", "CC BY 4.0", ATTRIBUTION), "bad.xlsx",
						stream(workbook(cell(osa, 5, 4, "agree7"))), Actor.SYSTEM));
		ImportProblem first = refused.problems().list().getFirst();
		assertThat(refused.problems().isSpreadsheet()).isTrue();
		assertThat(first.line()).isEqualTo(5);
		assertThat(first.columnLabel(true)).isEqualTo("E");
		assertThat(first.code()).isEqualTo("instrument.unknownScale");
	}

	@Test
	void theLanguageCheckCountsEveryRowMissingIt() {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> InstrumentPack.read("bad.csv", stream(englishOnTheFirstRow(osaText()))));
		// 33 rows (lines 3–35) without an English area name and item text.
		assertThat(refused.problems().total()).isEqualTo(66);
	}

	@Test
	void theImportFormRefusesAPackWithoutLicenceAttributionOrFile() throws Exception {
		String page = this.mvc
			.perform(multipart("/surveys/instruments/import").param("name", "")
				.param("licence", "")
				.param("attribution", "")
				.with(user(TestAccounts.of(this.org, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<title>Error: ")
			.contains("href=\"#name\"")
			.contains("href=\"#licence\"")
			.contains("href=\"#attribution\"")
			.contains("Choose the pack&#39;s file.");
		this.mvc
			.perform(multipart("/surveys/instruments/import").file(osaFile(osa()))
				.param("name", "No licence")
				.param("licence", " ")
				.param("attribution", ATTRIBUTION)
				.with(user(TestAccounts.of(this.org, Role.ADMINISTRATOR)))
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from survey_instrument where key = 'no-licence'")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * P5, item 7: one refusal lists every problem of the file, those of single rows (an
	 * unknown scale on line 5) and those across rows (line 4 repeats line 2's item key)
	 * together, with the name in use first; nothing is stored.
	 */
	@Test
	void aPackIsRefusedWithEveryProblemOfItsFileAtOnce() throws Exception {
		this.instruments.importPack(this.org, new InstrumentImportForm("Every problem", "CC BY 4.0", ATTRIBUTION),
				"prevent-osa-2023.csv", osa(), Actor.SYSTEM);
		long instrumentsBefore = storedInstruments();
		String bad = cell(cell(osaText(), 4, 2, "ao1"), 5, 4, "agree7");

		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> this.instruments.importPack(this.org,
						new InstrumentImportForm("Every problem", "CC BY 4.0", ATTRIBUTION), "bad.csv", stream(bad),
						Actor.SYSTEM));
		assertThat(refused.problems().list()).extracting(ImportProblem::code, ImportProblem::line)
			.containsExactly(tuple("instrument.nameTaken", 0L), tuple("instrument.unknownScale", 5L),
					tuple("duplicate", 4L));
		ImportRefusedException fresh = catchThrowableOfType(ImportRefusedException.class,
				() -> this.instruments.importPack(this.org,
						new InstrumentImportForm("Every problem anew", "CC BY 4.0", ATTRIBUTION), "bad.csv",
						stream(bad), Actor.SYSTEM));
		assertThat(fresh.problems().list()).extracting(ImportProblem::code)
			.containsExactly("instrument.unknownScale", "duplicate");
		assertThat(storedInstruments()).isEqualTo(instrumentsBefore);
	}

	/**
	 * P5, item 8: text that a spreadsheet would run as a formula ({@code =}, {@code +},
	 * {@code -}, {@code @} first) is taken as it is, as every import of Bryt takes it,
	 * and kept verbatim (the pages escape it as any text); every export of a table writes
	 * it with a leading apostrophe (shared.tables.TableExports, OWASP's CSV injection),
	 * so an area name or item text from a pack never runs in Excel.
	 */
	@Test
	void formulasInAPackAreKeptAsTextAndNeutralisedInExports() throws Exception {
		String pack = """
				area_key,area_sv,item_key,item_sv,scale,scored
				formler,=Område,f1,=1+1 är två,agree5,yes
				formler,=Område,f2,@SUM(A1),agree5,yes
				formler,=Område,f3,+46 frågor,agree5,yes
				formler,=Område,f4,-minus,agree5,yes
				""";
		this.instruments.importPack(this.org, new InstrumentImportForm("Formulas", "CC BY 4.0", ATTRIBUTION),
				"formulas.csv", stream(pack), Actor.SYSTEM);
		Instrument stored = this.instruments.find(osaId("formulas"), "sv").orElseThrow();
		Instrument.Area area = stored.areas().getFirst();
		assertThat(area.name()).isEqualTo("=Område");
		assertThat(area.items()).extracting(Instrument.Item::text)
			.containsExactly("=1+1 är två", "@SUM(A1)", "+46 frågor", "-minus");

		bryt.shared.tables.FigureTable.Builder table = bryt.shared.tables.FigureTable.builder("items", "Items")
			.column(bryt.shared.tables.Column.text("item", area.name()));
		area.items().forEach((item) -> table.row(List.of(bryt.shared.tables.Cell.text(item.text()))));
		String csv = new String(bryt.shared.tables.TableExports.csv(table.build(), SV), StandardCharsets.UTF_8)
			.replace("\uFEFF", "");
		assertThat(csv.lines().toList()).containsExactly("'=Område", "'=1+1 är två", "'@SUM(A1)", "'+46 frågor",
				"'-minus");
	}

	/** The test pack as shipped, with its lines as they are. */
	static InputStream osa() throws IOException {
		return new ClassPathResource(OSA).getInputStream();
	}

	static String osaText() throws IOException {
		try (InputStream in = osa()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static MockMultipartFile osaFile(InputStream in) throws IOException {
		try (in) {
			return new MockMultipartFile("file", "prevent-osa-2023.csv", "text/csv", in.readAllBytes());
		}
	}

	/** The rows of a CSV text (no quoted commas) as the cells of a workbook. */
	private static byte[] workbook(String csv) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
		org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Blad1");
		List<String> lines = csv.lines().toList();
		for (int row = 0; row < lines.size(); row++) {
			String[] cells = lines.get(row).split(",", -1);
			for (int column = 0; column < cells.length; column++) {
				sheet.value(row, column, cells[column]);
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static InputStream stream(byte[] bytes) {
		return new java.io.ByteArrayInputStream(bytes);
	}

	private static InputStream stream(String text) {
		return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The file with one cell changed: {@code line} as the file counts (header 1). */
	private static String cell(String csv, int line, int column, String value) {
		List<String> lines = new ArrayList<>(csv.lines().toList());
		String[] cells = lines.get(line - 1).split(",", -1);
		cells[column] = value;
		lines.set(line - 1, String.join(",", cells));
		return String.join("\n", lines) + "\n";
	}

	private static String dropColumn(String csv, int column) {
		return csv.lines().map((line) -> {
			List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
			cells.remove(column);
			return String.join(",", cells);
		}).collect(Collectors.joining("\n", "", "\n"));
	}

	/** English columns added, filled in on the first data row only. */
	private static String englishOnTheFirstRow(String csv) {
		List<String> lines = csv.lines().toList();
		List<String> out = new ArrayList<>();
		out.add(lines.get(0) + ",area_en,item_en");
		out.add(lines.get(1) + ",Organisation of work,I know my tasks.");
		lines.subList(2, lines.size()).forEach((line) -> out.add(line + ",,"));
		return String.join("\n", out) + "\n";
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Role role,
			Locale locale) throws Exception {
		return this.mvc.perform(request.locale(locale).with(user(TestAccounts.of(this.org, role))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String main(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private long osaId(String key) {
		return this.jdbc.sql("select id from survey_instrument where organisation_id = :org and key = :key")
			.param("org", this.org)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private String texts(long id) {
		return String.join("\n", this.jdbc.sql("""
				select key || ' ' || text::text from survey_item where instrument_id = :id order by position
				""").param("id", id).query(String.class).list());
	}

	private long storedInstruments() {
		return this.jdbc.sql("select count(*) from survey_instrument").query(Long.class).single();
	}

	private long storedItems() {
		return this.jdbc.sql("select count(*) from survey_item").query(Long.class).single();
	}

	private record Case(String what, String file, long line, String column, String columnName, String code, String en,
			String sv, String da) {

	}

}
