package bryt.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data directory as Bryt made it before the embedded server had passwords: initdb with
 * trust, everything created by the superuser. Its first start with this Bryt locks it
 * down and keeps its data.
 */
class OldDataDirectoryUpgradeTests {

	private final Path dataDir = Path.of("target/test-data", "old-" + UUID.randomUUID(), "postgres").toAbsolutePath();

	@Test
	void anOldTrustingDataDirectoryGetsPasswordsRolesAndOwnersAndKeepsItsRows() throws Exception {
		makeOldStyleDataDirectory();
		assertThat(Files.readString(this.dataDir.resolve("pg_hba.conf"))).contains("trust");

		try (EmbeddedDatabase database = EmbeddedDatabase.start(this.dataDir)) {
			assertThat(Files.readString(this.dataDir.resolve("pg_hba.conf"))).doesNotContain("trust");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close());
			String superuserPassword = Files
				.readString(this.dataDir.resolveSibling(EmbeddedDatabase.SECRETS).resolve("postgres.password"));
			try (Connection superuser = DriverManager.getConnection(database.jdbcUrl(), "postgres",
					superuserPassword)) {
				JdbcClient asSuperuser = JdbcClient.create(new SingleConnectionDataSource(superuser, true));
				assertThat(asSuperuser.sql("""
						select c.relname, pg_get_userbyid(c.relowner) from pg_class c
						join pg_namespace n on n.oid = c.relnamespace
						where n.nspname = 'public' order by c.relname
						""").query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list()).containsExactly(
						"note bryt_owner", "note_id_seq bryt_owner", "note_pkey bryt_owner", "ticket bryt_owner");
				assertThat(asSuperuser.sql("select pg_get_userbyid(proowner) from pg_proc where proname = 'shout'")
					.query(String.class)
					.single()).isEqualTo("bryt_owner");
			}
			try (Connection application = DriverManager.getConnection(database.jdbcUrl(), database.user(),
					database.password())) {
				JdbcClient asApplication = JdbcClient.create(new SingleConnectionDataSource(application, true));
				assertThat(asApplication.sql("select shout(text) from note").query(String.class).single())
					.isEqualTo("WRITTEN BEFORE THE UPGRADE");
				asApplication.sql("insert into note (text) values ('after')").update();
				assertThat(asApplication.sql("select nextval('ticket')").query(Long.class).single()).isEqualTo(7);
				assertThatExceptionOfType(Exception.class)
					.isThrownBy(() -> asApplication.sql("drop table note").update())
					.satisfies((ex) -> assertThat(ex).rootCause().hasMessageContaining("must be owner of table note"));
			}
		}

		// The second start finds nothing left to upgrade and the same passwords.
		try (EmbeddedDatabase again = EmbeddedDatabase.start(this.dataDir);
				Connection application = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password())) {
			assertThat(JdbcClient.create(new SingleConnectionDataSource(application, true))
				.sql("select count(*) from note")
				.query(Long.class)
				.single()).isEqualTo(2);
		}
	}

	/**
	 * What the previous EmbeddedDatabase.start did, plus a migration's worth of objects.
	 */
	private void makeOldStyleDataDirectory() throws Exception {
		Files.createDirectories(this.dataDir);
		// zonky keeps the first place it unpacked its programs to for the whole JVM:
		// the same place as Bryt's.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(PostgresBinaries.workingDirectory().toFile())
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setLocaleConfig("locale", "C.UTF-8")
			.start();
				Connection superuser = old.getPostgresDatabase().getConnection();
				Statement statement = superuser.createStatement()) {
			statement.execute("""
					create table note (id bigint generated always as identity primary key, text text not null);
					create sequence ticket start 7;
					create function shout(value text) returns text language sql immutable return upper(value);
					insert into note (text) values ('written before the upgrade');
					""");
		}
	}

}
