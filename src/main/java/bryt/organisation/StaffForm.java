package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

import bryt.shared.NoPersonalIdentityNumber;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

record StaffForm(@NotBlank @Size(max = 40) @NoPersonalIdentityNumber String employeeNumber,
		@NotBlank @Size(max = 200) @NoPersonalIdentityNumber String name, @NotNull Long unitId, @NotNull StaffRole role,
		@NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") BigDecimal fte,
		@DateTimeFormat(iso = ISO.DATE) LocalDate experienceStart,
		@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate employmentStart,
		@DateTimeFormat(iso = ISO.DATE) LocalDate endDate, EndReason endReason) {

	static StaffForm empty() {
		return new StaffForm(null, null, null, StaffRole.SOCIAL_WORKER, BigDecimal.ONE, null, null, null, null);
	}

	static StaffForm of(StaffMember member) {
		return new StaffForm(member.employeeNumber(), member.name(), member.unitId(), member.role(), member.fte(),
				member.experienceStart(), member.employmentStart(), member.endDate(), member.endReason());
	}

	/** An end date needs a reason and a reason an end date. */
	@AssertTrue(message = "{StaffForm.endReason}")
	public boolean isEndReasonGivenWithEndDate() {
		return (this.endDate == null) == (this.endReason == null);
	}

	@AssertTrue(message = "{StaffForm.endDate}")
	public boolean isEndDateAfterStart() {
		return this.endDate == null || this.employmentStart == null || !this.endDate.isBefore(this.employmentStart);
	}

}
