package bryt.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import bryt.organisation.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from the message bundles, and every bundle has every key:
 * fails on a key missing in one language and on literal text in a template.
 */
class MessagesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Attributes a person reads or hears. */
	private static final List<String> TEXT_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "value",
			"label");

	/** Text that is not language: punctuation, digits, symbols. */
	private static final Pattern NOT_LANGUAGE = Pattern.compile("[\\s\\p{P}\\p{S}\\d]*");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguageAndNoEmptyValues() throws IOException {
		for (String basename : basenames()) {
			Properties english = bundle(basename + ".properties");
			for (String language : List.of("sv", "da")) {
				Properties other = bundle(basename + "_" + language + ".properties");
				assertThat(new TreeSet<>(other.stringPropertyNames())).as("keys of %s_%s", basename, language)
					.isEqualTo(new TreeSet<>(english.stringPropertyNames()));
				other.forEach((key, value) -> assertThat(value.toString()).as("%s in %s_%s", key, basename, language)
					.isNotBlank());
			}
			english.forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, basename).isNotBlank());
		}
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		List<String> twice = new ArrayList<>();
		for (String basename : basenames()) {
			for (String key : bundle(basename + ".properties").stringPropertyNames()) {
				if (!seen.add(key)) {
					twice.add(basename + ": " + key);
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = allKeys();
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = STATIC_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleHasANameInEveryLanguage() throws IOException {
		Set<String> keys = allKeys();
		for (Role role : Role.values()) {
			assertThat(keys).as("role.%s", role).contains("role." + role.name());
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : document.getAllElements()) {
				if (replacedByThymeleaf(element)) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (!NOT_LANGUAGE.matcher(text.text()).matches() && !insideReplacedElement(element)) {
						literals.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> "
								+ text.text().strip());
					}
				}
				for (String attribute : TEXT_ATTRIBUTES) {
					String value = element.attr(attribute);
					if (element.hasAttr(attribute) && !NOT_LANGUAGE.matcher(value).matches()
							&& !isMachineValue(element, attribute)) {
						literals.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + value + "\"");
					}
				}
			}
		}
		assertThat(literals).isEmpty();
	}

	/** Values of inputs and options are data sent to the server, not text to read. */
	private static boolean isMachineValue(Element element, String attribute) {
		return "value".equals(attribute) && List.of("input", "option").contains(element.tagName())
				&& !List.of("submit", "button", "reset").contains(element.attr("type"));
	}

	/**
	 * Whether Thymeleaf replaces the element's content. A page's
	 * {@code <html th:replace>} hands its content to the layout, so it does not count.
	 */
	private static boolean replacedByThymeleaf(Element element) {
		boolean pageIntoLayout = element.tagName().equals("html");
		return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:insert")
				|| element.hasAttr("th:errors") || (element.hasAttr("th:replace") && !pageIntoLayout);
	}

	private static boolean insideReplacedElement(Element element) {
		return element.parents().stream().anyMatch(MessagesTest::replacedByThymeleaf);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** The bundles the application reads, from {@code spring.messages.basename}. */
	private static List<String> basenames() throws IOException {
		String basenames = bundle("application.properties").getProperty("spring.messages.basename");
		return List.of(basenames.split("\\s*,\\s*"));
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String basename : basenames()) {
			keys.addAll(bundle(basename + ".properties").stringPropertyNames());
		}
		return keys;
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
