package bryt;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * MockMvc's requests carry {@code Accept-Language: en}, as a browser always sends a
 * language: without one a page opens in its organisation's language (item 7 of issue 11),
 * and the tests written before that read English. A request that names its own language
 * ({@code header} or {@code locale}) keeps it; {@code OrganisationLanguageTests} builds a
 * MockMvc of its own to send none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EnglishBrowser {

	@Bean
	MockMvcBuilderCustomizer englishBrowser() {
		return (builder) -> builder.defaultRequest(get("/").header("Accept-Language", "en"));
	}

}
