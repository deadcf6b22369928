package bryt.shared.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The index of the modules' help pages ({@link HelpPage}). */
@Controller
class HelpController {

	private final List<HelpPage> pages;

	HelpController(List<HelpPage> pages) {
		this.pages = pages.stream().sorted(Comparator.comparingInt(HelpPage::order)).toList();
	}

	@GetMapping("/help")
	@PreAuthorize("isAuthenticated()")
	String index(Model model) {
		model.addAttribute("modules", this.pages.stream().map(HelpPage::module).toList());
		return "help";
	}

}
