package bryt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real port of its own embedded PostgreSQL, reached at the
 * public address {@code https://bryt.example/} through a proxy that ends TLS (Bryt sees
 * plain HTTP): for what MockMvc does not do (the container's multipart handling, error
 * dispatches, streamed request bodies, headers as a proxy passes them). Test classes with
 * this annotation share one application context and one database, as those with
 * {@link BrytTest} do theirs; each uses data of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bryt.db.data-dir=target/test-data/${random.uuid}", "bryt.public-url=https://bryt.example/" })
@AutoConfigureMockMvc
@Import(EnglishBrowser.class)
public @interface ServerTest {

}
