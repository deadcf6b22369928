package bryt.overview;

/**
 * A side's sign-off of a snapshot: the box "I have read the figures of version N" (sent
 * as {@code true} when ticked) and the version the page showed. Strings, so that a
 * crafted value gets the box's message rather than a binding error.
 */
record SignOffForm(String confirmed, String version) {

	static SignOffForm empty() {
		return new SignOffForm(null, null);
	}

	boolean isConfirmed() {
		return "true".equals(this.confirmed);
	}

	/** The version the page showed, or -1 when missing or not a number. */
	int confirmedVersion() {
		try {
			return (this.version != null) ? Integer.parseInt(this.version.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
