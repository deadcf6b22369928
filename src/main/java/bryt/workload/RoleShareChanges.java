package bryt.workload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import bryt.organisation.StaffRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the shares of the roles in an organisation's load model, recording for each
 * role that changed who changed it and when, in one transaction with the change.
 */
@Service
class RoleShareChanges {

	private final RoleShareRepository repository;

	private final Clock clock;

	RoleShareChanges(RoleShareRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Sets the shares; returns how many roles' shares changed. Saving the same shares
	 * again records nothing.
	 * @param changedBy who changes them, as the history names them
	 */
	@Transactional
	public int change(long organisationId, RoleShares shares, String changedBy) {
		RoleShares before = this.repository.lockedShares(organisationId);
		Instant now = this.clock.instant();
		int changed = 0;
		for (StaffRole role : StaffRole.values()) {
			if (Double.compare(before.of(role), shares.of(role)) != 0) {
				this.repository.recordChange(organisationId,
						new RoleShareRepository.ShareChange(role, before.of(role), shares.of(role), now, changedBy));
				changed++;
			}
		}
		if (changed > 0) {
			this.repository.update(organisationId, shares);
			this.repository.bumpVersion(organisationId);
		}
		return changed;
	}

	List<RoleShareRepository.ShareChange> history(long organisationId) {
		return this.repository.history(organisationId);
	}

}
