package bryt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded server's superuser, for tests that do what Bryt's own roles may not (a
 * checkpoint, a scratch schema): its password is in the data directory, readable only by
 * the operating-system user that runs Bryt.
 */
public final class Superuser {

	private Superuser() {
	}

	public static DataSource of(EmbeddedDatabase database, DatabaseProperties properties) {
		try {
			String password = Files.readString(properties.dataDir().resolve("postgres-secrets/postgres.password"))
				.strip();
			return new DriverManagerDataSource(database.jdbcUrl(), "postgres", password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
