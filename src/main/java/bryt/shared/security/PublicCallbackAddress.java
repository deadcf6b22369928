package bryt.shared.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The identity provider's answer arrives at
 * {@code <bryt.public-url>/login/oauth2/code/…}, the address Bryt gave it; behind a proxy
 * that ends TLS Bryt sees another one (plain HTTP, the internal host). Spring Security
 * compares the two, so on that path the request shows the public address. Bryt reads no
 * forwarded header for it: the address is the operator's setting.
 */
final class PublicCallbackAddress extends OncePerRequestFilter {

	static final String CALLBACK = "/login/oauth2/code/";

	private final URI publicUrl;

	PublicCallbackAddress(PublicUrl publicUrl) {
		this.publicUrl = URI.create(publicUrl.value());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + CALLBACK);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		URI base = this.publicUrl;
		int port = (base.getPort() != -1) ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getScheme() {
				return base.getScheme();
			}

			@Override
			public String getServerName() {
				return base.getHost();
			}

			@Override
			public int getServerPort() {
				return port;
			}

			@Override
			public boolean isSecure() {
				return "https".equals(base.getScheme());
			}

			@Override
			public StringBuffer getRequestURL() {
				StringBuffer url = new StringBuffer(base.getScheme()).append("://").append(base.getHost());
				if (base.getPort() != -1) {
					url.append(':').append(base.getPort());
				}
				return url.append(getRequestURI());
			}
		}, response);
	}

}
