package bryt.organisation;

/**
 * The countries whose social services Bryt knows: their laws set deadlines and defaults.
 */
public enum Country {

	SE, DK

}
