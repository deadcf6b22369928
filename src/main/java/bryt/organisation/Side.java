package bryt.organisation;

import java.util.Optional;
import java.util.Set;

/**
 * The side of the workplace an identity provider speaks for, and a standing is counted
 * for (issue 16): the employer's (the municipality's directory, a broker in front of it)
 * or the employee side's (a union's own identity provider). See
 * {@link Organisations#heldByHolderSince(long, long, Side)}.
 */
public enum Side {

	/** The employer: managers, HR, the administrator. */
	EMPLOYER,

	/** The employee side: union and safety representatives. */
	EMPLOYEE_SIDE;

	/**
	 * The side an account speaks for where both sides take part (the overview's sign-off,
	 * the surveys' comment review): the employer's for HR or an administrator, the
	 * employee side's for a union or safety representative; empty for an account of
	 * neither side or of both, since one person cannot be both parties.
	 */
	public static Optional<Side> speakingFor(Set<Role> roles) {
		boolean employer = roles.contains(Role.HR) || roles.contains(Role.ADMINISTRATOR);
		boolean employee = roles.contains(Role.UNION_REPRESENTATIVE) || roles.contains(Role.SAFETY_REPRESENTATIVE);
		if (employer == employee) {
			return Optional.empty();
		}
		return Optional.of(employer ? EMPLOYER : EMPLOYEE_SIDE);
	}

}
