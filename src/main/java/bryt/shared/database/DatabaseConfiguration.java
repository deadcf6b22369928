package bryt.shared.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link DataSource}: the external PostgreSQL when {@code bryt.db.url} is set, else
 * the embedded one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	private static final String EMBEDDED = "'${bryt.db.url:}'.isBlank()";

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression(EMBEDDED)
	EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
		return EmbeddedDatabase.start(properties.dataDir().resolve("postgres"));
	}

	@Bean
	@ConditionalOnExpression(EMBEDDED)
	HikariDataSource embeddedDataSource(EmbeddedDatabase database, DatabaseProperties properties) {
		return pool(database.jdbcUrl(), database.user(), database.password(), properties.poolSize());
	}

	/**
	 * Flyway migrates as the schema's owner; the pool's role may only read and write
	 * rows.
	 */
	@Bean
	@ConditionalOnExpression(EMBEDDED)
	FlywayConfigurationCustomizer embeddedMigrationsAsOwner(EmbeddedDatabase database) {
		return (configuration) -> configuration.dataSource(database.jdbcUrl(), database.ownerUser(),
				database.ownerPassword());
	}

	/**
	 * On an external server with a separate owner role ({@code bryt.db.owner-user}),
	 * Flyway migrates as that role; without one, as {@code bryt.db.user}.
	 */
	@Bean
	@ConditionalOnExpression("!" + EMBEDDED + " and !'${bryt.db.owner-user:}'.isBlank()")
	FlywayConfigurationCustomizer externalMigrationsAsOwner(DatabaseProperties properties) {
		return (configuration) -> configuration.dataSource(properties.url(), properties.ownerUser(),
				properties.ownerPassword());
	}

	@Bean
	@ConditionalOnExpression("!" + EMBEDDED)
	HikariDataSource externalDataSource(DatabaseProperties properties) {
		return pool(properties.url(), properties.user(), properties.password(), properties.poolSize());
	}

	private static HikariDataSource pool(String url, String user, String password, int size) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("bryt");
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(size);
		return new HikariDataSource(config);
	}

}
