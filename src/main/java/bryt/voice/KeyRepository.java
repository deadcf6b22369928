package bryt.voice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recipients' key pairs, the organisations' split recovery keys with their holders'
 * shares, and the copies of recipients' private keys made for the recovery key.
 */
@Repository
class KeyRepository {

	private final JdbcClient jdbc;

	KeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RecipientKey> find(long accountId) {
		return this.jdbc.sql("""
				select organisation_id, account_id, public_keyset, password_salt, password_wrapped
				from voice_recipient_key where account_id = :id
				""")
			.param("id", accountId)
			.query((rs, row) -> new RecipientKey(rs.getLong("organisation_id"), rs.getLong("account_id"),
					rs.getBytes("public_keyset"), rs.getBytes("password_salt"), rs.getBytes("password_wrapped")))
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
					password_wrapped, created_on)
				values (:org, :account, :public, :salt, :wrapped, :today)
				on conflict (account_id) do update set public_keyset = excluded.public_keyset,
					password_salt = excluded.password_salt, password_wrapped = excluded.password_wrapped
				""")
			.param("org", key.organisationId())
			.param("account", key.accountId())
			.param("public", key.publicKeyset())
			.param("salt", key.passwordSalt())
			.param("wrapped", key.passwordWrapped())
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

	/**
	 * Forgets the account's key pair and its share of the recovery key (encrypted to that
	 * key pair, so of no use any more); its report keys become lost.
	 * @return the reports whose keys became lost
	 */
	List<Long> discard(long accountId, LocalDate today) {
		this.jdbc.sql("delete from voice_recovery_share where account_id = :id").param("id", accountId).update();
		this.jdbc.sql("delete from voice_recipient_key where account_id = :id").param("id", accountId).update();
		return this.jdbc.sql("""
				update voice_report_key set lost_wrapped_key = wrapped_key, wrapped_key = null, lost_on = :today
				where account_id = :id and wrapped_key is not null
				returning report_id
				""").param("id", accountId).param("today", today).query(Long.class).list();
	}

	Optional<Recovery> recovery(long organisationId) {
		return this.jdbc.sql("""
				select organisation_id, generation, public_keyset, threshold, created_on
				from voice_recovery where organisation_id = :org
				""")
			.param("org", organisationId)
			.query((rs, row) -> new Recovery(rs.getLong("organisation_id"), rs.getInt("generation"),
					rs.getBytes("public_keyset"), rs.getInt("threshold"), rs.getObject("created_on", LocalDate.class)))
			.optional();
	}

	/**
	 * Makes the organisation's recovery key, or replaces it: the shares and copies of the
	 * previous one are deleted, so that its shares open nothing any more.
	 * @return the new generation
	 */
	int replaceRecovery(long organisationId, byte[] publicKeyset, int threshold, LocalDate today) {
		this.jdbc.sql("delete from voice_recovery_share where organisation_id = :org")
			.param("org", organisationId)
			.update();
		this.jdbc.sql("delete from voice_recovery_copy where organisation_id = :org")
			.param("org", organisationId)
			.update();
		return this.jdbc.sql("""
				insert into voice_recovery (organisation_id, generation, public_keyset, threshold, created_on)
				values (:org, 1, :key, :threshold, :today)
				on conflict (organisation_id) do update set generation = voice_recovery.generation + 1,
					public_keyset = excluded.public_keyset, threshold = excluded.threshold,
					created_on = excluded.created_on
				returning generation
				""")
			.param("org", organisationId)
			.param("key", publicKeyset)
			.param("threshold", threshold)
			.param("today", today)
			.query(Integer.class)
			.single();
	}

	void addShare(long organisationId, long accountId, int part, byte[] holderPublicKeyset, byte[] wrappedShare) {
		this.jdbc
			.sql("""
					insert into voice_recovery_share (organisation_id, account_id, part, holder_public_keyset, wrapped_share)
					values (:org, :account, :part, :holder, :share)
					""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("part", part)
			.param("holder", holderPublicKeyset)
			.param("share", wrappedShare)
			.update();
	}

	List<Share> shares(long organisationId) {
		return this.jdbc.sql("""
				select account_id, part, holder_public_keyset, wrapped_share from voice_recovery_share
				where organisation_id = :org order by part
				""")
			.param("org", organisationId)
			.query((rs, row) -> new Share(rs.getLong("account_id"), rs.getInt("part"),
					rs.getBytes("holder_public_keyset"), rs.getBytes("wrapped_share")))
			.list();
	}

	Optional<Share> share(long organisationId, long accountId) {
		return shares(organisationId).stream().filter((share) -> share.accountId() == accountId).findFirst();
	}

	boolean hasCopy(long accountId, byte[] publicKeyset) {
		return this.jdbc.sql("select count(*) from voice_recovery_copy where account_id = :id and public_keyset = :key")
			.param("id", accountId)
			.param("key", publicKeyset)
			.query(Integer.class)
			.single() > 0;
	}

	void addCopy(long organisationId, long accountId, byte[] publicKeyset, byte[] wrapped) {
		this.jdbc.sql("""
				insert into voice_recovery_copy (organisation_id, account_id, public_keyset, wrapped)
				values (:org, :account, :key, :wrapped) on conflict (account_id, public_keyset) do nothing
				""")
			.param("org", organisationId)
			.param("account", accountId)
			.param("key", publicKeyset)
			.param("wrapped", wrapped)
			.update();
	}

	/** The copies of the account's private keys, the current one and discarded ones. */
	List<byte[]> copies(long accountId) {
		return this.jdbc.sql("select wrapped from voice_recovery_copy where account_id = :id order by id")
			.param("id", accountId)
			.query((rs, row) -> rs.getBytes("wrapped"))
			.list();
	}

	/** Once nothing of the account is lost, copies of its discarded keys have no use. */
	void deleteDiscardedCopies(long accountId, byte[] currentPublicKeyset) {
		this.jdbc.sql("""
				delete from voice_recovery_copy where account_id = :id and public_keyset <> :key
				and not exists (select 1 from voice_report_key where account_id = :id and wrapped_key is null)
				""").param("id", accountId).param("key", currentPublicKeyset).update();
	}

	/** A recipient's key pair as stored: the private half only encrypted. */
	record RecipientKey(long organisationId, long accountId, byte[] publicKeyset, byte[] passwordSalt,
			byte[] passwordWrapped) {

		@Override
		public String toString() {
			return "RecipientKey[accountId=" + this.accountId + ", keys=***]";
		}

	}

	record PublicKey(long accountId, byte[] keyset) {
	}

	record Recovery(long organisationId, int generation, byte[] publicKeyset, int threshold, LocalDate createdOn) {
	}

	/** A holder's share of the recovery key, encrypted to the holder's public key. */
	record Share(long accountId, int part, byte[] holderPublicKeyset, byte[] wrappedShare) {

		@Override
		public String toString() {
			return "Share[accountId=" + this.accountId + ", part=" + this.part + ", share=***]";
		}

	}

}
