package bryt.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChannelRepository {

	private static final String SELECT = """
			select c.id, c.organisation_id, c.kind, c.name, c.acknowledge_days, c.feedback_months,
				c.retention_days, c.enabled, c.questionnaire_revision,
				coalesce(array_agg(r.account_id order by r.account_id) filter (where r.account_id is not null), '{}')
					as recipient_ids
			from voice_channel c left join voice_channel_recipient r on r.channel_id = c.id
			""";

	private final JdbcClient jdbc;

	ChannelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Channel> findAll(long organisationId) {
		return this.jdbc.sql(SELECT + " where c.organisation_id = :org group by c.id order by c.id")
			.param("org", organisationId)
			.query(ChannelRepository::channel)
			.list();
	}

	Optional<Channel> find(long organisationId, long id) {
		return this.jdbc.sql(SELECT + " where c.organisation_id = :org and c.id = :id group by c.id")
			.param("org", organisationId)
			.param("id", id)
			.query(ChannelRepository::channel)
			.optional();
	}

	/** Whether the account receives the reports of any channel of the organisation. */
	boolean isRecipient(long organisationId, long accountId) {
		return this.jdbc.sql(
				"select exists (select 1 from voice_channel_recipient where organisation_id = :org and account_id = :id)")
			.param("org", organisationId)
			.param("id", accountId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether the account has an inbox to open: it receives a channel's reports, or still
	 * holds a key to a report it received before.
	 */
	boolean readsReports(long organisationId, long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from voice_channel_recipient where organisation_id = :org and account_id = :id)
					or exists (select 1 from voice_report_key where organisation_id = :org and account_id = :id)
				""").param("org", organisationId).param("id", accountId).query(Boolean.class).single();
	}

	/** Creates the channel with its recipients. */
	long create(long organisationId, ChannelForm form) {
		long id = this.jdbc.sql("""
				insert into voice_channel (organisation_id, kind, name, acknowledge_days, feedback_months,
					retention_days, enabled)
				values (:org, :kind, :name, :ack, :feedback, :retention, :enabled) returning id
				""")
			.param("org", organisationId)
			.param("kind", form.kind().name())
			.param("name", form.name().strip())
			.param("ack", form.acknowledgeDays())
			.param("feedback", form.feedbackMonths())
			.param("retention", form.retentionDays())
			.param("enabled", form.enabled())
			.query(Long.class)
			.single();
		replaceRecipients(organisationId, id, form.recipients());
		return id;
	}

	void update(long organisationId, long id, ChannelForm form) {
		this.jdbc.sql("""
				update voice_channel set kind = :kind, name = :name, acknowledge_days = :ack,
					feedback_months = :feedback, retention_days = :retention, enabled = :enabled
				where organisation_id = :org and id = :id
				""")
			.param("org", organisationId)
			.param("id", id)
			.param("kind", form.kind().name())
			.param("name", form.name().strip())
			.param("ack", form.acknowledgeDays())
			.param("feedback", form.feedbackMonths())
			.param("retention", form.retentionDays())
			.param("enabled", form.enabled())
			.update();
		replaceRecipients(organisationId, id, form.recipients());
	}

	private void replaceRecipients(long organisationId, long channelId, List<Long> accountIds) {
		this.jdbc.sql("delete from voice_channel_recipient where channel_id = :id").param("id", channelId).update();
		this.jdbc.sql("""
				insert into voice_channel_recipient (organisation_id, channel_id, account_id)
				select :org, :channel, unnest(cast(:accounts as bigint[]))
				""")
			.param("org", organisationId)
			.param("channel", channelId)
			.param("accounts",
					accountIds.stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.update();
	}

	private static Channel channel(ResultSet rs, int row) throws SQLException {
		Long[] recipients = (Long[]) rs.getArray("recipient_ids").getArray();
		return new Channel(rs.getLong("id"), rs.getLong("organisation_id"), ChannelKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getInt("acknowledge_days"), rs.getInt("feedback_months"),
				rs.getInt("retention_days"), rs.getBoolean("enabled"), Arrays.asList(recipients),
				rs.getInt("questionnaire_revision"));
	}

}
