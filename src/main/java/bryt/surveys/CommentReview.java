package bryt.surveys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Side;
import bryt.organisation.Visibility;
import bryt.shared.PersonalIdentityNumbers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A closed cycle's comments (issue 13 item 3): reviewed by one reviewer of each party,
 * who may remove names, released when both have approved the current text, then shown
 * shuffled to those who see the unit's results.
 *
 * <p>
 * Which comments anyone sees, reviewers included, is the anonymity engine's comment
 * decision, taken once for the whole organisation: a unit's comments (its own and those
 * of every unit below it) may be shown where {@link AnonymityResult#comments} says so (at
 * least 10 respondents, with complementary suppression and the region check at that
 * minimum). A comment of a unit whose comments are hidden is reviewed (and shown) only as
 * part of the nearest unit above it whose comments may be shown; one with no such unit is
 * never shown to anyone and is deleted at the release.
 */
@Service
class CommentReview {

	/** The one view: the cycle itself, without a filter. */
	static final String VIEW = "cycle";

	/** The longest a comment may be (V23). */
	static final int MAX_LENGTH = 4000;

	/**
	 * How long an employee-side account must have been its holder's own (their own
	 * password and second factor, no administrator's change since) before its approval
	 * counts: an administrator cannot make an account of their own a representative and
	 * approve for both sides at once, and the real representatives, told by mail
	 * ({@link CommentReviewNotices}), have a month to object (docs/surveys/comments.md,
	 * M1 and F1).
	 */
	static final Duration STANDING = Duration.ofDays(30);

	/**
	 * What may be a personal identity number: 6 or 8 digits, a separator, 4 digits (or 10
	 * or 12 bare digits); {@link PersonalIdentityNumbers} decides whether it is one.
	 */
	private static final Pattern NUMBER = Pattern
		.compile("(?<!\\d)\\d{6,8}[\\-\u2010\u2011\u2012\u2013\u2014\u2212 \u00A0\u202F+]?\\d{4}(?!\\d)");

	private final CycleRepository cycles;

	private final ResultsRepository results;

	private final CommentRepository comments;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Clock clock;

	private final Minimums minimums;

	private final ApplicationEventPublisher events;

	CommentReview(CycleRepository cycles, ResultsRepository results, CommentRepository comments,
			Organisations organisations, MessageSource messages, Clock clock, Minimums minimums,
			ApplicationEventPublisher events) {
		this.events = events;
		this.minimums = minimums;
		this.cycles = cycles;
		this.results = results;
		this.comments = comments;
		this.organisations = organisations;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The review of a cycle of the organisation: the comments a reviewer may see (of the
	 * groups among the reviewer's units, F3), each under the group it is shown in, and
	 * both sides' approvals; after the release no comment. A personal identity number
	 * that slipped into a comment is removed first, from the stored original too. Empty
	 * for another organisation's cycle or none.
	 */
	@Transactional
	public Optional<Review> review(long organisationId, long cycleId, Visibility visibility, Locale locale) {
		Optional<Cycle> found = cycle(organisationId, cycleId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Cycle cycle = found.get();
		if (cycle.open()) {
			return Optional.of(new Review(cycle, false, List.of(), Map.of(), false, true, List.of(), null));
		}
		this.comments.lock(cycleId);
		if (this.comments.released(cycleId).isPresent()) {
			// Nothing is reviewable after the release, and the released texts are shown
			// only on the comments page, cut to the viewer's units and shuffled (F3).
			return Optional
				.of(new Review(cycle, true, List.of(), this.comments.approvals(cycleId), true, true, List.of(), null));
		}
		removeIdentityNumbers(cycle);
		Groups groups = groups(cycle);
		List<ReviewComment> reviewed = new ArrayList<>();
		boolean seesAll = true;
		// Read once: the list and the version of the texts the page shows come from the
		// same rows.
		List<CommentRepository.StoredComment> stored = this.comments.comments(cycleId, locale.getLanguage());
		for (CommentRepository.StoredComment comment : stored) {
			Optional<Long> group = groups.shownIn(comment.unitId());
			if (group.isEmpty()) {
				continue;
			}
			if (!visibility.seesUnitFigures(group.get())) {
				seesAll = false;
				continue;
			}
			reviewed.add(new ReviewComment(comment.id().toString(), groups.name(group.get()), comment.question(),
					CommentText.parts(comment.text(), comment.reviewed())));
		}
		reviewed.sort(java.util.Comparator.comparing(ReviewComment::group));
		// The employee side's approvals of single units the reviewer sees (F3).
		List<UnitApproval> units = new ArrayList<>();
		this.comments.unitApprovals(cycleId).forEach((unit, approval) -> {
			if (groups.tree().containsKey(unit) && visibility.seesUnitFigures(unit)) {
				units.add(new UnitApproval(groups.name(unit), approval));
			}
		});
		units.sort(java.util.Comparator.comparing(UnitApproval::group));
		return Optional.of(new Review(cycle, true, reviewed, this.comments.approvals(cycleId), false, seesAll,
				List.copyOf(units), version(stored)));
	}

	/**
	 * Replaces every occurrence of {@code words} (a name, a place or another detail, as
	 * the reviewer typed it; case ignored) in one comment with the label the reviewer
	 * chose ("[name removed]", "[place removed]", "[detail removed]") in the
	 * organisation's language, marked as a removal so the other side sees it. Takes the
	 * approvals of it back: they approved another text.
	 * @param label what was removed ({@link Removed}); none means a name
	 */
	@Transactional
	public Outcome redact(long organisationId, long cycleId, String commentId, String words, String label,
			CurrentAccount reviewer, Visibility visibility) {
		Optional<CommentSide> side = CommentSide.of(reviewer.roles());
		Optional<Cycle> found = cycle(organisationId, cycleId).filter((cycle) -> !cycle.open());
		if (side.isEmpty() || found.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		Cycle cycle = found.get();
		this.comments.lock(cycleId);
		if (this.comments.released(cycleId).isPresent()) {
			return Outcome.RELEASED;
		}
		Optional<CommentRepository.StoredComment> comment = reviewable(cycle, commentId, visibility);
		if (comment.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		UUID id = comment.get().id();
		Optional<Removed> removed = Removed.of(label);
		if (removed.isEmpty()) {
			return Outcome.NO_LABEL;
		}
		String name = (words != null) ? words.strip() : "";
		if (name.isEmpty()) {
			return Outcome.NO_WORDS;
		}
		if (CommentText.tooLong(name)) {
			return Outcome.WORDS_TOO_LONG;
		}
		Optional<String> changed = CommentText.remove(comment.get().text(), comment.get().reviewed(), name,
				words(organisationId, removed.get().messageKey()));
		if (changed.isEmpty()) {
			return Outcome.NOT_IN_TEXT;
		}
		String redacted = changed.get();
		if (redacted.length() > MAX_LENGTH) {
			return Outcome.TOO_LONG;
		}
		this.comments.redact(cycleId, id, redacted);
		withdrawApprovals(cycle, groups(cycle), List.of(comment.get()));
		return Outcome.DONE;
	}

	/**
	 * Removes the words in every comment of the cycle this reviewer sees where they occur
	 * as whole words (a name often recurs), each occurrence a removal with its label as
	 * {@link #redact} makes it. All or nothing: refused when no comment contains them, or
	 * when one would grow past {@link #MAX_LENGTH}. Takes the other side's approval back,
	 * and the employee side's of each changed comment's unit.
	 * @param readVersion the {@link #textVersion} of the page the reviewer removed from,
	 * or null; a removal in comments changed since is refused as {@link Outcome#CHANGED},
	 * as an approval is: the reviewer changes texts it has read
	 */
	@Transactional
	public Everywhere redactEverywhere(long organisationId, long cycleId, String words, String label,
			CurrentAccount reviewer, Visibility visibility, String readVersion) {
		Optional<CommentSide> side = CommentSide.of(reviewer.roles());
		Optional<Cycle> found = cycle(organisationId, cycleId).filter((cycle) -> !cycle.open());
		if (side.isEmpty() || found.isEmpty()) {
			return new Everywhere(Outcome.NOT_FOUND, 0);
		}
		Cycle cycle = found.get();
		this.comments.lock(cycleId);
		if (this.comments.released(cycleId).isPresent()) {
			return new Everywhere(Outcome.RELEASED, 0);
		}
		List<CommentRepository.StoredComment> stored = this.comments.comments(cycleId, "en");
		if (readVersion != null && !readVersion.equals(version(stored))) {
			return new Everywhere(Outcome.CHANGED, 0);
		}
		Optional<Removed> removed = Removed.of(label);
		if (removed.isEmpty()) {
			return new Everywhere(Outcome.NO_LABEL, 0);
		}
		String name = (words != null) ? words.strip() : "";
		if (name.isEmpty()) {
			return new Everywhere(Outcome.NO_WORDS, 0);
		}
		if (CommentText.tooLong(name)) {
			return new Everywhere(Outcome.WORDS_TOO_LONG, 0);
		}
		String replacement = words(organisationId, removed.get().messageKey());
		Groups groups = groups(cycle);
		Map<CommentRepository.StoredComment, String> changed = new LinkedHashMap<>();
		for (CommentRepository.StoredComment comment : stored) {
			if (groups.shownIn(comment.unitId()).filter(visibility::seesUnitFigures).isEmpty()) {
				continue;
			}
			Optional<String> text = CommentText.remove(comment.text(), comment.reviewed(), name, replacement);
			if (text.isPresent()) {
				if (text.get().length() > MAX_LENGTH) {
					return new Everywhere(Outcome.TOO_LONG, 0);
				}
				changed.put(comment, text.get());
			}
		}
		if (changed.isEmpty()) {
			return new Everywhere(Outcome.NOT_ANYWHERE, 0);
		}
		changed.forEach((comment, text) -> this.comments.redact(cycleId, comment.id(), text));
		withdrawApprovals(cycle, groups, changed.keySet());
		return new Everywhere(Outcome.DONE, changed.size());
	}

	/**
	 * What a removal in every comment came to.
	 *
	 * @param comments how many comments it changed
	 */
	record Everywhere(Outcome outcome, int comments) {
	}

	/**
	 * Undoes one removal of a comment (either side may, F2): its words are back in the
	 * reviewed text. Takes the approvals of it back, as a removal does.
	 * @param removal the removal's number among the comment's removals, from 0
	 * @param original the words the reviewer saw removed there
	 */
	@Transactional
	public Outcome undo(long organisationId, long cycleId, String commentId, String removal, String original,
			CurrentAccount reviewer, Visibility visibility) {
		Optional<CommentSide> side = CommentSide.of(reviewer.roles());
		Optional<Cycle> found = cycle(organisationId, cycleId).filter((cycle) -> !cycle.open());
		if (side.isEmpty() || found.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		this.comments.lock(cycleId);
		if (this.comments.released(cycleId).isPresent()) {
			return Outcome.RELEASED;
		}
		Optional<CommentRepository.StoredComment> comment = reviewable(found.get(), commentId, visibility);
		if (comment.isEmpty() || !comment.get().reviewed()) {
			return Outcome.NOT_FOUND;
		}
		int index;
		try {
			index = Integer.parseInt(String.valueOf(removal));
		}
		catch (NumberFormatException ex) {
			return Outcome.NOT_FOUND;
		}
		Optional<String> changed = CommentText.undo(comment.get().text(), index, String.valueOf(original), side.get());
		if (changed.isEmpty()) {
			return Outcome.CHANGED;
		}
		this.comments.redact(cycleId, comment.get().id(), changed.get());
		withdrawApprovals(found.get(), groups(found.get()), List.of(comment.get()));
		return Outcome.UNDONE;
	}

	/**
	 * Takes back every approval that covered changed comments' texts: both sides'
	 * approvals of the whole cycle and the employee side's of the units the comments are
	 * shown under (the other units' texts did not change, F3). Both sides', the changer's
	 * own too: an approval is of the text its reviewer read, and another reviewer of the
	 * same side may have changed it since (the outsider review of 2026-11-30 evening: the
	 * union removed a name and approved, a safety representative undid the removal, HR
	 * approved, and the name was released under the union's approval).
	 */
	private void withdrawApprovals(Cycle cycle, Groups groups,
			java.util.Collection<CommentRepository.StoredComment> changed) {
		this.comments.withdraw(cycle.id(), CommentSide.EMPLOYER);
		this.comments.withdraw(cycle.id(), CommentSide.EMPLOYEE);
		Set<Long> units = new HashSet<>();
		changed.forEach((comment) -> groups.shownIn(comment.unitId()).ifPresent(units::add));
		units.forEach((group) -> this.comments.withdrawUnit(cycle.id(), group));
	}

	/**
	 * A comment of the cycle that this reviewer sees: its group may show comments and is
	 * one of the reviewer's units (F3).
	 */
	private Optional<CommentRepository.StoredComment> reviewable(Cycle cycle, String commentId, Visibility visibility) {
		UUID id;
		try {
			id = UUID.fromString(String.valueOf(commentId));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		Groups groups = groups(cycle);
		return this.comments.comments(cycle.id(), "en")
			.stream()
			.filter((candidate) -> candidate.id().equals(id)
					&& groups.shownIn(candidate.unitId()).filter(visibility::seesUnitFigures).isPresent())
			.findFirst();
	}

	/**
	 * The version of the comments' current texts (every removal and undo changes it): the
	 * review page sends the one it showed with the approval, so that an approval is of
	 * the text the reviewer read.
	 */
	@Transactional(readOnly = true)
	public String textVersion(long cycleId) {
		return version(this.comments.comments(cycleId, "en"));
	}

	/** The version of these comments' texts (every comment of the cycle, in id order). */
	private static String version(List<CommentRepository.StoredComment> comments) {
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (CommentRepository.StoredComment comment : comments) {
			digest.update((comment.id() + "\u0000" + comment.text() + "\u0000")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return java.util.HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Records the reviewer's side's approval of the current text; when the other side has
	 * approved it too, releases the comments: the reviewed text replaces the original.
	 * @param readVersion the {@link #textVersion} of the page the reviewer approved from;
	 * an approval without one, or of texts changed since (another reviewer removed or
	 * restored words), is refused as {@link Outcome#CHANGED} (the outsider review of
	 * 2026-11-30: a representative's approval on an old page released texts the other
	 * side had changed after; a request without the version was taken as current)
	 */
	@Transactional
	public Outcome approve(long organisationId, long cycleId, CurrentAccount reviewer, Visibility visibility,
			String readVersion) {
		Optional<CommentSide> side = CommentSide.of(reviewer.roles());
		Optional<Cycle> found = cycle(organisationId, cycleId).filter((cycle) -> !cycle.open());
		if (side.isEmpty() || found.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		Cycle cycle = found.get();
		this.comments.lock(cycleId);
		if (this.comments.released(cycleId).isPresent()) {
			return Outcome.RELEASED;
		}
		if (readVersion == null || !readVersion.equals(textVersion(cycleId))) {
			return Outcome.CHANGED;
		}
		if (side.get() == CommentSide.EMPLOYEE
				&& approvesFrom(organisationId, reviewer).isAfter(this.clock.instant())) {
			return Outcome.NOT_STANDING;
		}
		removeIdentityNumbers(cycle);
		Groups decided = groups(cycle);
		Set<Long> withComments = withComments(cycle, decided);
		Set<Long> covered = new HashSet<>(withComments);
		covered.removeIf((group) -> !visibility.seesUnitFigures(group));
		boolean seesAll = covered.size() == withComments.size();
		String approvedBy = reviewer.displayName() + " (" + reviewer.getUsername() + ")";
		Outcome approved = Outcome.DONE;
		if (seesAll) {
			this.comments.approve(cycleId, side.get(), approvedBy, this.clock.instant());
		}
		else if (side.get() == CommentSide.EMPLOYEE && !covered.isEmpty()) {
			// F3's per-unit approval: a representative approves the comments of the units
			// it covers; the release waits for representatives covering the others.
			for (long group : covered) {
				this.comments.approveUnit(cycleId, group, approvedBy, this.clock.instant());
			}
			approved = Outcome.PARTLY;
		}
		else {
			// The employer's one approval releases every comment: it must cover them all
			// (HR and administrators see the whole organisation). A representative who
			// covers no unit with comments has nothing to approve.
			return Outcome.NOT_COVERING;
		}
		if (side.get() == CommentSide.EMPLOYEE) {
			this.events.publishEvent(new CommentReviewNotices.EmployeeSideApproved(organisationId, reviewer.accountId(),
					approvedBy, cycle.program(), cycle.opensOn()));
		}
		if (releasable(cycleId, withComments)) {
			List<UUID> reviewed = this.comments.comments(cycleId, "en")
				.stream()
				.filter((comment) -> decided.shownIn(comment.unitId()).isPresent())
				.map(CommentRepository.StoredComment::id)
				.toList();
			this.comments.release(cycleId, reviewed, this.clock.instant());
			return Outcome.RELEASED;
		}
		return approved;
	}

	/**
	 * Whether every comment is approved by both sides: the employer's approval, and the
	 * employee side's of the whole cycle or, for every unit comments are shown under, of
	 * that unit by a representative covering it.
	 */
	private boolean releasable(long cycleId, Set<Long> withComments) {
		Map<CommentSide, CommentRepository.Approval> approvals = this.comments.approvals(cycleId);
		if (!approvals.containsKey(CommentSide.EMPLOYER)) {
			return false;
		}
		return approvals.containsKey(CommentSide.EMPLOYEE)
				|| this.comments.unitApprovals(cycleId).keySet().containsAll(withComments);
	}

	/** The units the cycle's comments are shown under (the groups with comments). */
	private Set<Long> withComments(Cycle cycle, Groups groups) {
		Set<Long> shown = new HashSet<>();
		this.comments.comments(cycle.id(), "en")
			.forEach((comment) -> groups.shownIn(comment.unitId()).ifPresent(shown::add));
		return shown;
	}

	/**
	 * The organisation's cycles whose comments wait for this reviewer's approval (the
	 * home page's notice): closed, not released, with comments under a unit the reviewer
	 * sees, and its side's approval missing (for a representative: of the whole cycle and
	 * of one of its units with comments). Empty for an account of neither side or both.
	 */
	@Transactional(readOnly = true)
	public List<Cycle> waitingFor(long organisationId, CurrentAccount reviewer, Visibility visibility) {
		Optional<CommentSide> side = CommentSide.of(reviewer.roles());
		if (side.isEmpty()) {
			return List.of();
		}
		List<Cycle> waiting = new ArrayList<>();
		for (long cycleId : this.comments.awaitingCycles(organisationId)) {
			Optional<Cycle> cycle = cycle(organisationId, cycleId);
			if (cycle.isEmpty()) {
				continue;
			}
			Map<CommentSide, CommentRepository.Approval> approvals = this.comments.approvals(cycleId);
			if (approvals.containsKey(side.get())) {
				continue;
			}
			Set<Long> mine = withComments(cycle.get(), groups(cycle.get()));
			mine.removeIf((group) -> !visibility.seesUnitFigures(group));
			if (side.get() == CommentSide.EMPLOYEE) {
				mine.removeAll(this.comments.unitApprovals(cycleId).keySet());
			}
			if (!mine.isEmpty()) {
				waiting.add(cycle.get());
			}
		}
		return waiting;
	}

	/**
	 * The comments page of a cycle for a viewer: the units it sees, and for the chosen
	 * one (its own and its sub-units' comments) the released texts by question, shuffled
	 * anew on every call, without dates or ids; or why they are not shown. Empty for
	 * another organisation's cycle or none.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<Shown> shown(long organisationId, long cycleId, Visibility visibility, String unit, Locale locale) {
		Optional<Cycle> found = cycle(organisationId, cycleId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Cycle cycle = found.get();
		if (cycle.open()) {
			return Optional.of(new Shown(cycle, false, List.of(), null, false, null, List.of()));
		}
		Groups groups = groups(cycle);
		List<Choice> units = groups.ordered()
			.stream()
			.filter(visibility::seesUnitFigures)
			.map((id) -> new Choice(String.valueOf(id), groups.name(id)))
			.toList();
		Choice chosen = units.stream()
			.filter((choice) -> choice.id().equals(unit))
			.findFirst()
			.orElse(units.isEmpty() ? null : units.getFirst());
		if (chosen == null) {
			return Optional.of(new Shown(cycle, true, units, null, false, null, List.of()));
		}
		long chosenId = Long.parseLong(chosen.id());
		AnonymityDecision decision = groups.decision(chosenId);
		if (!decision.shown()) {
			return Optional.of(new Shown(cycle, true, units, chosen, false,
					decision.hiddenBecause().map(AnonymityReason::messageKey).orElse(null), List.of()));
		}
		boolean released = this.comments.released(cycleId).isPresent();
		if (!released) {
			return Optional.of(new Shown(cycle, true, units, chosen, false, null, List.of()));
		}
		Map<String, List<String>> byQuestion = new LinkedHashMap<>();
		for (CommentRepository.StoredComment comment : this.comments.comments(cycleId, locale.getLanguage())) {
			if (groups.within(comment.unitId(), chosenId)) {
				byQuestion.computeIfAbsent(comment.question(), (question) -> new ArrayList<>()).add(comment.text());
			}
		}
		List<Question> questions = byQuestion.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new Question(entry.getKey(), AnonymityDisplay.shuffled(entry.getValue())))
			.toList();
		return Optional.of(new Shown(cycle, true, units, chosen, true, null, questions));
	}

	/**
	 * From when the reviewer's approval counts: at once for the employer's side; for the
	 * employee side {@link #STANDING} after the account became its holder's own for the
	 * employee side ({@link Organisations#heldByHolderSince}: the holder's own password,
	 * not set in a session of the employer's identity provider, or the first login
	 * through the employee side's own provider), second factor, and an administrator's
	 * last change of it (F1: an administrator who set the password, or changed anything,
	 * cannot stand in for the holder). Never while the password is one an administrator
	 * set, nor for an account that is disabled or of another organisation.
	 */
	public Instant approvesFrom(long organisationId, CurrentAccount reviewer) {
		if (CommentSide.of(reviewer.roles()).filter((side) -> side == CommentSide.EMPLOYEE).isEmpty()) {
			return Instant.MIN;
		}
		return this.organisations.heldByHolderSince(organisationId, reviewer.accountId(), Side.EMPLOYEE_SIDE)
			.map((since) -> since.plus(STANDING))
			.orElse(Instant.MAX);
	}

	private Optional<Cycle> cycle(long organisationId, long cycleId) {
		// A cancelled cycle has no comments: nothing to review or show (L2).
		return this.cycles.cycle(cycleId)
			.filter((cycle) -> cycle.organisationId() == organisationId && !cycle.cancelled());
	}

	/**
	 * Overwrites any personal identity number in the cycle's comments, original included.
	 */
	private void removeIdentityNumbers(Cycle cycle) {
		String replacement = null;
		for (CommentRepository.StoredComment comment : this.comments.comments(cycle.id(), "en")) {
			if (PersonalIdentityNumbers.containsOne(comment.text())) {
				if (replacement == null) {
					replacement = words(cycle.organisationId(), "numberRemoved");
				}
				// The removals' labels stay as plain text, the words they replaced go.
				this.comments.replaceOriginal(comment.id(),
						withoutIdentityNumbers(CommentText.released(comment.text(), comment.reviewed()), replacement));
			}
		}
	}

	/** The text with every personal identity number replaced. */
	static String withoutIdentityNumbers(String text, String replacement) {
		Matcher matcher = NUMBER.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String found = matcher.group();
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(PersonalIdentityNumbers.containsOne(found) ? replacement : found));
		}
		matcher.appendTail(result);
		return (result.length() > MAX_LENGTH) ? result.substring(0, MAX_LENGTH) : result.toString();
	}

	/** Words written into a stored comment: in the organisation's language. */
	private String words(long organisationId, String key) {
		return this.messages.getMessage("surveys.comments." + key, null, labelLocale(organisationId));
	}

	/**
	 * The language of the labels written into the organisation's comments, for the page's
	 * {@code lang} (a Danish reviewer of a Swedish organisation reads Swedish labels, and
	 * a screen reader should say them so).
	 */
	public String labelLanguage(long organisationId) {
		return labelLocale(organisationId).getLanguage();
	}

	private Locale labelLocale(long organisationId) {
		return this.organisations.language(organisationId);
	}

	/**
	 * The engine's comment decision for the cycle, taken once with every unit of its
	 * snapshot visible (as the results page decides), and the snapshot's tree.
	 */
	private Groups groups(Cycle cycle) {
		ResultRows rows = this.results.rows(List.of(cycle.id()), ResultBreakdown.NONE);
		List<AnonymityScope.Unit> units = new ArrayList<>();
		Map<Long, ResultRows.Group> tree = new LinkedHashMap<>();
		for (ResultRows.Group group : rows.groups()) {
			units.add(new AnonymityScope.Unit(group.unitId(), group.parentUnitId()));
			tree.put(group.unitId(), group);
		}
		List<AnonymityScope.Respondents> respondents = new ArrayList<>();
		for (ResultRows.Respondents row : rows.respondents()) {
			if (tree.containsKey(row.unitId())) {
				respondents.add(new AnonymityScope.Respondents(row.unitId(), VIEW, null, null, row.responses()));
			}
		}
		boolean exit = cycle.program() == CycleProgram.EXIT_FIRST || cycle.program() == CycleProgram.EXIT_SECOND;
		AnonymityScope.View view = new AnonymityScope.View(VIEW,
				exit ? AnonymityScope.Kind.EXITS : AnonymityScope.Kind.SCORES, Set.of(VIEW), AnonymityScope.Filter.ANY,
				!cycle.open());
		AnonymityResult decided = new AnonymityEngine(this.minimums)
			.decide(AnonymityScope.wholeOrganisation(units, respondents, List.of(view), List.of()));
		return new Groups(tree, decided);
	}

	/** The snapshot's tree and the comment decision of each of its units. */
	private record Groups(Map<Long, ResultRows.Group> tree, AnonymityResult decided) {

		AnonymityDecision decision(long unitId) {
			return this.decided.comments(VIEW, unitId);
		}

		String name(long unitId) {
			return this.tree.get(unitId).name();
		}

		/**
		 * The nearest unit at or above the comment's unit whose comments may be shown;
		 * empty when there is none (or the unit is not in the snapshot).
		 */
		Optional<Long> shownIn(long unitId) {
			Set<Long> seen = new HashSet<>();
			Long current = unitId;
			while (current != null && this.tree.containsKey(current) && seen.add(current)) {
				if (decision(current).shown()) {
					return Optional.of(current);
				}
				current = this.tree.get(current).parentUnitId();
			}
			return Optional.empty();
		}

		/** Whether the unit is the given one or lies below it. */
		boolean within(long unitId, long ancestor) {
			Set<Long> seen = new HashSet<>();
			Long current = unitId;
			while (current != null && this.tree.containsKey(current) && seen.add(current)) {
				if (current == ancestor) {
					return true;
				}
				current = this.tree.get(current).parentUnitId();
			}
			return false;
		}

		/** The units, parents before their children. */
		List<Long> ordered() {
			Map<Long, List<Long>> children = new HashMap<>();
			List<Long> roots = new ArrayList<>();
			for (ResultRows.Group group : this.tree.values()) {
				Long parent = group.parentUnitId();
				if (parent == null || !this.tree.containsKey(parent)) {
					roots.add(group.unitId());
				}
				else {
					children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(group.unitId());
				}
			}
			List<Long> ordered = new ArrayList<>();
			roots.forEach((root) -> add(root, children, ordered));
			return ordered;
		}

		private static void add(Long unit, Map<Long, List<Long>> children, List<Long> ordered) {
			ordered.add(unit);
			children.getOrDefault(unit, List.of()).forEach((child) -> add(child, children, ordered));
		}

	}

	/** What a redaction or an approval came to. */
	enum Outcome {

		DONE, RELEASED, NOT_FOUND, NO_WORDS, NO_LABEL, NOT_IN_TEXT, TOO_LONG,
		/** More words than one removal may take ({@link CommentText#MAX_WORDS}). */
		WORDS_TOO_LONG,
		/**
		 * The reviewer does not see every unit with comments: an approval releases them
		 * all.
		 */
		NOT_COVERING,
		/** A removal was undone. */
		UNDONE,
		/** A removal in every comment: no comment the reviewer sees has the words. */
		NOT_ANYWHERE,
		/**
		 * The removal to undo is not there any more as the page showed it; or the texts
		 * changed since the page an approval came from.
		 */
		CHANGED,
		/** An employee-side account made or changed by an administrator too recently. */
		NOT_STANDING,
		/**
		 * A representative's approval of the units it covers recorded; other units'
		 * comments wait for representatives who cover them (F3).
		 */
		PARTLY

	}

	/** What a reviewer removed: the label put in its place says so. */
	enum Removed {

		NAME("nameRemoved"), PLACE("placeRemoved"), DETAIL("detailRemoved");

		private final String messageKey;

		Removed(String messageKey) {
			this.messageKey = messageKey;
		}

		/** The label's key under {@code surveys.comments.}. */
		String messageKey() {
			return this.messageKey;
		}

		/** The reviewer's choice; none (an older form) means a name. */
		static Optional<Removed> of(String value) {
			if (value == null || value.isBlank()) {
				return Optional.of(NAME);
			}
			return java.util.Arrays.stream(values()).filter((removed) -> removed.name().equals(value)).findFirst();
		}

	}

	/**
	 * A cycle's review.
	 *
	 * @param closed false while the cycle takes answers (nothing to review yet)
	 * @param comments the comments a reviewer may see, by group
	 * @param approvals each side's approval of the current text
	 * @param released whether the comments were released (nothing more to review, and no
	 * comment listed)
	 * @param seesAll whether the reviewer sees every group with comments (an employer's
	 * approval counts only then; a representative's then covers the whole cycle, else the
	 * units it covers)
	 * @param unitApprovals the employee side's approvals of single units the reviewer
	 * sees
	 * @param textVersion the {@link #textVersion} of the texts read for this review (null
	 * when there is nothing to approve), sent back with an approval
	 */
	record Review(Cycle cycle, boolean closed, List<ReviewComment> comments,
			Map<CommentSide, CommentRepository.Approval> approvals, boolean released, boolean seesAll,
			List<UnitApproval> unitApprovals, String textVersion) {

		public CommentRepository.Approval approval(String side) {
			return this.approvals.get(CommentSide.valueOf(side));
		}

		/** How many removals the comments shown hold (the page's summary line). */
		public int removalCount() {
			return this.comments.stream().mapToInt((comment) -> comment.removals().size()).sum();
		}

		/**
		 * The comments a reviewer changed (a removal or words put back), each with its
		 * number on the page from 1: the page's list of links to them.
		 */
		public List<Numbered> changed() {
			List<Numbered> changed = new ArrayList<>();
			for (int i = 0; i < this.comments.size(); i++) {
				ReviewComment comment = this.comments.get(i);
				if (!comment.removals().isEmpty() || !comment.putBackBy().isEmpty()) {
					changed.add(new Numbered(i + 1, comment));
				}
			}
			return changed;
		}

	}

	/** A comment with its number on the review page (from 1). */
	record Numbered(int number, ReviewComment comment) {

	}

	/** The employee side's approval of the comments shown under one unit. */
	record UnitApproval(String group, CommentRepository.Approval approval) {
	}

	/**
	 * A comment as a reviewer sees it.
	 *
	 * @param id its random id, for the redaction form
	 * @param group the unit whose comments it is shown with
	 * @param parts its text: what the respondent wrote and the labels of what reviewers
	 * removed, marked as such
	 */
	record ReviewComment(String id, String group, String question, List<CommentText.Part> parts) {

		/**
		 * The comment's removals, numbered from 0 as {@link CommentText#undo} counts
		 * them, with the words each replaced (for the undo forms).
		 */
		public List<Removal> removals() {
			List<Removal> removals = new ArrayList<>();
			for (CommentText.Part part : this.parts) {
				if (part.removed()) {
					removals.add(new Removal(removals.size(), part.text(), part.original()));
				}
			}
			return removals;
		}

		/**
		 * The sides that put words back in this comment (undone removals), for the other
		 * side to check before it approves: their keys, the employer's first; empty if
		 * none.
		 */
		public List<String> putBackBy() {
			return this.parts.stream()
				.map(CommentText.Part::putBackBy)
				.filter(java.util.Objects::nonNull)
				.distinct()
				.sorted()
				.map(CommentSide::key)
				.toList();
		}

	}

	/**
	 * A removal as reviewers see it until the release.
	 *
	 * @param index its number among the comment's removals
	 * @param label the label in its place
	 * @param original the words it replaced (null for a removal made before they were
	 * kept)
	 */
	record Removal(int index, String label, String original) {
	}

	/**
	 * The comments page for a viewer.
	 *
	 * @param units the units the viewer sees
	 * @param chosen the unit shown (null if the viewer sees none)
	 * @param released whether the chosen unit's comments are shown (released and allowed)
	 * @param hiddenBecause the message key of why the chosen unit's comments are hidden,
	 * null if they may be shown
	 * @param questions the released comments by question, shuffled
	 */
	record Shown(Cycle cycle, boolean closed, List<Choice> units, Choice chosen, boolean released, String hiddenBecause,
			List<Question> questions) {
	}

	record Choice(String id, String name) {
	}

	record Question(String question, List<String> comments) {
	}

}
