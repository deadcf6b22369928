package bryt.organisation;

/**
 * Levels of the unit tree: department (avdelning, afdeling) → unit (enhet, enhed) → team.
 */
public enum UnitLevel {

	DEPARTMENT, UNIT, TEAM;

	/**
	 * Whether a unit of this level may sit directly under a unit of {@code parent}'s
	 * level.
	 */
	boolean mayBeChildOf(UnitLevel parent) {
		return parent.ordinal() < ordinal();
	}

}
