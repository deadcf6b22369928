package bryt.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SecondFactorRepository {

	private final JdbcClient jdbc;

	SecondFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean confirmed(long accountId) {
		return this.jdbc.sql(
				"select exists (select 1 from account_second_factor where account_id = :id and confirmed_on is not null)")
			.param("id", accountId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The secret of an enrolment not yet confirmed; a new one is kept when there is none.
	 * Never replaces a confirmed secret.
	 */
	String unconfirmedSecret(long organisationId, long accountId, String newSecret) {
		this.jdbc.sql("""
				insert into account_second_factor (organisation_id, account_id, secret)
				values (:org, :id, :secret) on conflict (account_id) do nothing
				""").param("org", organisationId).param("id", accountId).param("secret", newSecret).update();
		return this.jdbc.sql("select secret from account_second_factor where account_id = :id and confirmed_on is null")
			.param("id", accountId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("The second factor is confirmed already"));
	}

	/** The account's second factor, locked until the transaction ends. */
	Optional<Factor> lock(long accountId) {
		return this.jdbc.sql("""
				select secret, confirmed_on is not null as confirmed, last_step, failures, blocked_until
				from account_second_factor where account_id = :id for update
				""")
			.param("id", accountId)
			.query((rs, row) -> new Factor(rs.getString("secret"), rs.getBoolean("confirmed"), rs.getLong("last_step"),
					rs.getInt("failures"),
					Optional.ofNullable(rs.getTimestamp("blocked_until")).map(Timestamp::toInstant).orElse(null)))
			.optional();
	}

	void confirm(long accountId, LocalDate today, long step) {
		this.jdbc.sql("""
				update account_second_factor set confirmed_on = :today, last_step = :step, failures = 0,
					blocked_until = null
				where account_id = :id
				""").param("id", accountId).param("today", today).param("step", step).update();
	}

	void accepted(long accountId, long step) {
		this.jdbc.sql("""
				update account_second_factor set last_step = greatest(last_step, :step), failures = 0,
					blocked_until = null
				where account_id = :id
				""").param("id", accountId).param("step", step).update();
	}

	void failed(long accountId, int failures, Instant blockedUntil) {
		this.jdbc
			.sql("update account_second_factor set failures = :failures, blocked_until = :until where account_id = :id")
			.param("id", accountId)
			.param("failures", failures)
			.param("until", (blockedUntil != null) ? Timestamp.from(blockedUntil) : null)
			.update();
	}

	void replaceRecoveryCodes(long organisationId, long accountId, Collection<byte[]> hashes) {
		this.jdbc.sql("delete from account_recovery_code where account_id = :id").param("id", accountId).update();
		for (byte[] hash : hashes) {
			this.jdbc.sql("""
					insert into account_recovery_code (organisation_id, account_id, code_hash)
					values (:org, :id, :hash)
					""").param("org", organisationId).param("id", accountId).param("hash", hash).update();
		}
	}

	/** Deletes the code: whether it was there, so that it works exactly once. */
	boolean useRecoveryCode(long accountId, byte[] hash) {
		return this.jdbc.sql("delete from account_recovery_code where account_id = :id and code_hash = :hash")
			.param("id", accountId)
			.param("hash", hash)
			.update() == 1;
	}

	int recoveryCodesLeft(long accountId) {
		return this.jdbc.sql("select count(*) from account_recovery_code where account_id = :id")
			.param("id", accountId)
			.query(Integer.class)
			.single();
	}

	/** Removes the secret and the recovery codes of an account of this organisation. */
	void delete(long organisationId, long accountId) {
		this.jdbc.sql("delete from account_recovery_code where organisation_id = :org and account_id = :id")
			.param("org", organisationId)
			.param("id", accountId)
			.update();
		this.jdbc.sql("delete from account_second_factor where organisation_id = :org and account_id = :id")
			.param("org", organisationId)
			.param("id", accountId)
			.update();
	}

	record Factor(String secret, boolean confirmed, long lastStep, int failures, Instant blockedUntil) {
	}

}
