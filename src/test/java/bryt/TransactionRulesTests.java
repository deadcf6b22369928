package bryt;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.annotation.Transactional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * {@code @Transactional} works only where Spring's proxy can intercept the call. Bryt's
 * proxies are class-based (CGLIB, Spring Boot's default), which reach public, protected
 * and package-private methods but neither private nor final ones: there the annotation is
 * silently ignored, as it was on {@code Accounts.save}'s neighbour.
 */
class TransactionRulesTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("bryt");

	@Test
	void transactionalIsNeverOnAPrivateMethod() {
		methods().that()
			.areAnnotatedWith(Transactional.class)
			.should()
			.notHaveModifier(JavaModifier.PRIVATE)
			.because("a proxy cannot intercept a private method, so the annotation would do nothing")
			.check(this.classes);
	}

	@Test
	void transactionalIsNeverOnAFinalOrStaticMethod() {
		methods().that()
			.areAnnotatedWith(Transactional.class)
			.should()
			.notHaveModifier(JavaModifier.FINAL)
			.andShould()
			.notHaveModifier(JavaModifier.STATIC)
			.because("a class-based proxy cannot override a final or static method")
			.check(this.classes);
	}

	/**
	 * A transaction starts where a unit of work starts: in a service. A repository's
	 * method is one statement or a few, called inside the service's transaction; a
	 * controller hands over to a service.
	 */
	@Test
	void transactionalIsNeverOnARepositoryOrAController() {
		methods().that()
			.areAnnotatedWith(Transactional.class)
			.should()
			.beDeclaredInClassesThat()
			.haveSimpleNameNotEndingWith("Repository")
			.andShould()
			.beDeclaredInClassesThat()
			.haveSimpleNameNotEndingWith("Controller")
			.because("transactions start in services (docs/development.md)")
			.check(this.classes);
		classes().that()
			.haveSimpleNameEndingWith("Repository")
			.or()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.notBeAnnotatedWith(Transactional.class)
			.because("transactions start in services (docs/development.md)")
			.check(this.classes);
	}

}
