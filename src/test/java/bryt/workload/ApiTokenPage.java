package bryt.workload;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Creates an API token the way an administrator does: on the page, which shows it once.
 */
final class ApiTokenPage {

	private ApiTokenPage() {
	}

	static String create(MockMvc mvc, UserDetailsService accounts, String name) throws Exception {
		String page = mvc
			.perform(post("/admin/api-tokens").param("name", name)
				.with(user(accounts.loadUserByUsername("admin")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int start = page.indexOf("bryt_");
		return page.substring(start, page.indexOf('<', start));
	}

}
