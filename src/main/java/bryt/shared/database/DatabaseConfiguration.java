package bryt.shared.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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
		return pool(database.jdbcUrl(), database.user(), null, properties.poolSize());
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
