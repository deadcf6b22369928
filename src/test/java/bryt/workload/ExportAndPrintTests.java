package bryt.workload;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import de.siegmar.fastcsv.reader.CsvReader;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11, items 6 and 8: every table of figures downloads as CSV and Excel with exactly
 * the numbers of the page, to the same readers; long tables sort and page with plain
 * links; the chosen date survives a change of language; a malformed date, sort or page is
 * no error page.
 * <p>
 * The organisation: team BOU-1 with four workers whose points are computed by hand (8
 * points for an investigation, 3 for financial aid, at complexity 1; 100 points of
 * capacity for a full-time experienced worker), and unit VUX with 55 workers and no
 * cases, so that the overview's worker list has 59 rows: two pages of 50.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportAndPrintTests {

	/** A Monday, as in WorkloadPagesTests. */
	private static final String AT = "2026-03-16";

	private static final Locale SV = Locale.forLanguageTag("sv");

	@Autowired
	private Organisations organisations;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	private Organisation org;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("export-test", "Exportkommun", Country.SE);
		WorkloadFixture files = new WorkloadFixture(this.mvc, this.org);
		files.units("""
				code,name,parent,level
				SOC,Socialtjänsten,,department
				BOU,Barn och unga,SOC,unit
				BOU-1,Utredning 1,BOU,team
				VUX,Vuxen,SOC,unit
				""");
		StringBuilder staff = new StringBuilder("""
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				E2,Bror Dahl,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				E4,Cecilia Ahl,BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				E5,=SUM(1+1),BOU-1,social_worker,1,2015-01-01,2020-01-01,,
				""");
		IntStream.rangeClosed(1, 55)
			.forEach((i) -> staff
				.append(String.format("W%02d,Vera %02d,VUX,social_worker,1,2015-01-01,2020-01-01,,%n", i, i)));
		files.staff(staff.toString());
		// T-2 is an investigation opened 1 October 2025, 46 days past its deadline on
		// the date (1 October + 120 days = 29 January).
		files.cases("""
				case_ref,case_type,unit,opened,closed,handler,co_handler,complexity
				T-2,BBU-UTR,BOU-1,2025-10-01,,E1,,1
				T-3,EKB,BOU-1,2026-02-01,,E1,,1
				T-5,BBU-UTR,BOU-1,2026-03-01,,E4,,1
				T-6,EKB,BOU-1,2026-02-01,,E5,,1
				""");
	}

	/**
	 * By hand: Alva Berg 8 + 3 = 11 points of 100 (11 %), Cecilia Ahl 8 (8 %), the worker
	 * named like a formula 3 (3 %), Bror Dahl none. In Swedish: decimal comma, a no-break
	 * space before the per cent sign.
	 */
	@Test
	void theCsvHoldsTheCellsOfThePageAndTheHandComputedFigures() throws Exception {
		String path = "/workload/units/" + unitId("BOU-1");
		Document page = Jsoup.parse(html(path + "?at=" + AT, hr()));
		List<List<String>> shown = table(page, "workers-table");
		List<List<String>> csv = csv(download(path + "?at=" + AT + "&export=workers&format=csv", hr()));
		assertThat(csv).hasSize(5);
		assertThat(csv.getFirst()).containsExactly("Namn", "Anställningsnummer", "Öppna ärenden", "Poäng", "Kapacitet",
				"Belastning", "Läge");
		// Capacity with one decimal, like the points: whole points could read "100 of
		// 100"
		// beside 101 % (100 points of 99.8).
		assertThat(row(csv, "Alva Berg")).containsExactly("Alva Berg", "E1", "2", "11,0", "100,0", "11\u00a0%",
				"utrymme kvar");
		assertThat(row(csv, "Cecilia Ahl")).containsExactly("Cecilia Ahl", "E4", "1", "8,0", "100,0", "8\u00a0%",
				"utrymme kvar");
		assertThat(row(csv, "Bror Dahl")).containsExactly("Bror Dahl", "E2", "0", "0,0", "100,0", "0\u00a0%",
				"utrymme kvar");
		// CSV injection: the name that looks like a formula is written as text.
		assertThat(row(csv, "'=SUM(1+1)")).containsExactly("'=SUM(1+1)", "E5", "1", "3,0", "100,0", "3\u00a0%",
				"utrymme kvar");
		// The page shows the same cells (the formula-like name as it is).
		List<List<String>> unescaped = csv.stream()
			.map((cells) -> cells.stream().map((cell) -> cell.startsWith("'=") ? cell.substring(1) : cell).toList())
			.toList();
		assertThat(unescaped).isEqualTo(shown);
	}

	@Test
	void theCsvIsUtf8WithAByteOrderMarkAndCrlfLines() throws Exception {
		byte[] body = download("/workload/units/" + unitId("BOU-1") + "?at=" + AT + "&export=workers&format=csv", hr());
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n").contains("Anställningsnummer");
	}

	@Test
	void theExcelFileHoldsTheFiguresAsNumbersRoundedAsOnThePage() throws Exception {
		String path = "/workload/units/" + unitId("BOU-1");
		List<List<String>> shown = table(Jsoup.parse(html(path + "?at=" + AT, hr())), "workers-table");
		List<Row> rows;
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(download(path + "?at=" + AT + "&export=workers&format=xlsx", hr())),
				new ReadingOptions(true, false))) {
			rows = workbook.getFirstSheet().read();
		}
		assertThat(rows).hasSize(shown.size());
		for (int r = 0; r < rows.size(); r++) {
			Row row = rows.get(r);
			for (int c = 0; c < shown.get(r).size(); c++) {
				String text = shown.get(r).get(c);
				var cell = row.getCell(c);
				if (r > 0 && c >= 2 && c <= 5) {
					// Open cases, points, capacity, load: numbers, equal to the page's.
					assertThat(cell.getType()).as("row %d, column %d", r, c).isEqualTo(CellType.NUMBER);
					assertThat(cell.asNumber()).as("row %d, column %d", r, c).isEqualByComparingTo(number(text));
				}
				else {
					assertThat(cell.getType()).as("row %d, column %d", r, c).isEqualTo(CellType.STRING);
					assertThat(cell.asString()).isEqualTo(text);
				}
			}
		}
		Row alva = rows.stream()
			.filter((row) -> "Alva Berg".equals(row.getCell(0).asString()))
			.findFirst()
			.orElseThrow();
		assertThat(alva.getCell(3).asNumber()).isEqualByComparingTo("11.0");
		assertThat(alva.getCell(5).asNumber()).isEqualByComparingTo("0.11");
		assertThat(alva.getCell(5).getDataFormatString()).isEqualTo("0%");
		assertThat(alva.getCell(3).getDataFormatString()).isEqualTo("#,##0.0");
		// The formula-like name is a string cell, never a formula.
		Row formula = rows.stream()
			.filter((row) -> "=SUM(1+1)".equals(row.getCell(0).asString()))
			.findFirst()
			.orElseThrow();
		assertThat(formula.getCell(0).getType()).isEqualTo(CellType.STRING);
		assertThat(formula.getCell(0).getFormula()).isNull();
	}

	/**
	 * The overview lists workers of two units: a unit column, 59 rows on two pages of 50,
	 * and a download of all 59.
	 */
	@Test
	void theOverviewsWorkersHaveAUnitColumnPagesOfFiftyAndADownloadOfAll() throws Exception {
		Document first = Jsoup.parse(html("/workload?at=" + AT, hr()));
		List<List<String>> one = table(first, "workers-table");
		assertThat(one.getFirst()).contains("Enhet");
		assertThat(one).hasSize(1 + 50);
		Element pagination = first.selectFirst("nav.govuk-pagination");
		assertThat(pagination).isNotNull();
		assertThat(pagination.select("a[aria-current=page]").text()).isEqualTo("1");
		assertThat(pagination.select("a[rel=next]").attr("href")).isEqualTo("/workload?at=" + AT + "&page=2");
		List<List<String>> two = table(Jsoup.parse(html("/workload?at=" + AT + "&page=2", hr())), "workers-table");
		assertThat(two).hasSize(1 + 9);
		List<List<String>> all = csv(download("/workload?at=" + AT + "&export=workers&format=csv", hr()));
		assertThat(all).hasSize(1 + 59);
		List<List<String>> both = new ArrayList<>(one);
		both.addAll(two.subList(1, two.size()));
		assertThat(all.stream()
			.map((cells) -> cells.stream().map((cell) -> cell.startsWith("'=") ? cell.substring(1) : cell).toList())
			.toList()).isEqualTo(both);
		assertThat(row(all, "Alva Berg").get(2)).isEqualTo("Utredning 1");
		assertThat(row(all, "Vera 07").get(2)).isEqualTo("Vuxen");
		// A page that is not a number is the first; one past the end the last.
		assertThat(table(Jsoup.parse(html("/workload?at=" + AT + "&page=abc", hr())), "workers-table")).isEqualTo(one);
		assertThat(table(Jsoup.parse(html("/workload?at=" + AT + "&page=99", hr())), "workers-table")).isEqualTo(two);
		assertThat(table(Jsoup.parse(html("/workload?at=" + AT + "&page=-1", hr())), "workers-table")).isEqualTo(one);
	}

	@Test
	void workersSortByEachKeyAndABadKeyGivesTheDefaultOrder() throws Exception {
		String path = "/workload/units/" + unitId("BOU-1") + "?at=" + AT;
		assertThat(names(path + "&sort=points&dir=desc")).containsExactly("Alva Berg", "Cecilia Ahl", "=SUM(1+1)",
				"Bror Dahl");
		assertThat(names(path + "&sort=points")).containsExactly("Bror Dahl", "=SUM(1+1)", "Cecilia Ahl", "Alva Berg");
		assertThat(names(path + "&sort=load&dir=desc")).containsExactly("Alva Berg", "Cecilia Ahl", "=SUM(1+1)",
				"Bror Dahl");
		assertThat(names(path + "&sort=cases&dir=desc").subList(0, 1)).containsExactly("Alva Berg");
		assertThat(names(path + "&sort=number&dir=desc")).containsExactly("=SUM(1+1)", "Cecilia Ahl", "Bror Dahl",
				"Alva Berg");
		assertThat(names(path + "&sort=number")).containsExactly("Alva Berg", "Bror Dahl", "Cecilia Ahl", "=SUM(1+1)");
		assertThat(names(path + "&sort=name").stream().filter((name) -> !name.startsWith("=")))
			.containsExactly("Alva Berg", "Bror Dahl", "Cecilia Ahl");
		assertThat(names(path + "&sort=name&dir=desc").stream().filter((name) -> !name.startsWith("=")))
			.containsExactly("Cecilia Ahl", "Bror Dahl", "Alva Berg");
		// Equal capacity: the table's own order is kept (a stable sort).
		assertThat(names(path + "&sort=capacity")).isEqualTo(names(path));
		// Not a key, not a sortable column, not a direction: the default order, no error.
		for (String bad : List.of("&sort=salary", "&sort=band", "&sort=%27%3B--", "&sort=points&dir=sideways")) {
			List<String> names = names(path + bad);
			if (bad.contains("points")) {
				assertThat(names).isEqualTo(names(path + "&sort=points"));
			}
			else {
				assertThat(names).as(bad).isEqualTo(names(path));
			}
		}
		// The sorted header says so; the others do not; its link turns the order round.
		Document sorted = Jsoup.parse(html(path + "&sort=points&dir=desc", hr()));
		assertThat(sorted.select("#workers-table th[aria-sort]")).hasSize(1);
		Element header = sorted.selectFirst("#workers-table th[aria-sort]");
		assertThat(header.attr("aria-sort")).isEqualTo("descending");
		assertThat(header.text()).isEqualTo("Poäng");
		assertThat(header.selectFirst("a").attr("href"))
			.isEqualTo("/workload/units/" + unitId("BOU-1") + "?at=" + AT + "&dir=asc&sort=points");
		// The download keeps the order of the page.
		assertThat(csv(download(path + "&sort=points&dir=desc&export=workers&format=csv", hr())).stream()
			.skip(1)
			.map(List::getFirst)
			.toList()).containsExactly("Alva Berg", "Cecilia Ahl", "'=SUM(1+1)", "Bror Dahl");
	}

	/** The units table and every figure of the staffing and forecast charts. */
	@Test
	void theUnitsTableHoldsTheFiguresOfTheChartsAndDownloadsAsOnThePage() throws Exception {
		Document page = Jsoup.parse(html("/workload?at=" + AT, hr()));
		List<List<String>> shown = table(page, "units-table");
		assertThat(shown.getFirst()).contains("Medarbetare per gruppledare", "Medarbetare per enhetschef",
				"Ärendebärande heltidstjänster nu", "Heltidstjänster som behövs");
		List<List<String>> csv = csv(download("/workload?at=" + AT + "&export=units&format=csv", hr()));
		assertThat(csv).isEqualTo(shown);
		// Utredning 1 by hand: 4 staff, 22 of 400 points (6 %), the four social workers
		// caseworkers and none over capacity, two open investigations, one past its
		// deadline (50 %).
		List<String> team = row(csv, "Utredning 1");
		assertThat(team.subList(0, 9)).containsExactly("Utredning 1", "4", "6\u00a0%", "utrymme kvar", "4", "0", "2",
				"1", "50\u00a0%");
		// The trend's table, also downloadable.
		List<List<String>> trend = csv(download("/workload?at=" + AT + "&export=trend&format=csv", hr()));
		assertThat(trend).hasSize(1 + 52);
		assertThat(trend.get(1).getFirst()).isEqualTo(AT);
	}

	/**
	 * A union representative downloads only what their page shows: the workers of the
	 * units they cover; another organisation's unit is not found, another unit is
	 * forbidden as the page is.
	 */
	@Test
	void aDownloadShowsTheReaderWhatTheirPageShowsAndNoMore() throws Exception {
		UserDetails union = this.accounts.loadUserByUsername("union");
		UserDetails hr = this.accounts.loadUserByUsername("hr");
		Set<String> unionNames = names(csv(download("/workload?export=workers&format=csv", union)));
		Set<String> everyone = names(csv(download("/workload?export=workers&format=csv", hr)));
		assertThat(unionNames).isNotEmpty();
		assertThat(everyone).containsAll(unionNames);
		Set<String> others = new HashSet<>(everyone);
		others.removeAll(unionNames);
		assertThat(others).as("workers of units the representative does not cover").isNotEmpty();
		// The same rows the page lists, over all its pages.
		Set<String> onThePages = new HashSet<>();
		for (int page = 1; page <= 1 + unionNames.size() / 50; page++) {
			Document document = Jsoup.parse(html("/workload?page=" + page, union));
			onThePages.addAll(names(table(document, "workers-table")));
		}
		assertThat(unionNames).isEqualTo(onThePages);
		// A unit of this test's organisation, asked for from the demo's: not found.
		this.mvc
			.perform(get("/workload/units/" + unitId("BOU-1")).param("export", "workers")
				.param("format", "csv")
				.with(user(hr)))
			.andExpect(status().isNotFound());
		// A unit the representative does not cover: forbidden, as its page is.
		this.mvc
			.perform(get("/workload/units/" + unitId("BOU-1")).param("export", "workers")
				.param("format", "xlsx")
				.with(user(union)))
			.andExpect(status().isForbidden());
		// A table the page does not have: not found.
		this.mvc.perform(get("/workload").param("export", "salaries").with(user(hr))).andExpect(status().isNotFound());
	}

	@Test
	void theStaffListDownloadsAsOnThePage() throws Exception {
		Document page = Jsoup.parse(html("/staff?sort=number&dir=desc", hr()));
		List<List<String>> shown = table(page, "staff-table");
		assertThat(shown).hasSize(1 + 50);
		assertThat(shown.get(1).get(1)).isEqualTo("W55");
		List<List<String>> csv = csv(download("/staff?sort=number&dir=desc&export=staff&format=csv", hr()));
		assertThat(csv).hasSize(1 + 59);
		assertThat(csv.subList(0, 51)).isEqualTo(shown);
		assertThat(row(csv, "Alva Berg")).containsExactly("Alva Berg", "E1", "Utredning 1", "Socialsekreterare", "1,00",
				"2020-01-01");
	}

	@Test
	void theLanguageLinksKeepTheChosenDate() throws Exception {
		Document page = Jsoup.parse(html("/workload?at=" + AT + "&sort=load&dir=desc", hr()));
		assertThat(page.select("nav.bryt-languages a").eachAttr("href")).containsExactly(
				"/workload?at=" + AT + "&sort=load&dir=desc&lang=sv",
				"/workload?at=" + AT + "&sort=load&dir=desc&lang=da",
				"/workload?at=" + AT + "&sort=load&dir=desc&lang=en");
		// Choosing another language replaces the language, keeping the date.
		Document danish = Jsoup.parse(html("/workload?at=" + AT + "&lang=da", hr()));
		assertThat(danish.select("nav.bryt-languages a").eachAttr("href")).contains("/workload?at=" + AT + "&lang=sv");
		// The public pages' links are as they were: only the language.
		Document report = Jsoup.parse(this.mvc.perform(get("/report").param("x", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(report.select("nav.bryt-languages a").eachAttr("href")).allMatch((href) -> !href.contains("x=1"));
	}

	/**
	 * From a review: a malformed date, sort or page shows the page with a message by the
	 * date field, never an error page, and never repeats the value.
	 */
	@Test
	void aMalformedDateShowsThePageWithAMessageByTheDateField() throws Exception {
		for (String bad : List.of("2026-13-01", "2026-02-30", "16.03.2026", "811218-9876", "" + Long.MAX_VALUE,
				// Real days outside the years Bryt covers: the charts' calendar and the
				// date arithmetic gave a 500 on them (an attack on the running jar).
				"1900-01-01", "1949-12-31", "+10000-01-01", "-999999999-01-01")) {
			for (String path : List.of("/workload", "/workload/units/" + unitId("BOU-1"),
					"/workload/workers/" + staffId("E1"))) {
				// Sent to the page without the date, which says what was wrong.
				MvcResult sent = this.mvc.perform(get(path).param("at", bad).param("sort", "load").with(user(hr())))
					.andExpect(status().is3xxRedirection())
					.andExpect(redirectedUrl(path + "?sort=load"))
					.andExpect(flash().attribute("badDate", true))
					.andReturn();
				// The flash attribute lives in the session (Spring Session's, so
				// followed by its cookie, as a browser does).
				String html = this.mvc
					.perform(get(path + "?sort=load").header("Accept-Language", "sv")
						.cookie(sent.getResponse().getCookies())
						.with(user(hr())))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				Document page = Jsoup.parse(html);
				Element error = page.getElementById("at-error");
				assertThat(error)
					.as(path + "?at=" + bad + ": "
							+ html.substring(html.indexOf("<main"), html.indexOf("<main") + 1500))
					.isNotNull();
				assertThat(error.text()).startsWith("Ange ett riktigt datum, till exempel 20");
				assertThat(page.getElementById("at").attr("aria-describedby")).isEqualTo("at-error");
				assertThat(html).doesNotContain(bad);
			}
		}
		// A valid date: no message.
		assertThat(Jsoup.parse(html("/workload?at=" + AT, hr())).getElementById("at-error")).isNull();
		// A download asked for with a malformed date goes back to the page.
		this.mvc.perform(get("/workload").param("at", "2026-13-01").param("export", "workers").with(user(hr())))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/workload"));
	}

	private long staffId(String employeeNumber) throws Exception {
		return this.organisations.staff(this.org.id())
			.stream()
			.filter((member) -> member.employeeNumber().equals(employeeNumber))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private String html(String url, Object account) throws Exception {
		UserDetails principal = (account instanceof UserDetails details) ? details : null;
		MvcResult result = this.mvc.perform(get(url).header("Accept-Language", "sv").with(user(principal)))
			.andExpect(status().isOk())
			.andReturn();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private byte[] download(String url, UserDetails account) throws Exception {
		MvcResult result = this.mvc.perform(get(url).header("Accept-Language", "sv").with(user(account)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
		return result.getResponse().getContentAsByteArray();
	}

	private UserDetails hr() {
		return TestAccounts.of(this.org.id(), Role.HR);
	}

	private List<String> names(String url) throws Exception {
		return table(Jsoup.parse(html(url, hr())), "workers-table").stream().skip(1).map(List::getFirst).toList();
	}

	private static Set<String> names(List<List<String>> table) {
		return table.stream()
			.skip(1)
			.map(List::getFirst)
			.map((name) -> name.startsWith("'=") ? name.substring(1) : name)
			.collect(Collectors.toSet());
	}

	/** A table of the page: its header row, then each row's cells, as text. */
	private static List<List<String>> table(Document page, String id) {
		Element table = page.getElementById(id);
		assertThat(table).as("table #" + id).isNotNull();
		List<List<String>> rows = new ArrayList<>();
		rows.add(texts(table.select("thead th")));
		for (Element row : table.select("tbody tr")) {
			rows.add(texts(row.select("th, td")));
		}
		return rows;
	}

	/** Each cell's text as the page has it (no-break spaces kept). */
	private static List<String> texts(org.jsoup.select.Elements cells) {
		return cells.stream().map((cell) -> cell.wholeText().strip()).toList();
	}

	private static List<List<String>> csv(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		List<List<String>> rows = new ArrayList<>();
		// Swedish: a semicolon between fields, as Swedish Excel expects (the decimal mark
		// is
		// a comma).
		CsvReader.builder()
			.fieldSeparator(';')
			.ofCsvRecord(text.substring(1))
			.forEach((record) -> rows.add(record.getFields()));
		return rows;
	}

	private static List<String> row(List<List<String>> table, String first) {
		return table.stream().filter((cells) -> cells.getFirst().equals(first)).findFirst().orElseThrow();
	}

	/** A figure of the page, read as the page's language writes it. */
	private static BigDecimal number(String text) throws ParseException {
		boolean percent = text.endsWith("%");
		String digits = text.replace("%", "").replace("\u00a0", "").strip();
		BigDecimal value = new BigDecimal(NumberFormat.getNumberInstance(SV).parse(digits).toString());
		return percent ? value.movePointLeft(2) : value;
	}

	private long unitId(String code) {
		return this.organisations.units(this.org.id())
			.stream()
			.filter((unit) -> unit.code().equals(code))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
