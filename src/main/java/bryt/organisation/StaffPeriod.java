package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A staff member's unit, role and FTE over a span of time. A change of any of them closes
 * the open period on the day of the change and opens a new one from it.
 *
 * @param validFrom the first day
 * @param validTo the day after the last, or null while the period is open
 */
public record StaffPeriod(long unitId, StaffRole role, BigDecimal fte, LocalDate validFrom, LocalDate validTo) {
}
