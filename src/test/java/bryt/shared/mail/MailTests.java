package bryt.shared.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one sender of Bryt's mail, against a real SMTP server (GreenMail on loopback) and a
 * port where nothing listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Test
	void sendsOneMessageToEachAddressOnceWithItsSenderSubjectTextAndDate() throws Exception {
		Mail mail = new Mail(server(SMTP_PORT));
		Instant hour = Instant.parse("2026-03-04T10:00:00Z");
		int sent = mail.send(
				new Mail.Message("safety notice", "bryt@kommun.example", "Ett tillbud på Enhet Å",
						"Öppna ärendet i Bryt.", hour),
				List.of("chef@kommun.example", "skyddsombud@kommun.example", "chef@kommun.example"));

		assertThat(mail.available()).isTrue();
		assertThat(sent).isEqualTo(2);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		assertThat(Arrays.stream(received).map((message) -> recipient(message)))
			.containsExactlyInAnyOrder("chef@kommun.example", "skyddsombud@kommun.example");
		for (MimeMessage message : received) {
			assertThat(message.getFrom()[0].toString()).isEqualTo("bryt@kommun.example");
			assertThat(message.getSubject()).isEqualTo("Ett tillbud på Enhet Å");
			assertThat(message.getContent().toString().strip()).isEqualTo("Öppna ärendet i Bryt.");
			assertThat(message.getSentDate().toInstant()).isEqualTo(hour);
		}
	}

	@Test
	void withoutAMailServerSendsNothing() {
		Mail mail = new Mail(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class));

		assertThat(mail.available()).isFalse();
		assertThat(
				mail.send(new Mail.Message("voice reminder", "bryt@localhost", "s", "b"), List.of("a@kommun.example")))
			.isZero();
		assertThat(mail.send(new Mail.Message("voice reminder", "bryt@localhost", "s", "b"), "a@kommun.example"))
			.isFalse();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void aMailThatCannotBeSentIsLoggedByItsKindNeverByItsAddressOrText(CapturedOutput output) {
		Mail mail = new Mail(server(freePort()));

		boolean sent = mail.send(new Mail.Message("survey invitation", "enkat@kommun.example", "Inbjudan till enkäten",
				"Din kod: K7QX-2M4P"), "anna.andersson@kommun.example");

		assertThat(sent).isFalse();
		assertThat(output.getOut()).contains("A mail (survey invitation) could not be sent: MailSendException")
			.doesNotContain("anna.andersson")
			.doesNotContain("enkat@kommun.example")
			.doesNotContain("Inbjudan")
			.doesNotContain("K7QX");
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getRecipients(RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> server(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(properties);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("mailSender", sender);
		return beans.getBeanProvider(JavaMailSender.class);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
