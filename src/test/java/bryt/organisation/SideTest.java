package bryt.organisation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which side an account speaks for where both sides take part (the overview's sign-off,
 * the surveys' comment review), by its roles.
 */
class SideTest {

	@Test
	void hrAndAdministratorsSpeakForTheEmployerRepresentativesForTheEmployeeSide() {
		assertThat(Side.speakingFor(Set.of(Role.HR))).contains(Side.EMPLOYER);
		assertThat(Side.speakingFor(Set.of(Role.ADMINISTRATOR))).contains(Side.EMPLOYER);
		assertThat(Side.speakingFor(Set.of(Role.HR, Role.ADMINISTRATOR, Role.MANAGER))).contains(Side.EMPLOYER);
		assertThat(Side.speakingFor(Set.of(Role.UNION_REPRESENTATIVE))).contains(Side.EMPLOYEE_SIDE);
		assertThat(Side.speakingFor(Set.of(Role.SAFETY_REPRESENTATIVE))).contains(Side.EMPLOYEE_SIDE);
		assertThat(Side.speakingFor(Set.of(Role.UNION_REPRESENTATIVE, Role.SAFETY_REPRESENTATIVE, Role.STAFF)))
			.contains(Side.EMPLOYEE_SIDE);
	}

	@Test
	void anAccountOfBothSidesOrOfNeitherSpeaksForNone() {
		assertThat(Side.speakingFor(Set.of(Role.HR, Role.UNION_REPRESENTATIVE))).isEmpty();
		assertThat(Side.speakingFor(Set.of(Role.ADMINISTRATOR, Role.SAFETY_REPRESENTATIVE))).isEmpty();
		for (Role role : Set.of(Role.MANAGER, Role.STAFF, Role.COMMITTEE_MEMBER, Role.EMPLOYEE_SIDE_ADMINISTRATOR)) {
			assertThat(Side.speakingFor(Set.of(role))).as(role.name()).isEqualTo(Optional.empty());
		}
		assertThat(Side.speakingFor(EnumSet.noneOf(Role.class))).isEmpty();
		assertThat(Side.speakingFor(EnumSet.allOf(Role.class))).isEmpty();
	}

}
