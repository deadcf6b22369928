package bryt.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The response scales Bryt knows, with their labels in sv, da and en, and the fixed
 * answers of the item kinds that have no scale of their own (yes/no, would recommend, the
 * leaving reasons). A pack names a scale by its key; a key that is not here refuses the
 * pack, so every stored scale has labels in every language Bryt speaks. This class is the
 * one place the leaving reasons and their labels live: the answering and the results
 * parts read them from here.
 */
public final class Scales {

	/** The languages every label exists in. */
	public static final List<String> LOCALES = List.of("sv", "da", "en");

	/** Instämmer inte alls … Instämmer helt och hållet (0–3), as Prevent's OSA survey. */
	public static final Scale AGREE4 = new Scale("agree4", codes(4), labels(
			List.of("Instämmer inte alls", "Instämmer till viss del", "Instämmer till stor del",
					"Instämmer helt och hållet"),
			List.of("Er slet ikke enig", "Er delvis enig", "Er i høj grad enig", "Er helt enig"),
			List.of("Do not agree at all", "Agree to some extent", "Agree to a large extent", "Agree completely")));

	/** Strongly disagree … strongly agree (0–4), Bryt's own questions. */
	public static final Scale AGREE5 = new Scale("agree5", codes(5),
			labels(List.of("Instämmer inte alls", "Instämmer inte", "Varken eller", "Instämmer", "Instämmer helt"),
					List.of("Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"),
					List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree")));

	/** Aldrig … Alltid (0–5), as Prevent's OSA survey. */
	public static final Scale FREQUENCY6 = new Scale("frequency6", codes(6),
			labels(List.of("Aldrig", "Sällan", "Ibland", "Ganska ofta", "Mycket ofta", "Alltid"),
					List.of("Aldrig", "Sjældent", "Af og til", "Ret ofte", "Meget ofte", "Altid"),
					List.of("Never", "Rarely", "Sometimes", "Fairly often", "Very often", "Always")));

	/**
	 * How often something happened to the respondent in the past year (0 never – 4
	 * daily), for Bryt's questions on offensive acts, threats and violence.
	 */
	public static final Scale EXPOSURE5 = new Scale("exposure5", codes(5),
			labels(List.of("Aldrig", "Någon gång", "Varje månad", "Varje vecka", "Dagligen"),
					List.of("Aldrig", "En enkelt gang eller to", "Hver måned", "Hver uge", "Dagligt"),
					List.of("Never", "Once or twice", "Monthly", "Weekly", "Daily")));

	/** The scales a pack may name, by key. */
	public static final Map<String, Scale> CATALOGUE = catalogue(AGREE4, AGREE5, FREQUENCY6, EXPOSURE5);

	/** The answers of a {@code yes_no} item: 0 no, 1 yes, 2 don't know. */
	public static final Scale YES_NO = new Scale("yes_no", List.of("no", "yes", "dont_know"), labels(
			List.of("Nej", "Ja", "Vet inte"), List.of("Nej", "Ja", "Ved ikke"), List.of("No", "Yes", "Don't know")));

	/** The answers of a {@code recommend} item: 0 to 10, the ends named. */
	public static final Scale RECOMMEND = new Scale("recommend", codes(11),
			labels(ends("0 – Inte alls troligt", "10 – Mycket troligt"),
					ends("0 – Slet ikke sandsynligt", "10 – Meget sandsynligt"),
					ends("0 – Not at all likely", "10 – Extremely likely")));

	/**
	 * The fixed leaving reasons of a {@code reasons} item (issue 13), in this order: an
	 * answer's value is the reason's position. Never reorder or remove one; add new ones
	 * at the end.
	 */
	public static final Scale LEAVING_REASONS = new Scale("reasons",
			List.of("pay", "workload", "leadership", "support_supervision", "threats_violence", "values_ethics",
					"career", "private", "retirement", "fixed_term_end"),
			labels(List.of("Lön", "Arbetsbelastning", "Ledarskap", "Stöd och handledning", "Hot och våld",
					"Värderingar och etik", "Karriär", "Privata skäl", "Pension", "Visstidsanställningen tog slut"),
					List.of("Løn", "Arbejdsbyrde", "Ledelse", "Støtte og supervision", "Trusler og vold",
							"Værdier og etik", "Karriere", "Private årsager", "Pension",
							"Den tidsbegrænsede ansættelse udløb"),
					List.of("Pay", "Workload", "Leadership", "Support and supervision", "Threats and violence",
							"Values and ethics", "Career", "Private reasons", "Retirement",
							"End of a fixed-term post")));

	private Scales() {
	}

	/** The catalogue's scale with this key. */
	public static Optional<Scale> named(String key) {
		return Optional.ofNullable(CATALOGUE.get(key));
	}

	/**
	 * The fixed answers of an item kind without a scale of its own ({@code yes_no},
	 * {@code recommend}, {@code reasons}); empty for {@code scale} and {@code text}.
	 */
	public static Optional<Scale> ofKind(String kind) {
		return switch (kind) {
			case "yes_no" -> Optional.of(YES_NO);
			case "recommend" -> Optional.of(RECOMMEND);
			case "reasons" -> Optional.of(LEAVING_REASONS);
			default -> Optional.empty();
		};
	}

	private static List<String> codes(int points) {
		return IntStream.range(0, points).mapToObj(String::valueOf).toList();
	}

	private static List<String> ends(String low, String high) {
		return IntStream.rangeClosed(0, 10)
			.mapToObj((value) -> (value == 0) ? low : (value == 10) ? high : String.valueOf(value))
			.toList();
	}

	private static Map<String, List<String>> labels(List<String> sv, List<String> da, List<String> en) {
		Map<String, List<String>> labels = new LinkedHashMap<>();
		labels.put("sv", sv);
		labels.put("da", da);
		labels.put("en", en);
		return labels;
	}

	private static Map<String, Scale> catalogue(Scale... scales) {
		Map<String, Scale> byKey = new LinkedHashMap<>();
		for (Scale scale : scales) {
			byKey.put(scale.key(), scale);
		}
		return java.util.Collections.unmodifiableMap(byKey);
	}

	/**
	 * A response scale: its values are 0 to {@code points() - 1} in label order.
	 *
	 * @param key its name in a pack ({@code agree4})
	 * @param codes a stable name per value, in value order (the reasons' names; the
	 * values as digits for plain scales)
	 * @param labels per locale, one label per value
	 */
	public record Scale(String key, List<String> codes, Map<String, List<String>> labels) {

		public Scale {
			codes = List.copyOf(codes);
			Map<String, List<String>> copy = new LinkedHashMap<>();
			for (Map.Entry<String, List<String>> entry : labels.entrySet()) {
				if (entry.getValue().size() != codes.size()) {
					throw new IllegalArgumentException(
							key + " has " + entry.getValue().size() + " labels in " + entry.getKey());
				}
				copy.put(entry.getKey(), List.copyOf(entry.getValue()));
			}
			labels = java.util.Collections.unmodifiableMap(copy);
		}

		public int points() {
			return this.codes.size();
		}

		/** The labels in a locale, or in English when the scale has none in it. */
		public List<String> labels(String locale) {
			return this.labels.getOrDefault(locale, this.labels.get("en"));
		}

	}

}
