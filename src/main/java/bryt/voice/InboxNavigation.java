package bryt.voice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.organisation.CurrentAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the recipients' inbox ({@code /voice}) in the navigation only of those who have
 * one: the recipients of a channel and whoever still holds a key to a report. Everyone
 * else met an empty page there. The inbox itself stays open to every account, as before;
 * only the link is hidden.
 */
@Component
class InboxNavigation implements WebMvcConfigurer, HandlerInterceptor {

	/** The model attribute the layout reads. */
	static final String ATTRIBUTE = "inboxInNavigation";

	private final ChannelRepository channels;

	InboxNavigation(ChannelRepository channels) {
		this.channels = channels;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		// Pages only: on a redirect the model would become query parameters.
		if (modelAndView == null || modelAndView.getViewName() == null
				|| modelAndView.getViewName().startsWith("redirect:")
				|| modelAndView.getViewName().startsWith("forward:")) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount me) {
			modelAndView.addObject(ATTRIBUTE, this.channels.readsReports(me.organisationId(), me.accountId()));
		}
	}

}
