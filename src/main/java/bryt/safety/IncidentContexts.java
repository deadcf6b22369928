package bryt.safety;

/**
 * Every context string an incident's ciphertexts are bound to (Tink's associated data,
 * through Voice's {@link bryt.voice.Sealing}): a ciphertext opens only under the same
 * string, so one incident's description cannot be passed off as another's, nor a file's
 * name as its bytes. Part of every stored ciphertext: changing one makes existing
 * incidents unreadable.
 */
final class IncidentContexts {

	private IncidentContexts() {
	}

	/** The description. */
	static String content(long organisationId, long incidentId) {
		return incident(organisationId, incidentId) + " content";
	}

	/** The data key, wrapped for an account. */
	static String key(long organisationId, long incidentId) {
		return incident(organisationId, incidentId) + " key";
	}

	/**
	 * The data key, wrapped under the key derived from the receipt: bound to the
	 * receipt's selector, the only thing known of it before the row exists.
	 */
	static String receipt(String selector) {
		return "bryt safety incident receipt " + selector;
	}

	/** A piece of evidence's name, type and kind. */
	static String evidenceMeta(long organisationId, long incidentId, long evidenceId) {
		return incident(organisationId, incidentId) + " evidence meta " + evidenceId;
	}

	/** A piece of evidence's bytes, or its link. */
	static String evidence(long organisationId, long incidentId, long evidenceId) {
		return incident(organisationId, incidentId) + " evidence " + evidenceId;
	}

	private static String incident(long organisationId, long incidentId) {
		return "bryt safety incident " + organisationId + " " + incidentId;
	}

}
