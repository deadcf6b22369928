package bryt.organisation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID provider of an organisation, as stored. {@code clientSecret} is encrypted
 * ({@link OidcSecretKey}); null for a public client. {@code groupRoles} holds one
 * {@code group=ROLE} per line. {@code requiredClaim} and {@code requiredClaimValue} (both
 * or neither) tie the provider's ID tokens to the organisation, for a provider that
 * serves others too (a multi-tenant issuer's tenant id, a shared broker's organisation
 * claim). {@code side} is the side it speaks for ({@link Side}): an
 * {@link Side#EMPLOYEE_SIDE} provider (a union's own) has no group mapping and no
 * employee-number claim.
 */
record OidcProvider(long id, long organisationId, String registrationId, String label, String issuer, String clientId,
		byte[] clientSecret, String usernameClaim, String employeeNumberClaim, String groupClaim, String groupRoles,
		Set<String> requiredAcr, Set<String> requiredAmr, String requiredClaim, String requiredClaimValue, Side side) {

	/**
	 * The only roles a provider's groups can give: the employer's. Union, safety
	 * representative and the rest are granted in Bryt, whatever a group claim says.
	 */
	static final Set<Role> EMPLOYER_ROLES = EnumSet.of(Role.MANAGER, Role.HR, Role.ADMINISTRATOR);

	/**
	 * The mapping of provider groups to employer roles; other lines count for nothing.
	 */
	Map<String, Role> groupMapping() {
		return mapping(this.groupRoles);
	}

	static Map<String, Role> mapping(String lines) {
		Map<String, Role> mapping = new LinkedHashMap<>();
		if (lines == null) {
			return mapping;
		}
		for (String line : lines.split("\\R")) {
			int equals = line.lastIndexOf('=');
			if (equals <= 0) {
				continue;
			}
			String group = line.substring(0, equals).strip();
			String role = line.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
			EMPLOYER_ROLES.stream()
				.filter((employer) -> employer.name().equals(role))
				.findFirst()
				.ifPresent((employer) -> mapping.put(group, employer));
		}
		return mapping;
	}

	/** Whether it is the employer's (its employee numbers link staff members). */
	boolean employers() {
		return this.side == Side.EMPLOYER;
	}

	public boolean confidential() {
		return this.clientSecret != null;
	}

}
