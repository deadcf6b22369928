package bryt.shared.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import bryt.BrytApplication;
import bryt.BrytTest;
import bryt.shared.cli.Command;
import bryt.shared.cli.CommandLine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports and commands are plug-ins: each module declares the kinds and commands it owns
 * as beans, and the one entry ({@link Imports}, {@link CommandLine}) finds them.
 */
@BrytTest
class ImportsTests {

	@Autowired
	private Imports imports;

	@Autowired
	private List<Command> commands;

	@Autowired
	private MessageSource messages;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void eachModuleRegistersTheKindsItOwnsInTheOrderAnOrganisationImportsThem() {
		assertThat(this.imports.kinds()).extracting(ImportKind::name, (kind) -> kind.getClass().getPackageName())
			.containsExactly(tuple("case-types", "bryt.workload"), tuple("units", "bryt.organisation"),
					tuple("staff", "bryt.organisation"), tuple("cases", "bryt.workload"),
					tuple("absence", "bryt.overview"),
					// ov-report: Kolada's key figures (issue 15 item 5), last
					tuple("kolada", "bryt.overview"));
	}

	@Test
	void everyKindHasANameInEveryLanguage() {
		for (ImportKind kind : this.imports.kinds()) {
			for (Locale locale : List.of(Locale.ENGLISH, Locale.of("sv"), Locale.of("da"))) {
				assertThat(this.messages.getMessage(kind.messageKey(), null, locale))
					.as("%s in %s", kind.name(), locale)
					.isNotBlank();
			}
		}
	}

	@Test
	void anUnknownKindIsRefusedNamingTheKindsThereAre() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.imports.kind("sick-notes"))
			.withMessage("Unknown import kind sick-notes; expected case-types, units, staff, cases, absence or kolada");
	}

	/**
	 * A kind or a file named like a personal identity number: the name is neither shown
	 * back nor kept (found by the review of the running jar).
	 */
	@Test
	void aNameLikeAnIdentityNumberIsNotEchoed() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.imports.kind("19121212-1212"))
			.withMessage("Unknown import kind; expected case-types, units, staff, cases, absence or kolada");
		assertThat(Imports.fileName("19121212-1212.csv", "staff.csv")).isEqualTo("staff.csv");
		assertThat(Imports.fileName("191212121212.csv", "staff.csv")).isEqualTo("staff.csv");
		assertThat(Imports.fileName(null, "staff.csv")).isEqualTo("staff.csv");
		assertThat(Imports.fileName("personal 2026.csv", "staff.csv")).isEqualTo("personal 2026.csv");
	}

	@Test
	void theImportPageOffersEachRoleTheKindsItMayImport() {
		assertThat(this.imports.kindsFor(Set.of("ROLE_HR"))).hasSize(5);
		// ov-report: administrators also import Kolada's key figures
		assertThat(this.imports.kindsFor(Set.of("ROLE_ADMINISTRATOR", "ROLE_STAFF"))).hasSize(6);
		assertThat(this.imports.kindsFor(Set.of("ROLE_MANAGER", "ROLE_STAFF"))).isEmpty();
	}

	@Test
	void theImportPageListsTheRegisteredKindsUnderTheirNamesAndInTheUsersLanguage() throws Exception {
		this.mvc
			.perform(
					get("/workload/imports").locale(Locale.of("sv")).with(user(this.accounts.loadUserByUsername("hr"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"case-types\">Ärendetyper</option>")))
			.andExpect(content().string(containsString("<option value=\"units\">Enheter</option>")))
			.andExpect(content().string(containsString("<option value=\"staff\">Personal</option>")))
			.andExpect(content().string(containsString("<option value=\"cases\">Ärenden</option>")));
	}

	@Test
	void theCommandLineKnowsTheRegisteredCommandsBeforeTheContextExists() {
		assertThat(CommandLine.commands(BrytApplication.class))
			.containsExactlyInAnyOrderElementsOf(this.commands.stream().map(Command::name).toList())
			.containsExactlyInAnyOrder("organisation", "import", "workload", "generate", "report", "overview");
	}

	@Test
	void aNewModulePlugsInAKindWithOneBean() {
		ImportKind absence = new Kind("absence", 35, Set.of("HR"));
		Imports withAbsence = new Imports(
				List.of(new Kind("cases", 40, Set.of("HR")), absence, new Kind("units", 20, Set.of("ADMINISTRATOR"))),
				null, null, null);
		assertThat(withAbsence.kinds()).extracting(ImportKind::name).containsExactly("units", "absence", "cases");
		assertThat(withAbsence.kind("absence")).isSameAs(absence);
		assertThat(absence.messageKey()).isEqualTo("imports.kind.ABSENCE");
		assertThat(withAbsence.kindsFor(Set.of("ROLE_ADMINISTRATOR"))).extracting(ImportKind::name)
			.containsExactly("units");
		assertThatIllegalArgumentException().isThrownBy(() -> withAbsence.kind("staff"))
			.withMessage("Unknown import kind staff; expected units, absence or cases");
		assertThatIllegalStateException()
			.isThrownBy(() -> new Imports(List.of(absence, new Kind("absence", 1, Set.of())), null, null, null))
			.withMessage("Two import kinds are called absence");
	}

	private record Kind(String name, int order, Set<String> roles) implements ImportKind {

		@Override
		public List<Column> columns() {
			return List.of(Column.required("employee_number"));
		}

		@Override
		public int importFile(long organisationId, String fileName, InputStream csv) {
			return 0;
		}

	}

}
