package bryt.organisation;

/** A staff member's position, as the HR system knows it. */
public enum StaffRole {

	/** Socialsekreterare, socialrådgiver. */
	SOCIAL_WORKER,
	/** Gruppledare / förste socialsekreterare, teamleder. */
	FIRST_LINE_LEAD,
	/** Enhetschef, afdelingsleder. */
	UNIT_MANAGER, OTHER

}
