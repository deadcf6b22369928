package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.StaffRepository.StaffListRow;

import org.springframework.stereotype.Service;

/**
 * Who sees which staff: HR and administrators the whole organisation; managers and union
 * representatives the units they cover, with everything below them; everyone else only
 * their own record.
 */
@Service
class StaffDirectory {

	private final StaffRepository staff;

	private final UnitRepository units;

	private final AccountRepository accounts;

	private final Clock clock;

	StaffDirectory(StaffRepository staff, UnitRepository units, AccountRepository accounts, Clock clock) {
		this.staff = staff;
		this.units = units;
		this.accounts = accounts;
		this.clock = clock;
	}

	static boolean seesWholeOrganisation(CurrentAccount me) {
		return me.has(Role.HR) || me.has(Role.ADMINISTRATOR);
	}

	List<StaffListRow> list(CurrentAccount me, boolean includeFormer) {
		return this.staff.list(me.organisationId(), visibleUnitIds(me).orElse(null), includeFormer,
				LocalDate.now(this.clock));
	}

	Optional<StaffListRow> ownRecord(CurrentAccount me) {
		return me.staffId().flatMap((id) -> this.staff.row(me.organisationId(), id));
	}

	/** The units an account covers, with everything below them, in tree order. */
	List<Unit> coveredUnits(CurrentAccount me) {
		Set<Long> covered = Set.copyOf(coveredUnitIds(me));
		return this.units.findTree(me.organisationId()).stream().filter((unit) -> covered.contains(unit.id())).toList();
	}

	/** Empty when the account sees the whole organisation. */
	Optional<List<Long>> visibleUnitIds(CurrentAccount me) {
		if (seesWholeOrganisation(me)) {
			return Optional.empty();
		}
		if (me.has(Role.MANAGER) || me.has(Role.UNION_REPRESENTATIVE)) {
			return Optional.of(coveredUnitIds(me));
		}
		return Optional.of(List.of());
	}

	private List<Long> coveredUnitIds(CurrentAccount me) {
		return this.units.subtreeIds(me.organisationId(), this.accounts.coveredUnitIds(me.accountId()));
	}

}
