package bryt.safety;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SafetyProperties.class)
class SafetyConfiguration {

	@Bean
	SafetyClocks safetyClocks(SafetyProperties properties) {
		return new SafetyClocks(properties);
	}

}
