package bryt.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import bryt.shared.DemoMode;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: TOTP codes (RFC 6238: SHA-1, six digits, 30 seconds, the usual
 * settings of authenticator apps) and single-use recovery codes. Who needs one,
 * enrolment, checking a code and an administrator's reset.
 *
 * <p>
 * A code is accepted for its own 30-second step and the one before and after (clocks
 * drift), and only for a step later than the last one accepted: the same code, seen over
 * a shoulder or replayed, is refused. Secrets and codes are never logged.
 */
@Service
class SecondFactors {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final int RECOVERY_CODES = 10;

	/** Wrong codes in a row before each further try has to wait. */
	static final int FREE_FAILURES = 5;

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private static final Set<String> DEMO_USERNAMES = DemoMunicipality.ACCOUNTS.stream()
		.map(DemoMunicipality.DemoAccount::username)
		.collect(Collectors.toUnmodifiableSet());

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecondFactors.class);

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final SecondFactorRepository repository;

	private final OrganisationRepository organisations;

	private final List<SecondFactorRequirement> requirements;

	private final DemoMode demo;

	private final Clock clock;

	private final boolean required;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	SecondFactors(SecondFactorRepository repository, OrganisationRepository organisations,
			List<SecondFactorRequirement> requirements, DemoMode demo, Clock clock, OrganisationProperties properties,
			AccountRepository accounts, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
		this.repository = repository;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.organisations = organisations;
		this.requirements = requirements;
		this.demo = demo;
		this.clock = clock;
		this.required = properties.secondFactor().required();
	}

	/** What a login must do after its password. */
	Step stepAfterPassword(CurrentAccount account) {
		if (this.repository.confirmed(account.accountId())) {
			return Step.CODE;
		}
		return required(account) ? Step.ENROL : Step.NONE;
	}

	/**
	 * Whether the account must have a second factor: administrators and whoever a module
	 * says so of (voice: recipients), except the demo accounts in demo mode.
	 */
	boolean required(CurrentAccount account) {
		if (!this.required || demoExempt(account)) {
			return false;
		}
		return account.has(Role.ADMINISTRATOR) || this.requirements.stream()
			.anyMatch((requirement) -> requirement.requiresSecondFactor(account.organisationId(), account.accountId()));
	}

	/**
	 * Whether the account can read reports or manage accounts (administrators, and
	 * whoever a module says so of): a provider's login of such an account must meet the
	 * provider's {@code acr}/{@code amr} requirement (issue 16). Unlike {@link #required}
	 * neither the demo nor {@code bryt.second-factor.required} exempts it.
	 */
	boolean mustLogInStrongly(CurrentAccount account) {
		return account.has(Role.ADMINISTRATOR) || this.requirements.stream()
			.anyMatch((requirement) -> requirement.requiresSecondFactor(account.organisationId(), account.accountId()));
	}

	/**
	 * The demo accounts, whose password is printed on the login page anyway, log in with
	 * the password alone so that trying Bryt stays one command. Only in demo mode, which
	 * never holds on an external database ({@link DemoMode}), only for the demo usernames
	 * of the demo municipality, and only while the password is still the published one:
	 * an administrator who gives a demo username to another account cannot give it the
	 * published password too (the strength rules refuse it).
	 */
	boolean demoExempt(CurrentAccount account) {
		return this.demo.active() && DEMO_USERNAMES.contains(account.getUsername())
				&& this.organisations.find(account.organisationId())
					.filter((organisation) -> organisation.code().equals(DemoMunicipality.CODE))
					.isPresent()
				&& this.accounts.passwordHash(account.accountId())
					.filter((hash) -> this.passwordEncoder.matches(DemoMode.PASSWORD, hash))
					.isPresent();
	}

	boolean enrolled(long accountId) {
		return this.repository.confirmed(accountId);
	}

	/** The secret to set up in an app; the same one until it is confirmed. */
	@Transactional
	String enrolmentSecret(CurrentAccount account) {
		return this.repository.unconfirmedSecret(account.organisationId(), account.accountId(),
				new DefaultSecretGenerator(32).generate());
	}

	/** The secret as a QR code (PNG as a data URI), drawn here: no network, no script. */
	String qrCode(String username, String secret) {
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer("Bryt")
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
		ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
		try {
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	/**
	 * Confirms the enrolment with a code from the app.
	 * @return the recovery codes, to be shown once; empty when the code is wrong or there
	 * is no enrolment to confirm
	 */
	@Transactional
	Optional<List<String>> confirm(CurrentAccount account, String code) {
		Optional<SecondFactorRepository.Factor> factor = this.repository.lock(account.accountId());
		if (factor.isEmpty() || factor.get().confirmed()) {
			return Optional.empty();
		}
		Optional<Long> step = matchingStep(factor.get(), code);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.repository.confirm(account.accountId(), LocalDate.now(this.clock), step.get());
		List<String> recovery = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		this.repository.replaceRecoveryCodes(account.organisationId(), account.accountId(),
				recovery.stream().map(SecondFactors::hash).toList());
		return Optional.of(recovery);
	}

	/** Checks a code from the app, or a recovery code, at login. */
	@Transactional
	Check check(CurrentAccount account, String code) {
		// The row lock makes two requests with the same code take turns: the second sees
		// the step the first accepted.
		SecondFactorRepository.Factor factor = this.repository.lock(account.accountId())
			.filter(SecondFactorRepository.Factor::confirmed)
			.orElse(null);
		if (factor == null) {
			return Check.WRONG;
		}
		Instant now = this.clock.instant();
		if (factor.blockedUntil() != null && now.isBefore(factor.blockedUntil())) {
			return Check.WAIT;
		}
		Optional<Long> step = matchingStep(factor, code);
		if (step.isPresent()) {
			this.repository.accepted(account.accountId(), step.get());
			return Check.PASSED;
		}
		if (code != null && this.repository.useRecoveryCode(account.accountId(), hash(code))) {
			this.repository.accepted(account.accountId(), factor.lastStep());
			return Check.PASSED;
		}
		int failures = factor.failures() + 1;
		Instant blockedUntil = null;
		if (failures >= FREE_FAILURES) {
			// 1, 2, 4 … minutes, at most an hour: slow for a guesser, short for the
			// owner.
			Duration wait = Duration.ofMinutes(1L << Math.min(failures - FREE_FAILURES, 6));
			blockedUntil = now.plus((wait.compareTo(LONGEST_WAIT) < 0) ? wait : LONGEST_WAIT);
		}
		this.repository.failed(account.accountId(), failures, blockedUntil);
		return Check.WRONG;
	}

	/**
	 * An administrator's reset: the account's secret and recovery codes are gone, and it
	 * sets up a new second factor at its next login (if it needs one). Nothing else of
	 * the account changes, but its open sessions end: they were opened with the factor
	 * that was perhaps lost with a phone.
	 */
	@Transactional
	void reset(long organisationId, long accountId) {
		this.repository.delete(organisationId, accountId);
		this.accounts.find(organisationId, accountId)
			.ifPresent((account) -> this.events.publishEvent(new AccessChanged(accountId, account.username())));
	}

	/**
	 * The platform operator's reset from the command line, by username: the one way for
	 * an account holding a role of the employee side, whose second factor the employer's
	 * administrator may not reset. Logged with the account's id, never its name.
	 * @return the account's id
	 * @throws IllegalArgumentException for no such account
	 */
	@Transactional
	long resetByOperator(String username) {
		CurrentAccount found = this.accounts.findForLogin(Accounts.normalise(username))
			.orElseThrow(
					() -> new IllegalArgumentException("No account with the username " + Accounts.normalise(username)));
		reset(found.organisationId(), found.accountId());
		log.info("The platform operator reset the second factor of account {} of organisation {}", found.accountId(),
				found.organisationId());
		return found.accountId();
	}

	int recoveryCodesLeft(long accountId) {
		return this.repository.recoveryCodesLeft(accountId);
	}

	private Optional<Long> matchingStep(SecondFactorRepository.Factor factor, String code) {
		String digits = (code != null) ? code.replaceAll("\\s", "") : "";
		if (!digits.matches("\\d{" + DIGITS + "}")) {
			return Optional.empty();
		}
		long current = this.clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > factor.lastStep()
					&& MessageDigest.isEqual(generate(factor.secret(), step).getBytes(StandardCharsets.US_ASCII),
							digits.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private String generate(String secret, long step) {
		try {
			return this.codes.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Could not compute a code", ex);
		}
	}

	/**
	 * Recovery codes are random (16 characters of a–z and 0–9, about 80 bits), so SHA-256
	 * is enough and a slow hash would add nothing. Case, spaces and hyphens do not count.
	 */
	static byte[] hash(String recoveryCode) {
		String normalised = recoveryCode.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		try {
			return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	enum Step {

		/** The password is enough. */
		NONE,
		/** A code from the app or a recovery code. */
		CODE,
		/** The account must set up its second factor first. */
		ENROL

	}

	enum Check {

		PASSED, WRONG,
		/** Too many wrong codes in a row: try again later. */
		WAIT

	}

}
