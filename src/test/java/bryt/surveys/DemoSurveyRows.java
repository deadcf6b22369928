package bryt.surveys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Survey rows written by SQL in the demo municipality for the results pages' tests: an
 * instrument on one 4-point scale ({@code t4}, values 0–3), a cycle's snapshot of the
 * units and released responses, as the close leaves them. Each test class builds its own
 * instrument and cycles with it and computes its figures by hand.
 */
final class DemoSurveyRows {

	private final JdbcClient jdbc;

	private final long organisation;

	private final Map<String, Long> units = new LinkedHashMap<>();

	DemoSurveyRows(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		Organisation demo = organisations.findByCode("exempelby").orElseThrow();
		this.organisation = demo.id();
		for (Unit unit : organisations.units(demo.id())) {
			this.units.put(unit.code(), unit.id());
		}
	}

	long organisation() {
		return this.organisation;
	}

	/** The demo's units by code. */
	Map<String, Long> units() {
		return this.units;
	}

	/**
	 * An instrument of the demo with the scale {@code t4} and the given areas and items
	 * ({@code values} rows of {@code survey_area} and {@code survey_item}, the instrument
	 * as {@code :i}).
	 */
	long instrument(String key, String name, String areas, String items) {
		long instrument = this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, :key, jsonb_build_object('en', :name::text), '{en}', false) returning id
				""").param("org", this.organisation).param("key", key).param("name", name).query(Long.class).single();
		this.jdbc.sql("""
				insert into survey_scale (instrument_id, key, labels, points)
				values (:i, 't4', '{"en": ["Never", "Seldom", "Often", "Always"]}', 4)
				""").param("i", instrument).update();
		this.jdbc.sql("insert into survey_area (instrument_id, key, position, name, scored) values " + areas)
			.param("i", instrument)
			.update();
		this.jdbc.sql(
				"insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key, reverse) values "
						+ items)
			.param("i", instrument)
			.update();
		return instrument;
	}

	/** A unit in a cycle's snapshot, its name its code. */
	void group(long cycle, String code, String parent, int invited) {
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

	/** A released response in a unit, with a tenure band or none. */
	UUID response(long cycle, String code, String tenureBand) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into survey_response (id, cycle_id, unit_id, tenure_band) values (:id, :cycle, :unit, :band)
				""")
			.param("id", id)
			.param("cycle", cycle)
			.param("unit", this.units.get(code))
			.param("band", tenureBand)
			.update();
		return id;
	}

	void answer(UUID response, String item, int value) {
		this.jdbc.sql("insert into survey_answer (response_id, item_key, value) values (:id, :item, :value)")
			.param("id", response)
			.param("item", item)
			.param("value", value)
			.update();
	}

}
