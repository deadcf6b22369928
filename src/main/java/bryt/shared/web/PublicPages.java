package bryt.shared.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import bryt.shared.security.AnonymousPaths;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The pages of the modules' {@link AnonymousPaths}: the reporter's pages, which leave
 * nothing on the device, a language cookie included. Their language comes from
 * {@code ?lang=} or else the browser's {@code Accept-Language}, and their links carry the
 * chosen language on.
 */
final class PublicPages {

	private final List<PathPattern> patterns;

	PublicPages(List<AnonymousPaths> anonymousPaths) {
		this.patterns = anonymousPaths.stream()
			.flatMap((paths) -> paths.patterns().stream())
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	/**
	 * Whether the request is for a public page, or is the error page of a request for one
	 * (a 404 under {@code /report} must not leave a cookie either).
	 */
	boolean matches(HttpServletRequest request) {
		return (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
				&& matchesPath(request, failed)) || matchesPath(request, request.getRequestURI());
	}

	/**
	 * Whether a path (with the context path, without query) is a public page's.
	 * @param request any request of this application
	 * @param path the path
	 */
	boolean matchesPath(HttpServletRequest request, String path) {
		String contextPath = request.getContextPath();
		if (path == null || !path.startsWith(contextPath + "/")) {
			return false;
		}
		PathContainer withinApplication = PathContainer.parsePath(path.substring(contextPath.length()));
		return this.patterns.stream().anyMatch((pattern) -> pattern.matches(withinApplication));
	}

}
