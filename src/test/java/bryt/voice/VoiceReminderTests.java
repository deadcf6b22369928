package bryt.voice;

import java.time.LocalDate;

import bryt.ServerDay;
import bryt.MailTest;
import bryt.BrytTest;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders go through a real SMTP server (GreenMail on loopback) and say only how many
 * reports are due.
 */
@BrytTest
class VoiceReminderTests extends MailTest {

	@Autowired
	private ReminderJob job;

	@Autowired
	private ReminderAddresses addresses;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void remindsARecipientOfOverdueReportsWithoutTheirContent() throws Exception {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		long hr = this.jdbc.sql("select id from account where username = 'hr'").query(Long.class).single();
		long channel = this.jdbc.sql("select min(id) from voice_channel where organisation_id = :org")
			.param("org", org)
			.query(Long.class)
			.single();
		long report = this.jdbc.sql("""
				insert into voice_report (organisation_id, channel_id, receipt_selector, receipt_hash,
					receipt_wrapped_key, content, received_on)
				values (:org, :channel, 'REMINDER', '\\x00', '\\x00', '\\x00', :received) returning id
				""")
			.param("org", org)
			.param("channel", channel)
			.param("received", ServerDay.today().minusDays(10))
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into voice_report_key (organisation_id, report_id, account_id, wrapped_key) "
					+ "values (:org, :report, :hr, '\\x00')")
			.param("org", org)
			.param("report", report)
			.param("hr", hr)
			.update();
		this.addresses.save(org, hr, "hr@exempelby.example");

		assertThat(this.job.sendReminders()).isGreaterThanOrEqualTo(1);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).isNotEmpty();
		MimeMessage mail = received[received.length - 1];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("hr@exempelby.example");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Bryt").doesNotContain("Visselbl", "Arbetsmilj", "REMINDER");
	}

}
