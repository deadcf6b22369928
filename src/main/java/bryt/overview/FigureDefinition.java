package bryt.overview;

import java.util.Objects;

/**
 * How one figure is defined: its key (the source's name, a dot, then the figure's name),
 * the version of its definition (raised whenever the way it is computed changes, so that
 * a snapshot says which definition it applied), and how its value is written.
 *
 * @param key e.g. {@code workload.load}
 * @param version the definition's version, from 1
 * @param format how the value is written
 */
public record FigureDefinition(String key, int version, Format format) {

	public FigureDefinition {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(format, "format");
		if (!key.matches("[a-z]+\\.[a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)*")) {
			throw new IllegalArgumentException("A figure's key is source.name, not " + key);
		}
		if (version < 1) {
			throw new IllegalArgumentException("A definition's version starts at 1");
		}
	}

	/** The source's name: the key up to its first dot. */
	public String source() {
		return this.key.substring(0, this.key.indexOf('.'));
	}

	/** How a value is written. */
	public enum Format {

		/** A whole number: 12. */
		COUNT,

		/** A share between 0 and 1, written as a percentage: 0.25 is 25 %. */
		SHARE,

		/** A ratio written as a percentage that may exceed 100: 1.1 is 110 %. */
		RATIO,

		/** A number with one decimal: 7.5. */
		DECIMAL,

		/** A number of days: 134. */
		DAYS

	}

}
