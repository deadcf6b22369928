package bryt;

import bryt.shared.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Bryt: one shared picture of the social workers' work environment, and a safe way for
 * staff to speak.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BrytApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(BrytApplication.class, args)) {
			System.exit(CommandLine.run(BrytApplication.class, args));
		}
		SpringApplication.run(BrytApplication.class, args);
	}

}
