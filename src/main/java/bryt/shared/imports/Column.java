package bryt.shared.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A column an import understands: its canonical English name and the Swedish and Danish
 * names that exports use for it.
 *
 * @param name canonical name, e.g. {@code case_ref}
 * @param required whether a file without this column is refused
 * @param aliases other accepted header names, compared case- and accent-insensitively
 */
public record Column(String name, boolean required, List<String> aliases) {

	public static Column required(String name, String... aliases) {
		return new Column(name, true, List.of(aliases));
	}

	public static Column optional(String name, String... aliases) {
		return new Column(name, false, List.of(aliases));
	}

	boolean matches(String header) {
		String normalised = normalise(header);
		return Stream.concat(Stream.of(this.name), this.aliases.stream())
			.anyMatch((candidate) -> normalise(candidate).equals(normalised));
	}

	/**
	 * Every header this column is known by, for a message: its canonical name, then its
	 * aliases ({@code employee_number, anstallningsnummer, anst_nr, …}).
	 */
	public String headers() {
		return String.join(", ", Stream.concat(Stream.of(this.name), this.aliases.stream()).toList());
	}

	/**
	 * Lower case, no accents, spaces and hyphens as underscores: "Ärende-typ" →
	 * "arende_typ".
	 */
	static String normalise(String header) {
		String stripped = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return stripped.toLowerCase(Locale.ROOT).replace('ø', 'o').replace('æ', 'a').replaceAll("[\\s\\-]+", "_");
	}

}
