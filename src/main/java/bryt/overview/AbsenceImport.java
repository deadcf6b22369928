package bryt.overview;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Unit;
import bryt.overview.AbsenceRepository.AbsenceMonth;
import bryt.shared.imports.Column;
import bryt.shared.imports.CsvHeader;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblems;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports sick leave per unit and month ({@code absence}), never per person: sick leave
 * is health data, and a row about a person has no place in Bryt. Columns: {@code unit}
 * (its code), {@code month} (yyyy-mm), {@code employees} (how many the month counts),
 * {@code possible_hours} (the hours that could have been worked), and either
 * {@code short_hours} and {@code long_hours} (sick-leave hours of spells' days 1–14 and
 * from day 15) or {@code short_share} and {@code long_share} (the same as shares of the
 * possible hours: 0.043, 0,043 or 4.3 %). A file with a column that names or numbers a
 * person (an employee number, a name, an identity number) is refused whole, as is any
 * cell holding an identity number (by line and column, never by value). A new import of a
 * unit's month replaces it. A unit and a unit above or below it cannot both have the same
 * month: the overview sums a unit's figures over the units below it.
 */
@Component
class AbsenceImport implements ImportKind {

	static final List<Column> COLUMNS = List.of(Column.required("unit", "enhet", "enhed", "unit_code", "enhetskod"),
			Column.required("month", "månad", "måned", "period"),
			Column.required("employees", "anställda", "ansatte", "antal_anställda", "antal_ansatte"),
			Column.required("possible_hours", "möjliga timmar", "mulige timer", "arbetstid_timmar"),
			Column.optional("short_hours", "korttidsfrånvaro timmar", "short-term sick leave hours",
					"korttidsfravær timer", "kort fravær timer"),
			Column.optional("long_hours", "långtidsfrånvaro timmar", "long-term sick leave hours",
					"langtidsfravær timer", "langt fravær timer"),
			Column.optional("short_share", "korttidsfrånvaro andel", "short-term sick leave share",
					"korttidsfravær andel", "kort fravær andel"),
			Column.optional("long_share", "långtidsfrånvaro andel", "long-term sick leave share",
					"langtidsfravær andel", "langt fravær andel"));

	/**
	 * Columns that would hold a person, not a unit: their presence refuses the file.
	 * Compared as any column's name is.
	 */
	static final List<Column> PERSON_COLUMNS = List.of(
			Column.optional("employee_number", "anställningsnummer", "anst_nr", "medarbejdernummer", "medarbejdernr",
					"lønnummer", "employee_id", "employee"),
			Column.optional("name", "namn", "navn", "first_name", "förnamn", "fornavn", "last_name", "efternamn",
					"efternavn", "full_name", "person"),
			Column.optional("personal_identity_number", "personnummer", "personnr", "samordningsnummer", "cpr",
					"cpr_nummer", "cpr_nr", "ssn"),
			Column.optional("email", "e_post", "e_mail", "mail"));

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

	private static final BigDecimal MAX_HOURS = new BigDecimal("100000000");

	private final AbsenceRepository repository;

	private final Organisations organisations;

	private final Clock clock;

	AbsenceImport(AbsenceRepository repository, Organisations organisations, Clock clock) {
		this.repository = repository;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "absence";
	}

	@Override
	public Set<String> roles() {
		return Role.IMPORTERS;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	/** After the units it names. */
	@Override
	public int order() {
		return 50;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int importFile(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		Map<String, Unit> units = new HashMap<>();
		List<Unit> all = this.organisations.units(organisationId);
		all.forEach((unit) -> units.put(unit.code(), unit));
		YearMonth current = YearMonth.now(this.clock);
		List<AbsenceMonth> rows = new ArrayList<>();
		Map<String, Long> lines = new HashMap<>();
		List<Column> read = new ArrayList<>(COLUMNS);
		read.addAll(PERSON_COLUMNS);
		CsvHeader header = CsvImportReader.read(csv, read, problems, (row) -> {
			String code = row.requiredText("unit", 40);
			Unit unit = (code != null) ? units.get(code) : null;
			if (code != null && unit == null) {
				row.problem("unit", "absence.unknownUnit");
			}
			YearMonth month = null;
			String monthText = row.requiredText("month", 20);
			if (monthText != null) {
				try {
					month = YearMonth.parse(monthText.strip(), MONTH);
					if (month.isAfter(current)) {
						row.problem("month", "absence.futureMonth");
						month = null;
					}
				}
				catch (DateTimeParseException ex) {
					row.problem("month", "absence.month");
				}
			}
			if (unit != null && month != null && lines.putIfAbsent(unit.id() + "/" + month, row.line()) != null) {
				row.problem("unit", "absence.duplicate", String.valueOf(lines.get(unit.id() + "/" + month)));
			}
			Integer employees = row.integer("employees", true, 0, 1_000_000);
			BigDecimal possible = row.decimal("possible_hours", true, new BigDecimal("0.01"), MAX_HOURS);
			boolean hours = row.text("short_hours") != null || row.text("long_hours") != null;
			boolean shares = row.text("short_share") != null || row.text("long_share") != null;
			BigDecimal shortHours = null;
			BigDecimal longHours = null;
			if (hours && shares) {
				row.problem("short_share", "absence.hoursOrShares");
			}
			else if (hours) {
				shortHours = row.decimal("short_hours", true, BigDecimal.ZERO, MAX_HOURS);
				longHours = row.decimal("long_hours", true, BigDecimal.ZERO, MAX_HOURS);
			}
			else if (shares) {
				BigDecimal shortShare = share(row, "short_share");
				BigDecimal longShare = share(row, "long_share");
				if (possible != null && shortShare != null && longShare != null) {
					shortHours = possible.multiply(shortShare).setScale(2, RoundingMode.HALF_UP);
					longHours = possible.multiply(longShare).setScale(2, RoundingMode.HALF_UP);
				}
			}
			else {
				row.problem("short_hours", "absence.noFigures");
			}
			if (possible != null && shortHours != null && longHours != null
					&& shortHours.add(longHours).compareTo(possible) > 0) {
				row.problem(hours ? "long_hours" : "long_share", "absence.moreThanPossible");
				shortHours = null;
			}
			if (unit != null && month != null && employees != null && possible != null && shortHours != null
					&& longHours != null) {
				rows.add(new AbsenceMonth(unit.id(), month.atDay(1), employees, possible, shortHours, longHours));
			}
		});
		if (header != null) {
			for (Column person : PERSON_COLUMNS) {
				int column = header.column(person.name());
				if (column > 0) {
					// The header passed the identity number guard: its name may be shown.
					problems.add(1, column, header.name(person.name()), "absence.personColumn");
				}
			}
		}
		if (header != null) {
			overlaps(rows, all, lines, header.column("unit"), header.name("unit"), problems);
			storedOverlaps(organisationId, rows, all, lines, header.column("unit"), header.name("unit"), problems);
		}
		problems.refuseIfAny();
		for (AbsenceMonth row : rows) {
			this.repository.put(organisationId, row, this.clock.instant());
		}
		return rows.size();
	}

	/**
	 * A share of the possible hours: 0.043, 0,043 or 4.3 % (a number above 1 without a
	 * per cent sign is taken as a percentage, as 4.3); from 0 to 100 %.
	 */
	private static BigDecimal share(CsvRow row, String column) {
		String text = row.text(column);
		if (text == null) {
			row.problem(column, "required");
			return null;
		}
		String compact = text.replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.');
		boolean percent = compact.endsWith("%");
		try {
			BigDecimal number = new BigDecimal(percent ? compact.substring(0, compact.length() - 1) : compact);
			BigDecimal share = (percent || number.compareTo(BigDecimal.ONE) > 0)
					? number.divide(BigDecimal.valueOf(100)) : number;
			if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
				row.problem(column, "range", "0 %", "100 %");
				return null;
			}
			return share;
		}
		catch (NumberFormatException ex) {
			row.problem(column, "absence.share");
			return null;
		}
	}

	/**
	 * A unit's month whose unit above or below has the same month from an earlier import
	 * (that this file does not replace) would be counted twice, as in one file.
	 */
	private void storedOverlaps(long organisationId, List<AbsenceMonth> rows, List<Unit> units, Map<String, Long> lines,
			int column, String columnName, ImportProblems problems) {
		if (rows.isEmpty()) {
			return;
		}
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, String> codes = new HashMap<>();
		units.forEach((unit) -> {
			parents.put(unit.id(), unit.parentId());
			codes.put(unit.id(), unit.code());
		});
		LocalDate first = rows.stream().map(AbsenceMonth::month).min(Comparator.naturalOrder()).get();
		LocalDate last = rows.stream().map(AbsenceMonth::month).max(Comparator.naturalOrder()).get();
		Set<String> given = new HashSet<>();
		rows.forEach((row) -> given.add(row.unitId() + "/" + row.month()));
		Map<String, Long> stored = new HashMap<>();
		for (AbsenceMonth row : this.repository.months(organisationId, first, last)) {
			if (!given.contains(row.unitId() + "/" + row.month())) {
				stored.put(row.unitId() + "/" + row.month(), row.unitId());
			}
		}
		for (AbsenceMonth row : rows) {
			Long line = lines.get(row.unitId() + "/" + YearMonth.from(row.month()));
			// a stored month above this unit
			Set<Long> seen = new HashSet<>();
			for (Long parent = parents.get(row.unitId()); parent != null
					&& seen.add(parent); parent = parents.get(parent)) {
				if (stored.containsKey(parent + "/" + row.month())) {
					problems.add(line, column, columnName, "absence.overlapStored", codes.get(parent));
				}
			}
		}
		for (Map.Entry<String, Long> entry : stored.entrySet()) {
			String month = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
			// a stored month below a unit of this file
			Set<Long> seen = new HashSet<>();
			for (Long parent = parents.get(entry.getValue()); parent != null
					&& seen.add(parent); parent = parents.get(parent)) {
				if (given.contains(parent + "/" + month)) {
					problems.add(lines.get(parent + "/" + YearMonth.from(LocalDate.parse(month))), column, columnName,
							"absence.overlapStored", codes.get(entry.getValue()));
				}
			}
		}
	}

	/**
	 * A unit and one above or below it in the same file for the same month would be
	 * counted twice where the overview sums a unit over those below it.
	 */
	private static void overlaps(List<AbsenceMonth> rows, List<Unit> units, Map<String, Long> lines, int column,
			String columnName, ImportProblems problems) {
		Map<Long, Long> parents = new HashMap<>();
		units.forEach((unit) -> parents.put(unit.id(), unit.parentId()));
		Set<String> given = new HashSet<>();
		rows.forEach((row) -> given.add(row.unitId() + "/" + YearMonth.from(row.month())));
		for (AbsenceMonth row : rows) {
			YearMonth month = YearMonth.from(row.month());
			Set<Long> seen = new HashSet<>();
			for (Long parent = parents.get(row.unitId()); parent != null
					&& seen.add(parent); parent = parents.get(parent)) {
				String key = parent + "/" + month;
				if (given.contains(key)) {
					problems.add(lines.get(row.unitId() + "/" + month), column, columnName, "absence.overlap",
							String.valueOf(lines.get(key)));
				}
			}
		}
	}

}
