package bryt.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One action of a unit's action plan for a survey cycle, with its comments oldest first.
 *
 * @param areaKey the instrument's area the action answers, or null
 */
record SurveyAction(long id, long cycleId, long unitId, String areaKey, String title, String owner, LocalDate dueOn,
		ActionStatus status, String createdBy, List<Comment> comments) {

	/** Whether the action is open and its due date has passed on {@code today}. */
	public boolean overdue(LocalDate today) {
		return this.status.open() && this.dueOn.isBefore(today);
	}

	/** A comment, from the employer's side or the employee side. */
	record Comment(Side side, String author, Instant writtenAt, String text) {
	}

	/**
	 * Who commented: the employer's side (manager, HR) or the employee side (safety
	 * representative).
	 */
	enum Side {

		EMPLOYER, EMPLOYEE

	}

}
