package bryt.organisation;

import java.util.Set;

/**
 * What an account may see of its organisation's units, staff and figures. The one place
 * the rule is decided ({@link #of}); every module asks this value instead of the
 * account's roles.
 *
 * <table>
 * <caption>The rule</caption>
 * <tr>
 * <th>Role</th>
 * <th>Unit and organisation figures</th>
 * <th>Staff (records and workers' rows)</th>
 * </tr>
 * <tr>
 * <td>HR, administrator, API client</td>
 * <td>all</td>
 * <td>all</td>
 * </tr>
 * <tr>
 * <td>Committee member</td>
 * <td>all</td>
 * <td>none</td>
 * </tr>
 * <tr>
 * <td>Manager, union or safety representative</td>
 * <td>the covered units and all below them</td>
 * <td>those in the covered units and all below them</td>
 * </tr>
 * <tr>
 * <td>Staff</td>
 * <td>none</td>
 * <td>their own row</td>
 * </tr>
 * </table>
 * An account with several roles sees what each of them sees, and no more: a committee
 * member who also manages unit A sees every unit's figures but only A's workers.
 *
 * @param wholeOrganisation everything: every unit, every staff member
 * @param coveredUnits the units a manager or union representative covers, each with
 * everything below it (also kept when the account sees everything, for its home page)
 * @param allUnitFigures every unit's and the organisation's figures, without the staff
 * @param ownStaffId the staff member whose own row the account sees, or null
 */
public record Visibility(boolean wholeOrganisation, Set<Long> coveredUnits, boolean allUnitFigures, Long ownStaffId) {

	/** What HR, administrators, API clients and the command line see. */
	public static final Visibility EVERYTHING = new Visibility(true, Set.of(), true, null);

	/** What an account of another organisation sees of this one. */
	public static final Visibility NOTHING = new Visibility(false, Set.of(), false, null);

	public Visibility {
		coveredUnits = Set.copyOf(coveredUnits);
	}

	/**
	 * The rule.
	 * @param roles the account's roles
	 * @param staffId the staff member the account is linked to, or null
	 * @param coveredWithSubunits the units the account covers, each with everything below
	 * it
	 */
	static Visibility of(Set<Role> roles, Long staffId, Set<Long> coveredWithSubunits) {
		boolean whole = roles.contains(Role.HR) || roles.contains(Role.ADMINISTRATOR);
		boolean covers = Role.covers(roles);
		return new Visibility(whole, covers ? coveredWithSubunits : Set.of(),
				whole || roles.contains(Role.COMMITTEE_MEMBER), roles.contains(Role.STAFF) ? staffId : null);
	}

	/** Whether the unit's figures are visible (they are the sum of its subtree). */
	public boolean seesUnitFigures(long unitId) {
		return this.allUnitFigures || this.coveredUnits.contains(unitId);
	}

	/** Whether the organisation's total is visible. */
	public boolean seesOrganisationFigures() {
		return this.allUnitFigures;
	}

	/** Whether the staff working in the unit are visible, each by name. */
	public boolean seesStaffOf(long unitId) {
		return this.wholeOrganisation || this.coveredUnits.contains(unitId);
	}

	/** Whether one staff member, working in the given unit, is visible by name. */
	public boolean seesStaffMember(long staffId, long unitId) {
		return seesStaffOf(unitId) || (this.ownStaffId != null && this.ownStaffId == staffId);
	}

	/** Whether nothing at all is visible: no figures, no staff, not even one's own. */
	public boolean seesNothing() {
		return !this.wholeOrganisation && !this.allUnitFigures && this.coveredUnits.isEmpty()
				&& this.ownStaffId == null;
	}

}
