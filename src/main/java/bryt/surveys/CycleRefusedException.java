package bryt.surveys;

/** A launch that cannot be made; the message is a key of the surveys bundle. */
class CycleRefusedException extends RuntimeException {

	CycleRefusedException(String messageKey) {
		super(messageKey, null, false, false);
	}

}
