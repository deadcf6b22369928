package bryt.shared.imports;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A kind of file Bryt imports, declared as a bean by the module that owns its data:
 * organisation owns units and staff, workload case types and cases. {@link Imports} is
 * the one entry that runs them, for the import page, the API and the command line alike.
 */
public interface ImportKind {

	/**
	 * The name the API, the command line and the form use, e.g. {@code case-types}: lower
	 * case, words joined by hyphens.
	 */
	String name();

	/**
	 * The roles (without Spring Security's {@code ROLE_} prefix) whose users may import
	 * it on the import page. An API token and the command line act for a whole
	 * organisation and may import every kind.
	 */
	Set<String> roles();

	/** The columns of a file of this kind, for help texts. */
	List<Column> columns();

	/**
	 * Where the kind sorts in lists: the order in which a new organisation imports its
	 * files, as a kind may refer to the codes of an earlier one.
	 */
	int order();

	/**
	 * The message key of the kind's name: {@code imports.kind.} and the name in upper
	 * case with underscores, e.g. {@code imports.kind.CASE_TYPES}.
	 */
	default String messageKey() {
		return "imports.kind." + name().toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * Reads a file and stores it, all or nothing. {@link Imports} calls it inside a
	 * transaction holding the organisation's import lock; an implementation may join that
	 * transaction or run its own nested in it.
	 * @param organisationId the organisation the file belongs to
	 * @param fileName the name problems are reported under
	 * @param csv the file
	 * @return the number of rows that created or changed something
	 * @throws ImportRefusedException with every problem found, when nothing was stored
	 */
	int importFile(long organisationId, String fileName, InputStream csv);

}
