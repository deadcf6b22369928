package bryt.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.StaffRepository.StaffListRow;

import org.springframework.stereotype.Service;

/**
 * Who sees which staff, as {@link Visibility} decides: HR and administrators the whole
 * organisation; managers and union representatives the units they cover, with everything
 * below them; everyone else only their own record.
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

	/**
	 * What the account may see of its organisation: the rule is {@link Visibility#of}.
	 */
	Visibility visibility(CurrentAccount me) {
		boolean covers = Role.covers(me.roles());
		return Visibility.of(me.roles(), me.staffId().orElse(null), covers ? Set.copyOf(coveredUnitIds(me)) : Set.of());
	}

	List<StaffListRow> list(CurrentAccount me, boolean includeFormer) {
		Visibility visibility = visibility(me);
		return this.staff.list(me.organisationId(),
				visibility.wholeOrganisation() ? null : List.copyOf(visibility.coveredUnits()), includeFormer,
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

	private List<Long> coveredUnitIds(CurrentAccount me) {
		return this.units.subtreeIds(me.organisationId(), this.accounts.coveredUnitIds(me.accountId()));
	}

}
