package bryt.surveys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bryt's own questions (issue 13, item 2): the annual survey, the pulse and the exit
 * survey are stored at start, once, for everyone, with every text in sv, da and en.
 */
@BrytTest
class InstrumentDefaultsTests {

	@Autowired
	private Instruments instruments;

	@Autowired
	private DefaultInstruments defaults;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theAnnualSurveyCoversTheAreasOfAfs2023Colon2AndBek1406With2To4ItemsEach() {
		Instrument annual = find(Instruments.ANNUAL, "en");
		// AFS 2023:2: workload and demands (with the Danish time pressure), organisation
		// of work, influence, social support, recovery, leadership, skills and
		// development, psychological safety, victimisation (with the Danish offensive
		// acts); bek. 1406/2020 adds unclear or conflicting demands, emotional demands,
		// and violence in and outside working hours.
		assertThat(annual.areas()).extracting(Instrument.Area::key)
			.containsExactly("workload", "clarity", "emotional", "organisation", "influence", "support", "recovery",
					"leadership", "skills", "safety", "victimisation", "violence");
		assertThat(annual.areas()).allSatisfy((area) -> assertThat(area.items()).hasSizeBetween(2, 4));
		assertThat(annual.items()).hasSize(37);
		assertThat(annual.items().stream().filter(Instrument.Item::reverse).map(Instrument.Item::key))
			.containsExactly("w2", "c2", "c3", "e1", "r3", "p3", "v1", "v2", "v3", "t1", "t2", "t3");
		assertThat(annual.areas().stream().filter((area) -> !area.scored()).map(Instrument.Area::key))
			.containsExactly("victimisation", "violence");
		assertThat(annual.brytOwn()).isTrue();
		assertThat(annual.readOnly()).isTrue();
		assertThat(annual.licence()).isEqualTo("EUPL-1.2");
	}

	@Test
	void everyItemAndAreaOfBrytsPacksHasItsOwnTextInSvDaAndEn() {
		for (String key : List.of(Instruments.ANNUAL, Instruments.PULSE, Instruments.EXIT)) {
			Map<String, Instrument> byLocale = Scales.LOCALES.stream()
				.collect(Collectors.toMap((locale) -> locale, (locale) -> find(key, locale)));
			for (String locale : Scales.LOCALES) {
				Instrument instrument = byLocale.get(locale);
				assertThat(instrument.locale()).isEqualTo(locale);
				assertThat(instrument.locales()).containsExactly("sv", "da", "en");
				assertThat(instrument.name()).isNotBlank();
				assertThat(instrument.areas()).allSatisfy((area) -> assertThat(area.name()).isNotBlank());
				assertThat(instrument.items()).allSatisfy((item) -> assertThat(item.text()).isNotBlank());
			}
			// Written in each language: no item reads the same in two of them.
			List<Instrument.Item> sv = byLocale.get("sv").items();
			for (int i = 0; i < sv.size(); i++) {
				Set<String> texts = Set.of(sv.get(i).text(), byLocale.get("da").items().get(i).text(),
						byLocale.get("en").items().get(i).text());
				assertThat(texts).as(key + " " + sv.get(i).key()).hasSize(3);
			}
		}
	}

	@Test
	void thePulseHasAtMost8Items() {
		Instrument pulse = find(Instruments.PULSE, "sv");
		assertThat(pulse.items()).hasSizeLessThanOrEqualTo(8);
		assertThat(pulse.items()).hasSize(8);
		// The same items as the annual survey, so the two can be read together.
		Map<String, String> annual = find(Instruments.ANNUAL, "sv").items()
			.stream()
			.collect(Collectors.toMap(Instrument.Item::key, Instrument.Item::text));
		assertThat(pulse.items()).allSatisfy((item) -> assertThat(annual).containsEntry(item.key(), item.text()));
	}

	@Test
	void theExitSurveyAsksTheTenReasonsOfTheIssueWouldYouComeBackRecommendAndFreeText() {
		Instrument exit = find(Instruments.EXIT, "en");
		assertThat(exit.items()).extracting(Instrument.Item::key, Instrument.Item::kind)
			.containsExactly(org.assertj.core.api.Assertions.tuple("reasons", "reasons"),
					org.assertj.core.api.Assertions.tuple("come_back", "yes_no"),
					org.assertj.core.api.Assertions.tuple("recommend", "recommend"),
					org.assertj.core.api.Assertions.tuple("comment", "text"));
		Scales.Scale reasons = exit.items().getFirst().scale();
		assertThat(reasons).isSameAs(Scales.LEAVING_REASONS);
		assertThat(reasons.labels("en")).containsExactly("Pay", "Workload", "Leadership", "Support and supervision",
				"Threats and violence", "Values and ethics", "Career", "Private reasons", "Retirement",
				"End of a fixed-term post");
		assertThat(reasons.codes()).containsExactly("pay", "workload", "leadership", "support_supervision",
				"threats_violence", "values_ethics", "career", "private", "retirement", "fixed_term_end");
		assertThat(reasons.labels("sv")).hasSize(10).contains("Lön", "Hot och våld", "Pension");
		assertThat(reasons.labels("da")).hasSize(10).contains("Løn", "Trusler og vold", "Pension");
		assertThat(exit.items().get(1).scale().labels("en")).containsExactly("No", "Yes", "Don't know");
		assertThat(exit.items().get(2).scale().points()).isEqualTo(11);
		assertThat(exit.items().get(3).scale()).isNull();
	}

	@Test
	void loadingAgainStoresNothing() {
		assertThat(storedForEveryone()).isEqualTo(3);
		long items = this.jdbc.sql("select count(*) from survey_item").query(Long.class).single();
		assertThat(this.defaults.load()).isZero();
		assertThat(storedForEveryone()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from survey_item").query(Long.class).single()).isEqualTo(items);
	}

	private long storedForEveryone() {
		return this.jdbc.sql("select count(*) from survey_instrument where organisation_id is null")
			.query(Long.class)
			.single();
	}

	private Instrument find(String key, String locale) {
		return this.instruments.find(this.instruments.brytOwn(key).orElseThrow(), locale).orElseThrow();
	}

}
