package bryt.surveys;

import java.util.Optional;
import java.util.Set;

import bryt.organisation.Role;
import bryt.organisation.Side;

/**
 * The two parties whose reviewers must both approve a cycle's comments before they are
 * released: the employer's side (HR, administrators) and the employee side (union
 * representatives and safety representatives: in work-environment matters the skyddsombud
 * or arbejdsmiljørepræsentant speaks for the employees as much as the union does).
 */
enum CommentSide {

	EMPLOYER, EMPLOYEE;

	/**
	 * The side an account reviews for; empty for an account of neither side or of both
	 * (one person cannot be both of the two reviewers).
	 */
	static Optional<CommentSide> of(Set<Role> roles) {
		return Side.speakingFor(roles).map((side) -> (side == Side.EMPLOYER) ? EMPLOYER : EMPLOYEE);
	}

	/** For templates (SpEL calls public methods only). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
