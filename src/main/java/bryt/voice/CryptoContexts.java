package bryt.voice;

/**
 * Every context string Voice binds its ciphertexts to (Tink's associated data): a
 * ciphertext opens only under the same string, so a part of one report cannot be passed
 * off as a part of another, nor a message as a file. They are part of every stored
 * ciphertext: changing one makes existing data unreadable ({@code CryptoContextsTest}
 * pins them).
 */
final class CryptoContexts {

	private CryptoContexts() {
	}

	/** The parts of one report, each bound to its receipt selector. */
	static ReportParts report(String selector) {
		return new ReportParts(selector);
	}

	/** A recipient's private keyset, encrypted under their password. */
	static String recipientKey(long accountId) {
		return "bryt voice recipient key " + accountId;
	}

	/** A copy of a recipient's private keyset, encrypted to a recovery key. */
	static String recoveryCopy(long organisationId, int generation, long accountId) {
		return "bryt voice recovery copy " + organisationId + " " + generation + " " + accountId;
	}

	/** One share of a recovery key, encrypted to its holder. */
	static String recoveryShare(long organisationId, int generation, int part, long holderId) {
		return "bryt voice recovery share " + organisationId + " " + generation + " " + part + " " + holderId;
	}

	/**
	 * @param selector the receipt's selector, unique per report and known from its row
	 */
	record ReportParts(String selector) {

		/** The data key, wrapped under the key derived from the receipt. */
		String receipt() {
			return part("receipt");
		}

		/** The answers and the reporter's identity. */
		String content() {
			return part("content");
		}

		/** The data key, wrapped to a recipient's public key. */
		String key() {
			return part("key");
		}

		/** Any message, the reporter's, a recipient's or a note. */
		String message() {
			return part("message");
		}

		/** An attachment's bytes. */
		String file(long attachmentId) {
			return part("file " + attachmentId);
		}

		/** An attachment's name, type, size and what cleaning removed. */
		String fileMeta(long attachmentId) {
			return part("file meta " + attachmentId);
		}

		private String part(String part) {
			return "bryt voice report " + this.selector + " " + part;
		}

	}

}
