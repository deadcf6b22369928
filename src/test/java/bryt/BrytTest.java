package bryt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on its own embedded PostgreSQL, in a fresh data directory under
 * {@code target/}, with the demo municipality. Test classes with this annotation share
 * one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
@AutoConfigureMockMvc
@Import(EnglishBrowser.class)
public @interface BrytTest {

}
