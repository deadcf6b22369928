package bryt.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.UnitLevel;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports people can use (issue 12, item 5): files as HR systems write them, CSV and
 * Excel, every refused input with its message in en, sv and da, templates, the history.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsableImportsTests {

	private static final Locale SV = Locale.of("sv");

	private static final Locale DA = Locale.of("da");

	private static final String UNITS = """
			code,name,parent,level
			SOC,Socialtjänsten,,department
			BOU,Barn och unga,SOC,unit
			BOU-1,Utredning 1,BOU,team
			BOU-2,Utredning,BOU,team
			BOU-3,Utredning,BOU,team
			""";

	private static final String CANONICAL_STAFF = """
			employee_number,name,unit,role,fte,experience_start,employment_start
			E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01
			E2,Bror Dahl,BOU-1,social_worker,0.5,2015-01-01,2020-01-01
			E3,Cilla Ek,BOU,first_line_lead,1,2010-01-01,2018-01-01
			E4,Dan Ny,BOU-1,social_worker,0.75,2025-06-01,2025-06-01
			""";

	/**
	 * The same staff as an HR system in Sweden exports it: Swedish headers, titles, FTE
	 * in per cent, a unit by its name, semicolons.
	 */
	private static final String SWEDISH_STAFF = """
			Anställningsnummer;Namn;Enhet;Roll;Tjänstgöringsgrad;I yrket sedan;Anställd från
			E1;Alva Berg;Utredning 1;Socialsekreterare;100 %;2015-01-01;2020-01-01
			E2;Bror Dahl;BOU-1;socialsekreterare;50;2015-01-01;2020-01-01
			E3;Cilla Ek;BOU;Förste socialsekreterare;100;2010-01-01;2018-01-01
			E4;Dan Ny;Utredning 1;SOCIALSEKRETERARE;75%;2025-06-01;2025-06-01
			""";

	private static final String CASES = """
			case_ref,case_type,unit,opened,closed,deadline,handler,co_handler,complexity,linked_case
			W-1,BBU-UTR,BOU-1,2026-01-10,,,E1,E2,1,
			W-2,LVU,BOU-1,2026-02-01,,,E1,,2,
			W-3,EKB,BOU-1,2026-03-01,,,E2,,1,
			W-4,EKB,BOU-1,2026-03-02,,,E4,,1,
			""";

	private static final LocalDate AT = LocalDate.of(2026, 3, 15);

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private Workload workload;

	@Autowired
	private MessageSource messages;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Organisation org;

	@BeforeAll
	void createOrganisation() {
		this.org = this.organisations.create("usable-imports", "Användbar kommun", Country.SE);
		load(this.org, "units", UNITS.getBytes(StandardCharsets.UTF_8));
		load(this.org, "staff", CANONICAL_STAFF.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aSwedishStaffFileAsCsvAndAsExcelGivesTheFiguresOfTheCanonicalFile() throws IOException {
		Organisation canonical = organisation("usable-canonical", CANONICAL_STAFF.getBytes(StandardCharsets.UTF_8));
		Organisation csv = organisation("usable-sv-csv", SWEDISH_STAFF.getBytes(Charset.forName("windows-1252")));
		Organisation xlsx = organisation("usable-sv-xlsx", swedishStaffWorkbook());
		List<List<Object>> expected = workers(canonical);
		// By hand: E1 8/2 + 10 × 1.5 = 19 points against 100; E2 4 + 3 = 7 against 50;
		// E4 3 points against 75 × 0.8 (under two years in the profession) = 60.
		assertThat(expected).contains(List.of("E1", 19.0, 100.0), List.of("E2", 7.0, 50.0), List.of("E4", 3.0, 60.0));
		assertThat(workers(csv)).isEqualTo(expected);
		assertThat(workers(xlsx)).isEqualTo(expected);
		UnitFigures team = unit(canonical, "BOU-1");
		assertThat(unit(csv, "BOU-1")).isEqualTo(withId(unit(csv, "BOU-1"), team));
		assertThat(unit(xlsx, "BOU-1")).isEqualTo(withId(unit(xlsx, "BOU-1"), team));
		assertThat(team.fte()).isCloseTo(2.25, within(1e-9));
	}

	@Test
	void everyRoleNameIsOneRoleAndTheSwedishAndDanishTitlesAreAmongThem() {
		assertThat(load(this.org, "staff", """
				employee_number,name,unit,role,fte,employment_start
				R1,A,BOU-1,socialrådgiver,1,2020-01-01
				R2,B,BOU-1,Teamleder,1,2020-01-01
				R3,C,BOU,AFDELINGSLEDER,1,2020-01-01
				R4,D,BOU,Enhetschef,1,2020-01-01
				R5,E,BOU-1,forste socialsekreterare,1,2020-01-01
				R6,F,BOU-1,1:e socialsekreterare,1,2020-01-01
				""".getBytes(StandardCharsets.UTF_8))).isEqualTo(6);
	}

	@Test
	void anUnknownRoleIsRefusedListingTheAcceptedOnes() {
		ImportProblem problem = single(refused(this.org, "staff", """
				Anställningsnummer;Namn;Enhet;Roll;Tjänstgöringsgrad;Anställd från
				X1;A;BOU-1;Chef;1;2020-01-01
				"""));
		assertThat(problem)
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(2L, 4, "Roll", "oneOf");
		assertThat(message(problem, Locale.ENGLISH)).startsWith("Expected one of: social_worker, first_line_lead")
			.contains("socialsekreterare, ", "förste socialsekreterare", "enhetschef", "socialrådgiver", "teamleder",
					"afdelingsleder");
		assertThat(message(problem, SV)).startsWith("Väntade ett av: social_worker").contains("socialsekreterare");
		assertThat(message(problem, DA)).startsWith("Forventede en af: social_worker").contains("socialrådgiver");
	}

	@Test
	void anAmbiguousUnitNameIsRefusedNamingItsUnits() {
		ImportProblem problem = single(refused(this.org, "staff", """
				employee_number,name,unit,role,fte,employment_start
				X2,A,Utredning,social_worker,1,2020-01-01
				"""));
		assertThat(problem).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactly(2L, 3, "ambiguousUnit");
		assertThat(message(problem, Locale.ENGLISH))
			.isEqualTo("Several units have this name (codes BOU-2, BOU-3); give the unit's code instead.");
		assertThat(message(problem, SV))
			.isEqualTo("Flera enheter heter så (koderna BOU-2, BOU-3); ange enhetens kod i stället.");
		assertThat(message(problem, DA))
			.isEqualTo("Flere enheder hedder sådan (koderne BOU-2, BOU-3); angiv enhedens kode i stedet.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "120 %", "120", "1.5", "0 %", "0,001" })
	void anFteOver100PercentOrBelow1PercentOrBetween1And10IsRefused(String fte) {
		ImportProblem problem = single(refused(this.org, "staff",
				"employee_number;name;unit;role;fte;employment_start\nX3;A;BOU-1;social_worker;" + fte
						+ ";2020-01-01\n"));
		assertThat(problem).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
			.containsExactly(2L, 5, "range");
		assertThat(message(problem, Locale.ENGLISH)).isEqualTo("Expected a value from 1 % to 100 %.");
		assertThat(message(problem, SV)).isEqualTo("Väntade ett värde från 1 % till 100 %.");
		assertThat(message(problem, DA)).isEqualTo("Forventede en værdi fra 1 % til 100 %.");
		ImportProblem unreadable = single(refused(this.org, "staff",
				"employee_number;name;unit;role;fte;employment_start\nX3;A;BOU-1;social_worker;heltid;2020-01-01\n"));
		assertThat(unreadable.code()).isEqualTo("share");
		assertThat(message(unreadable, Locale.ENGLISH)).contains("0.75, 0,75, 75 % or 75");
		assertThat(message(unreadable, SV)).contains("0,75, 0.75, 75 % eller 75");
		assertThat(message(unreadable, DA)).contains("0,75, 0.75, 75 % eller 75");
	}

	@Test
	void anEmptyFileSaysItIsEmpty() throws Exception {
		ImportProblem problem = single(refused(this.org, "staff", new byte[0]));
		assertThat(problem.code()).isEqualTo("empty");
		assertThat(message(problem, Locale.ENGLISH)).isEqualTo("The file is empty.");
		assertThat(message(problem, SV)).isEqualTo("Filen är tom.");
		assertThat(message(problem, DA)).isEqualTo("Filen er tom.");
		// On the page: an empty file chosen is refused as empty, not as "choose a file".
		MvcResult page = this.mvc
			.perform(multipart("/workload/imports")
				.file(new MockMultipartFile("file", "staff.csv", "text/csv", new byte[0]))
				.param("kind", "staff")
				.locale(SV)
				.with(user(TestAccounts.of(this.org.id(), Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(page.getResponse().getContentAsString()).contains("Filen är tom.").doesNotContain("Välj en fil.");
	}

	@Test
	void anExcel97FileAPdfAndUtf16TextSayWhatTheyAre() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		ImportProblem excel = single(refused(this.org, "staff", xls));
		assertThat(excel).extracting(ImportProblem::line, ImportProblem::code)
			.containsExactly(0L, "fileType.legacyExcel");
		assertThat(message(excel, Locale.ENGLISH)).contains("old Excel workbook (.xls").contains("as .xlsx or as CSV");
		assertThat(message(excel, SV)).contains("äldre Excelfil (.xls");
		assertThat(message(excel, DA)).contains("ældre Excel-fil (.xls");
		ImportProblem pdf = single(
				refused(this.org, "staff", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(pdf.code()).isEqualTo("fileType.pdf");
		assertThat(message(pdf, Locale.ENGLISH)).startsWith("This is a PDF, not a CSV or Excel file.");
		assertThat(message(pdf, SV)).startsWith("Det här är en PDF, inte en CSV- eller Excelfil.");
		assertThat(message(pdf, DA)).startsWith("Dette er en PDF, ikke en CSV- eller Excel-fil.");
		assertThat(single(refused(this.org, "staff", "\uFEFFemployee_number\tname".getBytes(StandardCharsets.UTF_16LE)))
			.code()).isEqualTo("fileType.utf16");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6 })
	void aPersonnummerWithAWrongCheckDigitIsRefusedInEveryColumnAndNeverShown(int column) throws IOException {
		String[] values = { "P1", "Per Son", "BOU-1", "social_worker", "1", "2015-01-01", "2020-01-01" };
		// 811218-9876 is valid; 9875 is the same number mistyped.
		values[column] = (column % 2 == 0) ? "811218-9875" : "19811218-9871";
		String csv = "employee_number,name,unit,role,fte,experience_start,employment_start\n" + String.join(",", values)
				+ "\n";
		for (byte[] file : List.of(csv.getBytes(StandardCharsets.UTF_8), workbook((sheet) -> {
			String[] header = { "employee_number", "name", "unit", "role", "fte", "experience_start",
					"employment_start" };
			for (int i = 0; i < header.length; i++) {
				sheet.value(0, i, header[i]);
				sheet.value(1, i, values[i]);
			}
		}))) {
			ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> this.imports
				.run(this.org.id(), this.imports.kind("staff"), "staff.csv", new ByteArrayInputStream(file)));
			assertThat(refused.problems().list())
				.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::code)
				.containsExactly(tuple(2L, column + 1, "personalIdentityNumber"));
			assertThat(refused.problems().list().toString() + refused.getMessage()).doesNotContain("811218");
			ImportProblem problem = refused.problems().list().getFirst();
			assertThat(message(problem, Locale.ENGLISH)).startsWith("This looks like a personal identity number.");
			assertThat(message(problem, SV)).startsWith("Det här ser ut som ett personnummer.");
			assertThat(message(problem, DA)).startsWith("Dette ligner et CPR-nummer.");
		}
	}

	@Test
	void anExcelFileIsRefusedByRowAndColumnLetterUnderItsOwnHeader() throws IOException {
		byte[] file = workbook((sheet) -> {
			String[] header = { "Anställningsnummer", "Namn", "Enhet", "Roll", "Tjänstgöringsgrad", "Anställd från" };
			for (int i = 0; i < header.length; i++) {
				sheet.value(0, i, header[i]);
			}
			Object[][] rows = { { "X5", "A", "BOU-1", "Socialsekreterare", 1, LocalDate.of(2020, 1, 1) },
					{ "X6", "B", "BOU-1", "Boss", 1, LocalDate.of(2020, 1, 1) } };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					put(sheet, r + 1, c, rows[r][c]);
				}
				sheet.style(r + 1, 5).format("yyyy-mm-dd").set();
			}
		});
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> this.imports
			.run(this.org.id(), this.imports.kind("staff"), "personal.xlsx", new ByteArrayInputStream(file)));
		assertThat(refused.problems().isSpreadsheet()).isTrue();
		ImportProblem problem = single(refused.problems().list());
		assertThat(problem).extracting(ImportProblem::line, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(3L, "Roll", "oneOf");
		assertThat(problem.columnLabel(true)).isEqualTo("D");
		assertThat(ImportProblem.letter(27)).isEqualTo("AA");
		assertThat(message(problem, SV)).startsWith("Väntade ett av:");
		assertThat(load(this.org, "staff", workbookWithout(file))).as("the same file without row 3").isOne();
	}

	@Test
	void templatesComeInEachLanguageAndFormatAndImportOnceFilledIn() throws Exception {
		assertThat(templateHeaders("staff", "csv", SV)).containsExactly("Anställningsnummer", "Namn", "Enhet", "Roll",
				"Tjänstgöringsgrad", "I yrket sedan", "Anställd från", "Slutdatum", "Avgångsorsak", "E-post");
		assertThat(templateHeaders("staff", "xlsx", DA)).containsExactly("Medarbejdernummer", "Navn", "Enhed", "Rolle",
				"Arbejdstid", "Erfaring fra", "Ansat fra", "Slutdato", "Årsag", "E-mail");
		assertThat(templateHeaders("units", "xlsx", Locale.ENGLISH)).containsExactly("Code", "Name", "Parent", "Level");
		assertThat(templateHeaders("cases", "csv", SV)).containsExactly("Ärendenummer", "Ärendetyp", "Enhet", "Öppnat",
				"Avslutat", "Tidsfrist", "Handläggare", "Medhandläggare", "Komplexitet", "Kopplat ärende");
		assertThat(templateHeaders("case-types", "csv", DA)).startsWith("Kode", "Navn", "Navn sv");
		for (String kind : List.of("case-types", "units", "staff", "cases")) {
			for (String format : List.of("csv", "xlsx")) {
				for (Locale locale : List.of(Locale.ENGLISH, SV, DA)) {
					assertThat(templateHeaders(kind, format, locale)).as("%s.%s in %s", kind, format, locale)
						.hasSize(this.imports.kind(kind).columns().size());
				}
			}
		}
		// Filled in: the Swedish CSV template and the Danish Excel one import as they
		// are.
		byte[] csv = template("staff", "csv", SV);
		byte[] filled = concat(csv,
				"T1;Tove;BOU-1;socialsekreterare;80 %;2019-01-01;2020-01-01;;;\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(load(this.org, "staff", filled)).isOne();
		List<String> danish = templateHeaders("staff", "xlsx", DA);
		byte[] xlsx = workbook((sheet) -> {
			for (int i = 0; i < danish.size(); i++) {
				sheet.value(0, i, danish.get(i));
			}
			sheet.value(1, 0, "T2");
			sheet.value(1, 1, "Tage");
			sheet.value(1, 2, "Utredning 1");
			sheet.value(1, 3, "socialrådgiver");
			sheet.value(1, 4, 0.8);
			sheet.style(1, 4).format("0%").set();
			sheet.value(1, 6, LocalDate.of(2020, 1, 1));
			sheet.style(1, 6).format("dd-mm-yyyy").set();
		});
		assertThat(load(this.org, "staff", xlsx)).isOne();
		WorkerFigures tage = this.workload.figures(this.org, AT)
			.workers()
			.stream()
			.filter((worker) -> worker.employeeNumber().equals("T2"))
			.findFirst()
			.orElseThrow();
		// 80 % of 100 points; no experience date, so counted from employment (six years).
		assertThat(tage.capacity()).isCloseTo(80, within(1e-9));
	}

	@Test
	void theHistoryShowsAcceptedAndRefusedImportsOfTheOrganisationOnly() throws Exception {
		Organisation other = this.organisations.create("usable-other", "Annan kommun", Country.SE);
		this.imports.run(other.id(), this.imports.kind("units"), "annan-hemlig.csv",
				new ByteArrayInputStream(UNITS.getBytes(StandardCharsets.UTF_8)), Actor.account("annan"));
		Organisation mine = this.organisations.create("usable-history", "Historisk kommun", Country.SE);
		this.imports.run(mine.id(), this.imports.kind("units"), "enheter.csv",
				new ByteArrayInputStream(UNITS.getBytes(StandardCharsets.UTF_8)), Actor.account("hr-anna"));
		catchThrowableOfType(ImportRefusedException.class,
				() -> this.imports.run(mine.id(), this.imports.kind("staff"), "personal.csv", new ByteArrayInputStream(
						"employee_number,name,unit,role,fte,employment_start\nH1,Secret Name,BOU-1,boss,1,2020-01-01\n"
							.getBytes(StandardCharsets.UTF_8)),
						Actor.account("hr-anna")));
		String page = this.mvc
			.perform(get("/workload/imports/history").locale(SV).with(user(TestAccounts.of(mine.id(), Role.HR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hr-anna", "enheter.csv", "personal.csv", "Enheter", "Personal", "Godtagen",
				"Avvisad", "Väntade ett av: {0}.".replace("{0}", "").substring(0, 14));
		assertThat(page).containsPattern("<td[^>]*>5</td>");
		// The refusal's message with its arguments (the allowed roles), not a raw {0}.
		assertThat(page).doesNotContain("{0}").containsPattern("Väntade ett av: [^<{]*\\w[^<{]*\\.");
		assertThat(page).doesNotContain("annan-hemlig.csv").doesNotContain("Secret Name").doesNotContain("boss");
		assertThat(this.imports.history(mine.id(), 10))
			.extracting((entry) -> entry.kind(), (entry) -> entry.fileName(), (entry) -> entry.rowsChanged(),
					(entry) -> entry.refusal())
			.containsExactly(tuple("staff", "personal.csv", null, "oneOf"), tuple("units", "enheter.csv", 5, null));
		// The home page's warning counts accepted imports only.
		Organisation refusedOnly = this.organisations.create("usable-refused", "Avvisad kommun", Country.SE);
		catchThrowableOfType(ImportRefusedException.class, () -> this.imports.run(refusedOnly.id(),
				this.imports.kind("units"), "x.csv", new ByteArrayInputStream(new byte[0]), Actor.COMMAND_LINE));
		assertThat(this.imports.history(refusedOnly.id(), 10)).hasSize(1);
		assertThat(this.imports.lastRun(refusedOnly.id())).isEmpty();
		this.mvc.perform(get("/workload/imports/history").with(user(TestAccounts.of(mine.id(), Role.MANAGER))))
			.andExpect(status().isForbidden());
	}

	/**
	 * Levels and leavers' reasons as Swedish and Danish files write them (the outsider's
	 * review: only Bryt's English words were taken, though the templates are in sv/da).
	 */
	@Test
	void unitLevelsAndEndReasonsInSwedishAndDanish() {
		Organisation words = this.organisations.create("usable-words", "Ordkommun", Country.SE);
		load(words, "units", """
				code,name,parent,level
				F,Förvaltningen,,Förvaltning
				E,Enheten,F,enhet
				G,Gruppen,E,Grupp
				D,Afdelingen,F,afdeling
				""".getBytes(StandardCharsets.UTF_8));
		load(words, "staff", """
				employee_number,name,unit,role,fte,experience_start,employment_start,end_date,end_reason
				W1,Alva Berg,G,socialsekreterare,1,2015-01-01,2020-01-01,2025-06-30,Egen begäran
				W2,Bror Dahl,G,socialsekreterare,1,2015-01-01,2020-01-01,2025-06-30,pension
				W3,Cai Lund,D,socialrådgiver,1,2015-01-01,2020-01-01,2025-06-30,Egen opsigelse
				""".getBytes(StandardCharsets.UTF_8));
		assertThat(List.of(unit(words, "F").level(), unit(words, "E").level(), unit(words, "G").level(),
				unit(words, "D").level()))
			.containsExactly(UnitLevel.DEPARTMENT, UnitLevel.UNIT, UnitLevel.TEAM, UnitLevel.UNIT);
		assertThat(this.jdbc.sql("select end_reason from staff where organisation_id = :id order by employee_number")
			.param("id", words.id())
			.query(String.class)
			.list()).containsExactly("RESIGNED", "RETIRED", "RESIGNED");
	}

	private Organisation organisation(String code, byte[] staff) {
		Organisation organisation = this.organisations.create(code, code, Country.SE);
		load(organisation, "units", UNITS.getBytes(StandardCharsets.UTF_8));
		load(organisation, "staff", staff);
		load(organisation, "cases", CASES.getBytes(StandardCharsets.UTF_8));
		return organisation;
	}

	private List<List<Object>> workers(Organisation organisation) {
		return this.workload.figures(organisation, AT)
			.workers()
			.stream()
			.sorted(Comparator.comparing(WorkerFigures::employeeNumber))
			.map((worker) -> List.<Object>of(worker.employeeNumber(), worker.weightedLoad(), worker.capacity()))
			.toList();
	}

	private UnitFigures unit(Organisation organisation, String code) {
		return this.workload.figures(organisation, AT)
			.units()
			.stream()
			.filter((unit) -> unit.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	/** {@code figures} with the ids of {@code ids}: organisations differ in their ids. */
	private static UnitFigures withId(UnitFigures ids, UnitFigures figures) {
		return new UnitFigures(ids.unitId(), figures.code(), figures.name(), figures.level(), ids.parentId(),
				figures.headcount(), figures.fte(), figures.openCases(), figures.openInvestigations(),
				figures.investigationsPastDeadline(), figures.shareOfInvestigationsPastDeadline(),
				figures.medianDaysPastDeadline(), figures.staffPerLead(), figures.staffPerManager(),
				figures.twoHandlerViolations(), figures.turnover(), figures.weightedLoad(), figures.capacity(),
				figures.loadRatio(), figures.band(), figures.forecastFte(), figures.spread(), figures.caseFte(),
				figures.longestDaysPastDeadline());
	}

	private static byte[] swedishStaffWorkbook() throws IOException {
		return workbook((sheet) -> {
			String[] header = { "Anställningsnummer", "Namn", "Enhet", "Roll", "Tjänstgöringsgrad", "I yrket sedan",
					"Anställd från" };
			for (int i = 0; i < header.length; i++) {
				sheet.value(0, i, header[i]);
			}
			// FTE as Excel stores it: a number (100 = per cent), a cell formatted as
			// per cent (0.5 shown as 50 %), text; dates as date cells.
			Object[][] rows = { { "E1", "Alva Berg", "Utredning 1", "Socialsekreterare", 100 },
					{ "E2", "Bror Dahl", "BOU-1", "socialsekreterare", 0.5 },
					{ "E3", "Cilla Ek", "BOU", "Förste socialsekreterare", "100 %" },
					{ "E4", "Dan Ny", "Utredning 1", "Socialsekreterare", 75 } };
			LocalDate[][] dates = { { LocalDate.of(2015, 1, 1), LocalDate.of(2020, 1, 1) },
					{ LocalDate.of(2015, 1, 1), LocalDate.of(2020, 1, 1) },
					{ LocalDate.of(2010, 1, 1), LocalDate.of(2018, 1, 1) },
					{ LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1) } };
			for (int r = 0; r < rows.length; r++) {
				for (int c = 0; c < rows[r].length; c++) {
					put(sheet, r + 1, c, rows[r][c]);
				}
				sheet.value(r + 1, 5, dates[r][0]);
				sheet.value(r + 1, 6, dates[r][1]);
				sheet.style(r + 1, 5).format("yyyy-mm-dd").set();
				sheet.style(r + 1, 6).format("d/m/yyyy").set();
			}
			sheet.style(2, 4).format("0%").set();
		});
	}

	private static void put(Worksheet sheet, int row, int column, Object value) {
		switch (value) {
			case String text -> sheet.value(row, column, text);
			case Number number -> sheet.value(row, column, number);
			case LocalDate date -> sheet.value(row, column, date);
			default -> throw new IllegalArgumentException(String.valueOf(value));
		}
	}

	private static byte[] workbook(Consumer<Worksheet> fill) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		fill.accept(workbook.newWorksheet("Blad1"));
		workbook.finish();
		return out.toByteArray();
	}

	/** The workbook without its third row. */
	private static byte[] workbookWithout(byte[] file) throws IOException {
		List<List<Object>> kept = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
			for (Row row : workbook.getFirstSheet().read()) {
				if (row.getRowNum() != 3) {
					List<Object> cells = new ArrayList<>();
					row.forEach((cell) -> cells.add((cell == null) ? "" : cell.getText()));
					kept.add(cells);
				}
			}
		}
		return workbook((sheet) -> {
			for (int r = 0; r < kept.size(); r++) {
				for (int c = 0; c < kept.get(r).size(); c++) {
					sheet.value(r, c, String.valueOf(kept.get(r).get(c)));
				}
			}
			// The date went through as Excel's serial number; write it as a date again.
			sheet.value(1, 5, LocalDate.of(2020, 1, 1));
			sheet.style(1, 5).format("yyyy-mm-dd").set();
			sheet.value(1, 4, 1);
		});
	}

	private byte[] template(String kind, String format, Locale locale) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/workload/imports/template").param("kind", kind)
				.param("format", format)
				.locale(locale)
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains(kind + "-template." + format);
		return result.getResponse().getContentAsByteArray();
	}

	private List<String> templateHeaders(String kind, String format, Locale locale) throws Exception {
		byte[] body = template(kind, format, locale);
		if (format.equals("csv")) {
			String text = new String(body, StandardCharsets.UTF_8);
			assertThat(text).startsWith("\uFEFF").endsWith("\r\n");
			return List.of(text.substring(1).strip().split(locale.equals(Locale.ENGLISH) ? "," : ";"));
		}
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(1);
			return rows.getFirst().stream().map((cell) -> cell.getText()).toList();
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private int load(Organisation organisation, String kind, byte[] file) {
		return this.imports.run(organisation.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(file));
	}

	private int load(Organisation organisation, String kind, String csv) {
		return load(organisation, kind, csv.getBytes(StandardCharsets.UTF_8));
	}

	private List<ImportProblem> refused(Organisation organisation, String kind, String csv) {
		return refused(organisation, kind, csv.getBytes(StandardCharsets.UTF_8));
	}

	private List<ImportProblem> refused(Organisation organisation, String kind, byte[] file) {
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> load(organisation, kind, file));
		assertThat(refused).as("the import is refused").isNotNull();
		return refused.problems().list();
	}

	private static ImportProblem single(List<ImportProblem> problems) {
		assertThat(problems).hasSize(1);
		return problems.getFirst();
	}

	private String message(ImportProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageKey(), problem.args().toArray(), locale);
	}

}
