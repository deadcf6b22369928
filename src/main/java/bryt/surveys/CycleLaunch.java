package bryt.surveys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches an annual survey or a pulse: the units as they are (the groups answers count
 * in), one invitation per current staff member, stored only as the HMAC of its random
 * token with the member's unit and tenure band, in a shuffled order, and no person. The
 * tokens leave this class only in the returned {@link Launched}: the links to mail and
 * the paper codes to print, which are never stored.
 */
@Service
class CycleLaunch {

	private static final SecureRandom SHUFFLE = new SecureRandom();

	private final CycleRepository cycles;

	private final Organisations organisations;

	private final InvitationKey key;

	private final SurveysProperties properties;

	private final Clock clock;

	CycleLaunch(CycleRepository cycles, Organisations organisations, InvitationKey key, SurveysProperties properties,
			Clock clock) {
		this.cycles = cycles;
		this.organisations = organisations;
		this.key = key;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws CycleRefusedException for an instrument the organisation cannot use or one
	 * made for the exit survey, dates out of order or in the past, or nobody employed on
	 * the opening day
	 * @param mailAvailable whether a mail server is configured: if not, everyone gets a
	 * paper code
	 */
	@Transactional
	Launched launch(long organisationId, CycleCommand command, boolean mailAvailable) {
		LocalDate today = LocalDate.now(this.clock);
		if (command.program().exit()) {
			throw new CycleRefusedException("surveys.cycle.error.program");
		}
		if (!this.cycles.instrumentVisible(organisationId, command.instrumentId())) {
			throw new CycleRefusedException("surveys.cycle.error.instrument");
		}
		// Bryt's exit survey asks why someone left: it means nothing to staff who stay,
		// and its answers would count among the leavers' in no exit result.
		if (this.cycles.exitInstrument(command.instrumentId())) {
			throw new CycleRefusedException("surveys.cycle.error.instrumentForExit");
		}
		if (command.opensOn().isBefore(today)) {
			throw new CycleRefusedException("surveys.cycle.error.opensInThePast");
		}
		if (command.closesOn().isBefore(command.opensOn())) {
			throw new CycleRefusedException("surveys.cycle.error.closesBeforeOpens");
		}
		LocalDate on = command.opensOn();
		// Nobody gets more than one survey per pulseGapDays (exit surveys excepted).
		Set<Long> recent = this.cycles.recentlyInvited(organisationId, on, this.properties.pulseGapDays());
		List<StaffMember> invited = new ArrayList<>();
		int skipped = 0;
		for (StaffMember member : this.organisations.staff(organisationId)) {
			if (!member.employedOn(on)) {
				continue;
			}
			if (recent.contains(member.id())) {
				skipped++;
				continue;
			}
			invited.add(member);
		}
		// Nobody employed on the opening day: a cycle would invite nobody and could never
		// show a result, so none is made. (Everyone left out by the gap above is another
		// case: they are counted and told.)
		if (invited.isEmpty() && skipped == 0) {
			throw new CycleRefusedException("surveys.cycle.error.noStaff");
		}
		long cycleId = this.cycles.createCycle(organisationId, command.program(), command.instrumentId(), on,
				command.closesOn());
		Map<Long, Integer> perUnit = new HashMap<>();
		invited.forEach((member) -> perUnit.merge(member.on(on).unitId(), 1, Integer::sum));
		for (Unit unit : this.organisations.units(organisationId)) {
			this.cycles.addGroup(cycleId, unit.id(), unit.parentId(), unit.name(), perUnit.getOrDefault(unit.id(), 0));
		}
		// Without a mail server every invitation is a paper code: a code meant for a mail
		// that is never sent would be gone, and its person shut out for the pulse gap.
		Map<Long, String> emails = mailAvailable ? this.organisations.workEmails(organisationId) : Map.of();
		List<Invitation> invitations = new ArrayList<>();
		List<Launched.Mail> mails = new ArrayList<>();
		List<Launched.PaperCode> paper = new ArrayList<>();
		Map<Long, String> unitNames = new HashMap<>();
		this.organisations.units(organisationId).forEach((unit) -> unitNames.put(unit.id(), unit.name()));
		for (StaffMember member : invited) {
			InvitationCode code = InvitationCode.random();
			long unitId = member.on(on).unitId();
			String email = emails.get(member.id());
			if (email != null) {
				invitations.add(new Invitation(this.key.hmac(code), unitId, tenureBand(member.employmentStart(), on)));
				mails.add(new Launched.Mail(email, code));
			}
			else {
				// A paper slip is handed out unlinked within its unit (the page groups
				// the
				// slips by unit), so it cannot carry its person's tenure band: whoever
				// draws it is counted in the unit, without a band.
				invitations.add(new Invitation(this.key.hmac(code), unitId, null));
				paper.add(new Launched.PaperCode(unitNames.getOrDefault(unitId, ""), code));
			}
		}
		// The rows' order says nothing about whom they were made for.
		Collections.shuffle(invitations, SHUFFLE);
		for (Invitation invitation : invitations) {
			this.cycles.addInvitation(cycleId, invitation.hmac(), invitation.unitId(), invitation.tenureBand());
		}
		this.cycles.addRecipients(cycleId, invited.stream().map(StaffMember::id).sorted().toList());
		this.cycles.setInvited(cycleId, invited.size());
		Collections.shuffle(paper, SHUFFLE);
		// by unit, shuffled within each
		paper.sort(java.util.Comparator.comparing(Launched.PaperCode::unitName));
		Collections.shuffle(mails, SHUFFLE);
		return new Launched(cycleId, invited.size(), skipped, List.copyOf(mails), List.copyOf(paper));
	}

	/**
	 * Years employed here at the cycle's opening, in the bands results may break down by.
	 */
	static String tenureBand(LocalDate employmentStart, LocalDate on) {
		int years = employmentStart.isAfter(on) ? 0 : Period.between(employmentStart, on).getYears();
		if (years < 1) {
			return "under_1";
		}
		if (years < 3) {
			return "1_3";
		}
		return (years < 10) ? "3_10" : "10_plus";
	}

	private record Invitation(byte[] hmac, long unitId, String tenureBand) {
	}

	/**
	 * A launched cycle. The codes are here once, to be mailed or printed, and are kept
	 * nowhere.
	 *
	 * @param skipped staff left out because they had another survey within the gap
	 */
	record Launched(long cycleId, int invited, int skipped, List<Mail> mails, List<PaperCode> paperCodes) {

		/** A paper slip's code and the unit whose staff it is handed out to. */
		record PaperCode(String unitName, InvitationCode code) {

			@Override
			public String toString() {
				return "PaperCode[***]";
			}

		}

		record Mail(String email, InvitationCode code) {

			@Override
			public String toString() {
				return "Mail[***]";
			}

		}

	}

}
