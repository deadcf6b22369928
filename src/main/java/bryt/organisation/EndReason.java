package bryt.organisation;

/** Why an employment ended. */
public enum EndReason {

	RESIGNED, RETIRED, CONTRACT_ENDED, DISMISSED, OTHER

}
