package bryt.safety;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Role;
import bryt.organisation.Visibility;

/**
 * Who handles an incident (docs/safety/design.md): HR, and a manager or safety
 * representative covering the incident's unit (or a unit above it). Nobody else by role:
 * not an administrator, a union representative or a committee member.
 */
final class IncidentAccess {

	private IncidentAccess() {
	}

	static boolean handles(CurrentAccount me, Visibility visibility, long unitId) {
		if (me.has(Role.HR)) {
			return true;
		}
		boolean handlerRole = me.has(Role.MANAGER) || me.has(Role.SAFETY_REPRESENTATIVE);
		return handlerRole && visibility.coveredUnits().contains(unitId);
	}

}
