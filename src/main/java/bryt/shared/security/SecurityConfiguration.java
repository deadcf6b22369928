package bryt.shared.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form login with Argon2id password hashes, CSRF protection on every form, strict headers
 * and limits on password guessing. Each page states who may see it with
 * {@code @PreAuthorize}; this chain only requires a login for everything that is not
 * explicitly public.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class);

	/** Nothing from third parties, no inline script or style, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	/**
	 * Open without a login in the main chain. Modules open their own pages with an
	 * {@link AnonymousPaths} bean, which keeps sessions out of them entirely.
	 */
	static final String[] PUBLIC_PATHS = { "/login", SecondFactorPending.PATH, SecondFactorPending.PATH + "/**",
			ProviderLogoutController.PATH, "/css/**", "/js/**", "/design/**", "/favicon.svg", "/favicon.ico", "/error",
			"/actuator/health", "/actuator/health/**", "/actuator/info" };

	/**
	 * The design system's stylesheet names its own fonts and images under
	 * {@code /assets/}. Bryt serves neither (a system font stack), but a rule that slips
	 * through makes the browser ask: anonymous there, the request ends in a 404 without a
	 * session or a CSRF cookie, instead of at the login page, whose form would leave a
	 * cookie in a reporter's browser.
	 */
	@Bean
	static AnonymousPaths designSystemAssetPaths() {
		return new AnonymousPaths("/assets/**");
	}

	/**
	 * The anonymous paths come first: no session is created or read there, no CSRF token
	 * is issued, no request is saved for after a login.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain anonymousFilterChain(HttpSecurity http, List<AnonymousPaths> modulePaths, PublicUrl publicUrl)
			throws Exception {
		String[] paths = modulePaths.stream().flatMap((p) -> p.patterns().stream()).toArray(String[]::new);
		if (paths.length == 0) {
			http.securityMatcher((RequestMatcher) (request) -> false);
		}
		else {
			http.securityMatcher(paths);
		}
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// No CSRF token without a session: the browser's own word on where a write
			// comes from stands in for it.
			.addFilterBefore(new CrossSiteWrites(), AuthorizationFilter.class)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext((context) -> context.securityContextRepository(new NullSecurityContextRepository()))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frame) -> frame.deny())
				.httpStrictTransportSecurity(hsts(publicUrl)))
			.build();
	}

	/**
	 * The HTTP API under {@code /api/}: bearer tokens, or the session of a logged-in
	 * user. No CSRF tokens: writes are allowed to token holders only, which a browser
	 * does not send on its own.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticator tokens,
			AbsoluteSessionLifetime lifetime, PublicUrl publicUrl) throws Exception {
		return http.securityMatcher("/api/**")
			.addFilterBefore(lifetime, SecurityContextHolderFilter.class)
			// A login's session is read here, never made: an anonymous call would
			// otherwise get a session holding its saved request (headers, cookies).
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.csrf((csrf) -> csrf.disable())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
			.addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.httpStrictTransportSecurity(hsts(publicUrl)))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			ObjectProvider<AuthenticationSuccessHandler> loginSuccess, AbsoluteSessionLifetime lifetime,
			PublicUrl publicUrl, ApplicationEventPublisher events, ObjectProvider<SingleSignOn> singleSignOn)
			throws Exception {
		AuthenticationFailureHandler failures = new RedirectingFailureHandler(
				Map.of(LockedException.class, "/login?throttled", LocalPasswordsOff.class, "/login?localOff"),
				"/login?error");
		SingleSignOn sso = singleSignOn.getIfAvailable();
		if (sso != null) {
			oidcLogin(http, sso, publicUrl);
		}
		return http.authenticationManager(authenticationManager)
			.addFilterBefore(lifetime, SecurityContextHolderFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				// Spring Boot serves every webjar's files there, the design
				// system's font and source maps too; pages use /design/**.
				.requestMatchers("/webjars/**")
				.denyAll()
				.anyRequest()
				.authenticated())
			// No WebAuthenticationDetails: they would put the client's address into the
			// session store.
			.formLogin((form) -> {
				form.loginPage("/login")
					.failureHandler(failures)
					.authenticationDetailsSource((request) -> null)
					.defaultSuccessUrl("/", true);
				// A module may hold the login back for a second factor
				// (SecondFactorPending).
				loginSuccess.ifAvailable(form::successHandler);
			})
			.addFilterBefore(new SecondFactorFilter(), AuthorizationFilter.class)
			// After a login everyone starts on the home page, so a saved request (the
			// visitor's headers and cookies, in a session made for it) would serve
			// nothing.
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			// The login form's token lives in a cookie until the login, so that showing
			// the form makes no session.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(publicUrl)))
			// What modules keep for the session outside the store (unlocked keys) goes
			// with it.
			.logout((logout) -> logout.addLogoutHandler((request, response, authentication) -> {
				HttpSession session = request.getSession(false);
				if (session != null) {
					events.publishEvent(new SessionsEnded(Set.of(session.getId())));
				}
			}).logoutSuccessHandler(logoutSuccess(sso, publicUrl)))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions((frame) -> frame.deny())
				.httpStrictTransportSecurity(hsts(publicUrl)))
			.build();
	}

	/**
	 * OpenID Connect login (issue 16): authorization code with PKCE for every client,
	 * also confidential ones; the providers come from the database. The authorization
	 * request (state, nonce, PKCE verifier) is kept in a session made when the visitor
	 * chooses a provider; the login gives it a new id. A refusal goes back to the login
	 * page with a code the page explains, and nothing of the answer is kept.
	 */
	private static void oidcLogin(HttpSecurity http, SingleSignOn sso, PublicUrl publicUrl) throws Exception {
		if (publicUrl.value() != null && !publicUrl.value().isEmpty()) {
			http.addFilterBefore(new PublicCallbackAddress(publicUrl), OAuth2LoginAuthenticationFilter.class);
		}
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				sso.registrations(), OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		AuthenticationFailureHandler refused = (request, response, exception) -> {
			String code = (exception instanceof OAuth2AuthenticationException oauth
					&& oauth.getError().getErrorCode().startsWith("bryt_"))
							? oauth.getError().getErrorCode().substring("bryt_".length()) : "failed";
			// The error code and class only: a description may quote the provider's
			// answer.
			log.info("A login through an identity provider was refused: {} ({})", code,
					(exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode()
							: exception.getClass().getSimpleName());
			// A refusal may name Bryt's page to go back to (a holder's link of their
			// account goes back to the link's page, still logged in).
			String back = (exception instanceof OAuth2AuthenticationException oauth && oauth.getError().getUri() != null
					&& oauth.getError().getUri().startsWith("/") && !oauth.getError().getUri().startsWith("//"))
							? oauth.getError().getUri() : "/login?sso=" + code;
			response.sendRedirect(request.getContextPath() + back);
		};
		http.oauth2Login((oauth) -> oauth.loginPage("/login")
			.clientRegistrationRepository(sso.registrations())
			// Bryt calls no API of the provider: its access and refresh tokens are
			// dropped at once, never kept in memory or the session.
			.authorizedClientRepository(new NoAuthorizedClients())
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(requests))
			.userInfoEndpoint((users) -> users.oidcUserService(sso.users()))
			.successHandler(sso.loggedIn())
			.failureHandler(refused)
			// The chain's authentication manager checks passwords only: the provider's
			// answer (code, tokens, ID token's signature, issuer, audience, nonce) is
			// checked by Spring Security's OpenID provider of its own.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
							new RestClientAuthorizationCodeTokenResponseClient(), sso.users())));
					return filter;
				}
			})
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					// An unknown provider or one whose issuer does not answer: a message
					// on the login page, not a 500.
					filter.setAuthenticationFailureHandler((request, response, exception) -> response
						.sendRedirect(request.getContextPath() + "/login?sso=unavailable"));
					return filter;
				}
			}));
	}

	/**
	 * After the logout: a login through a provider ends there too (RP-initiated logout,
	 * with the ID token as {@code id_token_hint}), and the provider sends the browser
	 * back to the login page; any other login goes to the login page at once.
	 */
	private static LogoutSuccessHandler logoutSuccess(SingleSignOn sso, PublicUrl publicUrl) {
		SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
		local.setDefaultTargetUrl("/login?logout");
		if (sso == null) {
			return local;
		}
		ProviderLogoutPage provider = new ProviderLogoutPage(sso.registrations(),
				(publicUrl.value().isEmpty() ? "{baseUrl}" : publicUrl.value()) + "/login?logout");
		return (request, response, authentication) -> {
			if (authentication instanceof OidcLogin login) {
				provider.show(request, response, login);
			}
			else {
				local.onLogoutSuccess(request, response, authentication);
			}
		};
	}

	/**
	 * HSTS (a year, subdomains included) on every answer when users reach Bryt over
	 * HTTPS: behind a proxy that ends TLS the request itself looks like plain HTTP, and
	 * Spring Security would send the header only on a secure request.
	 */
	private static Customizer<HeadersConfigurer<HttpSecurity>.HstsConfig> hsts(PublicUrl publicUrl) {
		return (hsts) -> {
			if (publicUrl.https()) {
				hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(365L * 24 * 60 * 60);
			}
		};
	}

	@Bean
	AbsoluteSessionLifetime absoluteSessionLifetime(SecurityProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		return new AbsoluteSessionLifetime(properties.session().absoluteTimeout(), clock, events);
	}

	/**
	 * Only in the login and API chains: Spring Boot would otherwise also put the filter
	 * in front of the anonymous reporting pages, where no session is even read.
	 */
	@Bean
	FilterRegistrationBean<AbsoluteSessionLifetime> absoluteSessionLifetimeRegistration(
			AbsoluteSessionLifetime filter) {
		FilterRegistrationBean<AbsoluteSessionLifetime> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	static CookieCsrfTokenRepository csrfTokens(PublicUrl publicUrl) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName("BRYT_CSRF");
		tokens.setCookiePath("/");
		if (publicUrl.https()) {
			tokens.setCookieCustomizer((cookie) -> cookie.secure(true));
		}
		return tokens;
	}

	/**
	 * Every login's password check goes through {@link PasswordAttempts}; a stored hash
	 * with weaker Argon2 parameters than today's is replaced at the next successful
	 * login.
	 */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
			PasswordAttempts attempts, ObjectProvider<UserDetailsPasswordService> upgrades,
			ObjectProvider<UserDetailsChecker> afterPassword) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		upgrades.ifAvailable(provider::setUserDetailsPasswordService);
		// Only after a right password (a module may refuse it, e.g. local passwords
		// switched off), so that the refusal tells nothing to a guesser.
		afterPassword.ifAvailable(provider::setPostAuthenticationChecks);
		return new LimitedAuthenticationManager(new ProviderManager(provider), users, attempts);
	}

}
