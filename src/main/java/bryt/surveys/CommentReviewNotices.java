package bryt.surveys;

import java.util.Locale;
import java.util.Set;

import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.RolesGained;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the employee side's reviewers of an organisation, by mail to their work address,
 * when an account becomes one of them (it is given the union or safety representative
 * role) and when one of them approves a cycle's comments (docs/surveys/comments.md, F1):
 * an administrator who made an account to approve in the employee side's name is seen by
 * the real representatives, who have the 30 days of {@link CommentReview#STANDING} to
 * object. The mail names the account (display name and username) and the survey, never a
 * comment. Sent after the change committed; accounts without a work address, and
 * deployments without a mail server, read it on the review page only.
 */
@Component
class CommentReviewNotices {

	private static final Set<Role> EMPLOYEE_SIDE = Set.of(Role.UNION_REPRESENTATIVE, Role.SAFETY_REPRESENTATIVE);

	private final Organisations organisations;

	private final SurveyMail mail;

	private final MessageSource messages;

	CommentReviewNotices(Organisations organisations, SurveyMail mail, MessageSource messages) {
		this.organisations = organisations;
		this.mail = mail;
		this.messages = messages;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void rolesGained(RolesGained event) {
		if (event.gained().stream().noneMatch(EMPLOYEE_SIDE::contains)) {
			return;
		}
		Locale language = this.organisations.language(event.organisationId());
		tell(event.organisationId(), event.accountId(),
				this.messages.getMessage("surveys.comments.notice.role.subject", null, language),
				this.messages.getMessage("surveys.comments.notice.role.body",
						new Object[] { event.displayName(), event.username(), CommentReview.STANDING.toDays() },
						language));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void approved(EmployeeSideApproved event) {
		Locale language = this.organisations.language(event.organisationId());
		String program = this.messages.getMessage("surveys.program." + event.program().key(), null, language);
		tell(event.organisationId(), event.accountId(),
				this.messages.getMessage("surveys.comments.notice.approved.subject", null, language),
				this.messages.getMessage("surveys.comments.notice.approved.body",
						new Object[] { event.reviewer(), program, event.opensOn() }, language));
	}

	/**
	 * Mails every other employee-side reviewer of the organisation that has an address.
	 */
	private void tell(long organisationId, long accountId, String subject, String body) {
		this.mail.notices(this.organisations.reachableAccounts(organisationId)
			.stream()
			.filter((account) -> account.accountId() != accountId
					&& CommentSide.of(account.roles()).filter((side) -> side == CommentSide.EMPLOYEE).isPresent())
			.map(Organisations.Addressee::email)
			.distinct()
			.toList(), subject, body);
	}

	/**
	 * An employee-side reviewer's approval was recorded (published in its transaction).
	 *
	 * @param reviewer the display name and username, as the approval names them
	 */
	record EmployeeSideApproved(long organisationId, long accountId, String reviewer, CycleProgram program,
			java.time.LocalDate opensOn) {
	}

}
