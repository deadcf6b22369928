package bryt.organisation;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * {@code organisation create --code <org> --name <name> --country SE|DK [--admin <username>
 * --admin-name <name>]}, {@code organisation list}, and {@code organisation grant|revoke
 * --user <username> --role <ROLE>[,<ROLE>…] [--units <code>,…]}, {@code organisation
 * reset-password --user <username>}, {@code organisation reset-second-factor --user
 * <username>}.
 *
 * <p>
 * Organisations are created and listed here only, never on a page: whoever may add an
 * organisation decides where reports can be sent (a new organisation appears in the
 * public list on {@code /report}), so that is left to whoever runs the host and its
 * database, not to any organisation's administrator.
 *
 * <p>
 * The platform operator grants and revokes any role of an existing account here (issue
 * 16): the first employee-side administrator of an organisation comes this way, since no
 * one in the organisation holds that right yet and the employer's administrator may not
 * give it. Each grant is logged and noted as "granted by the platform operator". The
 * operator also resets a forgotten password or a lost second factor, the only way for an
 * account of the employee side, whose password and second factor the employer's
 * administrator may not reset.
 */
@Component
@CommandName("organisation")
class OrganisationCommand implements Command {

	private final Organisations organisations;

	private final Accounts accounts;

	private final MessageSource messages;

	private final SecondFactors secondFactors;

	OrganisationCommand(Organisations organisations, Accounts accounts, MessageSource messages,
			SecondFactors secondFactors) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.messages = messages;
		this.secondFactors = secondFactors;
	}

	@Override
	public String usage() {
		return "organisation create --code <org> --name <name> --country SE|DK [--admin <username> --admin-name <name>]"
				+ " | organisation list | organisation grant|revoke --user <username> --role <ROLE>[,<ROLE>...]"
				+ " [--units <unit code>,...] | organisation reset-password --user <username>"
				+ " | organisation reset-second-factor --user <username>";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		if (options.positional().equals(List.of("list"))) {
			for (Organisation organisation : this.organisations.all()) {
				out.println(organisation.code() + "\t" + organisation.country() + "\t" + organisation.name());
			}
			return 0;
		}
		if (options.positional().equals(List.of("grant")) || options.positional().equals(List.of("revoke"))) {
			return grant(options, options.positional().equals(List.of("grant")), out);
		}
		if (options.positional().equals(List.of("reset-password"))) {
			String username = options.require("user");
			String password = this.accounts.resetPasswordByOperator(username);
			// Shown once, on the operator's terminal only, to be handed to the holder.
			out.println("New password of " + username.strip().toLowerCase(Locale.ROOT) + ": " + password);
			return 0;
		}
		if (options.positional().equals(List.of("reset-second-factor"))) {
			String username = options.require("user");
			this.secondFactors.resetByOperator(username);
			out.println("The second factor of " + username.strip().toLowerCase(Locale.ROOT)
					+ " is reset: its holder sets up a new one at the next login.");
			return 0;
		}
		if (!options.positional().equals(List.of("create"))) {
			throw new IllegalArgumentException(
					"Unknown subcommand: expected create, list, grant, revoke, reset-password or reset-second-factor");
		}
		Country country;
		try {
			country = Country.valueOf(options.require("country").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--country must be SE or DK");
		}
		String code = options.require("code");
		String name = options.require("name");
		if (options.get("admin").isEmpty()) {
			Organisation created = this.organisations.create(code, name, country);
			out.println("Created organisation " + created.code() + " (" + created.name() + ")");
			return 0;
		}
		String username = options.require("admin");
		Accounts.FirstAdministrator admin = this.accounts.createOrganisation(code, name, country, username,
				options.get("admin-name").orElse(username));
		// Shown once, on the operator's terminal only: the administrator changes it and
		// sets up their second factor at the first login.
		out.println("Created organisation " + code + " with the administrator " + admin.username());
		out.println("Initial password: " + admin.initialPassword());
		return 0;
	}

	private int grant(Options options, boolean grant, PrintStream out) {
		String username = options.require("user");
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : options.require("role").split(",")) {
			try {
				roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--role " + name.strip() + " is not a role: expected one of "
						+ Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")));
			}
		}
		List<String> units = options.get("units")
			.map((codes) -> Arrays.stream(codes.split(","))
				.map(String::strip)
				.filter((code) -> !code.isEmpty())
				.toList())
			.orElse(null);
		Account account = this.accounts.grantByOperator(username, grant ? roles : Set.of(), grant ? Set.of() : roles,
				units, this::describe);
		out.println("Account " + account.username() + " now holds "
				+ account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ", "[", "]")));
		return 0;
	}

	/** The refusals in English, for the operator's terminal. */
	private String describe(Errors errors) {
		return errors.getAllErrors()
			.stream()
			.map((error) -> this.messages.getMessage(error, Locale.ENGLISH))
			.collect(Collectors.joining(" "));
	}

}
