package bryt.voice;

import java.util.Set;

import bryt.organisation.Organisations;
import bryt.organisation.PasswordChanged;
import bryt.shared.DemoMode;
import bryt.shared.security.SessionsEnded;
import com.google.crypto.tink.KeysetHandle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events voice listens to from organisation and shared, with voice and the modules it
 * depends on only. The organisation's and shared's publishers are package-private (an
 * administrator's or holder's password change, a revoked session), so each scenario
 * publishes the event those publish and checks what voice did with it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = "bryt.db.data-dir=target/test-data/${random.uuid}")
class VoiceEventsScenarioTests {

	private static final String NEW_PASSWORD = "Granite-Plover-Meadow-2051";

	@Autowired
	private Organisations organisations;

	@Autowired
	private RecipientKeys keys;

	@Autowired
	private UnlockedKeys unlocked;

	/** The holder changed the password: the key opens with the new one only. */
	@Test
	void theHoldersNewPasswordRewrapsTheirKey(Scenario scenario) {
		long org = demo();
		long manager = account(org, "manager");
		assertThat(this.keys.create(org, manager, DemoMode.PASSWORD)).isPresent();
		scenario.publish(new PasswordChanged(org, manager, DemoMode.PASSWORD, NEW_PASSWORD))
			.andWaitForStateChange(() -> this.keys.unlock(manager, NEW_PASSWORD).isPresent(), (opens) -> opens)
			.andVerify((opens) -> {
				assertThat(this.keys.unlock(manager, DemoMode.PASSWORD)).isEmpty();
				assertThat(this.keys.hasKey(manager)).isTrue();
			});
	}

	/**
	 * An administrator set the password: the key is discarded, and so is its unlocked
	 * copy in every session of the account.
	 */
	@Test
	void anAdministratorsResetDiscardsTheKey(Scenario scenario) {
		long org = demo();
		long committee = account(org, "committee");
		KeysetHandle key = this.keys.create(org, committee, DemoMode.PASSWORD).orElseThrow();
		this.unlocked.put("scenario-session-reset", committee, key);
		scenario.publish(new PasswordChanged(org, committee, null, NEW_PASSWORD))
			.andWaitForStateChange(() -> this.keys.hasKey(committee), (has) -> !has)
			.andVerify((has) -> assertThat(this.unlocked.get("scenario-session-reset", committee)).isEmpty());
	}

	/** Ended sessions take their unlocked keys with them; other sessions keep theirs. */
	@Test
	void endedSessionsForgetTheirUnlockedKeys(Scenario scenario) {
		long org = demo();
		long union = account(org, "union");
		KeysetHandle key = this.keys.unlock(union, DemoMode.PASSWORD).orElseThrow();
		this.unlocked.put("scenario-session-ended", union, key);
		this.unlocked.put("scenario-session-kept", union, key);
		scenario.publish(new SessionsEnded(Set.of("scenario-session-ended")))
			.andWaitForStateChange(() -> this.unlocked.get("scenario-session-ended", union).isEmpty(), (gone) -> gone)
			.andVerify((gone) -> assertThat(this.unlocked.get("scenario-session-kept", union)).isPresent());
	}

	private long demo() {
		return this.organisations.findByCode("exempelby").orElseThrow().id();
	}

	private long account(long organisationId, String username) {
		return this.organisations.accounts(organisationId)
			.stream()
			.filter((account) -> account.username().equals(username))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
