package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts, their roles, the units they cover and the staff member they belong to. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AccountController {

	private final AccountRepository repository;

	private final Accounts accounts;

	private final OrganisationTree tree;

	private final StaffRepository staff;

	private final Clock clock;

	private final SecondFactors secondFactors;

	private final ProviderLinkRepository links;

	AccountController(AccountRepository repository, Accounts accounts, OrganisationTree tree, StaffRepository staff,
			Clock clock, SecondFactors secondFactors, ProviderLinkRepository links) {
		this.links = links;
		this.secondFactors = secondFactors;
		this.repository = repository;
		this.accounts = accounts;
		this.tree = tree;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("accounts", this.repository.findAll(me.organisationId()));
		return "organisation/accounts";
	}

	@GetMapping("/new")
	String newAccount(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return form(me, null, AccountForm.empty(), model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") AccountForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return form(me, id, AccountForm.of(account(me, id)), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		account(me, id);
		return save(me, id, form, errors, model, redirect);
	}

	/**
	 * For a lost phone: the account sets up a new second factor at its next login; its
	 * password, roles and keys stay as they are.
	 */
	@PostMapping("/{id}/second-factor/reset")
	String resetSecondFactor(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		Account account = account(me, id);
		// Not of an account that speaks for the employees, as its password is not: with
		// the factor gone, whoever knows or guesses the password sets up their own
		// (organisation reset-second-factor, the platform operator's).
		if (account.roles().stream().anyMatch(Role.EMPLOYEE_SIDE::contains)) {
			model.addAttribute("secondFactorRefused", true);
			return form(me, id, AccountForm.of(account), model);
		}
		this.secondFactors.reset(me.organisationId(), id);
		redirect.addFlashAttribute("secondFactorReset", true);
		return "redirect:/admin/accounts/" + id;
	}

	private String save(CurrentAccount me, Long id, AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		this.accounts.save(me.organisationId(), id, form, errors, me.accountId());
		if (errors.hasErrors()) {
			return form(me, id, form, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/accounts";
	}

	private String form(CurrentAccount me, Long id, AccountForm form, Model model) {
		model.addAttribute("accountId", id);
		model.addAttribute("secondFactorEnrolled", id != null && this.secondFactors.enrolled(id));
		model.addAttribute("form", form);
		model.addAttribute("roleOrigins", (id != null) ? roleOrigins(me, id) : java.util.List.of());
		model.addAttribute("providerLabels", (id != null) ? this.links.providerLabels(id) : java.util.List.of());
		// Issue 16: the employer's administrator grants the employer's roles only. The
		// employee side's roles an account holds are shown, and sent back unchanged; so
		// are its units while those roles cover them (covered units are per account).
		model.addAttribute("roles", List.copyOf(Role.EMPLOYER_SIDE));
		Account account = (id != null) ? account(me, id) : null;
		model.addAttribute("employeeSideRoles",
				(account != null) ? EmployeeSideForm.employeeSide(account.roles()) : java.util.Set.of());
		boolean unitsFromEmployeeSide = account != null && Accounts.Side.EMPLOYER.otherSideCovers(account.roles());
		model.addAttribute("unitsFromEmployeeSide", unitsFromEmployeeSide);
		List<Unit> units = this.tree.units(me.organisationId());
		model.addAttribute("units", units);
		model.addAttribute("coveredUnitNames", (account != null)
				? units.stream().filter((unit) -> account.unitIds().contains(unit.id())).map(Unit::name).toList()
				: List.of());
		model.addAttribute("staff", this.staff.list(me.organisationId(), null, false, LocalDate.now(this.clock)));
		return "organisation/account-form";
	}

	/**
	 * Each role the account holds, with where it came from; a role given before origins
	 * were recorded has none ({@code provider} and {@code at} null).
	 */
	private java.util.List<ProviderLinkRepository.RoleOrigin> roleOrigins(CurrentAccount me, long id) {
		java.util.Map<Role, ProviderLinkRepository.RoleOrigin> known = new java.util.EnumMap<>(Role.class);
		this.links.origins(id).forEach((origin) -> known.put(origin.role(), origin));
		return account(me, id).roles()
			.stream()
			.sorted()
			.map((role) -> known.getOrDefault(role,
					new ProviderLinkRepository.RoleOrigin(role, null, null, null, false)))
			.toList();
	}

	private Account account(CurrentAccount me, long id) {
		return this.repository.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
