package bryt.shared;

import java.nio.file.Path;

import bryt.ServerDay;
import bryt.shared.database.DatabaseProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeTests {

	private final SharedConfiguration configuration = new SharedConfiguration();

	@Test
	void isADemoOnlyOnTheEmbeddedDatabase() {
		assertThat(this.configuration.demoMode(database(null), demo(true)).active()).isTrue();
		assertThat(this.configuration.demoMode(database(""), demo(true)).active()).isTrue();
		assertThat(this.configuration.demoMode(database("jdbc:postgresql://db.example/bryt"), demo(true)).active())
			.as("an external database is never a demo")
			.isFalse();
		assertThat(this.configuration.demoMode(database(null), demo(false)).active()).isFalse();
	}

	private static SharedProperties demo(boolean enabled) {
		return new SharedProperties(ServerDay.ZONE, new SharedProperties.Demo(enabled));
	}

	private static DatabaseProperties database(String url) {
		return new DatabaseProperties(url, "bryt", "secret", null, null, Path.of("data"), 10);
	}

}
