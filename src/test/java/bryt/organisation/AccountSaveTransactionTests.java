package bryt.organisation;

import java.util.EnumSet;
import java.util.Set;

import bryt.BrytTest;
import bryt.shared.DemoMode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An administrator's edit of an account is one transaction: when a later step fails, the
 * earlier ones are undone.
 */
@BrytTest
class AccountSaveTransactionTests {

	private static final String PREFIX = "atomic";

	@Autowired
	private Accounts accounts;

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private AccountRepository accountRepository;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aFailingPasswordChangeUndoesTheRestOfTheEdit() {
		OrganisationFixture.Ids ids = this.fixture.create(PREFIX);
		long hr = this.jdbc.sql("select id from account where username = :username")
			.param("username", PREFIX + "-hr")
			.query(Long.class)
			.single();
		// The first statements change the name, the roles and the units; the listener of
		// the password change (the last step) fails.
		AccountForm form = new AccountForm(PREFIX + "-hr", "Renamed", EnumSet.of(Role.MANAGER), null, true,
				Set.of(ids.b()), FailingPasswordListener.FAILING_PASSWORD);

		assertThatIllegalStateException().isThrownBy(
				() -> this.accounts.save(ids.organisation(), hr, form, new BeanPropertyBindingResult(form, "form")));

		Account account = this.accountRepository.find(ids.organisation(), hr).orElseThrow();
		assertThat(account.displayName()).isEqualTo("HR");
		assertThat(account.roles()).containsExactly(Role.HR);
		assertThat(account.unitIds()).isEmpty();
		assertThat(
				this.passwordEncoder.matches(DemoMode.PASSWORD, this.accountRepository.passwordHash(hr).orElseThrow()))
			.isTrue();
	}

}
