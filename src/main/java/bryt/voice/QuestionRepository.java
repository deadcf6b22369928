package bryt.voice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions of each channel. Every change counts up the channel's questionnaire
 * revision.
 */
@Repository
class QuestionRepository {

	private static final String SELECT = """
			select id, channel_id, position, type, required, label_sv, label_da, label_en,
				options_sv, options_da, options_en
			from voice_question
			""";

	private final JdbcClient jdbc;

	QuestionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The channel's questions in the order the reporter sees them. */
	List<Question> questionnaire(long organisationId, long channelId) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org and channel_id = :channel order by position")
			.param("org", organisationId)
			.param("channel", channelId)
			.query(QuestionRepository::question)
			.list();
	}

	Optional<Question> find(long organisationId, long channelId, long id) {
		return this.jdbc.sql(SELECT + " where organisation_id = :org and channel_id = :channel and id = :id")
			.param("org", organisationId)
			.param("channel", channelId)
			.param("id", id)
			.query(QuestionRepository::question)
			.optional();
	}

	/** Adds a question at the end of the channel's questionnaire. */
	long add(long organisationId, long channelId, QuestionForm.Checked question) {
		long id = this.jdbc.sql("""
				insert into voice_question (organisation_id, channel_id, position, type, required,
					label_sv, label_da, label_en, options_sv, options_da, options_en)
				values (:org, :channel,
					(select coalesce(max(position), 0) + 1 from voice_question where channel_id = :channel),
					:type, :required, :sv, :da, :en, :optionsSv, :optionsDa, :optionsEn)
				returning id
				""")
			.param("org", organisationId)
			.param("channel", channelId)
			.params(values(question))
			.query(Long.class)
			.single();
		countRevision(organisationId, channelId);
		return id;
	}

	void update(long organisationId, long channelId, long id, QuestionForm.Checked question) {
		this.jdbc.sql("""
				update voice_question set type = :type, required = :required, label_sv = :sv, label_da = :da,
					label_en = :en, options_sv = :optionsSv, options_da = :optionsDa, options_en = :optionsEn
				where organisation_id = :org and channel_id = :channel and id = :id
				""")
			.param("org", organisationId)
			.param("channel", channelId)
			.param("id", id)
			.params(values(question))
			.update();
		countRevision(organisationId, channelId);
	}

	/**
	 * Swaps the question with its neighbour before ({@code up}) or after it.
	 * @return whether it moved: the first cannot move up, nor the last down
	 */
	boolean move(long organisationId, long channelId, long id, boolean up) {
		int moved = this.jdbc.sql("""
				with me as (
					select id, position from voice_question
					where organisation_id = :org and channel_id = :channel and id = :id
				), neighbour as (
					select q.id, q.position from voice_question q, me
					where q.channel_id = :channel
						and case when :up then q.position < me.position else q.position > me.position end
					order by case when :up then -q.position else q.position end
					limit 1
				)
				update voice_question q
				set position = case when q.id = me.id then neighbour.position else me.position end
				from me, neighbour
				where q.id in (me.id, neighbour.id)
				""").param("org", organisationId).param("channel", channelId).param("id", id).param("up", up).update();
		if (moved > 0) {
			countRevision(organisationId, channelId);
		}
		return moved > 0;
	}

	void remove(long organisationId, long channelId, long id) {
		this.jdbc.sql("delete from voice_question where organisation_id = :org and channel_id = :channel and id = :id")
			.param("org", organisationId)
			.param("channel", channelId)
			.param("id", id)
			.update();
		countRevision(organisationId, channelId);
	}

	private void countRevision(long organisationId, long channelId) {
		this.jdbc.sql("""
				update voice_channel set questionnaire_revision = questionnaire_revision + 1
				where organisation_id = :org and id = :channel
				""").param("org", organisationId).param("channel", channelId).update();
	}

	private static java.util.Map<String, Object> values(QuestionForm.Checked question) {
		return java.util.Map.of("type", question.type().name(), "required", question.required(), "sv",
				question.label().sv(), "da", question.label().da(), "en", question.label().en(), "optionsSv",
				question.options().stream().map(Labels::sv).toArray(String[]::new), "optionsDa",
				question.options().stream().map(Labels::da).toArray(String[]::new), "optionsEn",
				question.options().stream().map(Labels::en).toArray(String[]::new));
	}

	private static Question question(ResultSet rs, int row) throws SQLException {
		String[] sv = strings(rs.getArray("options_sv"));
		String[] da = strings(rs.getArray("options_da"));
		String[] en = strings(rs.getArray("options_en"));
		List<Labels> options = new ArrayList<>();
		for (int i = 0; i < sv.length; i++) {
			options.add(new Labels(sv[i], da[i], en[i]));
		}
		return new Question(rs.getLong("id"), rs.getLong("channel_id"), rs.getInt("position"),
				Question.Type.valueOf(rs.getString("type")), rs.getBoolean("required"),
				new Labels(rs.getString("label_sv"), rs.getString("label_da"), rs.getString("label_en")), options);
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

}
