package bryt.organisation;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member saved from the form, each one transaction: the record with its periods
 * (a change of unit, role or FTE closes one period and opens the next).
 */
@Service
class StaffChanges {

	private final StaffRepository staff;

	StaffChanges(StaffRepository staff) {
		this.staff = staff;
	}

	@Transactional
	long create(long organisationId, StaffForm form) {
		return this.staff.create(organisationId, form);
	}

	@Transactional
	void update(long organisationId, long id, StaffForm form, LocalDate changedOn) {
		this.staff.update(organisationId, id, form, changedOn);
	}

	/** Sets or (with {@code null}) clears a staff member's work e-mail address. */
	@Transactional
	void setWorkEmail(long organisationId, long id, String email) {
		this.staff.setWorkEmail(organisationId, id, email);
	}

}
