package bryt.organisation;

import java.util.List;

import bryt.shared.DemoMode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final DemoMode demo;

	LoginController(DemoMode demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoAccounts", this.demo.active() ? DemoMunicipality.ACCOUNTS : List.of());
		model.addAttribute("demoPassword", DemoMode.PASSWORD);
		return "organisation/login";
	}

}
