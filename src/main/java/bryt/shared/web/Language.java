package bryt.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Bryt speaks. Every visible string exists in each of them. */
public enum Language {

	SV, DA, EN;

	public static final Language DEFAULT = EN;

	private static final List<Locale> LOCALES = Arrays.stream(values()).map(Language::locale).toList();

	public Locale locale() {
		return Locale.of(code());
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Language> ofCode(String code) {
		return Arrays.stream(values()).filter((language) -> language.code().equals(code)).findFirst();
	}

	/**
	 * The best of Bryt's languages for an {@code Accept-Language} header, when the
	 * browser sent a usable one: a header naming only languages Bryt does not speak gives
	 * {@link #DEFAULT}.
	 * @param acceptLanguage the header, possibly {@code null} or malformed
	 * @return the best match, or empty without a header (or with a blank or malformed
	 * one)
	 */
	public static Optional<Language> ofHeader(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Optional.empty();
		}
		try {
			Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return Optional.of(bestMatch(acceptLanguage));
	}

	/**
	 * The best of Bryt's languages for an {@code Accept-Language} header.
	 * @param acceptLanguage the header, possibly {@code null} or malformed
	 * @return the best match, or {@link #DEFAULT}
	 */
	public static Language bestMatch(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return DEFAULT;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LOCALES);
			return (match != null) ? ofCode(match.getLanguage()).orElse(DEFAULT) : DEFAULT;
		}
		catch (IllegalArgumentException ex) {
			return DEFAULT;
		}
	}

}
