package bryt.workload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import bryt.BrytTest;
import bryt.organisation.Country;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.TestAccounts;
import bryt.shared.imports.ImportProblem;
import bryt.shared.imports.ImportRecord;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a review found left of issue 12's imports (item 5): a missing column named as the
 * template names it, alike on the page, in the API and on the command line; units by code
 * or exact name in case files; a spreadsheet's column by its letter in the API.
 */
@BrytTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportsLeftOfIssue12Tests {

	private static final Locale SV = Locale.of("sv");

	private static final Locale DA = Locale.of("da");

	private static final String API = "/api/v1/organisations/exempelby";

	/** Two teams share a name; a unit is named as another's code. */
	private static final String UNITS = """
			code,name,parent,level
			SOC,Socialtjänsten,,department
			BOU,Barn och unga,SOC,unit
			BOU-1,Utredning 1,BOU,team
			BOU-2,Utredning,BOU,team
			BOU-3,Utredning,BOU,team
			ALT,BOU-2,BOU,team
			""";

	private static final String STAFF = """
			employee_number,name,unit,role,fte,experience_start,employment_start
			E1,Alva Berg,BOU-1,social_worker,1,2015-01-01,2020-01-01
			""";

	/** The Swedish staff file, without its employee numbers. */
	private static final String NO_NUMBERS = """
			Namn;Enhet;Roll;Tjänstgöringsgrad;Anställd från
			Alva Berg;BOU-1;socialsekreterare;100 %;2020-01-01
			""";

	@Autowired
	private Imports imports;

	@Autowired
	private Organisations organisations;

	@Autowired
	private MessageSource messages;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private ImportCommand command;

	@Autowired
	private JdbcClient jdbc;

	private Organisation org;

	private String token;

	@BeforeAll
	void createOrganisation() throws Exception {
		this.org = this.organisations.create("left-imports", "Kvarstående kommun", Country.SE);
		load("units", UNITS);
		load("staff", STAFF);
		this.token = ApiTokenPage.create(this.mvc, this.accounts, "left imports");
	}

	/**
	 * Brief item 1: "saknar kolumnen employee_number" named the column by Bryt's English
	 * key in Swedish and Danish. Now the column a file lacks is named as the template in
	 * the user's language names it, Bryt's key after it, and the message lists every
	 * header accepted for it, on the page, in the API and on the command line alike.
	 */
	@Test
	void aMissingColumnIsNamedAsTheTemplateNamesItInTheUsersLanguageEverywhere() throws Exception {
		String accepted = "employee_number, anstallningsnummer, anst_nr, personalnummer, medarbejdernummer, "
				+ "medarbejdernr, loennummer";
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
				() -> load("staff", NO_NUMBERS));
		assertThat(refused.problems().list())
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code)
			.containsExactly(tuple(1L, 0, "employee_number", "missingColumn"));
		ImportProblem problem = refused.problems().list().getFirst();
		assertThat(message(problem, SV))
			.isEqualTo("Den här obligatoriska kolumnen saknas. Ge den mallens rubrik " + "eller en av: " + accepted
					+ " (stora och små bokstäver, accenter, mellanslag och bindestreck spelar ingen roll).");
		assertThat(message(problem, DA))
			.isEqualTo("Denne obligatoriske kolonne mangler. Giv den skabelonens " + "overskrift eller en af: "
					+ accepted + " (store og små bogstaver, accenter, mellemrum og bindestreger er ligegyldige).");
		assertThat(message(problem, Locale.ENGLISH)).isEqualTo("This required column is missing. Name it as the "
				+ "template does or as one of: " + accepted + " (capitals, accents, spaces and hyphens aside).");

		// The page, in Swedish.
		String page = this.mvc
			.perform(multipart("/workload/imports")
				.file(new MockMultipartFile("file", "personal.csv", "text/csv", bytes(NO_NUMBERS)))
				.param("kind", "staff")
				.locale(SV)
				.with(user(TestAccounts.of(this.org.id(), Role.HR)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("<td class=\"govuk-table__cell\" role=\"cell\" data-label=\"Kolumnnamn\">"
					+ "Anställningsnummer (employee_number)</td>")
			.contains("en av: " + accepted)
			.doesNotContain("kolumnen employee_number");

		// The API, in Danish.
		this.mvc
			.perform(post(API + "/imports/staff").contentType("text/csv")
				.content(bytes(NO_NUMBERS))
				.header("Accept-Language", "da")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].columnName").value("Medarbejdernummer (employee_number)"))
			.andExpect(jsonPath("$.problems[0].message").value(message(problem, DA)));

		// The command line, in English.
		Path file = Files.createDirectories(Path.of("target", "left-imports")).resolve("staff-no-numbers.csv");
		Files.writeString(file, NO_NUMBERS);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = this.command.run(List.of("--org", "left-imports", "--kind", "staff", file.toString()),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isOne();
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
				"staff-no-numbers.csv:1:0 (Employee number (employee_number)): This required column is missing.");
	}

	/**
	 * Brief item 2: case files took units by code only. Now, as staff files: by code
	 * first, else by a name exactly one unit has; a shared name is refused naming the
	 * units' codes.
	 */
	@Test
	void aCaseFileTakesAUnitByCodeOrExactNameAndRefusesAnAmbiguousName() {
		assertThat(load("cases", """
				case_ref,case_type,unit,opened
				L-1,EKB,Utredning 1,2026-01-10
				L-2,EKB,BOU-2,2026-01-10
				L-3,EKB,BOU-1,2026-01-10
				""")).isEqualTo(3);
		// "BOU-2" is a code and also ALT's name: the code wins.
		assertThat(this.jdbc.sql("""
				select c.case_ref, u.code from case_file c join unit u on u.id = c.unit_id
				where c.organisation_id = :org and c.case_ref like 'L-%' order by c.case_ref
				""").param("org", this.org.id()).query((rs, row) -> rs.getString(1) + "=" + rs.getString(2)).list())
			.containsExactly("L-1=BOU-1", "L-2=BOU-2", "L-3=BOU-1");
		ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> load("cases", """
				case_ref;case_type;enhet;opened
				M-1;EKB;Utredning;2026-01-10
				M-2;EKB;Ingenstans;2026-01-10
				"""));
		assertThat(refused.problems().list())
			.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::columnName, ImportProblem::code,
					ImportProblem::args)
			.containsExactly(tuple(2L, 3, "enhet", "ambiguousUnit", List.of("BOU-2, BOU-3")),
					tuple(3L, 3, "enhet", "unknownUnit", List.of()));
		assertThat(message(refused.problems().list().getFirst(), SV))
			.isEqualTo("Flera enheter heter så (koderna BOU-2, BOU-3); ange enhetens kod i stället.");
		assertThat(this.jdbc.sql("select count(*) from case_file where organisation_id = :org and case_ref like 'M-%'")
			.param("org", this.org.id())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Brief item 4: the API gave a spreadsheet's column as a number. Now as the page: the
	 * letter ("D"), with the number beside it for programs; a CSV file's column stays a
	 * number.
	 */
	@Test
	void theApiNamesASpreadsheetsColumnByItsLetter() throws Exception {
		byte[] xlsx = workbook((sheet) -> {
			String[] header = { "Anställningsnummer", "Namn", "Enhet", "Roll", "Tjänstgöringsgrad", "Anställd från" };
			String[] row = { "X1", "A", "BOF", "Boss", "1", "2020-01-01" };
			for (int i = 0; i < header.length; i++) {
				sheet.value(0, i, header[i]);
				sheet.value(1, i, row[i]);
			}
		});
		this.mvc
			.perform(multipart(API + "/imports/staff")
				.file(new MockMultipartFile("file", "personal.xlsx", "application/octet-stream", xlsx))
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.spreadsheet").value(true))
			.andExpect(jsonPath("$.problems[0].line").value(2))
			.andExpect(jsonPath("$.problems[0].column").value("D"))
			.andExpect(jsonPath("$.problems[0].columnNumber").value(4))
			.andExpect(jsonPath("$.problems[0].columnName").value("Roll"))
			.andExpect(jsonPath("$.problems[0].code").value("oneOf"));
		this.mvc
			.perform(post(API + "/imports/staff").contentType("text/csv")
				.content("employee_number,name,unit,role,fte,employment_start\nX1,A,BOF,Boss,1,2020-01-01\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.spreadsheet").value(false))
			.andExpect(jsonPath("$.problems[0].column").value(4))
			.andExpect(jsonPath("$.problems[0].columnNumber").value(4));
	}

	/**
	 * Brief item 5: an API import was recorded as "api-token-N", and a workbook sent as
	 * the request's body as staff.csv. Now under the token's name, and as what the file
	 * is.
	 */
	@Test
	void anApiImportIsRecordedUnderItsTokensNameAndAWorkbookAsAWorkbook() throws Exception {
		long demo = this.organisations.findByCode("exempelby").orElseThrow().id();
		byte[] xlsx = workbook((sheet) -> {
			String[] header = { "employee_number", "name", "unit", "role", "fte", "employment_start" };
			String[] row = { "X2", "A", "BOF", "Boss", "1", "2020-01-01" };
			for (int i = 0; i < header.length; i++) {
				sheet.value(0, i, header[i]);
				sheet.value(1, i, row[i]);
			}
		});
		this.mvc
			.perform(post(API + "/imports/staff").contentType("application/octet-stream")
				.content(xlsx)
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.imports.history(demo, 1))
			.extracting((entry) -> entry.actor().kind(), (entry) -> entry.actor().name(), ImportRecord::fileName,
					ImportRecord::refusal)
			.containsExactly(tuple("api", "left imports", "staff.xlsx", "oneOf"));
		this.mvc
			.perform(post(API + "/imports/staff").contentType("text/csv")
				.content("employee_number,name,unit,role,fte,employment_start\nX2,A,BOF,Boss,1,2020-01-01\n")
				.header("Authorization", "Bearer " + this.token))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.imports.history(demo, 1)).extracting(ImportRecord::fileName).containsExactly("staff.csv");
	}

	/**
	 * Brief item 5: templates were named in English in sv and da, and the Excel template
	 * let Excel turn what is typed into numbers (an employee number's leading zeros
	 * lost). Now the name is in the user's language (RFC 6266's filename*, with the ASCII
	 * name for older clients) and every column of the workbook is formatted as text.
	 */
	@Test
	void templatesAreNamedInTheUsersLanguageAndTheirColumnsAreText() throws Exception {
		assertThat(templateDisposition("staff", "xlsx", SV))
			.isEqualTo("attachment; filename=\"staff-template.xlsx\"; filename*=UTF-8''Personal-mall.xlsx");
		assertThat(templateDisposition("cases", "csv", SV))
			.isEqualTo("attachment; filename=\"cases-template.csv\"; filename*=UTF-8''%C3%84renden-mall.csv");
		assertThat(templateDisposition("staff", "csv", DA))
			.isEqualTo("attachment; filename=\"staff-template.csv\"; filename*=UTF-8''Medarbejdere-skabelon.csv");
		assertThat(templateDisposition("units", "xlsx", Locale.ENGLISH))
			.isEqualTo("attachment; filename=\"units-template.xlsx\"; filename*=UTF-8''Units-template.xlsx");
		byte[] xlsx = this.mvc
			.perform(get("/workload/imports/template").param("kind", "staff")
				.param("format", "xlsx")
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
		String styles = entry(xlsx, "xl/styles.xml");
		// Each of the ten columns (employee number, name, unit, role, FTE, experience
		// start, employment start, end date, end reason, work e-mail) has a style of its
		// own whose number format is text (Excel's built-in format 49, "@").
		java.util.regex.Matcher cols = java.util.regex.Pattern.compile("<col [^>]*min=\"(\\d+)\"[^>]*>").matcher(sheet);
		List<Integer> styled = new java.util.ArrayList<>();
		while (cols.find()) {
			assertThat(cols.group()).contains("style=\"");
			styled.add(Integer.valueOf(cols.group(1)));
		}
		assertThat(styled).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(styles).containsPattern("numFmtId=\"49\"|formatCode=\"@\"");
	}

	private String templateDisposition(String kind, String format, Locale locale) throws Exception {
		return this.mvc
			.perform(get("/workload/imports/template").param("kind", kind)
				.param("format", format)
				.locale(locale)
				.with(user(TestAccounts.of(this.org.id(), Role.HR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition");
	}

	/** One part of a workbook, read through its central directory as Excel reads it. */
	private static String entry(byte[] zip, String name) throws IOException {
		Path file = Files.createDirectories(Path.of("target", "left-imports")).resolve("template.xlsx");
		Files.write(file, zip);
		try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(file.toFile())) {
			java.util.zip.ZipEntry entry = workbook.getEntry(name);
			assertThat(entry).as(name).isNotNull();
			return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private int load(String kind, String csv) {
		return this.imports.run(this.org.id(), this.imports.kind(kind), kind + ".csv",
				new ByteArrayInputStream(bytes(csv)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String message(ImportProblem problem, Locale locale) {
		return this.messages.getMessage(problem.messageKey(), problem.args().toArray(), locale);
	}

	private static byte[] workbook(Consumer<Worksheet> fill) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		fill.accept(workbook.newWorksheet("Blad1"));
		workbook.finish();
		return out.toByteArray();
	}

}
