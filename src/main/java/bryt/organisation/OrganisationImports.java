package bryt.organisation;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import bryt.shared.imports.Column;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportProblems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of the unit tree and of staff from CSV exports of HR systems. A file is read
 * and checked completely before anything is written; then it is written in the
 * transaction {@link bryt.shared.imports.Imports#run} opens (it refuses to run outside
 * one). Rows are matched by unit code and employee number, and only what differs is
 * changed, so importing the same file twice changes nothing.
 */
@Service
class OrganisationImports {

	static final List<Column> UNIT_COLUMNS = List.of(Column.required("code", "kod", "kode", "enhetskod", "enhedskode"),
			Column.required("name", "namn", "navn", "benamning"),
			Column.optional("parent", "overordnad", "overordnet", "parent_code", "ingar_i", "del_af"),
			Column.required("level", "niva", "niveau"));

	static final List<Column> STAFF_COLUMNS = List.of(
			Column.required("employee_number", "anstallningsnummer", "anst_nr", "personalnummer", "medarbejdernummer",
					"medarbejdernr", "loennummer"),
			Column.required("name", "namn", "navn"),
			Column.required("unit", "enhet", "enhed", "enhetskod", "enhedskode"),
			Column.required("role", "roll", "befattning", "rolle", "stilling"),
			Column.required("fte", "tjanstgoringsgrad", "sysselsattningsgrad", "beskaeftigelsesgrad", "arbejdstid"),
			Column.optional("experience_start", "i_yrket_sedan", "erfarenhet_fran", "erfaring_fra", "i_faget_siden"),
			Column.required("employment_start", "anstalld_fran", "anstallningsdatum", "ansat_fra", "ansaettelsesdato"),
			Column.optional("end_date", "slutdatum", "sista_dag", "fratraedelsesdato", "slutdato"),
			Column.optional("end_reason", "avgangsorsak", "orsak", "fratraedelsesarsag", "arsag"),
			// A work address for survey invitations (issue 13); without one, a paper
			// code.
			Column.optional("email", "e_post", "epost", "arbetsmail", "e_mail", "mail", "arbejdsmail"));

	/**
	 * Enough of an address to mail: one @ with something on each side and a dot after.
	 */
	/** A work e-mail address, as the staff import and the staff page take it. */
	static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final UnitRepository units;

	private final StaffRepository staff;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganisationImports(UnitRepository units, StaffRepository staff, ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.staff = staff;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	int importUnits(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		List<UnitRow> rows = new ArrayList<>();
		CsvImportReader.read(csv, UNIT_COLUMNS, problems,
				(row) -> rows.add(new UnitRow(row, row.requiredText("code", 40), row.requiredText("name", 200),
						row.optionalText("parent", 40), row.choice("level", true, ImportValueNames.LEVELS))));
		Map<String, Unit> existing = this.units.findTree(organisationId)
			.stream()
			.collect(Collectors.toMap(Unit::code, Function.identity()));
		Map<String, UnitRow> inFile = new HashMap<>();
		for (UnitRow row : rows) {
			if (row.code() != null && inFile.putIfAbsent(row.code(), row) != null) {
				row.source().problem("code", "duplicate", String.valueOf(inFile.get(row.code()).source().line()));
			}
		}
		for (UnitRow row : rows) {
			if (row.level() == null) {
				continue;
			}
			if (row.level() == UnitLevel.DEPARTMENT) {
				if (row.parent() != null) {
					row.source().problem("parent", "departmentHasParent");
				}
				continue;
			}
			if (row.parent() == null) {
				row.source().problem("parent", "required");
				continue;
			}
			UnitLevel parentLevel = inFile.containsKey(row.parent()) ? inFile.get(row.parent()).level()
					: (existing.containsKey(row.parent()) ? existing.get(row.parent()).level() : null);
			if (!inFile.containsKey(row.parent()) && !existing.containsKey(row.parent())) {
				row.source().problem("parent", "unknownUnit");
			}
			else if (parentLevel != null && !row.level().mayBeChildOf(parentLevel)) {
				row.source().problem("parent", "levelOrder");
			}
		}
		problems.refuseIfAny();
		Map<String, Long> ids = new HashMap<>();
		existing.forEach((code, unit) -> ids.put(code, unit.id()));
		int changed = 0;
		for (UnitRow row : rows) {
			if (!ids.containsKey(row.code())) {
				ids.put(row.code(), this.units.create(organisationId, row.code(), row.name(), row.level(), null));
				changed++;
			}
		}
		for (UnitRow row : rows) {
			Long parentId = (row.parent() != null) ? ids.get(row.parent()) : null;
			Unit current = existing.get(row.code());
			boolean same = current != null && current.name().equals(row.name()) && current.level() == row.level()
					&& Objects.equals(current.parentId(), parentId);
			if (!same) {
				this.units.update(organisationId, ids.get(row.code()), row.code(), row.name(), row.level(), parentId);
				changed += (current != null) ? 1 : 0;
			}
		}
		this.events.publishEvent(new OrganisationChanged(organisationId));
		return changed;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	int importStaff(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		// HR systems often export the unit's name rather than its code.
		UnitLookup units = new UnitLookup(this.units.findTree(organisationId));
		List<StaffRow> rows = new ArrayList<>();
		CsvImportReader.read(csv, STAFF_COLUMNS, problems, (row) -> {
			String unitCode = row.requiredText("unit", 200);
			Long unitId = (unitCode != null) ? units.id(unitCode, row, "unit", problems) : null;
			StaffForm form = new StaffForm(row.requiredText("employee_number", 40), row.requiredText("name", 200),
					unitId, row.choice("role", true, StaffRoleNames.NAMES), row.share("fte", true),
					row.date("experience_start", false), row.date("employment_start", true),
					row.date("end_date", false), row.choice("end_reason", false, ImportValueNames.END_REASONS));
			if (form.endDate() != null && row.text("end_reason") == null) {
				row.problem("end_reason", "required");
			}
			if (form.endReason() != null && form.endDate() == null && row.text("end_date") == null) {
				row.problem("end_date", "required");
			}
			if (!form.isEndDateAfterStart()) {
				row.problem("end_date", "beforeStart");
			}
			String email = row.optionalText("email", 254);
			if (email != null && !EMAIL.matcher(email).matches()) {
				row.problem("email", "email");
				email = null;
			}
			rows.add(new StaffRow(row, form, email));
		});
		Map<String, StaffRow> inFile = new HashMap<>();
		for (StaffRow row : rows) {
			String number = row.form().employeeNumber();
			if (number != null && inFile.putIfAbsent(number, row) != null) {
				row.source()
					.problem("employee_number", "duplicate", String.valueOf(inFile.get(number).source().line()));
			}
		}
		problems.refuseIfAny();
		Map<String, StaffMember> existing = this.staff.findAll(organisationId)
			.stream()
			.collect(Collectors.toMap(StaffMember::employeeNumber, Function.identity()));
		LocalDate today = LocalDate.now(this.clock);
		Map<Long, String> emails = this.staff.workEmails(organisationId);
		int changed = 0;
		for (StaffRow row : rows) {
			StaffMember current = existing.get(row.form().employeeNumber());
			long id;
			boolean rowChanged = false;
			if (current == null) {
				id = this.staff.create(organisationId, row.form());
				rowChanged = true;
			}
			else {
				id = current.id();
				if (!StaffForm.of(current).equals(normalised(row.form()))) {
					this.staff.update(organisationId, current.id(), row.form(), today);
					rowChanged = true;
				}
			}
			// An address is set or replaced, never cleared by a file without one: a file
			// from a system that has no addresses must not remove those given before.
			if (row.email() != null && !row.email().equals(emails.get(id))) {
				this.staff.setWorkEmail(organisationId, id, row.email());
				rowChanged = true;
			}
			if (rowChanged) {
				changed++;
			}
		}
		this.events.publishEvent(new OrganisationChanged(organisationId));
		return changed;
	}

	/**
	 * FTE as the database stores it (three decimals), so that equal values compare equal.
	 */
	private static StaffForm normalised(StaffForm form) {
		return new StaffForm(form.employeeNumber(), form.name(), form.unitId(), form.role(),
				form.fte().setScale(3, java.math.RoundingMode.HALF_UP), form.experienceStart(), form.employmentStart(),
				form.endDate(), form.endReason());
	}

	private record UnitRow(CsvRow source, String code, String name, String parent, UnitLevel level) {
	}

	private record StaffRow(CsvRow source, StaffForm form, String email) {
	}

}
