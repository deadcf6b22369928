package bryt.surveys;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bryt.surveys.exit-address-key} is read with the other surveys' settings (P5,
 * item 11: it was an {@code @Value} of its own), empty by default, and never shown.
 */
class SurveysPropertiesTest {

	@Test
	void theExitAddressKeyIsASurveysSettingAndIsNeverShown() {
		String key = "c2VjcmV0LWtleS1vZi1hdC1sZWFzdC10aGlydHktdHdvLWJ5dGVz";
		SurveysProperties set = bind(Map.of("bryt.surveys.exit-address-key", key));
		SurveysProperties unset = bind(Map.of("bryt.surveys.mail-from", "x@bryt.example"));

		assertThat(set.exitAddressKey()).isEqualTo(key);
		assertThat(set.toString()).doesNotContain(key).contains("exitAddressKey=***");
		assertThat(unset.exitAddressKey()).isEmpty();
		assertThat(unset.toString()).contains("exitAddressKey=,");
	}

	private static SurveysProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("bryt.surveys",
				SurveysProperties.class);
	}

}
