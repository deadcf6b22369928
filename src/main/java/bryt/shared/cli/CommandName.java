package bryt.shared.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The first word of a {@link Command}, on its class: {@link CommandLine} reads it from
 * the class files before the application context exists, to decide whether to start the
 * server or run a command.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandName {

	/** The first word on the command line, e.g. {@code import}. */
	String value();

}
