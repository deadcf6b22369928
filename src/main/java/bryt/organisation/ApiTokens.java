package bryt.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import bryt.shared.security.ApiTokenAuthenticator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * API tokens: 256 random bits, shown once when created, stored as a SHA-256 hash. A
 * revoked token stops working at once.
 */
@Service
class ApiTokens implements ApiTokenAuthenticator {

	private static final String PREFIX = "bryt_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a token and returns it: the only time it is ever shown. */
	String create(long organisationId, String name) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc.sql("insert into api_token (organisation_id, name, token_hash) values (:org, :name, :hash)")
			.param("org", organisationId)
			.param("name", name)
			.param("hash", hash(token))
			.update();
		return token;
	}

	List<TokenRow> list(long organisationId) {
		return this.jdbc.sql("""
				select id, name, created_at, revoked_at from api_token where organisation_id = :org order by created_at
				""").param("org", organisationId).query(TokenRow.class).list();
	}

	void revoke(long organisationId, long id) {
		this.jdbc.sql("""
				update api_token set revoked_at = now()
				where organisation_id = :org and id = :id and revoked_at is null
				""").param("org", organisationId).param("id", id).update();
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select organisation_id, id, name from api_token where token_hash = :hash and revoked_at is null")
			.param("hash", hash(token))
			.query((rs,
					n) -> (Authentication) new ApiClient(rs.getLong("organisation_id"), rs.getLong("id"),
							rs.getString("name")))
			.optional();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record TokenRow(long id, String name, Instant createdAt, Instant revokedAt) {
	}

}
