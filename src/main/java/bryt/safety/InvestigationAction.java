package bryt.safety;

import java.time.LocalDate;

/**
 * An action of an incident's investigation ({@code safety_action}). A waiver holds the id
 * of the account that waived, as text: the id, not a name, because the rule that one
 * person holding both roles cannot waive twice compares who waived, and a display name is
 * neither unique nor fixed.
 *
 * @param id the action
 * @param title what is to be done
 * @param owner who does it
 * @param dueOn by when
 * @param doneOn when it was done, or null
 * @param waivedByManager the account id of the manager who waived it, or null
 * @param waivedByRepresentative the account id of the safety representative who waived
 * it, or null
 * @param side whose action it is: the employer's (MANAGER: a manager or HR) or the safety
 * representative's; only that side marks it done
 */
record InvestigationAction(long id, String title, String owner, LocalDate dueOn, LocalDate doneOn,
		String waivedByManager, String waivedByRepresentative, Side side) {

	/**
	 * Whether the action no longer stands in the way of closing: done, or waived by a
	 * manager and by a safety representative who are two different accounts.
	 */
	public boolean settled() {
		return this.doneOn != null || waivedByBoth();
	}

	/** Waived on both sides by two different accounts. */
	public boolean waivedByBoth() {
		return this.waivedByManager != null && this.waivedByRepresentative != null
				&& !this.waivedByManager.equals(this.waivedByRepresentative);
	}

	public boolean overdue(LocalDate today) {
		return this.doneOn == null && !waivedByBoth() && today.isAfter(this.dueOn);
	}

	/**
	 * The two sides of handling an incident: the employer's (MANAGER: a manager covering
	 * the unit, or HR; HR waives nothing, see {@link HandlingController}) and the safety
	 * representative's. A handler waives, marks done and confirms a close for a side.
	 */
	enum Side {

		MANAGER, SAFETY_REPRESENTATIVE

	}

}
