package bryt.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import bryt.organisation.Organisations;
import bryt.organisation.Role;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells those who would act on it, by mail to their work address, when an annual survey
 * or pulse is closed early or cancelled (L2; brief surveys2, item 1): the employer's side
 * (HR and administrators, who launch and end surveys) and the employee side's reviewers
 * (union and safety representatives) who cover a unit the survey invited someone in. The
 * recipients are found as {@link CommentReviewNotices} finds the employee side's: an
 * enabled account of one side ({@link CommentSide#of}) whose linked staff member has a
 * work address; the one who ended it is not mailed. The mail says which survey, closed
 * early or cancelled, when, and by whom with the role that allowed it (the account's
 * display name and username, as the cycles page and the review's notices name staff);
 * never an answer or a comment. Written in the organisation's language, as every mail of
 * Bryt's staff is (accounts have no language of their own). Sent after the end committed.
 */
@Component
class CycleEndNotices {

	private static final Set<Role> REVIEWERS = Set.of(Role.HR, Role.ADMINISTRATOR, Role.UNION_REPRESENTATIVE,
			Role.SAFETY_REPRESENTATIVE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Organisations organisations;

	private final CycleRepository cycles;

	private final SurveyMail mail;

	private final MessageSource messages;

	private final ZoneId zone;

	CycleEndNotices(Organisations organisations, CycleRepository cycles, SurveyMail mail, MessageSource messages,
			java.time.Clock clock) {
		this.organisations = organisations;
		this.cycles = cycles;
		this.mail = mail;
		this.messages = messages;
		this.zone = clock.getZone();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void ended(CycleEnded event) {
		Cycle cycle = this.cycles.cycle(event.cycleId()).orElseThrow();
		Locale language = this.organisations.language(cycle.organisationId());
		String kind = event.cancelled() ? "cancelled" : "closed";
		String program = this.messages.getMessage("surveys.program." + cycle.program().key(), null, language);
		String when = LocalDate.ofInstant(event.at(), this.zone) + " " + TIME.format(event.at().atZone(this.zone));
		String role = this.messages.getMessage("surveys.end.notice.role." + event.role().name(), null, language);
		this.mail.notices(recipients(cycle, event.accountId()),
				this.messages.getMessage("surveys.end.notice." + kind + ".subject", null, language),
				this.messages.getMessage("surveys.end.notice." + kind + ".body",
						new Object[] { program, cycle.opensOn(), when, event.endedBy(), role, event.lastDay() },
						language));
	}

	/**
	 * The addresses of the employer's side and of the employee side's reviewers covering
	 * a unit with invitations to the cycle, without the account that ended it.
	 */
	private List<String> recipients(Cycle cycle, long endedBy) {
		long organisationId = cycle.organisationId();
		Set<Long> invited = this.cycles.invitedUnits(cycle.id());
		List<String> addresses = new ArrayList<>();
		for (Organisations.Addressee account : this.organisations.reachableAccounts(organisationId)) {
			if (account.accountId() == endedBy || account.roles().stream().noneMatch(REVIEWERS::contains)) {
				continue;
			}
			CommentSide side = CommentSide.of(account.roles()).orElse(null);
			if (side == CommentSide.EMPLOYER || (side == CommentSide.EMPLOYEE
					&& this.organisations.coveredUnits(organisationId, account.accountId())
						.stream()
						.anyMatch(invited::contains))) {
				addresses.add(account.email());
			}
		}
		return addresses.stream().distinct().toList();
	}

	/**
	 * An open annual survey or pulse was closed early or cancelled (published in the
	 * transaction that ended it).
	 *
	 * @param accountId the account that ended it
	 * @param endedBy its display name and username, as {@code survey_cycle_end} keeps
	 * them
	 * @param role the role that let it end the survey (HR or administrator)
	 * @param lastDay the survey's last day as it was before the end
	 */
	record CycleEnded(long cycleId, boolean cancelled, long accountId, String endedBy, Role role, LocalDate lastDay,
			Instant at) {
	}

}
