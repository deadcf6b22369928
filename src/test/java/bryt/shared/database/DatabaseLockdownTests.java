package bryt.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import bryt.BrytTest;
import bryt.Superuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded server as a local user other than Bryt meets it, and what Bryt's own
 * connections may do: a real server, real connections over TCP.
 */
@BrytTest
class DatabaseLockdownTests {

	@Autowired
	private EmbeddedDatabase database;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DatabaseProperties properties;

	private Path dataDir;

	@BeforeEach
	void findDataDirectory() {
		this.dataDir = this.properties.dataDir();
	}

	@Test
	void tcpWithoutThePasswordIsRefusedForEveryRole() {
		for (String role : List.of("postgres", "bryt_owner", "bryt_app")) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(this.database.jdbcUrl(), role, "").close())
				.withMessageContaining("password");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(this.database.jdbcUrl(), role, "wrong").close())
				.withMessageContaining("password authentication failed");
		}
	}

	/**
	 * No Unix socket: nothing for a local user to knock on but 127.0.0.1 with a password,
	 * and no limit on how long the data directory's path may be (a socket path is at most
	 * 107 bytes; the data directory of a clean checkout in CI was longer).
	 */
	@Test
	void theServerOpensNoUnixSocket() throws IOException {
		JdbcClient superuser = JdbcClient.create(Superuser.of(this.database, this.properties));
		assertThat(superuser.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
		String socketName = ".s.PGSQL." + this.database.port();
		for (Path directory : List.of(Path.of("/tmp"), Path.of("/var/run/postgresql"), this.dataDir.getParent())) {
			if (Files.isDirectory(directory)) {
				try (var files = Files.walk(directory, 2)) {
					assertThat(files.map(Path::getFileName).map(Path::toString)).as(directory.toString())
						.doesNotContain(socketName);
				}
			}
		}
		assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))
			.lines()
			.filter((line) -> !line.startsWith("#"))
			.filter((line) -> !line.isBlank())).containsExactly("host all all 127.0.0.1/32 scram-sha-256");
	}

	@Test
	void secretsAreTheOwnersAlone() throws IOException {
		Path secrets = this.dataDir.resolve(EmbeddedDatabase.SECRETS);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
		for (String role : List.of("postgres", "bryt_owner", "bryt_app")) {
			Path file = secrets.resolve(role + ".password");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(Files.readString(file)).hasSize(43);
		}
		assertThat(Files.readString(this.dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
	}

	/**
	 * zonky's default place for the programs, {@code embedded-pg} in the shared temporary
	 * directory, is world-writable: a local user could plant programs there for Bryt to
	 * run.
	 */
	@Test
	void thePostgresProgramsLiveInADirectoryOfBrytsUserAlone() throws IOException {
		Path programs = PostgresBinaries.directory();
		assertThat(programs.resolve("bin/postgres")).isExecutable();
		Path working = programs.getParent();
		assertThat(working.toAbsolutePath().normalize())
			.isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toAbsolutePath().normalize())
			.startsWith(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(working))).isEqualTo("rwx------");
		assertThat(Files.getOwner(working).getName()).isEqualTo(System.getProperty("user.name"));
	}

	@Test
	void theServerListensOnTheLoopbackAddressOnly() {
		assertThat(this.jdbc.sql("select current_setting('listen_addresses')").query(String.class).single())
			.isEqualTo("127.0.0.1");
	}

	@Test
	void brytsConnectionsAreAnOrdinaryRoleThatOwnsNothing() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("bryt_app");
		assertThat(this.jdbc
			.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("""
				select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and pg_get_userbyid(c.relowner) <> 'bryt_owner'
				""").query(Long.class).single()).as("everything in the schema belongs to the owner").isZero();
		assertThat(this.jdbc.sql("select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'")
			.query(String.class)
			.single()).isEqualTo("bryt_owner");
	}

	@Test
	void theApplicationsRoleCannotRunProgramsReadPasswordsOrChangeTables() throws IOException {
		Path marker = this.dataDir.toAbsolutePath().resolve("copy-to-program-ran");
		assertRefused("copy (select 1) to program 'touch " + marker + "'");
		assertThat(marker).doesNotExist();
		assertRefused("select rolpassword from pg_authid");
		assertRefused("alter table account add column stolen text");
		assertRefused("drop table spring_session");
		assertRefused("truncate spring_session");
		assertRefused("create table public.planted (id int)");
		assertRefused("create role intruder superuser");
		assertRefused("alter role bryt_app superuser");
		assertRefused("select pg_read_file('postgresql.conf')");
		// What it is for still works: rows in, rows out.
		assertThat(this.jdbc.sql("select count(*) from account").query(Long.class).single()).isPositive();
	}

	private void assertRefused(String statement) {
		assertThatExceptionOfType(Exception.class).as(statement)
			.isThrownBy(() -> this.jdbc.sql(statement).query().singleValue())
			.satisfies((ex) -> assertThat(ex).rootCause()
				.hasMessageMatching("(?s).*(permission denied|must be owner|must be superuser|must have).*"));
	}

}
