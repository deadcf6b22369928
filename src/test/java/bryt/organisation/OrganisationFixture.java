package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import bryt.ServerDay;
import bryt.shared.DemoMode;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A small organisation whose contents a test can count by hand:
 *
 * <pre>
 * D  department   Dana Ek (unit manager)
 * ├─ A  unit      Alma Ek, Axel Ek (left last year)
 * │  └─ A1 team   Arvid Ek
 * └─ B  unit      Berit Ek
 * </pre>
 *
 * Accounts ({@code <prefix>-manager} covering A, {@code <prefix>-union} covering D,
 * {@code <prefix>-staff} linked to Alma Ek, {@code <prefix>-hr}) all have the password
 * {@value DemoMode#PASSWORD}.
 */
@Component
class OrganisationFixture {

	private final OrganisationRepository organisations;

	private final UnitRepository units;

	private final StaffRepository staff;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	OrganisationFixture(OrganisationRepository organisations, UnitRepository units, StaffRepository staff,
			AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.organisations = organisations;
		this.units = units;
		this.staff = staff;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	Ids create(String prefix) {
		LocalDate today = ServerDay.today();
		long org = this.organisations.create(prefix, "Testkommun " + prefix, Country.DK);
		long d = this.units.create(org, "D", "Afdeling D", UnitLevel.DEPARTMENT, null);
		long a = this.units.create(org, "A", "Enhed A", UnitLevel.UNIT, d);
		long a1 = this.units.create(org, "A1", "Team A1", UnitLevel.TEAM, a);
		long b = this.units.create(org, "B", "Enhed B", UnitLevel.UNIT, d);
		hire(org, "1", "Dana Ek", d, StaffRole.UNIT_MANAGER, today.minusYears(5), null, null);
		long alma = hire(org, "2", "Alma Ek", a, StaffRole.SOCIAL_WORKER, today.minusYears(2), null, null);
		hire(org, "3", "Axel Ek", a, StaffRole.SOCIAL_WORKER, today.minusYears(3), today.minusYears(1),
				EndReason.RESIGNED);
		hire(org, "4", "Arvid Ek", a1, StaffRole.SOCIAL_WORKER, today.minusMonths(3), null, null);
		hire(org, "5", "Berit Ek", b, StaffRole.FIRST_LINE_LEAD, today.minusYears(4), null, null);
		String hash = this.passwordEncoder.encode(DemoMode.PASSWORD);
		this.accounts.create(org, prefix + "-manager", "Manager A", EnumSet.of(Role.MANAGER), null, true, Set.of(a),
				hash);
		this.accounts.create(org, prefix + "-union", "Union D", EnumSet.of(Role.UNION_REPRESENTATIVE), null, true,
				Set.of(d), hash);
		this.accounts.create(org, prefix + "-staff", "Alma", EnumSet.of(Role.STAFF), alma, true, Set.of(), hash);
		this.accounts.create(org, prefix + "-hr", "HR", EnumSet.of(Role.HR), null, true, Set.of(), hash);
		return new Ids(org, d, a, a1, b);
	}

	private long hire(long org, String number, String name, long unit, StaffRole role, LocalDate start, LocalDate end,
			EndReason reason) {
		return this.staff.create(org,
				new StaffForm(number, name, unit, role, BigDecimal.ONE, start, start, end, reason));
	}

	record Ids(long organisation, long d, long a, long a1, long b) {
	}

}
