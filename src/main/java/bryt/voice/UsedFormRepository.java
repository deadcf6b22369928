package bryt.voice;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The keyed hashes of the report forms already sent ({@link FormOnce}). */
@Repository
class UsedFormRepository {

	private final JdbcClient jdbc;

	UsedFormRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks a form as used; {@code false} when it already was. A second transaction that
	 * inserts the same hash waits on the primary key for the first and then finds the
	 * conflict, so two posts at once still make one report.
	 */
	boolean claim(byte[] idHash, LocalDate expiresOn) {
		return this.jdbc.sql("""
				insert into voice_used_form (id_hash, expires_on) values (:hash, :expires)
				on conflict (id_hash) do nothing
				""").param("hash", idHash).param("expires", expiresOn).update() == 1;
	}

	/** Forgets the forms whose time has passed. */
	int deleteExpired(LocalDate today) {
		return this.jdbc.sql("delete from voice_used_form where expires_on < :today").param("today", today).update();
	}

}
