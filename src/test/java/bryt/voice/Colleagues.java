package bryt.voice;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An organisation of its own for one test, so that tests sharing the database do not see
 * each other's reports: accounts made as an import would, reports sent through the public
 * form as a reporter would.
 */
final class Colleagues {

	static final String PASSWORD = "Fjord-Lichen-Quartz-7318";

	final long org;

	final String code;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	Colleagues(JdbcClient jdbc, PasswordEncoder encoder, String code) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.code = code;
		this.org = jdbc.sql("insert into organisation (code, name, country) values (:code, :code, 'SE') returning id")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	long account(String name, String role) {
		return this.jdbc.sql("""
				insert into account (organisation_id, username, display_name, password_hash, roles)
				values (:org, :username, :name, :hash, cast(:roles as text[])) returning id
				""")
			.param("org", this.org)
			.param("username", this.code + "-" + name.toLowerCase())
			.param("name", name)
			.param("hash", this.encoder.encode(PASSWORD))
			.param("roles", "{" + role + "}")
			.query(Long.class)
			.single();
	}

	String username(String name) {
		return this.code + "-" + name.toLowerCase();
	}

	long channel(String name, Long... recipients) {
		long channel = this.jdbc.sql("""
				insert into voice_channel (organisation_id, kind, name) values (:org, 'WHISTLEBLOWING', :name)
				returning id
				""").param("org", this.org).param("name", name).query(Long.class).single();
		for (long recipient : recipients) {
			this.jdbc.sql("""
					insert into voice_channel_recipient (organisation_id, channel_id, account_id)
					values (:org, :channel, :account)
					""").param("org", this.org).param("channel", channel).param("account", recipient).update();
		}
		this.jdbc.sql("""
				insert into voice_question (organisation_id, channel_id, position, type, required, label_sv, label_da,
					label_en)
				values (:org, :channel, 1, 'TEXT', true, 'Vad hände?', 'Hvad skete der?', 'What happened?')
				""").param("org", this.org).param("channel", channel).update();
		return channel;
	}

	/** An administrator sets a new password for the account through the account page. */
	void resetPassword(Visit administrator, long account, String name, String role, String password) throws Exception {
		int status = administrator
			.send(post("/admin/accounts/" + account).param("username", username(name))
				.param("displayName", name)
				.param("roles", role)
				.param("enabled", "true")
				.param("password", password))
			.getStatus();
		if (status != 302) {
			throw new IllegalStateException("The account form refused the new password: " + status);
		}
	}

	/** Sends a report through the public form, leaving out the excluded recipients. */
	long report(MockMvc mvc, long channel, String text, Long... excluded) throws Exception {
		ReportForm form = ReportForm.of(this.jdbc, channel);
		MockHttpServletRequestBuilder request = post("/report/" + this.code + "/channel/" + channel)
			.param(form.firstQuestion(), text)
			.param("revision", form.revision())
			.param("once", FormOnce.generate());
		List<String> exclude = Arrays.stream(excluded).map(String::valueOf).toList();
		if (!exclude.isEmpty()) {
			request.param("exclude", exclude.toArray(String[]::new));
		}
		String page = mvc.perform(request).andReturn().getResponse().getContentAsString();
		return Receipts.reportId(this.jdbc, Receipts.on(page));
	}

	/** The report's number in its organisation: what pages and URLs show. */
	long number(long reportId) {
		return this.jdbc.sql("select number from voice_report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

}
