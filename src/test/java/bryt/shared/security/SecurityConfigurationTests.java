package bryt.shared.security;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BrytTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityConfigurationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private UserDetailsService accounts;

	@Test
	void sendsStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	/**
	 * Item 12 of issue 9: without an https bryt.public-url, plain HTTP gets no HSTS (a
	 * browser would ignore it there anyway); PublicUrlTests shows the other side.
	 */
	@Test
	void sendsNoHstsOverPlainHttpWithoutAnHttpsPublicUrl() throws Exception {
		this.mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
		this.mvc.perform(get("/report")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void refusesAFormWithoutCsrfToken() throws Exception {
		this.mvc.perform(post("/admin/units").with(user(this.accounts.loadUserByUsername("admin"))).param("code", "X"))
			.andExpect(status().isForbidden());
	}

	@Test
	void hashesPasswordsWithArgon2id() {
		String hash = this.passwordEncoder.encode("a password");
		assertThat(hash).startsWith("{argon2}$argon2id$");
		assertThat(this.passwordEncoder.matches("a password", hash)).isTrue();
		assertThat(this.passwordEncoder.matches("another", hash)).isFalse();
	}

	@Test
	void exposesOnlyHealthAndInfo() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
		var admin = user(this.accounts.loadUserByUsername("admin"));
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/configprops", "/actuator/mappings" }) {
			this.mvc.perform(get(endpoint).with(admin)).andExpect(status().isNotFound());
		}
	}

	@Test
	void logsNoValueOfAMalformedParameter(CapturedOutput output) throws Exception {
		var admin = user(this.accounts.loadUserByUsername("admin"));
		// A malformed date sends the reader back to the page without it (issue 11).
		this.mvc.perform(get("/workload").param("at", "811218-9876").with(admin))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/staff/811218-9876").with(admin)).andExpect(status().isBadRequest());
		assertThat(output.getAll()).doesNotContain("811218");
	}

	@Test
	void showsNoStackTraceForAnUnknownPage() throws Exception {
		this.mvc.perform(get("/admin/units/999999").with(user(this.accounts.loadUserByUsername("admin"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/units/not-a-number").with(user(this.accounts.loadUserByUsername("admin"))))
			.andExpect(status().isBadRequest());
	}

}
