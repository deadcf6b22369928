package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An employee in the organisation tree, current or former.
 *
 * @param unitId the current unit, as are {@code role} and {@code fte}; for another date
 * see {@link #on(LocalDate)}
 * @param experienceStart when the member began working in the profession, which sets the
 * experience factor of their capacity; may be earlier than their employment here
 * @param periods the unit, role and FTE over time, earliest first; never empty
 */
public record StaffMember(long id, long organisationId, String employeeNumber, String name, long unitId, StaffRole role,
		BigDecimal fte, LocalDate experienceStart, LocalDate employmentStart, LocalDate endDate, EndReason endReason,
		List<StaffPeriod> periods) {

	public StaffMember {
		periods = (periods == null || periods.isEmpty())
				? List.of(new StaffPeriod(unitId, role, fte, employmentStart, null))
				: periods.stream().sorted(Comparator.comparing(StaffPeriod::validFrom)).toList();
	}

	/** A member whose current unit, role and FTE hold for their whole employment. */
	public StaffMember(long id, long organisationId, String employeeNumber, String name, long unitId, StaffRole role,
			BigDecimal fte, LocalDate experienceStart, LocalDate employmentStart, LocalDate endDate,
			EndReason endReason) {
		this(id, organisationId, employeeNumber, name, unitId, role, fte, experienceStart, employmentStart, endDate,
				endReason, List.of());
	}

	/** Whether employed on a date; the end date is the last day of employment. */
	public boolean employedOn(LocalDate date) {
		return !this.employmentStart.isAfter(date) && (this.endDate == null || !this.endDate.isBefore(date));
	}

	/**
	 * The unit, role and FTE on a date: the period that holds then; before the first
	 * period, the first; after a last period that was closed, the last.
	 */
	public StaffPeriod on(LocalDate date) {
		StaffPeriod found = this.periods.getFirst();
		for (StaffPeriod period : this.periods) {
			if (period.validFrom().isAfter(date)) {
				break;
			}
			found = period;
		}
		return found;
	}

}
