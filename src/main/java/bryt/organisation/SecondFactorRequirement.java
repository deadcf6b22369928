package bryt.organisation;

/**
 * Lets a module say that an account needs a second factor to log in, because of what it
 * may read there (voice: the recipients of reports). Administrators need one anyway.
 * Declare a bean of this type in the module.
 */
public interface SecondFactorRequirement {

	/** Whether this account must pass a second factor after its password. */
	boolean requiresSecondFactor(long organisationId, long accountId);

}
