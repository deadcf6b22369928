package bryt.voice;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses recipients chose for reminders. */
@Repository
class ReminderAddresses {

	private final JdbcClient jdbc;

	ReminderAddresses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> find(long accountId) {
		return this.jdbc.sql("select email from voice_reminder_address where account_id = :id")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	void save(long organisationId, long accountId, String email) {
		if (email == null) {
			this.jdbc.sql("delete from voice_reminder_address where account_id = :id").param("id", accountId).update();
			return;
		}
		this.jdbc.sql("""
				insert into voice_reminder_address (organisation_id, account_id, email) values (:org, :id, :email)
				on conflict (account_id) do update set email = excluded.email
				""").param("org", organisationId).param("id", accountId).param("email", email).update();
	}

	List<Address> all() {
		return this.jdbc
			.sql("select organisation_id, account_id, email from voice_reminder_address order by account_id")
			.query((rs, row) -> new Address(rs.getLong("organisation_id"), rs.getLong("account_id"),
					rs.getString("email")))
			.list();
	}

	record Address(long organisationId, long accountId, String email) {

		@Override
		public String toString() {
			return "Address[accountId=" + this.accountId + ", email=***]";
		}

	}

}
