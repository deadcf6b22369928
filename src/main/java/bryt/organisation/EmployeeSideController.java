package bryt.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * The employee side's administration right (issue 16): the accounts of its organisation
 * by name, and for each the union and safety representatives' roles, the right itself and
 * the units they cover. It shows nothing of the employer's: no staff links, passwords,
 * second factors, employer roles or their origins.
 */
@Controller
@RequestMapping("/employee-side/accounts")
@PreAuthorize("hasRole('EMPLOYEE_SIDE_ADMINISTRATOR')")
class EmployeeSideController {

	private final AccountRepository repository;

	private final Accounts accounts;

	private final OrganisationTree tree;

	private final ProviderLinkRepository links;

	EmployeeSideController(AccountRepository repository, Accounts accounts, OrganisationTree tree,
			ProviderLinkRepository links) {
		this.repository = repository;
		this.accounts = accounts;
		this.tree = tree;
		this.links = links;
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		Map<Long, List<String>> providers = this.links.providerLabelsByAccount(me.organisationId());
		model.addAttribute("accounts", this.repository.findAll(me.organisationId())
			.stream()
			.map((account) -> new Row(account.id(), account.displayName(), account.username(),
					EmployeeSideForm.employeeSide(account.roles()), providers.getOrDefault(account.id(), List.of())))
			.sorted(Comparator.comparing(Row::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::username))
			.toList());
		return "organisation/employee-side-accounts";
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		return form(me, account(me, id), EmployeeSideForm.of(account(me, id)), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@ModelAttribute("form") EmployeeSideForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Account account = account(me, id);
		if (!errors.hasErrors()) {
			this.accounts.saveEmployeeSide(me.organisationId(), id, form.roles(), form.unitIds(), errors,
					me.accountId());
		}
		if (errors.hasErrors()) {
			return form(me, account, form, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/employee-side/accounts";
	}

	private String form(CurrentAccount me, Account account, EmployeeSideForm form, Model model) {
		model.addAttribute("account", new Row(account.id(), account.displayName(), account.username(),
				EmployeeSideForm.employeeSide(account.roles()), this.links.providerLabels(account.id())));
		model.addAttribute("form", form);
		model.addAttribute("roles", List.copyOf(Role.EMPLOYEE_SIDE));
		// Covered units are per account: while the employer's manager role covers units,
		// they are the employer's to set.
		boolean employerCovers = Accounts.Side.EMPLOYEE.otherSideCovers(account.roles());
		model.addAttribute("unitsFromEmployer", employerCovers);
		List<Unit> units = this.tree.units(me.organisationId());
		model.addAttribute("units", units);
		model.addAttribute("coveredUnitNames",
				units.stream().filter((unit) -> account.unitIds().contains(unit.id())).map(Unit::name).toList());
		Map<Role, ProviderLinkRepository.RoleOrigin> known = new java.util.EnumMap<>(Role.class);
		this.links.origins(account.id()).forEach((origin) -> known.put(origin.role(), origin));
		model.addAttribute("roleOrigins",
				EmployeeSideForm.employeeSide(account.roles())
					.stream()
					.map((role) -> known.getOrDefault(role,
							new ProviderLinkRepository.RoleOrigin(role, null, null, null, false)))
					.toList());
		return "organisation/employee-side-account";
	}

	private Account account(CurrentAccount me, long id) {
		return this.repository.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * An account as the employee side sees it, with the labels of the providers it logs
	 * in through.
	 */
	record Row(long id, String displayName, String username, Set<Role> roles, List<String> providers) {
	}

}
