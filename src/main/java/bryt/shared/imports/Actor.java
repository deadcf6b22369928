package bryt.shared.imports;

/**
 * Who ran an import, as the import history shows it: an account by its user name, an API
 * token by its name, the command line, or Bryt itself (the demo's data).
 *
 * @param kind {@code account}, {@code api}, {@code command} or {@code system}
 * @param name the account's user name or the token's name, {@code null} otherwise
 */
public record Actor(String kind, String name) {

	public static final Actor SYSTEM = new Actor("system", null);

	public static final Actor COMMAND_LINE = new Actor("command", null);

	public static Actor account(String userName) {
		return new Actor("account", userName);
	}

	public static Actor api(String tokenName) {
		return new Actor("api", tokenName);
	}

}
