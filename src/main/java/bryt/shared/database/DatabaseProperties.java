package bryt.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Bryt keeps its data. Without a {@code url} Bryt starts its own PostgreSQL with
 * its files under {@code dataDir}; with one it uses that server and starts nothing.
 *
 * @param url JDBC URL of an external PostgreSQL 15+, e.g.
 * {@code jdbc:postgresql://db.example:5432/bryt}
 * @param user database user for the external server
 * @param password database password for the external server
 * @param ownerUser the role that owns the schema on the external server, which Flyway
 * migrates as; empty to migrate as {@code user}
 * @param ownerPassword that role's password
 * @param dataDir directory of the embedded server's files
 * @param poolSize maximum number of pooled connections
 */
@ConfigurationProperties("bryt.db")
public record DatabaseProperties(String url, String user, String password, String ownerUser, String ownerPassword,
		@DefaultValue("data") Path dataDir, @DefaultValue("10") int poolSize) {

	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

}
