package bryt.organisation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import bryt.shared.cli.Command;
import bryt.shared.cli.Options;

import org.springframework.stereotype.Component;

/** {@code organisation create --code <org> --name <name> --country SE|DK}. */
@Component
class OrganisationCommand implements Command {

	private final Organisations organisations;

	OrganisationCommand(Organisations organisations) {
		this.organisations = organisations;
	}

	@Override
	public String name() {
		return "organisation";
	}

	@Override
	public String usage() {
		return "organisation create --code <org> --name <name> --country SE|DK";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Options options = Options.parse(args);
		if (!options.positional().equals(List.of("create"))) {
			throw new IllegalArgumentException("Unknown subcommand: expected create");
		}
		Country country;
		try {
			country = Country.valueOf(options.require("country").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--country must be SE or DK");
		}
		Organisation created = this.organisations.create(options.require("code"), options.require("name"), country);
		out.println("Created organisation " + created.code() + " (" + created.name() + ")");
		return 0;
	}

}
