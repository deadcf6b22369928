package bryt.surveys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Instruments, their scales, areas and items. Texts are JSON objects by locale; this
 * class turns them into maps and back.
 */
@Repository
class InstrumentRepository {

	private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, List<String>>> LABELS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InstrumentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Whether the organisation (or Bryt, for {@code null}) has an instrument by this key.
	 */
	boolean exists(Long organisationId, String key) {
		return this.jdbc.sql("""
				select count(*) from survey_instrument
				where organisation_id is not distinct from :org and key = :key
				""").param("org", organisationId).param("key", key).query(Long.class).single() > 0;
	}

	/**
	 * Stores an instrument's head, or nothing when the organisation (or Bryt) already has
	 * one by this key.
	 * @return its id, empty when it existed
	 */
	Optional<Long> insert(Long organisationId, String key, Map<String, String> name, List<String> locales,
			String licence, String attribution, boolean readOnly, Instant importedAt, String importedBy) {
		return this.jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, licence, attribution, read_only,
					imported_at, imported_by)
				values (:org, :key, cast(:name as jsonb), cast(:locales as text[]), :licence, :attribution, :readOnly,
					:importedAt, :importedBy)
				on conflict (organisation_id, key) do nothing
				returning id
				""")
			.param("org", organisationId)
			.param("key", key)
			.param("name", this.json.writeValueAsString(name))
			.param("locales", locales.toArray(String[]::new))
			.param("licence", licence)
			.param("attribution", attribution)
			.param("readOnly", readOnly)
			.param("importedAt", (importedAt != null) ? Timestamp.from(importedAt) : null)
			.param("importedBy", importedBy)
			.query((rs, row) -> rs.getLong("id"))
			.optional();
	}

	void insertScale(long instrumentId, Scales.Scale scale) {
		this.jdbc.sql("""
				insert into survey_scale (instrument_id, key, labels, points)
				values (:instrument, :key, cast(:labels as jsonb), :points)
				""")
			.param("instrument", instrumentId)
			.param("key", scale.key())
			.param("labels", this.json.writeValueAsString(scale.labels()))
			.param("points", scale.points())
			.update();
	}

	void insertArea(long instrumentId, InstrumentPack.Area area, int position) {
		this.jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored)
				values (:instrument, :key, :position, cast(:name as jsonb), :scored)
				""")
			.param("instrument", instrumentId)
			.param("key", area.key())
			.param("position", position)
			.param("name", this.json.writeValueAsString(area.names()))
			.param("scored", area.scored())
			.update();
	}

	void insertItem(long instrumentId, InstrumentPack.Item item, int position) {
		this.jdbc.sql("""
				insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key, reverse)
				values (:instrument, :key, :area, :position, :kind, cast(:text as jsonb), :scale, :reverse)
				""")
			.param("instrument", instrumentId)
			.param("key", item.key())
			.param("area", item.area())
			.param("position", position)
			.param("kind", item.kind())
			.param("text", this.json.writeValueAsString(item.texts()))
			.param("scale", item.scale())
			.param("reverse", item.reverse())
			.update();
	}

	/** Bryt's own instruments and the organisation's, Bryt's first, then by name. */
	List<Head> list(long organisationId) {
		return this.jdbc.sql("""
				select i.id, i.key, i.organisation_id, i.name::text as name, i.locales, i.licence, i.attribution,
					i.read_only, i.imported_at,
					(select count(*) from survey_item t where t.instrument_id = i.id) as items
				from survey_instrument i
				where i.organisation_id is null or i.organisation_id = :org
				order by i.organisation_id nulls first, i.key
				""").param("org", organisationId).query((rs, row) -> head(rs)).list();
	}

	Optional<Head> head(long id) {
		return this.jdbc.sql("""
				select i.id, i.key, i.organisation_id, i.name::text as name, i.locales, i.licence, i.attribution,
					i.read_only, i.imported_at,
					(select count(*) from survey_item t where t.instrument_id = i.id) as items
				from survey_instrument i
				where i.id = :id
				""").param("id", id).query((rs, row) -> head(rs)).optional();
	}

	/** The id of Bryt's own instrument with this key. */
	Optional<Long> brytOwn(String key) {
		return this.jdbc.sql("select id from survey_instrument where organisation_id is null and key = :key")
			.param("key", key)
			.query((rs, row) -> rs.getLong("id"))
			.optional();
	}

	List<StoredScale> scales(long instrumentId) {
		return this.jdbc.sql("select key, labels::text as labels from survey_scale where instrument_id = :instrument")
			.param("instrument", instrumentId)
			.query((rs, row) -> new StoredScale(rs.getString("key"),
					this.json.readValue(rs.getString("labels"), LABELS)))
			.list();
	}

	List<StoredArea> areas(long instrumentId) {
		return this.jdbc.sql("""
				select key, name::text as name, scored from survey_area
				where instrument_id = :instrument order by position
				""")
			.param("instrument", instrumentId)
			.query((rs, row) -> new StoredArea(rs.getString("key"), this.json.readValue(rs.getString("name"), TEXTS),
					rs.getBoolean("scored")))
			.list();
	}

	List<StoredItem> items(long instrumentId) {
		return this.jdbc.sql("""
				select key, area_key, kind, text::text as text, scale_key, reverse from survey_item
				where instrument_id = :instrument order by position
				""")
			.param("instrument", instrumentId)
			.query((rs, row) -> new StoredItem(rs.getString("key"), rs.getString("area_key"), rs.getString("kind"),
					this.json.readValue(rs.getString("text"), TEXTS), rs.getString("scale_key"),
					rs.getBoolean("reverse")))
			.list();
	}

	private Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp imported = rs.getTimestamp("imported_at");
		Long organisationId = rs.getObject("organisation_id", Long.class);
		return new Head(rs.getLong("id"), rs.getString("key"), organisationId,
				this.json.readValue(rs.getString("name"), TEXTS), List.of((String[]) rs.getArray("locales").getArray()),
				rs.getString("licence"), rs.getString("attribution"), rs.getBoolean("read_only"),
				(imported != null) ? imported.toInstant() : null, rs.getInt("items"));
	}

	/** An instrument without its areas and items. */
	record Head(long id, String key, Long organisationId, Map<String, String> name, List<String> locales,
			String licence, String attribution, boolean readOnly, Instant importedAt, int items) {

	}

	record StoredScale(String key, Map<String, List<String>> labels) {

	}

	record StoredArea(String key, Map<String, String> names, boolean scored) {

	}

	record StoredItem(String key, String area, String kind, Map<String, String> texts, String scale, boolean reverse) {

	}

}
