package bryt.organisation;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import bryt.shared.security.SecondFactorPending;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login: the code from the app or a recovery code, or, for an
 * account that has none yet, setting one up. Open only to a login that has passed the
 * password ({@link SecondFactorPending}); anyone else is sent to the login page.
 */
@Controller
@RequestMapping(SecondFactorPending.PATH)
class SecondFactorController {

	private static final String FORM = "form";

	private final SecondFactors secondFactors;

	private final SecondFactorLogin login;

	SecondFactorController(SecondFactors secondFactors, SecondFactorLogin login) {
		this.secondFactors = secondFactors;
		this.login = login;
	}

	@GetMapping
	String form(Model model) {
		Optional<SecondFactorPending> pending = pending();
		if (pending.isEmpty()) {
			return notPending();
		}
		CurrentAccount account = account(pending.get());
		if (this.secondFactors.enrolled(account.accountId())) {
			model.addAttribute(FORM, new CodeForm(""));
			return "organisation/second-factor";
		}
		return enrolment(account, model);
	}

	@PostMapping
	String check(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<SecondFactorPending> pending = pending();
		if (pending.isEmpty()) {
			return notPending();
		}
		SecondFactors.Check result = this.secondFactors.check(account(pending.get()), code);
		if (result == SecondFactors.Check.PASSED) {
			this.login.complete(pending.get(), request, response);
			return "redirect:" + this.login.landing(request);
		}
		refuse(model, (result == SecondFactors.Check.WAIT) ? "secondFactor.wait" : "secondFactor.wrong");
		return "organisation/second-factor";
	}

	@PostMapping("/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<SecondFactorPending> pending = pending();
		if (pending.isEmpty()) {
			return notPending();
		}
		CurrentAccount account = account(pending.get());
		Optional<List<String>> recoveryCodes = this.secondFactors.confirm(account, code);
		if (recoveryCodes.isEmpty()) {
			if (this.secondFactors.enrolled(account.accountId())) {
				return "redirect:" + SecondFactorPending.PATH;
			}
			refuse(model, "secondFactor.wrong");
			return enrolment(account, model);
		}
		this.login.complete(pending.get(), request, response);
		// Shown this once; only their hashes are kept.
		model.addAttribute("recoveryCodes", recoveryCodes.get());
		return "organisation/recovery-codes";
	}

	private String enrolment(CurrentAccount account, Model model) {
		if (!model.containsAttribute(FORM)) {
			model.addAttribute(FORM, new CodeForm(""));
		}
		String secret = this.secondFactors.enrolmentSecret(account);
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("qrCode", this.secondFactors.qrCode(account.getUsername(), secret));
		return "organisation/second-factor-enrol";
	}

	/**
	 * The code field refused with the message {@code key}, as a form's error, so that the
	 * page shows it like every other form: in the error summary and by the field. The
	 * code typed is not kept.
	 */
	private static void refuse(Model model, String key) {
		CodeForm form = new CodeForm("");
		BindingResult errors = new DirectFieldBindingResult(form, FORM);
		errors.rejectValue("code", key);
		model.addAttribute(FORM, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, errors);
	}

	/** A full login goes to its landing page, anyone else to the login page. */
	private static String notPending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentAccount) ? "redirect:/"
				: "redirect:/login";
	}

	private static Optional<SecondFactorPending> pending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof SecondFactorPending pending) ? Optional.of(pending) : Optional.empty();
	}

	private static CurrentAccount account(SecondFactorPending pending) {
		return (CurrentAccount) pending.passwordLogin().getPrincipal();
	}

	/** The code field of the two forms; what is typed is never shown again. */
	record CodeForm(String code) {
	}

}
