package bryt.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Refuses a text that contains a Swedish or Danish personal identity number (see
 * {@link PersonalIdentityNumbers}). The message never contains the value, and forms do
 * not show a refused value again.
 */
@Documented
@Constraint(validatedBy = NoPersonalIdentityNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoPersonalIdentityNumber {

	String message() default "{NoPersonalIdentityNumber}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NoPersonalIdentityNumber, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return !PersonalIdentityNumbers.containsOne(value);
		}

	}

}
