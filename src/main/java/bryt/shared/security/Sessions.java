package bryt.shared.security;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's login sessions at once, on every instance, through Spring Session's
 * index of sessions by login name. A module calls it when an account loses access (it is
 * disabled, its roles change, its password is reset); the account must log in again and
 * gets what it is allowed now.
 */
@Component
public class Sessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	private final ApplicationEventPublisher events;

	Sessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	/**
	 * Ends every session of the account.
	 * @param username the account's login name
	 */
	public void endAll(String username) {
		endAllBut(username, null);
	}

	/**
	 * Ends every session of the account except the one of the current request, such as
	 * after the holder changed the password.
	 * @param username the account's login name
	 */
	public void endAllButCurrent(String username) {
		endAllBut(username, currentSessionId());
	}

	/**
	 * Ends the account's sessions begun with a password (also one waiting for its second
	 * factor), such as when its organisation switches local passwords off; a login
	 * through an identity provider stays.
	 * @param username the account's login name
	 */
	public void endPasswordLogins(String username) {
		end(username, (session) -> !throughProvider(session));
	}

	private void endAllBut(String username, String keep) {
		end(username, (session) -> !session.getId().equals(keep));
	}

	private void end(String username, Predicate<Session> ends) {
		FindByIndexNameSessionRepository<?> sessions = this.repository.getIfAvailable();
		if (sessions == null || username == null) {
			// Not a web application (the command line): there are no sessions.
			return;
		}
		Set<String> ended = sessions.findByPrincipalName(username)
			.values()
			.stream()
			.filter(ends)
			.map(Session::getId)
			.collect(Collectors.toSet());
		ended.forEach(sessions::deleteById);
		if (!ended.isEmpty()) {
			this.events.publishEvent(new SessionsEnded(ended));
		}
	}

	private static boolean throughProvider(Session session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication login = (context instanceof SecurityContext security) ? security.getAuthentication() : null;
		if (login instanceof SecondFactorPending pending) {
			login = pending.passwordLogin();
		}
		return login instanceof OidcLogin;
	}

	private static String currentSessionId() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpSession session = servlet.getRequest().getSession(false);
			return (session != null) ? session.getId() : null;
		}
		return null;
	}

}
