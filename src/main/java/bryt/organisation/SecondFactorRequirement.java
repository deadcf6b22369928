package bryt.organisation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets a module say that an account needs a second factor to log in, because of what it
 * may read there (voice: the recipients of reports). Administrators need one anyway.
 * Declare a bean of this type in the module; when the rule is "holds a row in these
 * tables" (a wrapped key, a recipient's place), extend {@link Rows}.
 */
public interface SecondFactorRequirement {

	/** Whether this account must pass a second factor after its password. */
	boolean requiresSecondFactor(long organisationId, long accountId);

	/**
	 * The requirement of the modules that wrap keys per account: an account holding a row
	 * in any of the tables (each with the columns {@code organisation_id} and
	 * {@code account_id}) needs a second factor. One query for every module, so that the
	 * rule reads the same in each (voice's recipients and key holders, safety's incident
	 * handlers).
	 */
	abstract class Rows implements SecondFactorRequirement {

		private static final Pattern TABLE = Pattern.compile("[a-z_]+");

		private final JdbcClient jdbc;

		private final String sql;

		/**
		 * @param jdbc the database
		 * @param tables the tables, named by the module's code (never by input)
		 */
		protected Rows(JdbcClient jdbc, String... tables) {
			if (tables.length == 0 || !List.of(tables).stream().allMatch((table) -> TABLE.matcher(table).matches())) {
				throw new IllegalArgumentException("Table names of lower case letters and underscores expected");
			}
			this.jdbc = jdbc;
			this.sql = "select " + List.of(tables)
				.stream()
				.map((table) -> "exists (select 1 from " + table
						+ " where organisation_id = :org and account_id = :id)")
				.collect(Collectors.joining(" or "));
		}

		@Override
		public final boolean requiresSecondFactor(long organisationId, long accountId) {
			return this.jdbc.sql(this.sql)
				.param("org", organisationId)
				.param("id", accountId)
				.query(Boolean.class)
				.single();
		}

	}

}
