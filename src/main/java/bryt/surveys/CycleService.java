package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cycles for the staff pages and the jobs. */
@Service
class CycleService {

	private final CycleLaunch launch;

	private final CycleRepository cycles;

	private final Organisations organisations;

	private final SurveyMail mail;

	private final AnswerRepository answers;

	private final ResultsPage results;

	private final ResultSummaries summaries;

	private final Instruments instruments;

	private final ActionPlans actions;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CycleService(CycleLaunch launch, CycleRepository cycles, Organisations organisations, SurveyMail mail,
			AnswerRepository answers, ResultsPage results, ResultSummaries summaries, Instruments instruments,
			ActionPlans actions, MessageSource messages, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.answers = answers;
		this.results = results;
		this.summaries = summaries;
		this.instruments = instruments;
		this.actions = actions;
		this.messages = messages;
		this.clock = clock;
		this.launch = launch;
		this.cycles = cycles;
		this.organisations = organisations;
		this.mail = mail;
	}

	/**
	 * Launches a cycle and, once it is committed, mails its invitations. Not one
	 * transaction: mail cannot be rolled back, and a link must not be sent for an
	 * invitation that was not stored. Should the mailing fail half-way, those invited
	 * without a mail can be given paper codes of a new cycle.
	 */
	Invited launchAndInvite(long organisationId, CycleCommand command) {
		boolean mailAvailable = this.mail.available();
		CycleLaunch.Launched launched = this.launch.launch(organisationId, command, mailAvailable);
		Cycle cycle = this.cycles.cycle(launched.cycleId()).orElseThrow();
		List<InvitationCode> unsent = this.mail.invitations(launched.mails(), cycle, mailLanguage(organisationId));
		return new Invited(cycle, launched.invited(), launched.skipped(), launched.mails().size(),
				launched.mails().size() - unsent.size(), mailAvailable,
				launched.paperCodes().stream().map((paper) -> paper.code().grouped()).toList(),
				launched.paperCodes()
					.stream()
					.collect(java.util.stream.Collectors.groupingBy(CycleLaunch.Launched.PaperCode::unitName,
							java.util.LinkedHashMap::new,
							java.util.stream.Collectors.mapping((paper) -> paper.code().grouped(),
									java.util.stream.Collectors.toList()))),
				unsent.stream().map(InvitationCode::grouped).toList());
	}

	/** The code-entry page's address, for paper sheets. */
	String answerPage() {
		return this.mail.answerPage();
	}

	/** Whether {@link #answerPage()} is a configured address, not the local fallback. */
	boolean answerPageConfigured() {
		return this.mail.answerPageConfigured();
	}

	List<Cycle> cycles(long organisationId) {
		return this.cycles.cycles(organisationId);
	}

	List<CycleRepository.Instrument> instruments(long organisationId, Locale locale) {
		return this.cycles.instruments(organisationId, locale.getLanguage());
	}

	@Transactional
	void markReminded(long cycleId) {
		this.cycles.markReminded(cycleId);
	}

	@Transactional
	int closeDue(LocalDate today) {
		List<Long> due = this.cycles.dueToClose(today);
		due.forEach((cycleId) -> close(cycleId, today));
		return due.size();
	}

	/** Closes a cycle today: see {@link #close(long, LocalDate)}. */
	@Transactional
	void close(long cycleId) {
		close(cycleId, LocalDate.now(this.clock));
	}

	/**
	 * Closes a cycle: its held answers go into the result tables in a random order under
	 * new ids, and are summarised for its results (V36), in the same transaction as the
	 * close; then each unit whose figures the results page shows gets an action proposed
	 * for every weak area ({@link ActionPlans#proposeForWeakAreas}), due 30 days after
	 * the release.
	 * @param releasedOn the day the results are released (the jobs' today; the demo's
	 * past closing days)
	 */
	@Transactional
	void close(long cycleId, LocalDate releasedOn) {
		// Answers in flight are held before the release, none after it.
		this.cycles.lockAgainstAnswers(cycleId);
		if (this.cycles.cycle(cycleId).filter(Cycle::open).isEmpty()) {
			// Closed early or cancelled by someone while the job waited for the lock: no
			// second summary, and no proposals twice.
			return;
		}
		this.answers.release(cycleId);
		this.summaries.summarise(cycleId);
		this.cycles.close(cycleId);
		proposeActions(cycleId, releasedOn);
	}

	/**
	 * The proposals, from the figures and decisions the results page shows, never from
	 * the figures before suppression: a hidden unit, or a hidden area of a shown unit,
	 * gets none, since an action's mere existence would tell that a hidden figure is
	 * weak.
	 */
	private void proposeActions(long cycleId, LocalDate releasedOn) {
		Cycle cycle = this.cycles.cycle(cycleId).orElseThrow();
		ResultsPage.Figures figures = this.results.figures(cycle.organisationId(), cycleId).orElse(null);
		if (figures == null || !figures.closed()) {
			// exit stages: their figures are pooled over months, not one cycle's
			return;
		}
		Locale language = mailLanguage(cycle.organisationId());
		Instrument instrument = this.instruments.find(cycle.instrumentId(), language.getLanguage()).orElseThrow();
		String owner = this.messages.getMessage("surveys.actions.proposedOwner", null, language);
		for (ResultUnit unit : figures.figures().units()) {
			if (unit.band() != null || !figures.decision(unit.unitId()).shown()) {
				continue;
			}
			Map<String, String> weak = new LinkedHashMap<>();
			for (Instrument.Area area : instrument.areas()) {
				AreaIndex index = unit.areaIndices().get(area.key());
				// the area's own decision: an index on fewer who answered the area than
				// the unit's respondents may be hidden though the unit is shown
				boolean shown = area.scored() && index != null
						&& figures.decision(unit.unitId(), ResultsPage.area(area.key())).shown();
				Integer value = shown ? index.rounded() : null;
				if (value != null && value < ActionPlans.WEAK_BELOW) {
					weak.put(area.key(), area.name());
				}
			}
			if (!weak.isEmpty()) {
				this.actions.proposeForWeakAreas(cycle.organisationId(), cycleId, unit.unitId(), weak, owner,
						releasedOn, ActionPlans.PROPOSED_BY);
			}
		}
	}

	/**
	 * Closes an open annual survey or pulse of the organisation today, before its closing
	 * day (L2): it closes as on its closing day, through {@link #close(long, LocalDate)}
	 * (the same release, summary, engine and proposals), with today as its closing date;
	 * its codes then open the closed page and no reminder goes out. Who closed it, and
	 * when, is kept.
	 */
	@Transactional
	Ending closeEarly(long organisationId, long cycleId, CurrentAccount by) {
		Optional<Cycle> cycle = endable(organisationId, cycleId);
		if (cycle.isEmpty()) {
			return Ending.NOT_OPEN;
		}
		LocalDate today = LocalDate.now(this.clock);
		if (today.isBefore(cycle.get().opensOn())) {
			return Ending.NOT_STARTED;
		}
		this.cycles.closeEarly(cycleId, today);
		close(cycleId, today);
		ended(cycle.get(), false, by);
		return Ending.CLOSED_EARLY;
	}

	/**
	 * Cancels an open annual survey or pulse of the organisation (L2): it never shows
	 * results, its held answers and comments are deleted in this transaction (no partial
	 * release: a few answers of a cancelled survey would be a small group), and its codes
	 * open a page that says it was cancelled. Who cancelled it, and when, is kept.
	 */
	@Transactional
	Ending cancel(long organisationId, long cycleId, CurrentAccount by) {
		Optional<Cycle> cycle = endable(organisationId, cycleId);
		if (cycle.isEmpty()) {
			return Ending.NOT_OPEN;
		}
		this.cycles.cancel(cycleId);
		ended(cycle.get(), true, by);
		return Ending.CANCELLED;
	}

	/**
	 * Keeps who ended the cycle and when, and tells both sides by mail after the commit
	 * ({@link CycleEndNotices}).
	 */
	private void ended(Cycle cycle, boolean cancelled, CurrentAccount by) {
		String endedBy = by.displayName() + " (" + by.getUsername() + ")";
		java.time.Instant at = this.clock.instant();
		this.cycles.ended(cycle.id(), cancelled ? "cancelled" : "closed_early", endedBy, at);
		this.events.publishEvent(new CycleEndNotices.CycleEnded(cycle.id(), cancelled, by.accountId(), endedBy,
				by.roles().contains(Role.HR) ? Role.HR : Role.ADMINISTRATOR, cycle.closesOn(), at));
	}

	/**
	 * The cycle, locked against answers and read again under the lock, if it may still be
	 * ended: an open annual survey or pulse of the organisation.
	 */
	private Optional<Cycle> endable(long organisationId, long cycleId) {
		Optional<Cycle> cycle = this.cycles.cycle(cycleId).filter((c) -> c.organisationId() == organisationId);
		if (cycle.isEmpty()) {
			return cycle;
		}
		this.cycles.lockAgainstAnswers(cycleId);
		return this.cycles.cycle(cycleId).filter(Cycle::endable);
	}

	/** An open cycle of the organisation that may be ended, for the confirmation page. */
	Optional<Cycle> endableCycle(long organisationId, long cycleId) {
		return this.cycles.cycle(cycleId).filter((c) -> c.organisationId() == organisationId && c.endable());
	}

	/** Who closed early or cancelled which cycle, and on which day (the cycles page). */
	Map<Long, EndedOn> endings(long organisationId) {
		Map<Long, EndedOn> endings = new java.util.HashMap<>();
		this.cycles.endings(organisationId)
			.forEach((cycle, ended) -> endings.put(cycle, new EndedOn("cancelled".equals(ended.action()),
					ended.endedBy(), LocalDate.ofInstant(ended.at(), this.clock.getZone()))));
		return endings;
	}

	/** A cycle's early end as the cycles page shows it. */
	record EndedOn(boolean cancelled, String by, LocalDate on) {
	}

	/** What an early close or a cancellation came to. */
	enum Ending {

		CLOSED_EARLY, CANCELLED,
		/**
		 * Not an open annual survey or pulse of the organisation (closed, cancelled,
		 * none).
		 */
		NOT_OPEN,
		/** Not opened yet: nothing to close, only to cancel. */
		NOT_STARTED

	}

	/** Mails go out in the organisation's language. */
	Locale mailLanguage(long organisationId) {
		return this.organisations.language(organisationId);
	}

	/**
	 * A launch as the page shows it.
	 *
	 * @param withMail invitations to be mailed
	 * @param mailed invitations the mail server took
	 * @param mailAvailable whether a mail server is configured (if not, every code is on
	 * paper)
	 * @param paperCodes the codes of those without a work address, grouped, shuffled
	 * within their unit: shown once, kept nowhere
	 * @param paperByUnit the same codes by the name of the unit whose staff they are
	 * handed out to
	 * @param unsentCodes the codes whose mail could not be sent, for those who got none
	 */
	record Invited(Cycle cycle, int invited, int skipped, int withMail, int mailed, boolean mailAvailable,
			List<String> paperCodes, Map<String, List<String>> paperByUnit, List<String> unsentCodes) {
	}

}
