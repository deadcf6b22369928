package bryt.surveys;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one cycle or of a pool of cycles (an exit window), per group: counts,
 * shares and indices before any suppression.
 *
 * @param periodStart the period's first day: the cycle's, or the window's first month's
 * @param periodEnd the period's last day: the cycle's, or the window's last month's
 * @param cycles the cycles counted, oldest first
 * @param breakdown how the groups are split beyond the unit
 * @param units the groups by unit id and band
 */
record ResultFigures(LocalDate periodStart, LocalDate periodEnd, List<ResultCycle> cycles, ResultBreakdown breakdown,
		List<ResultUnit> units) {

	ResultFigures {
		cycles = List.copyOf(cycles);
		units = List.copyOf(units);
	}

	/** A unit's group (all bands together, or without a breakdown). */
	Optional<ResultUnit> unit(long unitId) {
		return unit(unitId, null);
	}

	Optional<ResultUnit> unit(long unitId, String band) {
		return this.units.stream()
			.filter((unit) -> unit.unitId() == unitId && Objects.equals(unit.band(), band))
			.findFirst();
	}

}
