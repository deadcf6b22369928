package bryt.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page that sends the browser on to the provider's end-session endpoint after the
 * logout of a provider's login ({@link ProviderLogoutPage} forwards here). A page in the
 * layout, so it has the messages, the hashed assets and the checks of every other page.
 * Only a forward from the logout carries the address: asked for directly, it is not
 * found.
 */
@Controller
class ProviderLogoutController {

	static final String PATH = "/logout/provider";

	/** The request attribute with the end-session address; a client cannot set it. */
	static final String TARGET = ProviderLogoutController.class.getName() + ".target";

	// The forward keeps the logout's POST.
	@PostMapping(PATH)
	String show(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(TARGET) instanceof String target)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		// The address holds the ID token (id_token_hint): never in a cache.
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("target", target);
		// A page of a moment, on the way out: no language or home links that would lead
		// back into Bryt instead of on to the provider.
		model.addAttribute("keepOnPage", true);
		return "provider-logout";
	}

}
