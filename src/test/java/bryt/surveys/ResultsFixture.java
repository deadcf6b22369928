package bryt.surveys;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small survey written through SQL as {@code bryt_app} (rows only), for the results'
 * hand-computed tests. The instrument:
 *
 * <pre>
 * area  scored  item  kind       scale           reversed
 * org   no      o1    scale      agree4 (0–3)
 * load  yes     l1    scale      agree4 (0–3)
 *               l2    scale      freq6 (0–5)     yes
 *               l3    scale      freq6 (0–5)
 * exit  no      rec   recommend  0–10
 *               why   reasons    positions 0–9
 *               back  yes_no     0 no, 1 yes, 2 don't know
 *               free  text
 * </pre>
 *
 * The unit tree of every snapshot unless a test says otherwise: 100 (Förvaltning) over
 * 110 (Barn och unga) and 120 (Vuxen); 110 over 111 (Mottagning).
 */
final class ResultsFixture {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	final long organisation;

	final long instrument;

	ResultsFixture(JdbcClient jdbc, String code) {
		this.jdbc = jdbc;
		this.organisation = jdbc
			.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
		this.instrument = jdbc.sql("""
				insert into survey_instrument (organisation_id, key, name, locales, read_only)
				values (:org, 'results-test', '{"en": "Results test"}', '{en}', false) returning id
				""").param("org", this.organisation).query(Long.class).single();
		jdbc.sql("""
				insert into survey_scale (instrument_id, key, labels, points) values
					(:i, 'agree4', '{"en": ["0", "1", "2", "3"]}', 4),
					(:i, 'freq6', '{"en": ["0", "1", "2", "3", "4", "5"]}', 6)
				""").param("i", this.instrument).update();
		jdbc.sql("""
				insert into survey_area (instrument_id, key, position, name, scored) values
					(:i, 'org', 1, '{"en": "Organisation"}', false),
					(:i, 'load', 2, '{"en": "Load"}', true),
					(:i, 'exit', 3, '{"en": "Leaving"}', false)
				""").param("i", this.instrument).update();
		jdbc.sql("""
				insert into survey_item (instrument_id, key, area_key, position, kind, text, scale_key, reverse) values
					(:i, 'o1', 'org', 1, 'scale', '{"en": "o1"}', 'agree4', false),
					(:i, 'l1', 'load', 1, 'scale', '{"en": "l1"}', 'agree4', false),
					(:i, 'l2', 'load', 2, 'scale', '{"en": "l2"}', 'freq6', true),
					(:i, 'l3', 'load', 3, 'scale', '{"en": "l3"}', 'freq6', false),
					(:i, 'rec', 'exit', 1, 'recommend', '{"en": "rec"}', null, false),
					(:i, 'why', 'exit', 2, 'reasons', '{"en": "why"}', null, false),
					(:i, 'back', 'exit', 3, 'yes_no', '{"en": "back"}', null, false),
					(:i, 'free', 'exit', 4, 'text', '{"en": "free"}', null, false)
				""").param("i", this.instrument).update();
	}

	/** A cycle with the usual snapshot, invited per unit 100, 110, 111, 120. */
	long cycle(String program, String opensOn, String closesOn, String status, int invited100, int invited110,
			int invited111, int invited120) {
		long cycle = cycle(program, opensOn, closesOn, status);
		group(cycle, 100, null, "Förvaltning", invited100);
		group(cycle, 110, 100L, "Barn och unga", invited110);
		group(cycle, 111, 110L, "Mottagning", invited111);
		group(cycle, 120, 100L, "Vuxen", invited120);
		return cycle;
	}

	/** A cycle with no snapshot yet. */
	long cycle(String program, String opensOn, String closesOn, String status) {
		return this.jdbc.sql("""
				insert into survey_cycle (organisation_id, program, instrument_id, opens_on, closes_on, status)
				values (:org, :program, :instrument, :opens, :closes, :status) returning id
				""")
			.param("org", this.organisation)
			.param("program", program)
			.param("instrument", this.instrument)
			.param("opens", LocalDate.parse(opensOn))
			.param("closes", LocalDate.parse(closesOn))
			.param("status", status)
			.query(Long.class)
			.single();
	}

	void group(long cycle, long unit, Long parent, String name, int invited) {
		this.jdbc.sql("""
				insert into survey_group (cycle_id, unit_id, parent_unit_id, name, invited)
				values (:cycle, :unit, :parent, :name, :invited)
				""")
			.param("cycle", cycle)
			.param("unit", unit)
			.param("parent", parent)
			.param("name", name)
			.param("invited", invited)
			.update();
	}

	/**
	 * Invitations of a unit and band (the HMAC is random: nothing here needs a token).
	 */
	void invite(long cycle, long unit, String tenureBand, int count) {
		for (int i = 0; i < count; i++) {
			byte[] hmac = new byte[32];
			RANDOM.nextBytes(hmac);
			this.jdbc.sql("""
					insert into survey_invitation (token_hmac, cycle_id, unit_id, tenure_band)
					values (:hmac, :cycle, :unit, :tenure)
					""")
				.param("hmac", hmac)
				.param("cycle", cycle)
				.param("unit", unit)
				.param("tenure", tenureBand)
				.update();
		}
	}

	/**
	 * A response: for each item the values given (several only for the reasons). A closed
	 * cycle's responses are released ones, so its summary is taken again (as
	 * {@code CycleService.close} takes it, through {@link ResultSummaries}).
	 */
	void respond(long cycle, long unit, String tenureBand, Map<String, int[]> answers) {
		respondUnsummarised(cycle, unit, tenureBand, answers);
		String status = this.jdbc.sql("select status from survey_cycle where id = :id")
			.param("id", cycle)
			.query(String.class)
			.single();
		if ("closed".equals(status)) {
			summarise(cycle);
		}
	}

	/**
	 * Summarises a closed cycle again after its released rows were changed by SQL (which
	 * no path of Bryt does), through the method the close calls.
	 */
	void summarise(long cycle) {
		new ResultSummaries(this.jdbc).summarise(cycle);
	}

	/**
	 * A response written as {@link #respond} writes it, leaving the cycle's summary as it
	 * was (a cycle closed before V36, or changed behind the summary's back).
	 */
	void respondUnsummarised(long cycle, long unit, String tenureBand, Map<String, int[]> answers) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into survey_response (id, cycle_id, unit_id, tenure_band) values (:id, :cycle, :unit, :tenure)
				""").param("id", id).param("cycle", cycle).param("unit", unit).param("tenure", tenureBand).update();
		answers.forEach((item, values) -> {
			for (int value : values) {
				this.jdbc.sql("insert into survey_answer (response_id, item_key, value) values (:id, :item, :value)")
					.param("id", id)
					.param("item", item)
					.param("value", value)
					.update();
			}
		});
	}

	static int[] v(int... values) {
		return values;
	}

}
