package bryt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full application with its mail sent to GreenMail on loopback. The tests that read
 * mail (voice's notices and reminders, surveys' invitations and reminders) extend this
 * class, so that they share one application context (the port and the properties are the
 * same for all of them) instead of starting one each. GreenMail starts empty for every
 * test method.
 */
public abstract class MailTest {

	protected static final int SMTP_PORT = freePort();

	@RegisterExtension
	protected static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("bryt.voice.mail-language", () -> "en");
		registry.add("bryt.surveys.mail-from", () -> "surveys@bryt.example");
		registry.add("bryt.surveys.answer-link", () -> "https://bryt.example/s");
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
