package bryt.surveys;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exit survey's two stages. The first invites each leaver once, by work address, into
 * the {@code exit_first} cycle of the current month, as soon as an end date that is not
 * past is registered. After answering, a leaver may leave a private address (a separate
 * request and transaction: nothing joins it to the answer); it is kept encrypted until
 * the second stage, 90 days after the end date, when it is used once and deleted.
 */
@Service
class ExitSurveys {

	/** Days from the last day of employment to the second stage. */
	static final int SECOND_STAGE_DAYS = 90;

	/**
	 * How many days after their end date a leaver whose leaving was registered late is
	 * still invited: the work address may well still reach them, and the second stage
	 * needs the first.
	 */
	static final int LATE_DAYS = 30;

	private static final SecureRandom SHUFFLE = new SecureRandom();

	private final ExitRepository exits;

	private final CycleRepository cycles;

	private final Organisations organisations;

	private final InvitationKey key;

	private final ExitAddressKey addressKey;

	ExitSurveys(ExitRepository exits, CycleRepository cycles, Organisations organisations, InvitationKey key,
			ExitAddressKey addressKey) {
		this.exits = exits;
		this.cycles = cycles;
		this.organisations = organisations;
		this.key = key;
		this.addressKey = addressKey;
	}

	/**
	 * Invites an organisation's leavers not invited before: those whose end date is today
	 * or later, or at most {@value #LATE_DAYS} days past (a leaving registered late).
	 * Leavers without a work address are counted on the month's cycle, not invited, and
	 * not remembered: given an address later, they are invited at the next run.
	 * @return the cycle and the mails to send once committed; empty when nobody is new
	 */
	@Transactional
	Optional<Invitations> inviteLeavers(long organisationId, LocalDate today) {
		return inviteLeavers(organisationId, today, LocalDate.MAX, this.organisations.workEmails(organisationId));
	}

	/**
	 * Invites the leavers whose end date is from {@value #LATE_DAYS} days before
	 * {@code today} to {@code lastEnd}, with the given work addresses: for the demo data
	 * ({@link DemoSurveys}), whose leavers left month by month in the past and whose
	 * made-up addresses are never mailed. Package-private, never reached from a route.
	 */
	@Transactional
	Optional<Invitations> inviteLeavers(long organisationId, LocalDate today, LocalDate lastEnd,
			Map<Long, String> emails) {
		Set<Long> done = this.exits.firstStageRecipients(organisationId);
		List<StaffMember> leavers = this.organisations.staff(organisationId)
			.stream()
			.filter((member) -> member.endDate() != null && !member.endDate().isBefore(today.minusDays(LATE_DAYS))
					&& !member.endDate().isAfter(lastEnd))
			.filter((member) -> !done.contains(member.id()))
			.toList();
		Optional<Long> instrument = this.exits.exitInstrument();
		if (leavers.isEmpty() || instrument.isEmpty()) {
			return Optional.empty();
		}
		long cycleId = monthCycle(organisationId, CycleProgram.EXIT_FIRST, instrument.get(), today);
		List<Invitation> invitations = new ArrayList<>();
		List<CycleLaunch.Launched.Mail> mails = new ArrayList<>();
		int withoutAddress = 0;
		for (StaffMember member : leavers) {
			String email = emails.get(member.id());
			if (email == null) {
				withoutAddress++;
				continue;
			}
			InvitationCode code = InvitationCode.random();
			LocalDate end = member.endDate();
			invitations.add(new Invitation(this.key.hmac(code), member.on(end).unitId(),
					CycleLaunch.tenureBand(member.employmentStart(), end), end.plusDays(SECOND_STAGE_DAYS)));
			mails.add(new CycleLaunch.Launched.Mail(email, code));
		}
		// As at a launch: the invitations' order says nothing about whom they were for.
		Collections.shuffle(invitations, SHUFFLE);
		for (Invitation invitation : invitations) {
			addInvitation(organisationId, cycleId, invitation.hmac(), invitation.unitId(), invitation.tenureBand(),
					invitation.sendOn());
		}
		this.cycles.addRecipients(cycleId,
				leavers.stream()
					.filter((member) -> emails.containsKey(member.id()))
					.map(StaffMember::id)
					.sorted()
					.toList());
		this.exits.countWithoutAddress(cycleId, withoutAddress);
		Collections.shuffle(mails, SHUFFLE);
		return Optional.of(new Invitations(cycleId, List.copyOf(mails)));
	}

	/**
	 * Keeps a private address for the second stage, given the code of an answered
	 * first-stage invitation (once per invitation).
	 * @return the deletion token, shown once; empty when the code opens no such
	 * invitation
	 */
	@Transactional
	Optional<InvitationCode> leaveAddress(InvitationCode code, String address) {
		byte[] hmac = this.key.hmac(code);
		Optional<ExitRepository.Pending> pending = this.exits.pending(hmac, this.key.usedMark(code));
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		this.exits.clearSendOn(hmac);
		InvitationCode deletion = InvitationCode.random();
		this.exits.addAddress(UUID.randomUUID(), pending.get(), this.addressKey.encrypt(address),
				this.key.hmac(deletion));
		return Optional.of(deletion);
	}

	/**
	 * Whether the code is an answered first-stage invitation that may still leave an
	 * address (read only: a form sent back with a mistake must not thank the holder of
	 * any other code).
	 */
	@Transactional(readOnly = true)
	boolean awaitsAddress(InvitationCode code) {
		return this.exits.awaitsAddress(this.key.hmac(code), this.key.usedMark(code));
	}

	/** Deletes an address by its deletion token; whether there was one. */
	@Transactional
	boolean deleteAddress(InvitationCode deletion) {
		return this.exits.deleteByToken(this.key.hmac(deletion));
	}

	/**
	 * The second stage's invitations due today, each in its organisation's
	 * {@code exit_second} cycle of the month; the addresses are deleted in the same
	 * transaction, so a crash before the mail sends too few rather than twice.
	 * @return per cycle, the mails to send once committed
	 */
	@Transactional
	List<Invitations> secondStage(LocalDate today) {
		Optional<Long> instrument = this.exits.exitInstrument();
		if (instrument.isEmpty()) {
			return List.of();
		}
		Map<Long, List<CycleLaunch.Launched.Mail>> byCycle = new java.util.LinkedHashMap<>();
		for (ExitRepository.Address address : this.exits.due(today)) {
			long cycleId = monthCycle(address.organisationId(), CycleProgram.EXIT_SECOND, instrument.get(), today);
			InvitationCode code = InvitationCode.random();
			addInvitation(address.organisationId(), cycleId, this.key.hmac(code), address.unitId(),
					address.tenureBand(), null);
			byCycle.computeIfAbsent(cycleId, (id) -> new ArrayList<>())
				.add(new CycleLaunch.Launched.Mail(this.addressKey.decrypt(address.encrypted()), code));
			this.exits.deleteAddress(address.id());
		}
		return byCycle.entrySet().stream().map((e) -> new Invitations(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * Makes this month's cycle of both stages if they are not there yet, so that a month
	 * that may still take exit answers always has an open cycle, and no exit window that
	 * holds it is taken as final before it closes ({@code SurveyFigures}).
	 */
	@Transactional
	void openMonth(long organisationId, LocalDate today) {
		Optional<Long> instrument = this.exits.exitInstrument();
		if (instrument.isPresent()) {
			monthCycle(organisationId, CycleProgram.EXIT_FIRST, instrument.get(), today);
			monthCycle(organisationId, CycleProgram.EXIT_SECOND, instrument.get(), today);
		}
	}

	/**
	 * The stage's cycle of the month, made on demand: it opens on the first and closes at
	 * the end of the next month, so a leaver invited late in a month still has a month to
	 * answer, and no answer is dated finer than its month.
	 */
	private long monthCycle(long organisationId, CycleProgram program, long instrumentId, LocalDate today) {
		LocalDate first = today.withDayOfMonth(1);
		this.exits.lockOrganisation(organisationId);
		Optional<Long> existing = this.exits.cycle(organisationId, program, first);
		if (existing.isPresent()) {
			return existing.get();
		}
		long cycleId = this.cycles.createCycle(organisationId, program, instrumentId, first,
				first.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()));
		// The units as they are (as at a launch); a unit made later joins when invited.
		for (Unit unit : this.organisations.units(organisationId)) {
			this.exits.addGroup(cycleId, unit.id(), unit.parentId(), unit.name());
		}
		return cycleId;
	}

	private void addInvitation(long organisationId, long cycleId, byte[] hmac, long unitId, String tenureBand,
			LocalDate sendOn) {
		Map<Long, Unit> units = this.organisations.units(organisationId)
			.stream()
			.collect(Collectors.toMap(Unit::id, Function.identity()));
		Unit unit = units.get(unitId);
		if (unit != null) {
			this.exits.addGroup(cycleId, unit.id(), unit.parentId(), unit.name());
		}
		this.exits.addInvitation(cycleId, hmac, unitId, tenureBand, sendOn);
		this.exits.countInvited(cycleId, unitId);
	}

	private record Invitation(byte[] hmac, long unitId, String tenureBand, LocalDate sendOn) {
	}

	/** Invitations of a cycle to mail once committed. */
	record Invitations(long cycleId, List<CycleLaunch.Launched.Mail> mails) {
	}

}
