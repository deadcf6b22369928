package bryt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test contexts' commits do not wait for the disk ({@link FastTestDatabase});
 * {@code RestartAfterKillIT} shows that the packaged jar's do.
 */
@BrytTest
class FastTestDatabaseTests {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theTestDatabaseCommitsWithoutWaitingForTheDisk() {
		assertThat(this.jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single())
			.isEqualTo("off");
	}

}
