package bryt.organisation;

import java.nio.file.Path;
import java.util.UUID;

import bryt.shared.database.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Bryt on an external PostgreSQL given by URL, as in production: it migrates the schema,
 * starts no database of its own, creates no demo data and offers no demo account. The
 * "external" server here is a separate PostgreSQL started for the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ProductionModeTests {

	private static final EmbeddedDatabase EXTERNAL = EmbeddedDatabase
		.start(Path.of("target/test-data", "external-" + UUID.randomUUID(), "postgres"));

	private static final String DATA_DIR = "target/test-data/production-" + UUID.randomUUID();

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		registry.add("bryt.db.url", EXTERNAL::jdbcUrl);
		// Two roles, as the README asks of an external server: the pool's may only read
		// and write rows, the owner's migrates.
		registry.add("bryt.db.user", EXTERNAL::user);
		registry.add("bryt.db.password", EXTERNAL::password);
		registry.add("bryt.db.owner-user", EXTERNAL::ownerUser);
		registry.add("bryt.db.owner-password", EXTERNAL::ownerPassword);
		// With an external database the data directory holds only the access log's key
		// (<data-dir>/keys): under target/, not the working copy's ./data.
		registry.add("bryt.db.data-dir", () -> DATA_DIR);
	}

	/**
	 * Stops the external server; the context on it is closed right after
	 * ({@code @DirtiesContext}): left in the cache it would go on running its scheduled
	 * tasks (the session clean-up every minute) against the stopped server and log their
	 * failures into later tests' output.
	 */
	@AfterAll
	static void stopExternalDatabase() throws Exception {
		EXTERNAL.close();
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void usesTheGivenDatabaseAndCreatesNoDemoData() throws Exception {
		assertThat(this.context.getBeansOfType(EmbeddedDatabase.class)).as("no database of its own").isEmpty();
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
			.as("migrated")
			.isPositive();
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("bryt_app");
		assertThat(this.jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'organisation'")
			.query(String.class)
			.single()).as("migrated by the owner").isEqualTo("bryt_owner");
		assertThat(this.jdbc.sql("select count(*) from organisation").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from account").query(Long.class).single()).isZero();
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Log in")))
			.andExpect(content().string(not(containsString("Demo accounts"))));
	}

}
