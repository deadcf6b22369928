package bryt.workload;

import java.util.List;
import java.util.Optional;

import bryt.organisation.Organisations;
import bryt.organisation.Visibility;

import org.springframework.security.core.Authentication;

/**
 * One viewer's share of an organisation's figures, as organisation's {@link Visibility}
 * decides it: the figures filtered, nothing decided here.
 */
record Viewer(Visibility visibility) {

	static final Viewer EVERYTHING = new Viewer(Visibility.EVERYTHING);

	/** The viewer, or empty when it may see nothing of the organisation. */
	static Optional<Viewer> of(Authentication authentication, long organisationId, Organisations organisations) {
		Visibility visibility = organisations.visibility(authentication, organisationId);
		return visibility.seesNothing() ? Optional.empty() : Optional.of(new Viewer(visibility));
	}

	boolean organisationTotal() {
		return this.visibility.seesOrganisationFigures();
	}

	boolean seesUnit(long unitId) {
		return this.visibility.seesUnitFigures(unitId);
	}

	boolean seesWorker(WorkerFigures worker) {
		return this.visibility.seesStaffMember(worker.staffId(), worker.unitId());
	}

	List<UnitFigures> units(WorkloadFigures figures) {
		return figures.units().stream().filter((unit) -> seesUnit(unit.unitId())).toList();
	}

	List<WorkerFigures> workers(WorkloadFigures figures) {
		return figures.workers().stream().filter(this::seesWorker).toList();
	}

}
