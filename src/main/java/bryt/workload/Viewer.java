package bryt.workload;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.ApiClient;
import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisations;
import bryt.organisation.Role;

import org.springframework.security.core.Authentication;

/**
 * What one viewer may see of an organisation's figures: HR, administrators and API
 * clients everything; committee members the units and the organisation but no worker;
 * managers and union representatives the units they cover with their workers; staff their
 * own row.
 */
record Viewer(boolean allUnits, Set<Long> units, boolean workers, boolean organisationTotal, Long ownStaffId) {

	static final Viewer EVERYTHING = new Viewer(true, Set.of(), true, true, null);

	static Optional<Viewer> of(Authentication authentication, long organisationId, Organisations organisations) {
		if (authentication instanceof ApiClient client) {
			return (client.organisationId() == organisationId) ? Optional.of(EVERYTHING) : Optional.empty();
		}
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentAccount me)
				|| me.organisationId() != organisationId) {
			return Optional.empty();
		}
		if (me.has(Role.ADMINISTRATOR) || me.has(Role.HR)) {
			return Optional.of(EVERYTHING);
		}
		boolean committee = me.has(Role.COMMITTEE_MEMBER);
		Set<Long> covered = new HashSet<>();
		if (me.has(Role.MANAGER) || me.has(Role.UNION_REPRESENTATIVE)) {
			covered.addAll(organisations.visibleUnits(me).orElse(Set.of()));
		}
		Long own = me.has(Role.STAFF) ? me.staffId().orElse(null) : null;
		if (!committee && covered.isEmpty() && own == null) {
			return Optional.empty();
		}
		return Optional.of(new Viewer(committee, covered, !covered.isEmpty(), committee, own));
	}

	boolean seesUnit(long unitId) {
		return this.allUnits || this.units.contains(unitId);
	}

	boolean seesWorker(WorkerFigures worker) {
		return (this.workers && (this.allUnits || this.units.contains(worker.unitId())))
				|| (this.ownStaffId != null && this.ownStaffId == worker.staffId());
	}

	List<UnitFigures> units(WorkloadFigures figures) {
		return figures.units().stream().filter((unit) -> seesUnit(unit.unitId())).toList();
	}

	List<WorkerFigures> workers(WorkloadFigures figures) {
		return figures.workers().stream().filter(this::seesWorker).toList();
	}

}
