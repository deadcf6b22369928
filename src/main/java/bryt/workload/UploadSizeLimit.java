package bryt.workload;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a multipart upload of an import file over the servlet's multipart limit before
 * anything reads it. Otherwise the container refuses it while Spring Security looks for
 * the CSRF field, and the user gets the container's bare 413 page and the log a stack
 * trace. The import page sends the browser back to the page, which says how large a file
 * it takes and where larger ones go; the API answers 413 with problem details that point
 * to the request body, which streams whatever its size.
 */
class UploadSizeLimit extends OncePerRequestFilter {

	static final String PAGE = "/workload/imports";

	/** Shown on the page after a refused upload. */
	static final String TOO_LARGE = "tooLarge";

	private static final Pattern API_IMPORT = Pattern.compile("/api/v1/organisations/[^/]+/imports/[^/]+");

	private final DataSize limit;

	private final MessageSource messages;

	private final JsonMapper json;

	UploadSizeLimit(DataSize limit, MessageSource messages, JsonMapper json) {
		this.limit = limit;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !HttpMethod.POST.matches(request.getMethod()) || contentType == null
				|| !contentType.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
						MediaType.MULTIPART_FORM_DATA_VALUE.length())
				|| request.getContentLengthLong() <= this.limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(PAGE)) {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", request.getContextPath() + PAGE + "?" + TOO_LARGE + "=true");
			return;
		}
		if (API_IMPORT.matcher(path).matches()) {
			Object[] megabytes = { this.limit.toMegabytes() };
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
			problem.put("title", this.messages.getMessage("import.refused", null, request.getLocale()));
			problem.put("detail", this.messages.getMessage("imports.api.tooLarge", megabytes, request.getLocale()));
			problem.put("instance", path);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(this.json.writeValueAsBytes(problem));
			return;
		}
		chain.doFilter(request, response);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Before Spring Security, whose CSRF check would read the body first. */
		@Bean
		FilterRegistrationBean<UploadSizeLimit> uploadSizeLimit(
				@Value("${spring.servlet.multipart.max-file-size}") DataSize limit, MessageSource messages,
				JsonMapper json) {
			FilterRegistrationBean<UploadSizeLimit> registration = new FilterRegistrationBean<>(
					new UploadSizeLimit(limit, messages, json));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
