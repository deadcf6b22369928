package bryt.voice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import bryt.organisation.StaffMember;
import bryt.organisation.StaffRole;
import bryt.organisation.Unit;
import bryt.organisation.UnitLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallUnitsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	@Test
	void aUnitIsSmallBelowTenStaffEmployedTodayCountingTheUnitsBelowIt() {
		// Area 1 holds team 2 (6 today, 1 left last year) and team 3 (5): 11 in all.
		List<Unit> units = List.of(unit(1, null), unit(2, 1L), unit(3, 1L), unit(4, null));
		List<StaffMember> staff = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			staff.add(member(staff.size(), 2, null));
		}
		staff.add(member(staff.size(), 2, LocalDate.of(2025, 6, 30)));
		for (int i = 0; i < 5; i++) {
			staff.add(member(staff.size(), 3, null));
		}
		for (int i = 0; i < 10; i++) {
			staff.add(member(staff.size(), 4, null));
		}
		assertThat(SmallUnits.of(units, staff, TODAY)).containsExactlyInAnyOrder(2L, 3L);
	}

	private static Unit unit(long id, Long parent) {
		return new Unit(id, 1, "u" + id, "Unit " + id, UnitLevel.values()[0], parent);
	}

	private static StaffMember member(long id, long unit, LocalDate end) {
		return new StaffMember(id, 1, "e" + id, "Member " + id, unit, StaffRole.values()[0], BigDecimal.ONE,
				LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1), end, null);
	}

}
