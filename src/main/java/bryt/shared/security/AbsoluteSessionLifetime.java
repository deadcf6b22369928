package bryt.shared.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login session a fixed time after it began, however busy it is: the idle timeout
 * alone would keep a session that is used every few minutes alive for ever. Sessions are
 * made at the login (never for anonymous visitors), so their creation time is the login
 * time. The request then goes on without a session, to the login page or a 401.
 */
final class AbsoluteSessionLifetime extends OncePerRequestFilter {

	private final Duration lifetime;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AbsoluteSessionLifetime(Duration lifetime, Clock clock, ApplicationEventPublisher events) {
		this.lifetime = lifetime;
		this.clock = clock;
		this.events = events;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null
				&& Instant.ofEpochMilli(session.getCreationTime()).plus(this.lifetime).isBefore(this.clock.instant())) {
			String id = session.getId();
			session.invalidate();
			this.events.publishEvent(new SessionsEnded(Set.of(id)));
		}
		chain.doFilter(request, response);
	}

}
