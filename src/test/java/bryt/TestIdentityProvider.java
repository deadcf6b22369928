package bryt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OpenID provider in the test JVM (NAV's mock-oauth2-server) on the loopback
 * address and a free port, with as many issuers as a test names (each issuer is a path:
 * {@code http://127.0.0.1:<port>/<issuer>}). Non-interactive: its authorization endpoint
 * answers at once with a code for the identity the test queued with {@link #next}.
 */
public final class TestIdentityProvider implements AutoCloseable {

	private final MockOAuth2Server server = new MockOAuth2Server();

	public TestIdentityProvider() {
		try {
			this.server.start(InetAddress.getByName("127.0.0.1"), 0);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The issuer's address, as an administrator enters it in Bryt. */
	public String issuer(String issuerId) {
		return this.server.issuerUrl(issuerId).toString();
	}

	/**
	 * The identity and claims of the next login at the issuer (ID token, access token and
	 * user info).
	 */
	public void next(String issuerId, String subject, Map<String, Object> claims) {
		this.server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
	}

	/** The paths of the requests the provider received since the last call. */
	public List<String> requests() {
		List<String> paths = new ArrayList<>();
		while (true) {
			RecordedRequest request;
			try {
				request = this.server.takeRequest(50, TimeUnit.MILLISECONDS);
			}
			catch (RuntimeException ex) {
				// None left within the wait.
				break;
			}
			if (request == null) {
				break;
			}
			paths.add(request.getRequestUrl().encodedPath() + ((request.getRequestUrl().encodedQuery() != null)
					? "?" + request.getRequestUrl().encodedQuery() : ""));
		}
		return paths;
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

}
