package bryt.surveys;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a cycle proposes an action for each weak area (index below 50) of each unit the
 * results page shows, due 30 days after the release, and none for a hidden unit however
 * weak its figures.
 *
 * <p>
 * The cycle's snapshot (units of the demo municipality, answers written by SQL as
 * {@link ResultsPageTests} does): two scored areas, load (item l1) and support (s1), each
 * on a 4-point scale (0–3, a value {@code v} scores {@code 100·v/3}):
 *
 * <pre>
 * unit    parent  respondents  l1  s1
 * VUX     –       10           3   3
 * VUX-MB  VUX     3            0   0
 * VUX-SP  VUX     10           1   3
 * </pre>
 *
 * By hand, with the minimum of 5: VUX-MB (3) is hidden; VUX (23) less its shown child
 * VUX-SP (10) leaves 13 ≥ 5, so VUX-SP stays shown. VUX-SP: load 100·1/3 = 33 (weak),
 * support 100 (not); VUX: load (10·100 + 3·0 + 10·33.3)/23 = 58 (not weak), support
 * (10·100 + 0 + 10·100)/23 = 87. VUX-MB's indices are 0 and 0, weak but hidden. So one
 * action: VUX-SP, load, titled with the area's Swedish name (the demo municipality is
 * Swedish), due 30 days after the release.
 */
@BrytTest
class ActionProposalTests {

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CycleService cycles;

	@Autowired
	private ActionPlans plans;

	private final Map<String, Long> units = new LinkedHashMap<>();

	@Test
	void aWeakShownUnitGetsActionsDueThirtyDaysAfterReleaseAndAHiddenOneNone() {
		Organisation demo = this.organisations.findByCode("exempelby").orElseThrow();
		for (Unit unit : this.organisations.units(demo.id())) {
			this.units.put(unit.code(), unit.id());
		}
		long instrument = instrument(demo.id());
		long cycle = this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, 'annual', :instrument, date '2026-03-02', date '2026-03-27', 'open') returning id
				""").param("org", demo.id()).param("instrument", instrument).query(Long.class).single();
		group(cycle, "VUX", null, 12);
		group(cycle, "VUX-MB", "VUX", 5);
		group(cycle, "VUX-SP", "VUX", 12);
		respond(cycle, "VUX", 10, 3, 3);
		respond(cycle, "VUX-MB", 3, 0, 0);
		respond(cycle, "VUX-SP", 10, 1, 3);

		this.cycles.close(cycle, LocalDate.of(2026, 3, 28));

		List<SurveyAction> proposed = this.plans.all(demo.id())
			.stream()
			.filter((action) -> action.cycleId() == cycle)
			.toList();
		assertThat(proposed).hasSize(1);
		SurveyAction action = proposed.getFirst();
		assertThat(action.unitId()).isEqualTo(this.units.get("VUX-SP"));
		assertThat(action.areaKey()).isEqualTo("load");
		assertThat(action.title()).isEqualTo("Belastning");
		assertThat(action.owner()).isEqualTo("Enhetens chef");
		// 28 March + 30 days: 3 to the end of March, 27 into April
		assertThat(action.dueOn()).isEqualTo(LocalDate.of(2026, 4, 27));
		assertThat(action.status()).isEqualTo(ActionStatus.PLANNED);

		// closing again proposes nothing more
		this.cycles.close(cycle, LocalDate.of(2026, 3, 29));
		assertThat(this.plans.all(demo.id()).stream().filter((a) -> a.cycleId() == cycle)).hasSize(1);
	}

	private long instrument(long organisation) {
		long instrument = this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, 'action-proposal-test', '{"sv": "Förslagstest", "en": "Proposal test"}', '{sv,en}',
					false) returning id
				""").param("org", organisation).query(Long.class).single();
		this.jdbc
			.sql("""
					insert into survey_scale (instrument_id, key, labels, points)
					values (:i, 't4', '{"sv": ["Aldrig", "Sällan", "Ofta", "Alltid"], "en": ["Never", "Seldom", "Often", "Always"]}', 4)
					""")
			.param("i", instrument)
			.update();
		this.jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored) values
					(:i, 'load', 1, '{"sv": "Belastning", "en": "Load"}', true),
					(:i, 'support', 2, '{"sv": "Stöd", "en": "Support"}', true)
				""").param("i", instrument).update();
		this.jdbc.sql("""
				insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key, reverse) values
					(:i, 'l1', 'load', 1, 'scale', '{"sv": "Jag hinner", "en": "I have time"}', 't4', false),
					(:i, 's1', 'support', 1, 'scale', '{"sv": "Jag får stöd", "en": "I get support"}', 't4', false)
				""").param("i", instrument).update();
		return instrument;
	}

	private void group(long cycle, String code, String parent, int invited) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, :invited)
				""")
			.param("cycle", cycle)
			.param("unit", this.units.get(code))
			.param("parent", (parent != null) ? this.units.get(parent) : null)
			.param("name", code)
			.param("invited", invited)
			.update();
	}

	private void respond(long cycle, String code, int count, int load, int support) {
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("insert into survey_response (id, cycle_id, unit_id) values (:id, :cycle, :unit)")
				.param("id", id)
				.param("cycle", cycle)
				.param("unit", this.units.get(code))
				.update();
			for (Map.Entry<String, Integer> answer : Map.of("l1", load, "s1", support).entrySet()) {
				this.jdbc.sql("insert into survey_answer (response_id, item_key, value) values (:id, :item, :value)")
					.param("id", id)
					.param("item", answer.getKey())
					.param("value", answer.getValue())
					.update();
			}
		}
	}

}
