package bryt.shared.security;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublicUrlConfiguration {

	@Bean
	PublicUrl publicUrl(SecurityProperties properties) {
		return PublicUrl.of(properties.publicUrl());
	}

	/**
	 * The session cookie is {@code Secure} when users reach Bryt over HTTPS, even though
	 * a proxy in front hands Bryt plain HTTP.
	 */
	@Bean
	DefaultCookieSerializerCustomizer secureSessionCookie(PublicUrl publicUrl) {
		return (serializer) -> {
			if (publicUrl.https()) {
				serializer.setUseSecureCookie(true);
			}
		};
	}

}
