package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.web.Language;

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

	private final ResultSummaries summaries;

	CycleService(CycleLaunch launch, CycleRepository cycles, Organisations organisations, SurveyMail mail,
			AnswerRepository answers, ResultSummaries summaries) {
		this.answers = answers;
		this.summaries = summaries;
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
		due.forEach(this::close);
		return due.size();
	}

	/**
	 * Closes a cycle: its held answers go into the result tables in a random order under
	 * new ids, and are summarised for its results (V36), in the same transaction as the
	 * close.
	 */
	@Transactional
	void close(long cycleId) {
		this.answers.release(cycleId);
		this.summaries.summarise(cycleId);
		this.cycles.close(cycleId);
	}

	/** Mails go out in the organisation's language. */
	Locale mailLanguage(long organisationId) {
		return this.organisations.find(organisationId)
			.map(Organisation::country)
			.map((country) -> country.language().locale())
			.orElse(Language.DEFAULT.locale());
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
