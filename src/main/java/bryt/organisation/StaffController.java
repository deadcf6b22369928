package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import bryt.shared.PersonalIdentityNumbers;
import bryt.shared.tables.Cell;
import bryt.shared.tables.Column;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.TableView;
import jakarta.servlet.http.HttpServletRequest;

import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff records: HR and administrators keep them; managers and union representatives read
 * their units'.
 */
@Controller
@RequestMapping("/staff")
class StaffController {

	private static final String KEEPERS = "hasAnyRole('HR', 'ADMINISTRATOR')";

	private static final int MAX_EMAIL = 254;

	private final StaffDirectory directory;

	private final StaffRepository staff;

	private final StaffChanges changes;

	private final OrganisationTree tree;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	StaffController(StaffDirectory directory, StaffRepository staff, StaffChanges changes, OrganisationTree tree,
			ApplicationEventPublisher events, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.changes = changes;
		this.events = events;
		this.clock = clock;
		this.directory = directory;
		this.staff = staff;
		this.tree = tree;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('HR', 'ADMINISTRATOR', 'MANAGER', 'UNION_REPRESENTATIVE')")
	String list(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(name = "former", defaultValue = "false") boolean former,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, Locale locale, Model model, HttpServletRequest request) {
		List<StaffRepository.StaffListRow> staff = this.directory.list(me, former);
		boolean canEdit = this.directory.visibility(me).wholeOrganisation();
		model.addAttribute("staff", staff);
		model.addAttribute("former", former);
		model.addAttribute("canEdit", canEdit);
		model.addAttribute("staffTable", TableView.of(table(staff, former, canEdit, locale),
				new TableRequest(sort, dir, page), true, request, locale));
		return "organisation/staff";
	}

	/**
	 * The staff list as CSV or Excel: the same rows the reader sees on the page (their
	 * units' staff only, for a manager or union representative), in the same order.
	 */
	@GetMapping(params = "export")
	@PreAuthorize("hasAnyRole('HR', 'ADMINISTRATOR', 'MANAGER', 'UNION_REPRESENTATIVE')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(name = "former", defaultValue = "false") boolean former, @RequestParam String export,
			@RequestParam(required = false) String format, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, Locale locale) {
		FigureTable table = table(this.directory.list(me, former), former, false, locale);
		if (!table.name().equals(export)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return TableExports.download(new TableRequest(sort, dir, null).sorted(table, locale),
				TableExports.Format.of(format).orElse(TableExports.Format.CSV), LocalDate.now(this.clock), locale);
	}

	/** The staff list, one model for the page and the downloads. */
	private FigureTable table(List<StaffRepository.StaffListRow> staff, boolean former, boolean links, Locale locale) {
		FigureTable.Builder table = FigureTable
			.builder("staff", message(former ? "staff.caption.all" : "staff.caption.current", locale, staff.size()))
			.column(Column.text("name", message("staff.name", locale)).withSortLink())
			.column(Column.text("number", message("staff.employeeNumber", locale)).withSortLink())
			.column(Column.text("unit", message("staff.unit", locale)).withSortLink())
			.column(Column.text("role", message("staff.role", locale)).withSortLink())
			.column(Column.number("fte", message("staff.fte", locale)).withSortLink())
			.column(Column.text("start", message("staff.employmentStart", locale)).withSortLink());
		if (former) {
			table.column(Column.text("end", message("staff.endDate", locale)).withSortLink());
		}
		for (StaffRepository.StaffListRow member : staff) {
			Cell name = Cell.text(member.name());
			List<Cell> cells = new java.util.ArrayList<>(
					List.of(links ? name.linkedTo("/staff/" + member.id()) : name, Cell.text(member.employeeNumber()),
							Cell.text(member.unitName()), Cell.text(message("staffRole." + member.role(), locale)),
							Cell.decimal(member.fte().doubleValue(), 2, locale), Cell.date(member.employmentStart())));
			if (former) {
				cells.add(Cell.text((member.endDate() == null) ? ""
						: member.endDate() + " (" + message("endReason." + member.endReason(), locale) + ")"));
			}
			table.row(cells);
		}
		return table.build();
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	@GetMapping("/new")
	@PreAuthorize(KEEPERS)
	String newMember(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return form(me, null, StaffForm.empty(), model);
	}

	@PostMapping
	@PreAuthorize(KEEPERS)
	String create(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") StaffForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return save(me, null, form, errors, model, redirect);
	}

	@GetMapping("/{id}")
	@PreAuthorize(KEEPERS)
	String edit(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Model model) {
		StaffMember member = this.staff.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return form(me, id, StaffForm.of(member), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(KEEPERS)
	String update(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") StaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (this.staff.find(me.organisationId(), id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return save(me, id, form, errors, model, redirect);
	}

	/**
	 * A staff member's work e-mail address, which survey invitations (and the exit
	 * survey's first stage) go to; empty clears it. Its own small form, as the import's
	 * {@code email} column: the staff record's form and its periods are not touched.
	 */
	@PostMapping("/{id}/work-email")
	@PreAuthorize(KEEPERS)
	String workEmail(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id,
			@RequestParam(defaultValue = "") String workEmail, Model model, RedirectAttributes redirect) {
		StaffMember member = this.staff.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String typed = workEmail.strip();
		// An address made of a personnummer or CPR number is a client's or the person's
		// identity number: refused as everywhere, and not echoed.
		if (!typed.isEmpty() && (typed.length() > MAX_EMAIL || !OrganisationImports.EMAIL.matcher(typed).matches()
				|| PersonalIdentityNumbers.containsOne(typed))) {
			// shown empty, as every refused field: the value is not echoed
			model.addAttribute("workEmailError", true);
			model.addAttribute("workEmail", "");
			return form(me, id, StaffForm.of(member), model);
		}
		this.changes.setWorkEmail(me.organisationId(), id, typed.isEmpty() ? null : typed);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/staff";
	}

	private String save(CurrentAccount me, Long id, StaffForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (form.employeeNumber() != null
				&& this.staff.employeeNumberTaken(me.organisationId(), form.employeeNumber().strip(), id)) {
			errors.rejectValue("employeeNumber", "taken");
		}
		if (form.unitId() != null
				&& this.tree.units(me.organisationId()).stream().noneMatch((unit) -> unit.id() == form.unitId())) {
			errors.rejectValue("unitId", "unknown");
		}
		if (errors.hasErrors()) {
			return form(me, id, form, model);
		}
		if (id == null) {
			this.changes.create(me.organisationId(), form);
		}
		else {
			this.changes.update(me.organisationId(), id, form, LocalDate.now(this.clock));
		}
		this.events.publishEvent(new OrganisationChanged(me.organisationId()));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/staff";
	}

	private String form(CurrentAccount me, Long id, StaffForm form, Model model) {
		model.addAttribute("staffId", id);
		if (id != null && !model.containsAttribute("workEmail")) {
			model.addAttribute("workEmail", this.staff.workEmails(me.organisationId()).get(id));
		}
		model.addAttribute("form", form);
		model.addAttribute("units", this.tree.units(me.organisationId()));
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("endReasons", EndReason.values());
		return "organisation/staff-form";
	}

}
