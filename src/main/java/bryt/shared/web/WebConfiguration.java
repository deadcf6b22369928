package bryt.shared.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.shared.security.AnonymousPaths;
import bryt.shared.security.PublicUrl;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Languages: the {@code Accept-Language} header picks one of Bryt's languages until the
 * user chooses another with {@code ?lang=sv|da|en}, which a cookie then remembers on
 * staff pages. Public pages (the modules' {@link AnonymousPaths}) keep the choice in
 * their links instead, and set no cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver(List<AnonymousPaths> anonymousPaths, PublicUrl publicUrl) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("bryt-lang");
		resolver
			.setDefaultLocaleFunction((request) -> Language.bestMatch(request.getHeader("Accept-Language")).locale());
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setCookieSecure(publicUrl.https());
		return new PublicPageLocaleResolver(new PublicPages(anonymousPaths), resolver);
	}

	@Bean
	FilterRegistrationBean<LanguageInLinks> languageInLinks(List<AnonymousPaths> anonymousPaths) {
		return new FilterRegistrationBean<>(new LanguageInLinks(new PublicPages(anonymousPaths)));
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
		});
	}

}
