package bryt.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import bryt.organisation.OrganisationCodes;
import bryt.organisation.Role;
import bryt.organisation.UnitLookup;
import bryt.shared.imports.Column;
import bryt.shared.imports.CsvHeader;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblems;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports cases from a case-management export, all or nothing, in the transaction
 * {@link bryt.shared.imports.Imports#run} opens (it refuses to run outside one).
 *
 * <p>
 * Each row is checked on its own, and its case type, unit and handlers are looked up in
 * the organisation's codes (read once per file), while the file streams into a temporary
 * table with PostgreSQL's {@code COPY}. Duplicates and linked cases are then checked with
 * one query each, and the cases are written with set-based statements: new cases, their
 * first deadlines and their handlers each in one {@code insert … select}; for cases Bryt
 * already holds, only what differs is changed. A new handler takes over from the import
 * date (the assignment history keeps the old one), a new deadline is recorded as an
 * extension.
 */
@Component
class CaseImport implements ImportKind {

	static final List<Column> COLUMNS = List.of(
			Column.required("case_ref", "arende", "arendenummer", "arende_id", "diarienummer", "sagsnummer", "sag",
					"sags_id"),
			Column.required("case_type", "arendetyp", "sagstype", "type"), Column.required("unit", "enhet", "enhed"),
			Column.required("opened", "oppnat", "oppnad", "inkommet", "startdatum", "oprettet", "abnet"),
			Column.optional("closed", "avslutat", "avslutad", "stangt", "afsluttet", "lukket"),
			Column.optional("deadline", "tidsfrist", "frist"),
			Column.optional("handler", "handlaggare", "sagsbehandler"),
			Column.optional("co_handler", "medhandlaggare", "medsagsbehandler", "handlaggare_2", "sagsbehandler_2"),
			Column.optional("complexity", "komplexitet", "kompleksitet"),
			Column.optional("linked_case", "kopplat_arende", "tidigare_arende", "tilknyttet_sag", "tidligere_sag"));

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final OrganisationCodes codes;

	private final Clock clock;

	CaseImport(DataSource dataSource, JdbcClient jdbc, OrganisationCodes codes, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.codes = codes;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "cases";
	}

	@Override
	public Set<String> roles() {
		return Role.IMPORTERS;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	/** Last: cases refer to case types, units and staff. */
	@Override
	public int order() {
		return 40;
	}

	/**
	 * @return the number of cases created or changed
	 */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int importFile(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		LocalDate today = LocalDate.now(this.clock);
		// Sorts and hashes over a file of 250,000 cases fit in memory; only for this
		// transaction.
		this.jdbc.sql("set local work_mem = '64MB'").update();
		this.jdbc.sql("""
				create temporary table import_case (
					line bigint not null, case_ref text not null, case_type_id bigint, unit_id bigint,
					opened date not null, closed date, deadline date, deadline_days integer,
					handler_id bigint, co_handler_id bigint, complexity smallint not null, linked_case text
				) on commit drop
				""").update();
		Staged staged = copyIntoStaging(csv, problems, References.of(this.jdbc, this.codes, organisationId));
		if (staged.header() != null) {
			// Also when rows had problems of their own: the report lists everything.
			checkAcrossRows(organisationId, staged, problems);
		}
		if (problems.any()) {
			problems.refuseIfAny();
		}
		int changed = write(organisationId, today, staged.anyLinked());
		if (changed > 0) {
			WorkloadSetup.bumpVersion(this.jdbc, organisationId);
		}
		return changed;
	}

	private Staged copyIntoStaging(InputStream csv, ImportProblems problems, References references) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy import_case (line, case_ref, case_type_id, unit_id, opened, closed, deadline, "
						+ "deadline_days, handler_id, co_handler_id, complexity, linked_case) from stdin");
			StagingWriter writer = new StagingWriter(copy);
			ImportProblems referenceProblems = new ImportProblems(problems.file());
			Duplicates duplicates = new Duplicates();
			boolean[] anyLinked = { false };
			CsvHeader header;
			try {
				header = CsvImportReader.read(csv, COLUMNS, problems, (row) -> {
					if (stage(row, problems, referenceProblems, references, writer, duplicates)) {
						anyLinked[0] = true;
					}
				});
				writer.flush();
			}
			finally {
				if (copy.isActive()) {
					copy.endCopy();
				}
			}
			// After the rows' own problems, in the order the checks ran before.
			problems.addAll(referenceProblems);
			return new Staged(header, anyLinked[0], duplicates);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import", ex);
		}
	}

	/**
	 * Checks one row and stages it unless it is wrong in itself.
	 * @return whether the staged row names a linked case
	 */
	private static boolean stage(CsvRow row, ImportProblems problems, ImportProblems referenceProblems,
			References references, StagingWriter writer, Duplicates duplicates) {
		long before = problems.total();
		String ref = row.requiredText("case_ref", 64);
		String type = row.requiredText("case_type", 40);
		// A unit by code or exact name, as staff files (UnitLookup).
		String unit = row.requiredText("unit", 200);
		LocalDate opened = row.date("opened", true);
		LocalDate closed = row.date("closed", false);
		LocalDate deadline = row.date("deadline", false);
		String handler = row.optionalText("handler", 40);
		String coHandler = row.optionalText("co_handler", 40);
		Integer complexity = row.integer("complexity", false, 1, 3);
		String linked = row.optionalText("linked_case", 64);
		if (opened != null && closed != null && closed.isBefore(opened)) {
			row.problem("closed", "beforeOpened");
		}
		if (handler != null && handler.equals(coHandler)) {
			row.problem("co_handler", "sameHandler");
		}
		if (coHandler != null && handler == null) {
			row.problem("handler", "requiredWithCoHandler");
		}
		if (ref != null && ref.equals(linked)) {
			row.problem("linked_case", "linkedToItself");
		}
		if (problems.total() > before) {
			// This row is wrong in itself; the other rows are still checked against the
			// organisation's codes and each other, so that the report lists everything.
			return false;
		}
		CaseTypeCode caseType = references.caseTypes().get(type);
		if (caseType == null) {
			row.problem(referenceProblems, "case_type", "unknownCaseType");
		}
		Long unitId = references.units().id(unit, row, "unit", referenceProblems);
		Long handlerId = (handler != null) ? references.staff().get(handler) : null;
		Long coHandlerId = (coHandler != null) ? references.staff().get(coHandler) : null;
		if (handler != null && handlerId == null) {
			row.problem(referenceProblems, "handler", "unknownHandler");
		}
		if (coHandler != null && coHandlerId == null) {
			row.problem(referenceProblems, "co_handler", "unknownHandler");
		}
		// Staged also with an unknown reference: duplicates and links are still checked.
		writer.row(row.line(), ref, (caseType != null) ? caseType.id() : null, unitId, opened, closed, deadline,
				(caseType != null) ? caseType.deadlineDays() : null, handlerId, coHandlerId,
				(complexity != null) ? complexity : 1, linked);
		duplicates.staged(ref, row.line());
		return linked != null;
	}

	/**
	 * Duplicate references, and linked cases that are neither in the file nor in Bryt.
	 */
	private void checkAcrossRows(long org, Staged staged, ImportProblems problems) {
		String refColumn = "case_ref";
		for (long[] duplicate : staged.duplicates().found()) {
			problems.add(duplicate[0], staged.header().column(refColumn), staged.header().name(refColumn), "duplicate",
					String.valueOf(duplicate[1]));
		}
		if (!staged.anyLinked()) {
			return;
		}
		this.jdbc
			.sql("""
					select i.line from import_case i
					where i.linked_case is not null
						and not exists (select 1 from import_case l where l.case_ref = i.linked_case)
						and not exists (select 1 from case_file c where c.organisation_id = :org and c.case_ref = i.linked_case)
					order by i.line limit 100
					""")
			.param("org", org)
			.query(Long.class)
			.list()
			.forEach((line) -> problems.add(line, staged.header().column("linked_case"),
					staged.header().name("linked_case"), "unknownCase"));
	}

	/**
	 * Writes the staged cases, which passed every check.
	 * @return how many cases were created or changed
	 */
	private int write(long org, LocalDate today, boolean anyLinked) {
		// One pass gives every row its case: the one Bryt holds under its reference, else
		// a new id from the case table's own sequence, so that the new case, its deadline
		// and its handlers are each written in one statement without looking it up again.
		this.jdbc.sql("""
				create temporary table import_row on commit drop as
				select i.*, coalesce(c.id, nextval('case_file_id_seq')) as case_id, c.id is null as new,
					null::bigint as linked_id, null::date as chain_opened
				from import_case i left join case_file c on c.organisation_id = :org and c.case_ref = i.case_ref
				""").param("org", org).update();
		this.jdbc.sql("""
				create temporary table import_current (
					case_id bigint primary key, deadline date, handler_id bigint, co_handler_id bigint,
					had_handler boolean not null, had_co_handler boolean not null
				) on commit drop
				""").update();
		this.jdbc.sql("create temporary table import_changed (case_id bigint not null) on commit drop").update();
		long existing = this.jdbc.sql("select count(*) from import_row where not new").query(Long.class).single();
		if (existing > 0) {
			this.jdbc.sql("analyze import_row").update();
			readCurrentState();
		}
		if (anyLinked) {
			this.jdbc.sql("""
					with link as (
						select i.line, coalesce(l.case_id, c.id) as linked_id
						from import_row i
						left join import_row l on l.case_ref = i.linked_case
						left join case_file c on c.organisation_id = :org and c.case_ref = i.linked_case
						where i.linked_case is not null
					)
					update import_row r set linked_id = link.linked_id from link where r.line = link.line
					""").param("org", org).update();
		}
		int created = this.jdbc
			.sql("""
					insert into case_file (id, organisation_id, case_ref, case_type_id, unit_id, opened, closed, complexity,
						linked_case_id, current_primary, current_co_handler, current_deadline, current_from)
					overriding system value
					select r.case_id, :org, r.case_ref, r.case_type_id, r.unit_id, r.opened, r.closed, r.complexity, r.linked_id,
						r.handler_id, r.co_handler_id, coalesce(r.deadline, r.opened + r.deadline_days), r.opened
					from import_row r where r.new
					""")
			.param("org", org)
			.update();
		if (existing > 0) {
			recordChanges("""
					update case_file c set case_type_id = r.case_type_id, unit_id = r.unit_id, opened = r.opened,
						closed = r.closed, complexity = r.complexity, linked_case_id = r.linked_id
					from import_row r
					where c.id = r.case_id and not r.new
						and (c.case_type_id, c.unit_id, c.opened, c.closed, c.complexity, c.linked_case_id)
							is distinct from (r.case_type_id, r.unit_id, r.opened, r.closed, r.complexity, r.linked_id)
					returning c.id as case_id
					""", Map.of());
		}
		if (anyLinked) {
			openingOfFirstLinkedCase();
		}
		writeDeadlines(org, today, existing > 0);
		writeAssignments(org, today, existing > 0);
		writeCurrentState(existing > 0, anyLinked);
		long changed = this.jdbc.sql("select count(distinct case_id) from import_changed").query(Long.class).single();
		return Math.toIntExact(created + changed);
	}

	/**
	 * The current deadline and handlers of the cases Bryt already holds, read once: joins
	 * over the file's cases rather than a lookup per row.
	 */
	private void readCurrentState() {
		this.jdbc.sql("""
				insert into import_current (case_id, deadline, handler_id, co_handler_id, had_handler, had_co_handler)
				select r.case_id, d.deadline, a.handler_id, a.co_handler_id, coalesce(a.had_handler, false),
					coalesce(a.had_co_handler, false)
				from import_row r
				left join (
					select distinct on (d.case_id) d.case_id, d.deadline
					from case_deadline d join import_row e on e.case_id = d.case_id and not e.new
					order by d.case_id, d.decided_on desc, d.deadline desc
				) d on d.case_id = r.case_id
				left join (
					select a.case_id,
						max(a.staff_id) filter (where a.primary_handler and a.valid_to is null) as handler_id,
						max(a.staff_id) filter (where not a.primary_handler and a.valid_to is null) as co_handler_id,
						bool_or(a.primary_handler) as had_handler, bool_or(not a.primary_handler) as had_co_handler
					from case_assignment a join import_row e on e.case_id = a.case_id and not e.new
					group by a.case_id
				) a on a.case_id = r.case_id
				where not r.new
				""").update();
		this.jdbc.sql("analyze import_current").update();
	}

	/**
	 * A case linked to an earlier one counts its deadline from the opening of the first
	 * case in the chain: reopening an investigation does not restart its clock.
	 */
	private void openingOfFirstLinkedCase() {
		this.jdbc.sql("""
				with recursive chain as (
					select r.line, c.opened, c.linked_case_id, 0 as depth
					from import_row r join case_file c on c.id = r.case_id
					where r.linked_id is not null
					union all
					select chain.line, p.opened, p.linked_case_id, chain.depth + 1
					from chain join case_file p on p.id = chain.linked_case_id
					where chain.depth < 50
				)
				update import_row r set chain_opened = f.opened
				from (select line, min(opened) as opened from chain group by line) f
				where f.line = r.line
				""").update();
	}

	/**
	 * The first deadline of a case is the one in the file, else its type's days from the
	 * opening of the first case in its chain. A different deadline in a later file is an
	 * extension, decided on the import date.
	 */
	private void writeDeadlines(long org, LocalDate today, boolean anyExisting) {
		String firstDeadlines = """
				insert into case_deadline (organisation_id, case_id, deadline, decided_on)
				select :org, r.case_id, coalesce(r.deadline, coalesce(r.chain_opened, r.opened) + r.deadline_days),
					r.opened
				from import_row r
				where %s and coalesce(r.deadline, coalesce(r.chain_opened, r.opened) + r.deadline_days) is not null
				""";
		this.jdbc.sql(firstDeadlines.formatted("r.new")).param("org", org).update();
		if (!anyExisting) {
			return;
		}
		recordChanges(firstDeadlines.formatted(
				"""
						not r.new and exists (select 1 from import_current cur where cur.case_id = r.case_id and cur.deadline is null)
						""")
				+ " returning case_id", Map.of("org", org));
		recordChanges("""
				insert into case_deadline (organisation_id, case_id, deadline, decided_on, reason)
				select :org, r.case_id, r.deadline, greatest(:today, r.opened), 'import'
				from import_row r join import_current cur on cur.case_id = r.case_id
				where r.deadline is not null and cur.deadline is not null and r.deadline <> cur.deadline
				returning case_id
				""", Map.of("org", org, "today", today));
	}

	/**
	 * Gives each case the handlers in the file. A new case's handlers handle it from its
	 * opening; a changed handler takes over on the import date, and a case that had none
	 * before gets its handler from its opening.
	 */
	private void writeAssignments(long org, LocalDate today, boolean anyExisting) {
		this.jdbc.sql("""
				insert into case_assignment (organisation_id, case_id, staff_id, primary_handler, valid_from)
				select :org, r.case_id, h.staff_id, h.primary_handler, r.opened
				from import_row r
				cross join lateral (values (r.handler_id, true), (r.co_handler_id, false)) h (staff_id, primary_handler)
				where r.new and h.staff_id is not null
				""").param("org", org).update();
		if (!anyExisting) {
			return;
		}
		recordChanges(
				"""
						update case_assignment a set valid_to = greatest(:today, a.valid_from)
						from import_row r join import_current cur on cur.case_id = r.case_id
						where a.case_id = r.case_id and a.valid_to is null
							and (r.handler_id is distinct from cur.handler_id or r.co_handler_id is distinct from cur.co_handler_id)
							and a.staff_id is distinct from (case when a.primary_handler then r.handler_id else r.co_handler_id end)
						returning a.case_id
						""",
				Map.of("today", today));
		recordChanges(
				"""
						insert into case_assignment (organisation_id, case_id, staff_id, primary_handler, valid_from)
						select :org, r.case_id, h.staff_id, h.primary_handler,
							case when h.had_one then greatest(:today, r.opened) else r.opened end
						from import_row r join import_current cur on cur.case_id = r.case_id
						cross join lateral (values (r.handler_id, true, cur.handler_id, cur.had_handler),
							(r.co_handler_id, false, cur.co_handler_id, cur.had_co_handler)) h (staff_id, primary_handler, current,
							had_one)
						where h.staff_id is not null and h.staff_id is distinct from h.current
						returning case_id
						""",
				Map.of("org", org, "today", today));
	}

	/**
	 * Keeps each case's current handlers and deadline on its row
	 * ({@code case_file.current_*}, see migration V21), which the national roll-up reads
	 * instead of the history. A new case got them with its insert, as its first deadline
	 * and handlers are written, except that a linked case's default deadline counts from
	 * the first case of its chain; those, and the cases whose deadline or handlers this
	 * import changed, are read back from the history they were just written to.
	 */
	private void writeCurrentState(boolean anyExisting, boolean anyLinked) {
		if (!anyExisting && !anyLinked) {
			return;
		}
		this.jdbc
			.sql("""
					with touched as (
						select case_id from import_changed
						union
						select case_id from import_row where new and linked_id is not null
					),
					state as (
						select t.case_id, a.primary_handler, a.co_handler, d.deadline,
							greatest(c.opened, a.changed, d.decided_on) as current_from
						from touched t join case_file c on c.id = t.case_id
						cross join lateral (
							select max(a.staff_id) filter (where a.primary_handler and a.valid_to is null) as primary_handler,
								max(a.staff_id) filter (where not a.primary_handler and a.valid_to is null) as co_handler,
								greatest(max(a.valid_from), max(a.valid_to)) as changed
							from case_assignment a where a.case_id = t.case_id) a
						left join lateral (
							select d.deadline, d.decided_on from case_deadline d where d.case_id = t.case_id
							order by d.decided_on desc, d.deadline desc limit 1) d on true
					)
					update case_file c
					set current_primary = s.primary_handler, current_co_handler = s.co_handler,
						current_deadline = s.deadline, current_from = s.current_from
					from state s
					where c.id = s.case_id
						and (c.current_primary, c.current_co_handler, c.current_deadline, c.current_from)
							is distinct from (s.primary_handler, s.co_handler, s.deadline, s.current_from)
					""")
			.update();
	}

	/**
	 * Runs a data-changing statement on cases Bryt already held that returns
	 * {@code case_id}, and remembers those cases as changed.
	 */
	private void recordChanges(String statement, Map<String, Object> params) {
		this.jdbc.sql("with changed as (" + statement + ") insert into import_changed select case_id from changed")
			.params(params)
			.update();
	}

	/**
	 * The organisation's codes that case rows refer to, read once per file: the case
	 * types from workload's own table, units and staff through organisation's API.
	 */
	private record References(Map<String, CaseTypeCode> caseTypes, UnitLookup units, Map<String, Long> staff) {

		static References of(JdbcClient jdbc, OrganisationCodes codes, long org) {
			Map<String, CaseTypeCode> caseTypes = new HashMap<>();
			jdbc.sql("select code, id, deadline_days from case_type where organisation_id = :org")
				.param("org", org)
				.query((RowCallbackHandler) (rs) -> caseTypes.put(rs.getString("code"),
						new CaseTypeCode(rs.getLong("id"), (Integer) rs.getObject("deadline_days"))));
			return new References(caseTypes, codes.units(org), codes.staffIds(org));
		}

	}

	private record CaseTypeCode(long id, Integer deadlineDays) {
	}

	private record Staged(CsvHeader header, boolean anyLinked, Duplicates duplicates) {
	}

	/**
	 * Repeated references among the staged rows, found while the file streams in: a hash
	 * map of the references costs less than aggregating the staging table afterwards (0.4
	 * s for 250,000 rows). Rows arrive in line order, so the first one seen is the first
	 * line.
	 */
	private static final class Duplicates {

		private static final int LISTED = 100;

		private final Map<String, Long> firstLines = new HashMap<>();

		private final List<long[]> found = new ArrayList<>();

		void staged(String ref, long line) {
			Long first = this.firstLines.putIfAbsent(ref, line);
			if (first != null && this.found.size() < LISTED) {
				this.found.add(new long[] { line, first });
			}
		}

		List<long[]> found() {
			return this.found;
		}

	}

	/** Writes rows in PostgreSQL's COPY text format, in blocks. */
	private static final class StagingWriter {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 16);

		StagingWriter(CopyIn copy) {
			this.copy = copy;
		}

		void row(long line, Object... values) {
			this.buffer.append(line);
			for (Object value : values) {
				this.buffer.append('\t');
				if (value == null) {
					this.buffer.append("\\N");
				}
				else {
					escape(value.toString());
				}
			}
			this.buffer.append('\n');
			if (this.buffer.length() > (1 << 16)) {
				flush();
			}
		}

		private void escape(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> this.buffer.append("\\\\");
					case '\t' -> this.buffer.append("\\t");
					case '\n' -> this.buffer.append("\\n");
					case '\r' -> this.buffer.append("\\r");
					default -> this.buffer.append(c);
				}
			}
		}

		void flush() {
			if (this.buffer.isEmpty()) {
				return;
			}
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new UncheckedIOException(new IOException("Could not stage the import", ex));
			}
			this.buffer.setLength(0);
		}

	}

}
