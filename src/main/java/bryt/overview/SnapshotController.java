package bryt.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Visibility;
import bryt.overview.Snapshot.Side;
import bryt.shared.tables.FigureTable;
import bryt.shared.tables.TableExports;
import bryt.shared.tables.TableRequest;
import bryt.shared.tables.TableView;
import bryt.shared.time.Quarter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The snapshots ({@code /overview/snapshots}): every version of every quarter with its
 * time of extraction, who asked (by role, never by name) and why; HR and administrators
 * take one on demand or compute a quarter again with a reason. A snapshot's page shows
 * its figures (cut to what the reader sees), the two comments and the sign-offs; each
 * side writes and signs its own through its own address, which only its roles reach.
 */
@Controller
@RequestMapping("/overview/snapshots")
class SnapshotController {

	static final String EMPLOYER = "hasAnyRole('HR', 'ADMINISTRATOR')";

	static final String UNION = "hasAnyRole('UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE')";

	private final Snapshots snapshots;

	private final Reviews reviews;

	private final Organisations organisations;

	private final QuarterFigures figures;

	private final OverviewPages pages;

	private final Clock clock;

	private final PersonNames names;

	private final MessageSource messages;

	SnapshotController(Snapshots snapshots, Reviews reviews, Organisations organisations, QuarterFigures figures,
			OverviewPages pages, Clock clock, PersonNames names, MessageSource messages) {
		this.names = names;
		this.messages = messages;
		this.snapshots = snapshots;
		this.reviews = reviews;
		this.organisations = organisations;
		this.figures = figures;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(OverviewController.READERS)
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SnapshotForm.empty());
		}
		return list(me, model, false);
	}

	@PostMapping
	@PreAuthorize(EMPLOYER)
	String take(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") SnapshotForm form,
			BindingResult errors, Model model) {
		Quarter now = Quarter.of(LocalDate.now(this.clock));
		// a crafted value (malformed, ahead, before 2000) gets the field's message
		Quarter quarter = (form.quarter() == null || form.quarter().isBlank()) ? null
				: Quarter.asked(form.quarter(), now);
		if (quarter == null) {
			errors.rejectValue("quarter", "overview.snapshots.quarter.error");
		}
		boolean noReason = form.reason() == null || form.reason().isBlank();
		if (quarter != null && noReason && this.snapshots.newestVersion(me.organisationId(), quarter) > 0) {
			errors.rejectValue("reason", "overview.snapshots.reason.required");
		}
		if (!errors.hasFieldErrors("reason") && this.names.containsOne(me.organisationId(), form.reason())) {
			errors.rejectValue("reason", "overview.snapshots.reason.named");
		}
		if (errors.hasErrors()) {
			return list(me, model, true);
		}
		Organisation organisation = this.organisations.find(me.organisationId()).orElseThrow();
		Snapshot snapshot;
		try {
			snapshot = this.snapshots.ask(organisation, quarter, me.accountId(), form.reason());
		}
		catch (Snapshots.Unchanged ex) {
			// nothing would change: both sides would sign the same figures again
			errors.rejectValue("quarter", "overview.snapshots.unchanged",
					new Object[] { quarter.toString(), ex.version() }, null);
			return list(me, model, true);
		}
		catch (IllegalArgumentException ex) {
			// another request took the quarter's first version in between
			errors.rejectValue("reason", "overview.snapshots.reason.required");
			return list(me, model, true);
		}
		return "redirect:/overview/snapshots/" + snapshot.id();
	}

	@GetMapping("/{id}")
	@PreAuthorize(OverviewController.READERS)
	String snapshot(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, Locale locale, Model model, HttpServletRequest request) {
		return page(me, authentication, id, null, locale, model, request);
	}

	@GetMapping(path = "/{id}", params = "export")
	@PreAuthorize(OverviewController.READERS)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @RequestParam("export") String export,
			@RequestParam(name = "format", required = false) String format, Locale locale) {
		Snapshot snapshot = found(me, id);
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		QuarterFigures.Read read = new QuarterFigures.Read(snapshot.quarter(), snapshot, snapshot.asOf(),
				snapshot.definitions(), snapshot.units(), snapshot.figures())
			.visibleTo(visibility);
		FigureTable table = this.pages.unitTables(read, locale)
			.stream()
			.filter((candidate) -> candidate.name().equals(export))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return TableExports.download(table, TableExports.Format.of(format).orElse(TableExports.Format.CSV),
				snapshot.asOf(), locale);
	}

	@PostMapping("/{id}/employer/comment")
	@PreAuthorize(EMPLOYER)
	String employerComment(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @Valid @ModelAttribute("comment") CommentForm comment, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return comment(me, authentication, id, Side.EMPLOYER, comment, errors, locale, model, request, redirect);
	}

	@PostMapping("/{id}/union/comment")
	@PreAuthorize(UNION)
	String unionComment(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @Valid @ModelAttribute("comment") CommentForm comment, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return comment(me, authentication, id, Side.UNION, comment, errors, locale, model, request, redirect);
	}

	@PostMapping("/{id}/employer/sign-off")
	@PreAuthorize(EMPLOYER)
	String employerSignOff(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @ModelAttribute("signOff") SignOffForm signOff, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return signOff(me, authentication, id, Side.EMPLOYER, signOff, errors, locale, model, request, redirect);
	}

	@PostMapping("/{id}/union/sign-off")
	@PreAuthorize(UNION)
	String unionSignOff(@AuthenticationPrincipal CurrentAccount me, Authentication authentication,
			@PathVariable("id") long id, @ModelAttribute("signOff") SignOffForm signOff, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return signOff(me, authentication, id, Side.UNION, signOff, errors, locale, model, request, redirect);
	}

	private String comment(CurrentAccount me, Authentication authentication, long id, Side side, CommentForm comment,
			BindingResult errors, Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		found(me, id);
		if (errors.hasErrors()) {
			return page(me, authentication, id, null, locale, model, request);
		}
		if (side == Side.UNION && this.organisations.throughEmployersProvider(authentication)) {
			return page(me, authentication, id, Reviews.Outcome.THROUGH_EMPLOYER, locale, model, request);
		}
		Reviews.Outcome outcome = this.reviews.comment(me.organisationId(), id, me, side, comment.body());
		if (outcome == Reviews.Outcome.NAMED) {
			// said by the field, which comes back empty: the name is not shown back
			errors.rejectValue("body", "overview.comment.named");
			return page(me, authentication, id, null, locale, model, request);
		}
		return done(me, authentication, id, outcome, "commented", locale, model, request, redirect);
	}

	/**
	 * A sign-off is a deliberate act (ovtrust): refused without the box "I have read the
	 * figures of version N" ticked, and refused when the version the page showed is not
	 * the snapshot's.
	 */
	private String signOff(CurrentAccount me, Authentication authentication, long id, Side side, SignOffForm form,
			BindingResult errors, Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		Snapshot snapshot = found(me, id);
		if (!form.isConfirmed()) {
			errors.rejectValue("confirmed", "overview.signOff.confirm.required", new Object[] { snapshot.version() },
					null);
			return page(me, authentication, id, null, locale, model, request);
		}
		if (side == Side.UNION && this.organisations.throughEmployersProvider(authentication)) {
			// the employer's IT could log in as the representative through its directory
			return page(me, authentication, id, Reviews.Outcome.THROUGH_EMPLOYER, locale, model, request);
		}
		Reviews.Outcome outcome = this.reviews.signOff(me.organisationId(), id, me, side, form.confirmedVersion());
		return done(me, authentication, id, outcome, "signed", locale, model, request, redirect);
	}

	private String done(CurrentAccount me, Authentication authentication, long id, Reviews.Outcome outcome, String what,
			Locale locale, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		switch (outcome) {
			case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			case NOT_YOUR_SIDE -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case DONE -> {
				redirect.addFlashAttribute("done", what);
				return "redirect:/overview/snapshots/" + id;
			}
			default -> {
				return page(me, authentication, id, outcome, locale, model, request);
			}
		}
	}

	private Snapshot found(CurrentAccount me, long id) {
		return this.snapshots.find(me.organisationId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(CurrentAccount me, Authentication authentication, long id, Reviews.Outcome refused,
			Locale locale, Model model, HttpServletRequest request) {
		Snapshot snapshot = found(me, id);
		Visibility visibility = this.organisations.visibility(authentication, me.organisationId());
		QuarterFigures.Read read = new QuarterFigures.Read(snapshot.quarter(), snapshot, snapshot.asOf(),
				snapshot.definitions(), snapshot.units(), snapshot.figures())
			.visibleTo(visibility);
		// The download links name the snapshot's own page, never a form's fields: after a
		// refused comment this request is the POST, whose body must not come back in a
		// link.
		HttpServletRequest page = new HttpServletRequestWrapper(request) {
			@Override
			public String getRequestURI() {
				return request.getContextPath() + "/overview/snapshots/" + id;
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Map.of();
			}
		};
		List<TableView> tables = new ArrayList<>();
		for (FigureTable table : this.pages.unitTables(read, locale)) {
			tables.add(TableView.of(table, TableRequest.NONE, false, page, locale));
		}
		Optional<Side> side = Reviews.sideOf(me.roles());
		boolean newest = this.snapshots.newestVersion(me.organisationId(), snapshot.quarter()) == snapshot.version();
		model.addAttribute("snapshot", snapshot);
		model.addAttribute("takenBy", takenBy(me.organisationId(), snapshot.id()));
		model.addAttribute("tables", tables);
		model.addAttribute("definitions", snapshot.definitions());
		model.addAttribute("ownSide", side.map(Side::name).orElse(null));
		model.addAttribute("sides", List.of(Side.EMPLOYER.name(), Side.UNION.name()));
		Map<String, String> comments = new java.util.HashMap<>();
		// as the report shows them: a redaction in the reader's language (the stored
		// marker is English)
		snapshot.comments().forEach((c) -> comments.put(c.side().name(), c.shown(this.messages, locale)));
		model.addAttribute("comments", comments);
		Map<String, LocalDate> reviewedOn = new java.util.HashMap<>();
		snapshot.reviews().forEach((r) -> reviewedOn.put(r.side().name(), r.reviewedOn()));
		model.addAttribute("reviewedOn", reviewedOn);
		model.addAttribute("extractedAt", Times.format(snapshot.extractedAt(), this.clock.getZone()));
		model.addAttribute("failed", failed(model, "comment") || failed(model, "signOff"));
		model.addAttribute("newest", newest);
		model.addAttribute("mayAct", side.isPresent() && newest && snapshot.review(side.get()).isEmpty());
		Instant speaksFrom = side.filter((s) -> s == Side.UNION)
			.map((s) -> this.reviews.speaksFrom(me.organisationId(), me))
			.orElse(Instant.MIN);
		// Never (Instant.MAX): the holder has not set a password of their own yet.
		model.addAttribute("speaksNever", Instant.MAX.equals(speaksFrom));
		model.addAttribute("speaksFrom", (speaksFrom.isAfter(this.clock.instant()) && !Instant.MAX.equals(speaksFrom))
				? LocalDate.ofInstant(speaksFrom, this.clock.getZone()) : null);
		model.addAttribute("refused", (refused != null) ? refused.name() : null);
		model.addAttribute("zone", this.clock.getZone());
		if (!model.containsAttribute("signOff")) {
			model.addAttribute("signOff", SignOffForm.empty());
		}
		if (!model.containsAttribute("comment")) {
			// a redacted comment is not offered back for editing: the side writes anew
			String own = side.flatMap(snapshot::comment)
				.filter((c) -> !c.redacted())
				.map(Snapshot.Comment::body)
				.orElse(null);
			model.addAttribute("comment", new CommentForm(own));
		}
		return "overview/snapshot";
	}

	private static boolean failed(Model model, String form) {
		return (model.getAttribute(BindingResult.MODEL_KEY_PREFIX + form) instanceof BindingResult result)
				&& result.hasErrors();
	}

	private String list(CurrentAccount me, Model model, boolean failed) {
		List<Snapshot> all = this.snapshots.list(me.organisationId());
		Map<Long, String> takenBy = new java.util.HashMap<>();
		TakenBy.of(this.snapshots, this.organisations, me.organisationId(), all.stream().map(Snapshot::id).toList())
			.forEach((id, who) -> takenBy.put(id, "overview.takenBy." + who));
		List<Quarter> quarters = Quarter.of(LocalDate.now(this.clock))
			.endingHere(OverviewController.QUARTERS)
			.reversed();
		model.addAttribute("snapshots", all);
		Map<Long, String> extracted = new java.util.HashMap<>();
		Map<Long, LocalDate> employerOn = new java.util.HashMap<>();
		Map<Long, LocalDate> unionOn = new java.util.HashMap<>();
		for (Snapshot snapshot : all) {
			extracted.put(snapshot.id(), Times.format(snapshot.extractedAt(), this.clock.getZone()));
			snapshot.review(Side.EMPLOYER).ifPresent((r) -> employerOn.put(snapshot.id(), r.reviewedOn()));
			snapshot.review(Side.UNION).ifPresent((r) -> unionOn.put(snapshot.id(), r.reviewedOn()));
		}
		model.addAttribute("extracted", extracted);
		model.addAttribute("employerOn", employerOn);
		model.addAttribute("unionOn", unionOn);
		model.addAttribute("takenBy", takenBy);
		model.addAttribute("quarters", quarters);
		model.addAttribute("mayTake", me.has(Role.HR) || me.has(Role.ADMINISTRATOR));
		model.addAttribute("failed", failed);
		model.addAttribute("zone", this.clock.getZone());
		return "overview/snapshots";
	}

	private String takenBy(long organisationId, long snapshotId) {
		return "overview.takenBy." + TakenBy.of(this.snapshots, this.organisations, organisationId, snapshotId);
	}

}
