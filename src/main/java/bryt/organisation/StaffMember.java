package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An employee in the organisation tree, current or former.
 *
 * @param experienceStart when the member began working in the profession, which sets the
 * experience factor of their capacity; may be earlier than their employment here
 */
public record StaffMember(long id, long organisationId, String employeeNumber, String name, long unitId, StaffRole role,
		BigDecimal fte, LocalDate experienceStart, LocalDate employmentStart, LocalDate endDate, EndReason endReason) {

	/** Whether employed on a date; the end date is the last day of employment. */
	public boolean employedOn(LocalDate date) {
		return !this.employmentStart.isAfter(date) && (this.endDate == null || !this.endDate.isBefore(date));
	}

}
