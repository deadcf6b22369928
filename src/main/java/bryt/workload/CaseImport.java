package bryt.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import bryt.shared.imports.Column;
import bryt.shared.imports.CsvHeader;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportProblems;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports cases from a case-management export, all or nothing, in one transaction.
 *
 * <p>
 * Each row is checked on its own while the file streams into a temporary table with
 * PostgreSQL's {@code COPY}; then references (case types, units, handlers, linked cases)
 * and duplicates are checked with one query each, and the cases are written with
 * set-based statements. Cases are matched by reference: only what differs is changed, a
 * new handler takes over from the import date (the assignment history keeps the old one),
 * a new deadline is recorded as an extension.
 */
@Component
class CaseImport {

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

	private final TransactionTemplate transaction;

	private final Clock clock;

	CaseImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * @return the number of cases created or changed
	 */
	int run(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		LocalDate today = LocalDate.now(this.clock);
		return this.transaction.execute((status) -> {
			this.jdbc.sql("""
					create temporary table import_case (
						line bigint not null, case_ref text not null, case_type text not null, unit text not null,
						opened date not null, closed date, deadline date, handler text, co_handler text,
						complexity smallint not null, linked_case text,
						case_type_id bigint, unit_id bigint, handler_id bigint, co_handler_id bigint, case_id bigint,
						linked_id bigint, current_deadline date, default_deadline date,
						touched boolean not null default false
					) on commit drop
					""").update();
			CsvHeader header = copyIntoStaging(csv, problems);
			if (header != null) {
				// Also when rows had problems of their own: the report lists everything.
				checkReferences(organisationId, header, problems);
			}
			if (problems.any()) {
				status.setRollbackOnly();
				problems.refuseIfAny();
			}
			int changed = write(organisationId, today);
			if (changed > 0) {
				WorkloadSetup.bumpVersion(this.jdbc, organisationId);
			}
			return changed;
		});
	}

	private CsvHeader copyIntoStaging(InputStream csv, ImportProblems problems) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy import_case (line, case_ref, case_type, unit, opened, closed, deadline, handler, "
						+ "co_handler, complexity, linked_case) from stdin");
			StagingWriter writer = new StagingWriter(copy);
			CsvHeader header;
			try {
				header = CsvImportReader.read(csv, COLUMNS, problems, (row) -> stage(row, problems, writer));
				writer.flush();
			}
			finally {
				if (copy.isActive()) {
					copy.endCopy();
				}
			}
			return header;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import", ex);
		}
	}

	private static void stage(CsvRow row, ImportProblems problems, StagingWriter writer) {
		long before = problems.total();
		String ref = row.requiredText("case_ref", 64);
		String type = row.requiredText("case_type", 40);
		String unit = row.requiredText("unit", 40);
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
			// database, so that the report lists everything.
			return;
		}
		writer.row(row.line(), ref, type, unit, opened, closed, deadline, handler, coHandler,
				(complexity != null) ? complexity : 1, linked);
	}

	private void checkReferences(long org, CsvHeader header, ImportProblems problems) {
		this.jdbc.sql("create index on import_case (case_ref)").update();
		this.jdbc.sql("analyze import_case").update();
		this.jdbc.sql("""
				select i.line, first.line as first_line from import_case i
				join lateral (select min(line) as line from import_case d where d.case_ref = i.case_ref) first
					on first.line < i.line
				order by i.line limit 100
				""").query((rs, n) -> {
			problems.add(rs.getLong(1), header.column("case_ref"), header.name("case_ref"), "duplicate",
					String.valueOf(rs.getLong(2)));
			return null;
		}).list();
		this.jdbc.sql("""
				update import_case i set case_type_id = t.id from case_type t
				where t.organisation_id = :org and t.code = i.case_type
				""").param("org", org).update();
		this.jdbc.sql("""
				update import_case i set unit_id = u.id from unit u where u.organisation_id = :org and u.code = i.unit
				""").param("org", org).update();
		this.jdbc.sql("""
				update import_case i set handler_id = s.id from staff s
				where s.organisation_id = :org and s.employee_number = i.handler
				""").param("org", org).update();
		this.jdbc.sql("""
				update import_case i set co_handler_id = s.id from staff s
				where s.organisation_id = :org and s.employee_number = i.co_handler
				""").param("org", org).update();
		report(problems, header, "case_type", "unknownCaseType", "case_type_id is null");
		report(problems, header, "unit", "unknownUnit", "unit_id is null");
		report(problems, header, "handler", "unknownHandler", "handler is not null and handler_id is null");
		report(problems, header, "co_handler", "unknownHandler", "co_handler is not null and co_handler_id is null");
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
			.forEach((line) -> problems.add(line, header.column("linked_case"), header.name("linked_case"),
					"unknownCase"));
	}

	private void report(ImportProblems problems, CsvHeader header, String column, String code, String condition) {
		this.jdbc.sql("select line from import_case where " + condition + " order by line limit 100")
			.query(Long.class)
			.list()
			.forEach((line) -> problems.add(line, header.column(column), header.name(column), code));
	}

	/** Writes the staged cases; returns how many cases were created or changed. */
	private int write(long org, LocalDate today) {
		this.jdbc.sql("""
				update import_case i set touched = true
				where not exists (select 1 from case_file c where c.organisation_id = :org and c.case_ref = i.case_ref)
				""").param("org", org).update();
		this.jdbc.sql("""
				insert into case_file (organisation_id, case_ref, case_type_id, unit_id, opened, closed, complexity)
				select :org, i.case_ref, i.case_type_id, i.unit_id, i.opened, i.closed, i.complexity
				from import_case i where i.touched
				""").param("org", org).update();
		this.jdbc.sql("""
				update import_case i set case_id = c.id from case_file c
				where c.organisation_id = :org and c.case_ref = i.case_ref
				""").param("org", org).update();
		this.jdbc.sql("""
				update import_case i set linked_id = c.id from case_file c
				where c.organisation_id = :org and c.case_ref = i.linked_case
				""").param("org", org).update();
		// The staging table now holds every case id: index it and tell the planner, or
		// the joins below turn into nested loops over hundreds of thousands of rows.
		this.jdbc.sql("create index on import_case (case_id)").update();
		this.jdbc.sql("analyze import_case").update();
		markTouched("""
				update case_file c set case_type_id = i.case_type_id, unit_id = i.unit_id, opened = i.opened,
					closed = i.closed, complexity = i.complexity, linked_case_id = i.linked_id
				from import_case i
				where c.id = i.case_id
					and (c.case_type_id, c.unit_id, c.opened, c.closed, c.complexity, c.linked_case_id)
						is distinct from (i.case_type_id, i.unit_id, i.opened, i.closed, i.complexity, i.linked_id)
				returning c.id as case_id
				""", Map.of());
		writeDeadlines(org, today);
		writeAssignments(org, today, true);
		writeAssignments(org, today, false);
		return this.jdbc.sql("select count(*) from import_case where touched").query(Integer.class).single();
	}

	/**
	 * Runs a data-changing statement that returns {@code case_id} and marks those cases
	 * as changed.
	 */
	private void markTouched(String statement, Map<String, Object> params) {
		this.jdbc.sql("with changed as (" + statement + """
				)
				update import_case i set touched = true from changed where i.case_id = changed.case_id
				""").params(params).update();
	}

	/**
	 * The first deadline of a case is the one in the file, else its type's days from the
	 * opening of the first case in its chain of linked cases: reopening an investigation
	 * does not restart its clock. A different deadline in a later file is an extension.
	 */
	private void writeDeadlines(long org, LocalDate today) {
		this.jdbc.sql("""
				with recursive chain as (
					select i.case_id as case_id, c.id as root, c.opened, c.linked_case_id, 0 as depth
					from import_case i join case_file c on c.id = i.case_id
					union all
					select chain.case_id, p.id, p.opened, p.linked_case_id, chain.depth + 1
					from chain join case_file p on p.id = chain.linked_case_id
					where chain.depth < 50
				),
				first_opened as (select case_id, min(opened) as opened from chain group by case_id)
				update import_case i set default_deadline = f.opened + t.deadline_days
				from first_opened f, case_type t
				where f.case_id = i.case_id and t.id = i.case_type_id and t.deadline_days is not null
				""").update();
		this.jdbc.sql("""
				update import_case i set current_deadline = (
					select d.deadline from case_deadline d where d.case_id = i.case_id
					order by d.decided_on desc, d.deadline desc limit 1)
				""").update();
		this.jdbc.sql("""
				insert into case_deadline (organisation_id, case_id, deadline, decided_on)
				select :org, i.case_id, coalesce(i.deadline, i.default_deadline), i.opened
				from import_case i
				where i.current_deadline is null and coalesce(i.deadline, i.default_deadline) is not null
				""").param("org", org).update();
		markTouched("""
				insert into case_deadline (organisation_id, case_id, deadline, decided_on, reason)
				select :org, i.case_id, i.deadline, greatest(:today, i.opened), 'import'
				from import_case i
				where i.current_deadline is not null and i.deadline is not null and i.deadline <> i.current_deadline
				returning case_id
				""", Map.of("org", org, "today", today));
	}

	/**
	 * Gives each case the handler in the file. A new case's handler handles it from its
	 * opening; a changed handler takes over on the import date.
	 */
	private void writeAssignments(long org, LocalDate today, boolean primary) {
		String handlerId = primary ? "handler_id" : "co_handler_id";
		Map<String, Object> params = Map.of("org", org, "today", today, "primary", primary);
		markTouched("""
				update case_assignment a set valid_to = greatest(:today, a.valid_from)
				from import_case i
				where a.case_id = i.case_id and a.primary_handler = :primary and a.valid_to is null
					and a.staff_id is distinct from i.%s
				returning a.case_id
				""".formatted(handlerId), params);
		markTouched("""
				insert into case_assignment (organisation_id, case_id, staff_id, primary_handler, valid_from)
				select :org, i.case_id, i.%1$s, :primary,
					case when exists (select 1 from case_assignment h where h.case_id = i.case_id
						and h.primary_handler = :primary) then greatest(:today, i.opened) else i.opened end
				from import_case i
				where i.%1$s is not null and not exists (select 1 from case_assignment a
					where a.case_id = i.case_id and a.primary_handler = :primary and a.valid_to is null)
				returning case_id
				""".formatted(handlerId), params);
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
