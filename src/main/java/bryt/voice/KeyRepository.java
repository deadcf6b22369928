package bryt.voice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Recipients' key pairs and the organisations' recovery keys. */
@Repository
class KeyRepository {

	private final JdbcClient jdbc;

	KeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RecipientKey> find(long accountId) {
		return this.jdbc.sql("""
				select organisation_id, account_id, public_keyset, password_salt, password_wrapped, recovery_wrapped
				from voice_recipient_key where account_id = :id
				""")
			.param("id", accountId)
			.query((rs, row) -> new RecipientKey(rs.getLong("organisation_id"), rs.getLong("account_id"),
					rs.getBytes("public_keyset"), rs.getBytes("password_salt"), rs.getBytes("password_wrapped"),
					rs.getBytes("recovery_wrapped")))
			.optional();
	}

	/** The public keysets of those of the accounts that have a key pair. */
	List<PublicKey> publicKeys(long organisationId, List<Long> accountIds) {
		return this.jdbc.sql("""
				select account_id, public_keyset from voice_recipient_key
				where organisation_id = :org and account_id = any(cast(:ids as bigint[])) order by account_id
				""")
			.param("org", organisationId)
			.param("ids", accountIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, row) -> new PublicKey(rs.getLong("account_id"), rs.getBytes("public_keyset")))
			.list();
	}

	void save(RecipientKey key, LocalDate today) {
		this.jdbc.sql("""
				insert into voice_recipient_key (organisation_id, account_id, public_keyset, password_salt,
					password_wrapped, recovery_wrapped, created_on)
				values (:org, :account, :public, :salt, :wrapped, :recovery, :today)
				on conflict (account_id) do update set public_keyset = excluded.public_keyset,
					password_salt = excluded.password_salt, password_wrapped = excluded.password_wrapped,
					recovery_wrapped = excluded.recovery_wrapped
				""")
			.param("org", key.organisationId())
			.param("account", key.accountId())
			.param("public", key.publicKeyset())
			.param("salt", key.passwordSalt())
			.param("wrapped", key.passwordWrapped())
			.param("recovery", key.recoveryWrapped())
			.param("today", today)
			.update();
	}

	void rewrap(long accountId, byte[] salt, byte[] wrapped) {
		this.jdbc
			.sql("update voice_recipient_key set password_salt = :salt, password_wrapped = :wrapped "
					+ "where account_id = :id")
			.param("id", accountId)
			.param("salt", salt)
			.param("wrapped", wrapped)
			.update();
	}

	Optional<byte[]> recoveryPublicKeyset(long organisationId) {
		return this.jdbc.sql("select public_keyset from voice_recovery_key where organisation_id = :org")
			.param("org", organisationId)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	boolean createRecoveryKey(long organisationId, byte[] publicKeyset, LocalDate today) {
		return this.jdbc.sql("""
				insert into voice_recovery_key (organisation_id, public_keyset, created_on) values (:org, :key, :today)
				on conflict (organisation_id) do nothing
				""").param("org", organisationId).param("key", publicKeyset).param("today", today).update() == 1;
	}

	/** A recipient's key pair as stored: the private half only encrypted. */
	record RecipientKey(long organisationId, long accountId, byte[] publicKeyset, byte[] passwordSalt,
			byte[] passwordWrapped, byte[] recoveryWrapped) {

		@Override
		public String toString() {
			return "RecipientKey[accountId=" + this.accountId + ", keys=***]";
		}

	}

	record PublicKey(long accountId, byte[] keyset) {
	}

}
