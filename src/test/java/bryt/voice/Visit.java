package bryt.voice;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One logged-in browser: the account's requests with the session cookie the application
 * set (sessions live in the database, and unlocked keys hang on the session id).
 */
final class Visit {

	private final MockMvc mvc;

	private final UserDetails account;

	private Cookie session;

	Visit(MockMvc mvc, UserDetails account) {
		this.mvc = mvc;
		this.account = account;
	}

	MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		if (this.session != null) {
			request.cookie(this.session);
		}
		MockHttpServletResponse response = this.mvc.perform(request.with(user(this.account)).with(csrf()))
			.andReturn()
			.getResponse();
		for (String header : response.getHeaders("Set-Cookie")) {
			String pair = header.substring(0, header.contains(";") ? header.indexOf(';') : header.length());
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			if (name.contains("SESSION") && !value.isEmpty()) {
				this.session = new Cookie(name, value);
			}
		}
		return response;
	}

	/** The page, after following one redirect as a browser would. */
	String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = send(request);
		if (response.getStatus() == 302 && response.getRedirectedUrl() != null) {
			return send(get(response.getRedirectedUrl())).getContentAsString();
		}
		return response.getContentAsString();
	}

}
