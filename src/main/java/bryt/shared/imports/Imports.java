package bryt.shared.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.shared.PersonalIdentityNumbers;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one entry to imports: the import page, the API and the command line pick a kind
 * here by its name and run it through {@link #run}, which serialises an organisation's
 * imports. A module adds a kind by declaring an {@link ImportKind} bean; nothing here
 * names one.
 */
@Service
public class Imports {

	/**
	 * The first key of the advisory locks that serialise an organisation's imports; the
	 * same key as before imports moved here, so that an old and a new instance running
	 * side by side during an upgrade still exclude each other.
	 */
	private static final int IMPORT_LOCKS = 0x42727974;

	private final List<ImportKind> kinds;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ImportHistory history;

	Imports(List<ImportKind> kinds, JdbcClient jdbc, TransactionTemplate transaction, ImportHistory history) {
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(ImportKind::order)).toList();
		Set<String> names = new HashSet<>();
		for (ImportKind kind : this.kinds) {
			if (!names.add(kind.name())) {
				throw new IllegalStateException("Two import kinds are called " + kind.name());
			}
		}
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.history = history;
	}

	/** Every kind, in the order an organisation imports them. */
	public List<ImportKind> kinds() {
		return this.kinds;
	}

	/** The kinds that a user with these Spring Security authorities may import. */
	public List<ImportKind> kindsFor(Collection<String> authorities) {
		return this.kinds.stream()
			.filter((kind) -> kind.roles().stream().anyMatch((role) -> authorities.contains("ROLE_" + role)))
			.toList();
	}

	/**
	 * The kind with this name.
	 * @throws IllegalArgumentException naming the kinds there are, when none has it
	 */
	public ImportKind kind(String name) {
		return this.kinds.stream()
			.filter((kind) -> kind.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown import kind"
					+ (PersonalIdentityNumbers.containsOne(name) ? "" : " " + name) + "; expected " + names()));
	}

	/**
	 * The name an uploaded file is known by in messages, results and the import history:
	 * its own, or {@code fallback} when it has none or when it holds what looks like a
	 * personal identity number (then it is neither stored nor shown back).
	 */
	public static String fileName(String original, String fallback) {
		if (original == null || original.isBlank() || PersonalIdentityNumbers.containsOne(original)) {
			return fallback;
		}
		// No control characters (PostgreSQL refuses NUL in text), and a length the
		// history holds: the end, which has the extension, is kept.
		String clean = original.replaceAll("\\p{Cntrl}", "").strip();
		if (clean.isEmpty()) {
			return fallback;
		}
		return (clean.length() > MAX_FILE_NAME) ? "…" + clean.substring(clean.length() - MAX_FILE_NAME + 1) : clean;
	}

	/**
	 * The name a file that comes without a usable one is known by: the kind's name with
	 * the extension of what its first bytes say it is, e.g. {@code staff.xlsx}, else
	 * {@code staff.csv}, so that the history does not call a workbook sent through the
	 * API a CSV file.
	 * @param in the file; read from its start again after
	 */
	public static String defaultName(ImportKind kind, BufferedInputStream in) throws IOException {
		return kind.name() + ((FileType.of(in) == FileType.XLSX) ? ".xlsx" : ".csv");
	}

	/** The longest file name the history keeps. */
	public static final int MAX_FILE_NAME = 200;

	/**
	 * Imports one file of the given kind for an organisation, all or nothing, recorded in
	 * the history without saying who.
	 * @return the number of rows that created or changed something
	 * @throws ImportRefusedException with the problems found, when nothing was imported
	 */
	public int run(long organisationId, ImportKind kind, String fileName, InputStream csv) {
		return run(organisationId, kind, fileName, csv, Actor.SYSTEM);
	}

	/**
	 * Imports one file of the given kind for an organisation, all or nothing, and records
	 * it in the import history: accepted with the rows it changed, or refused with the
	 * code of its first problem, in a transaction of its own so that the refused import
	 * leaves nothing else.
	 * @return the number of rows that created or changed something
	 * @throws ImportRefusedException with the problems found, when nothing was imported
	 */
	public int run(long organisationId, ImportKind kind, String fileName, InputStream csv, Actor actor) {
		try {
			// One import per organisation at a time, in one transaction that the
			// importer's own joins: a second upload of the same file (a double click, a
			// script run twice) waits, then finds what the first wrote, instead of
			// failing
			// on the same new references.
			return this.transaction.execute((status) -> {
				this.jdbc.sql("select pg_advisory_xact_lock(:namespace, cast(:org as integer))")
					.param("namespace", IMPORT_LOCKS)
					.param("org", organisationId)
					.query((RowCallbackHandler) (rs) -> {
					});
				int changed = kind.importFile(organisationId, fileName, csv);
				// Only when the file was taken: a refused one throws before this.
				this.history.record(organisationId, kind.name(), actor, fileName, changed, null);
				return changed;
			});
		}
		catch (ImportRefusedException refused) {
			List<ImportProblem> problems = refused.problems().list();
			String first = problems.isEmpty() ? "unknown" : problems.getFirst().code();
			List<String> args = problems.isEmpty() ? List.of() : problems.getFirst().args();
			this.history.recordRefused(organisationId, kind.name(), actor, fileName, first, args);
			throw refused;
		}
	}

	/** The organisation's import history, newest first, at most {@code limit} entries. */
	public List<ImportRecord> history(long organisationId, int limit) {
		return this.history.list(organisationId, limit);
	}

	/**
	 * When the organisation's newest import (of any kind) finished, or empty when it
	 * never imported anything.
	 */
	public Optional<Instant> lastRun(long organisationId) {
		return this.jdbc.sql(
				"select max(finished_at) as last from import_run where organisation_id = :org and outcome = 'accepted'")
			.param("org", organisationId)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp("last")).map(Timestamp::toInstant))
			.single();
	}

	/** E.g. {@code case-types, units, staff or cases}. */
	private String names() {
		List<String> names = this.kinds.stream().map(ImportKind::name).toList();
		if (names.size() < 2) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
	}

}
