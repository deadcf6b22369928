package bryt.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.PublicUrl;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Languages: the {@code Accept-Language} header picks one of Bryt's languages until the
 * user chooses another with {@code ?lang=sv|da|en} (without the header: the language of
 * the organisation, see {@link OrganisationLanguage}), which a cookie then remembers on
 * staff pages. Public pages (the modules' {@link AnonymousPaths}) keep the choice in
 * their links instead, and set no cookie.
 * <p>
 * Assets: the design system (GOV.UK Frontend's compiled CSS and JavaScript, from its
 * webjar) under {@code /design/}, Bryt's own under {@code /css/} and {@code /js/}. Their
 * links carry a hash of the content ({@link ResourceUrlEncodingFilter} rewrites
 * {@code @{...}} in templates), so a browser may keep them for a year: a changed file
 * gets a new address. {@link AssetNames} keeps that year for the hashed names only and
 * serves no source maps.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	/** The path of the current request, for the header to mark the current page. */
	static final String CURRENT_PATH = "currentPath";

	/**
	 * The header's language links of a logged-in page: the page's own address with its
	 * query (the chosen date, sort, page) and the language, by language code. Public
	 * pages have none: their links keep the language themselves
	 * ({@link LanguageInLinks}).
	 */
	static final String LANGUAGE_LINKS = "languageLinks";

	private static final AssetNames ASSET_NAMES = new AssetNames();

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final PublicPages publicPages;

	WebConfiguration(List<AnonymousPaths> anonymousPaths) {
		this.publicPages = new PublicPages(anonymousPaths);
	}

	@Bean
	LocaleResolver localeResolver(List<AnonymousPaths> anonymousPaths, PublicUrl publicUrl,
			ObjectProvider<OrganisationLanguage> organisationLanguages) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("bryt-lang");
		resolver.setDefaultLocaleFunction(
				(request) -> PublicPageLocaleResolver.unchosen(request, organisationLanguages).locale());
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setCookieSecure(publicUrl.https());
		return new PublicPageLocaleResolver(new PublicPages(anonymousPaths), resolver, organisationLanguages);
	}

	@Bean
	FilterRegistrationBean<LanguageInLinks> languageInLinks(List<AnonymousPaths> anonymousPaths) {
		return new FilterRegistrationBean<>(new LanguageInLinks(new PublicPages(anonymousPaths)));
	}

	/** Rewrites the links to assets in pages to their content-hashed addresses. */
	@Bean
	ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
		return new ResourceUrlEncodingFilter();
	}

	/**
	 * Browsers ask for {@code /favicon.ico} on their own, also on the anonymous report
	 * pages: answered with the icon Bryt has, not with the login page, whose form would
	 * leave a cookie in a reporter's browser.
	 */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/favicon.ico", "/favicon.svg");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/design/**")
			.addResourceLocations(
					"classpath:/META-INF/resources/webjars/govuk-frontend/" + designSystemVersion() + "/dist/govuk/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(ASSET_NAMES)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(ASSET_NAMES)
			.addTransformer(new CssLinkResourceTransformer());
		// Spring Boot's own handler for /** is off (spring.web.resources.add-mappings):
		// with it, every @{...} link of every page was looked up as a file in the jar by
		// ResourceUrlEncodingFilter (60 % of rendering a small page, docs/benchmarks.md).
		// The two files it served at the top level are served here.
		registry.addResourceHandler("/favicon.svg", "/api/v1/openapi.json").addResourceLocations("classpath:/static/");
		registry.addResourceHandler("/css/**", "/js/**")
			.addResourceLocations("classpath:/static/css/", "classpath:/static/js/")
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(ASSET_NAMES)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(ASSET_NAMES)
			.addTransformer(new CssLinkResourceTransformer());
	}

	/**
	 * The version of the design system's webjar, as its Maven metadata has it: the pom
	 * alone names the version, and an upgrade needs no change here.
	 */
	static String designSystemVersion() {
		try (InputStream in = WebConfiguration.class
			.getResourceAsStream("/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
			if (in == null) {
				throw new IllegalStateException("The govuk-frontend webjar is not on the class path");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The current address in each language. Only a GET's parameters are copied, and they
	 * are the query of the address the reader already has: nothing new goes into a URL (a
	 * POST's parameters, a form's fields, never do).
	 */
	private static Map<String, String> languageLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (Language language : Language.values()) {
			UriComponentsBuilder builder = UriComponentsBuilder
				.fromPath(request.getRequestURI().substring(request.getContextPath().length()));
			request.getParameterMap().forEach((name, values) -> {
				if (!LANGUAGE_PARAMETER.equals(name)) {
					builder.queryParam(name, (Object[]) values);
				}
			});
			builder.queryParam(LANGUAGE_PARAMETER, language.code());
			links.put(language.code(), builder.encode().build().toUriString());
		}
		return links;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatter(new DecimalFormatter());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				Language.ofCode(request.getParameter(LANGUAGE_PARAMETER))
					.ifPresent((language) -> RequestContextUtils.getLocaleResolver(request)
						.setLocale(request, response, language.locale()));
				return true;
			}

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView modelAndView) {
				// Pages only: on a redirect the model would become query parameters.
				if (modelAndView != null && modelAndView.getViewName() != null
						&& !modelAndView.getViewName().startsWith("redirect:")
						&& !modelAndView.getViewName().startsWith("forward:")) {
					modelAndView.addObject(CURRENT_PATH, request.getRequestURI());
					if ("GET".equals(request.getMethod()) && !WebConfiguration.this.publicPages.matches(request)) {
						modelAndView.addObject(LANGUAGE_LINKS, languageLinks(request));
					}
				}
			}
		});
	}

}
