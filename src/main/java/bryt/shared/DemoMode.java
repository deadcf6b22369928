package bryt.shared;

/**
 * Whether this run shows the demo municipality. Only a run on the embedded database with
 * {@code bryt.demo.enabled} (the default) is a demo; a run on an external database never
 * creates demo data or demo accounts.
 *
 * @param active whether demo data may be created and demo accounts listed
 */
public record DemoMode(boolean active) {

	/** The password of every demo account, shown on the login page in demo mode. */
	public static final String PASSWORD = "demo";

}
