package bryt.organisation;

import java.util.Set;

/**
 * What an account may see and do. An account holds one or more roles; the roles
 * {@link #MANAGER} and {@link #UNION_REPRESENTATIVE} are limited to the units the account
 * covers.
 */
public enum Role {

	/** Organisation tree, accounts and settings (administratör, administrator). */
	ADMINISTRATOR,
	/** Organisation-wide figures and staff records (HR). */
	HR,
	/** First-line lead or unit manager: their units (chef, leder). */
	MANAGER,
	/**
	 * Union or safety representative: their units (skyddsombud,
	 * arbejdsmiljørepræsentant).
	 */
	UNION_REPRESENTATIVE,
	/**
	 * A social worker or other employee: their own figures (socialsekreterare,
	 * socialrådgiver).
	 */
	STAFF,
	/**
	 * Member of the political committee: aggregated figures only (nämndledamot,
	 * udvalgsmedlem).
	 */
	COMMITTEE_MEMBER;

	/**
	 * Who may import the organisation's units, staff, case types and cases on the import
	 * page: the organisation's data owners. One place for every module's import kind.
	 */
	public static final Set<String> IMPORTERS = Set.of(ADMINISTRATOR.name(), HR.name());

	/** The role's name as Spring Security's {@code hasRole} expects it. */
	public String authority() {
		return "ROLE_" + name();
	}

}
