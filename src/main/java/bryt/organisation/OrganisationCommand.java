package bryt.organisation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import bryt.shared.cli.Command;
import bryt.shared.cli.CommandName;
import bryt.shared.cli.Options;

import org.springframework.stereotype.Component;

/**
 * {@code organisation create --code <org> --name <name> --country SE|DK [--admin <username>
 * --admin-name <name>]} and {@code organisation list}.
 *
 * <p>
 * Organisations are created and listed here only, never on a page: whoever may add an
 * organisation decides where reports can be sent (a new organisation appears in the
 * public list on {@code /report}), so that is left to whoever runs the host and its
 * database, not to any organisation's administrator.
 */
@Component
@CommandName("organisation")
class OrganisationCommand implements Command {

	private final Organisations organisations;

	private final Accounts accounts;

	OrganisationCommand(Organisations organisations, Accounts accounts) {
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@Override
	public String usage() {
		return "organisation create --code <org> --name <name> --country SE|DK [--admin <username> --admin-name <name>]"
				+ " | organisation list";
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
		if (!options.positional().equals(List.of("create"))) {
			throw new IllegalArgumentException("Unknown subcommand: expected create or list");
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

}
