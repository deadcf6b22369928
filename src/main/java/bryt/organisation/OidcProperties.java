package bryt.organisation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on settings (issue 16).
 *
 * @param secretKey Base64 of at least 32 bytes that encrypts the providers' client
 * secrets; empty: {@code keys/oidc-client-secret.key} under the data directory, made on
 * first start
 * @param discoveryCache how long a provider's discovery document is reused before it is
 * read again
 */
@ConfigurationProperties("bryt.sso")
record OidcProperties(String secretKey, @DefaultValue("PT10M") Duration discoveryCache) {
}
