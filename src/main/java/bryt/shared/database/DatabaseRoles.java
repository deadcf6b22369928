package bryt.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;

/**
 * The embedded server's roles, set up by its superuser at every start: {@value #OWNER}
 * owns the schema and runs the migrations; {@value #APPLICATION}, which Bryt's pool uses,
 * may only read and write rows. Neither is a superuser, and neither can create roles or
 * databases.
 */
final class DatabaseRoles {

	static final String SUPERUSER = "postgres";

	static final String OWNER = "bryt_owner";

	static final String APPLICATION = "bryt_app";

	private DatabaseRoles() {
	}

	/**
	 * Creates the roles on the first start (also of a data directory made before Bryt had
	 * them, whose objects the superuser owns), and sets their passwords.
	 */
	static void setUp(Connection superuser, String ownerPassword, String applicationPassword) throws SQLException {
		boolean firstTime;
		try (Statement statement = superuser.createStatement()) {
			var result = statement
				.executeQuery("select count(*) as roles from pg_roles where rolname = '" + APPLICATION + "'");
			result.next();
			firstTime = result.getLong("roles") == 0;
		}
		superuser.setAutoCommit(false);
		try (Statement statement = superuser.createStatement()) {
			if (firstTime) {
				statement.execute(CREATE_ROLES);
				statement.execute(TRANSFER_OWNERSHIP);
				// Once: later tables get the same rights by default, and a migration that
				// takes a right away (an append-only table) keeps it taken away.
				statement.execute(GRANT_EXISTING);
			}
			statement.execute(DEFAULT_PRIVILEGES);
		}
		PGConnection pg = superuser.unwrap(PGConnection.class);
		// Hashed here (SCRAM), so that the password itself never reaches the server.
		pg.alterUserPassword(OWNER, ownerPassword.toCharArray(), "scram-sha-256");
		pg.alterUserPassword(APPLICATION, applicationPassword.toCharArray(), "scram-sha-256");
		superuser.commit();
	}

	private static final String CREATE_ROLES = """
			create role bryt_owner login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
			create role bryt_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
			grant connect, temporary on database postgres to bryt_owner, bryt_app;
			""";

	/**
	 * Hands the schema and everything in it from the superuser to the owner: data
	 * directories of older Bryt versions were migrated as the superuser. Tables first,
	 * which takes their sequences along.
	 */
	private static final String TRANSFER_OWNERSHIP = """
			alter schema public owner to bryt_owner;
			do $$
			declare
				object record;
			begin
				for object in select c.oid::regclass as name, c.relkind from pg_class c
						join pg_namespace n on n.oid = c.relnamespace
						where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
						and pg_get_userbyid(c.relowner) = 'postgres' loop
					execute format(case object.relkind when 'v' then 'alter view %s owner to bryt_owner'
						when 'm' then 'alter materialized view %s owner to bryt_owner'
						when 'f' then 'alter foreign table %s owner to bryt_owner'
						else 'alter table %s owner to bryt_owner' end, object.name);
				end loop;
				for object in select c.oid::regclass as name from pg_class c
						join pg_namespace n on n.oid = c.relnamespace
						where n.nspname = 'public' and c.relkind = 'S'
						and pg_get_userbyid(c.relowner) = 'postgres' loop
					execute format('alter sequence %s owner to bryt_owner', object.name);
				end loop;
				for object in select p.oid::regprocedure as name from pg_proc p
						join pg_namespace n on n.oid = p.pronamespace
						where n.nspname = 'public' and pg_get_userbyid(p.proowner) = 'postgres' loop
					execute format('alter routine %s owner to bryt_owner', object.name);
				end loop;
				for object in select t.oid::regtype as name from pg_type t
						join pg_namespace n on n.oid = t.typnamespace
						where n.nspname = 'public' and t.typtype in ('e', 'd', 'r')
						and pg_get_userbyid(t.typowner) = 'postgres' loop
					execute format('alter type %s owner to bryt_owner', object.name);
				end loop;
			end
			$$;
			""";

	private static final String GRANT_EXISTING = """
			grant usage on schema public to bryt_app;
			grant select, insert, update, delete on all tables in schema public to bryt_app;
			grant usage, select, update on all sequences in schema public to bryt_app;
			grant execute on all routines in schema public to bryt_app;
			""";

	private static final String DEFAULT_PRIVILEGES = """
			alter default privileges for role bryt_owner in schema public
				grant select, insert, update, delete on tables to bryt_app;
			alter default privileges for role bryt_owner in schema public
				grant usage, select, update on sequences to bryt_app;
			alter default privileges for role bryt_owner in schema public
				grant execute on routines to bryt_app;
			""";

}
