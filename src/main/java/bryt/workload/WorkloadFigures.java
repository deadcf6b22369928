package bryt.workload;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The workload picture of one organisation on one date: computed once, from one
 * definition, for everyone who may see it.
 *
 * @param organisation figures for the whole organisation
 * @param units every unit, parents before children
 * @param workers every worker employed on the date
 */
public record WorkloadFigures(long organisationId, LocalDate at, UnitFigures organisation, List<UnitFigures> units,
		List<WorkerFigures> workers) {

	public Optional<UnitFigures> unit(long unitId) {
		return this.units.stream().filter((unit) -> unit.unitId() == unitId).findFirst();
	}

}
