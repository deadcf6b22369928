package bryt.organisation;

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
	EMPLOYEE_SIDE

}
