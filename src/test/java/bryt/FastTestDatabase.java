package bryt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import bryt.shared.database.DatabaseProperties;
import bryt.shared.database.EmbeddedDatabase;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every test's application context commits without waiting for the disk:
 * {@code synchronous_commit} is off for the database Bryt uses, set as the superuser
 * right after the server started, before the migrations and the demo municipality. A
 * test's data directory lives as long as its JVM and no test pulls the power, so the wait
 * at each commit for its WAL flush (an {@code fsync}, about 4.5 ms on the CI machine's
 * disk) buys nothing there. Bryt itself keeps it on ({@link EmbeddedDatabase}), and so do
 * the tests that start the packaged jar ({@code CommandLineIT},
 * {@code RestartAfterKillIT}, which checks it).
 *
 * <p>
 * Only this setting: {@code EmbeddedDatabase} passes {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on the server's command line,
 * which outranks {@code ALTER SYSTEM}; {@code fsync} and {@code full_page_writes} are
 * server-wide, while {@code synchronous_commit} may be set per database, and a database's
 * setting outranks the command line. Turning the other two off would mean a switch in the
 * main code; the commit's wait is where they cost a test.
 *
 * <p>
 * Registered in {@code META-INF/spring.factories}, so it applies to every Spring test
 * context without an annotation; all its customizers are equal, so it adds no context to
 * the test context cache.
 */
public class FastTestDatabase implements ContextCustomizerFactory {

	/** The database Bryt connects to ({@link EmbeddedDatabase#jdbcUrl()}). */
	private static final String DATABASE = "postgres";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof EmbeddedDatabase database) {
						relax(database, context.getBean(DatabaseProperties.class));
					}
					return bean;
				}

			});
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

	private static void relax(EmbeddedDatabase database, DatabaseProperties properties) {
		try {
			String password = Files.readString(properties.dataDir().resolve("postgres-secrets/postgres.password"))
				.strip();
			try (Connection superuser = DriverManager.getConnection(database.jdbcUrl(), "postgres", password);
					Statement statement = superuser.createStatement()) {
				// For every later connection, Flyway's and the pool's.
				statement.execute("alter database " + DATABASE + " set synchronous_commit = off");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not turn off synchronous_commit in the test database", ex);
		}
	}

}
