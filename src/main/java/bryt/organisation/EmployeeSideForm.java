package bryt.organisation;

import java.util.Set;

/**
 * The employee side's part of an account as the holder of
 * {@link Role#EMPLOYEE_SIDE_ADMINISTRATOR} edits it (issue 16): which of
 * {@link Role#EMPLOYEE_SIDE} it holds and the units it covers. Nothing else of the
 * account is in it.
 */
record EmployeeSideForm(Set<Role> roles, Set<Long> unitIds) {

	static EmployeeSideForm of(Account account) {
		return new EmployeeSideForm(employeeSide(account.roles()), account.unitIds());
	}

	public boolean hasRole(Role role) {
		return this.roles != null && this.roles.contains(role);
	}

	public Set<Long> coveredUnits() {
		return (this.unitIds != null) ? this.unitIds : Set.of();
	}

	static Set<Role> employeeSide(Set<Role> roles) {
		return roles.stream()
			.filter(Role.EMPLOYEE_SIDE::contains)
			.collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
	}

}
