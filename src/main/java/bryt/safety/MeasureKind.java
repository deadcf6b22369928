package bryt.safety;

/**
 * The protection measures of issue 14 item 7, as {@code safety_measure.kind}, in the
 * order the page lists them.
 */
enum MeasureKind {

	/**
	 * Skyddade personuppgifter / sekretessmarkering (Denmark: navne- og
	 * adressebeskyttelse).
	 */
	PROTECTED_PERSONAL_DATA,

	/** The work address only in decisions and letters, never the home address. */
	WORK_ADDRESS_ONLY,

	/** Decisions signed jointly or by the unit, not by the one social worker. */
	JOINT_DECISIONS,

	/** A second handler on the case. */
	SECOND_HANDLER,

	/** No home visits alone. */
	NO_SOLO_HOME_VISITS,

	/** A personal alarm or a guard. */
	ALARM_OR_GUARD,

	/** A request to a platform to take down what exposes the employee. */
	TAKE_DOWN_REQUEST,

	/** Another handler takes over the case. */
	CHANGE_OF_HANDLER

}
