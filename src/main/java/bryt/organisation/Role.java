package bryt.organisation;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an account may see and do. An account holds one or more roles; the roles in
 * {@link #COVERING} are limited to the units the account covers.
 */
public enum Role {

	/** Organisation tree, accounts and settings (administratör, administrator). */
	ADMINISTRATOR,
	/** Organisation-wide figures and staff records (HR). */
	HR,
	/** First-line lead or unit manager: their units (chef, leder). */
	MANAGER,
	/** Union representative: their units (fackligt ombud, tillidsrepræsentant). */
	UNION_REPRESENTATIVE,
	/**
	 * Safety representative: their units' incidents and work environment (skyddsombud,
	 * arbejdsmiljørepræsentant); separate from the union representative (issue 14).
	 */
	SAFETY_REPRESENTATIVE,
	/**
	 * A social worker or other employee: their own figures (socialsekreterare,
	 * socialrådgiver).
	 */
	STAFF,
	/**
	 * Member of the political committee: aggregated figures only (nämndledamot,
	 * udvalgsmedlem).
	 */
	COMMITTEE_MEMBER,
	/**
	 * The employee side's administration right (administratör för arbetstagarsidan,
	 * administrator for medarbejdersiden): grants and revokes the employee side's roles
	 * and sets the units they cover (issue 16). Never given by an identity provider.
	 */
	EMPLOYEE_SIDE_ADMINISTRATOR;

	/**
	 * Who may import the organisation's units, staff, case types and cases on the import
	 * page: the organisation's data owners. One place for every module's import kind.
	 */
	public static final Set<String> IMPORTERS = Set.of(ADMINISTRATOR.name(), HR.name());

	/**
	 * The roles limited to the units the account covers (and all below them); an account
	 * holding one needs at least one covered unit.
	 */
	public static final Set<Role> COVERING = Collections
		.unmodifiableSet(EnumSet.of(MANAGER, UNION_REPRESENTATIVE, SAFETY_REPRESENTATIVE));

	/**
	 * The employee side's roles: granted and revoked only by an account holding
	 * {@link #EMPLOYEE_SIDE_ADMINISTRATOR} of the same organisation, or by the platform
	 * operator; never by the employer's administrator nor by an identity provider (issue
	 * 16).
	 */
	public static final Set<Role> EMPLOYEE_SIDE = Collections
		.unmodifiableSet(EnumSet.of(UNION_REPRESENTATIVE, SAFETY_REPRESENTATIVE, EMPLOYEE_SIDE_ADMINISTRATOR));

	/** The roles the employer's administrator grants: all but the employee side's. */
	public static final Set<Role> EMPLOYER_SIDE = Collections
		.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(EMPLOYEE_SIDE)));

	/** Whether any of the roles is limited to covered units. */
	public static boolean covers(Set<Role> roles) {
		return roles.stream().anyMatch(COVERING::contains);
	}

	/** The role's name as Spring Security's {@code hasRole} expects it. */
	public String authority() {
		return "ROLE_" + name();
	}

}
