package bryt.workload;

import java.util.EnumMap;
import java.util.Map;

import bryt.organisation.StaffRole;

/**
 * The case-carrying share of each staff role: part of the load model employer and unions
 * agree on. A worker's capacity is multiplied by their role's share, so a first-line lead
 * or unit manager with share 0 adds no case capacity to a unit; the points of cases they
 * still hold count all the same, and they are flagged. A role with a share above 0 is a
 * caseworker's: only those count in the spread of load.
 */
public record RoleShares(double socialWorker, double firstLineLead, double unitManager, double other) {

	/** Social workers carry cases, leads, managers and other staff none. */
	public static final RoleShares DEFAULTS = new RoleShares(1.0, 0.0, 0.0, 0.0);

	public RoleShares {
		for (double share : new double[] { socialWorker, firstLineLead, unitManager, other }) {
			if (!(share >= 0 && share <= 1)) {
				throw new IllegalArgumentException("A role's share is from 0 to 1");
			}
		}
	}

	/** The share of a role; a member without a known role counts as other staff. */
	public double of(StaffRole role) {
		if (role == null) {
			return this.other;
		}
		return switch (role) {
			case SOCIAL_WORKER -> this.socialWorker;
			case FIRST_LINE_LEAD -> this.firstLineLead;
			case UNIT_MANAGER -> this.unitManager;
			case OTHER -> this.other;
		};
	}

	/** Every role's share, in the order of {@link StaffRole}. */
	public Map<StaffRole, Double> byRole() {
		Map<StaffRole, Double> shares = new EnumMap<>(StaffRole.class);
		for (StaffRole role : StaffRole.values()) {
			shares.put(role, of(role));
		}
		return shares;
	}

	/** These shares with one role's changed. */
	RoleShares with(StaffRole role, double share) {
		return new RoleShares((role == StaffRole.SOCIAL_WORKER) ? share : this.socialWorker,
				(role == StaffRole.FIRST_LINE_LEAD) ? share : this.firstLineLead,
				(role == StaffRole.UNIT_MANAGER) ? share : this.unitManager,
				(role == StaffRole.OTHER) ? share : this.other);
	}

}
