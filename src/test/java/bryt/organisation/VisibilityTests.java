package bryt.organisation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import bryt.BrytTest;
import bryt.organisation.OrganisationFixture.Ids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visibility rule for every role, alone and in the combinations that matter, on
 * {@link OrganisationFixture}'s organisation:
 *
 * <pre>
 * D  department   Dana
 * ├─ A  unit      Alma, Axel (left)
 * │  └─ A1 team   Arvid
 * └─ B  unit      Berit
 * </pre>
 *
 * Each expected set is read off the tree by hand: "covering A" means A and A1.
 */
@BrytTest
class VisibilityTests {

	private static final Set<String> ALL_UNITS = Set.of("D", "A", "A1", "B");

	private static final Set<String> ALL_STAFF = Set.of("Dana Ek", "Alma Ek", "Axel Ek", "Arvid Ek", "Berit Ek");

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private Organisations organisations;

	@Autowired
	private StaffDirectory directory;

	@Autowired
	private UserDetailsService users;

	@Autowired
	private JdbcClient jdbc;

	private String prefix;

	private Ids ids;

	private long alma;

	@BeforeEach
	void organisation() {
		this.prefix = "vis" + System.nanoTime();
		this.ids = this.fixture.create(this.prefix);
		this.alma = this.jdbc.sql("select id from staff where organisation_id = :org and employee_number = '2'")
			.param("org", this.ids.organisation())
			.query(Long.class)
			.single();
	}

	@Test
	void administratorsAndHrSeeEverything() {
		for (Role role : Set.of(Role.ADMINISTRATOR, Role.HR)) {
			Visibility visibility = visibility(EnumSet.of(role), null);
			assertThat(visibility.wholeOrganisation()).isTrue();
			assertThat(units(visibility)).isEqualTo(ALL_UNITS);
			assertThat(visibility.seesOrganisationFigures()).isTrue();
			assertThat(staff(visibility)).isEqualTo(ALL_STAFF);
		}
	}

	@Test
	void committeeMembersSeeEveryUnitsFiguresAndNoWorker() {
		Visibility visibility = visibility(EnumSet.of(Role.COMMITTEE_MEMBER), null);
		assertThat(units(visibility)).isEqualTo(ALL_UNITS);
		assertThat(visibility.seesOrganisationFigures()).isTrue();
		assertThat(staff(visibility)).isEmpty();
		// Linked to a staff member, a committee member still sees no worker's row.
		assertThat(staff(visibility(EnumSet.of(Role.COMMITTEE_MEMBER), Set.of(), true))).isEmpty();
	}

	@Test
	void managersAndUnionRepresentativesSeeTheirUnitsAndEverythingBelow() {
		for (Role role : Set.of(Role.MANAGER, Role.UNION_REPRESENTATIVE)) {
			Visibility a = visibility(EnumSet.of(role), Set.of(this.ids.a()));
			assertThat(units(a)).isEqualTo(Set.of("A", "A1"));
			assertThat(a.seesOrganisationFigures()).isFalse();
			assertThat(staff(a)).isEqualTo(Set.of("Alma Ek", "Axel Ek", "Arvid Ek"));
			Visibility a1AndB = visibility(EnumSet.of(role), Set.of(this.ids.a1(), this.ids.b()));
			assertThat(units(a1AndB)).isEqualTo(Set.of("A1", "B"));
			assertThat(staff(a1AndB)).isEqualTo(Set.of("Arvid Ek", "Berit Ek"));
			Visibility d = visibility(EnumSet.of(role), Set.of(this.ids.d()));
			assertThat(units(d)).isEqualTo(ALL_UNITS);
			assertThat(d.seesOrganisationFigures()).isFalse();
			assertThat(staff(d)).isEqualTo(ALL_STAFF);
			assertThat(visibility(EnumSet.of(role), Set.of()).seesNothing()).isTrue();
		}
	}

	@Test
	void staffSeeTheirOwnRowOnly() {
		Visibility linked = visibility(EnumSet.of(Role.STAFF), Set.of(), true);
		assertThat(units(linked)).isEmpty();
		assertThat(linked.seesOrganisationFigures()).isFalse();
		assertThat(staff(linked)).isEqualTo(Set.of("Alma Ek"));
		assertThat(visibility(EnumSet.of(Role.STAFF), null).seesNothing()).isTrue();
		// Linked, but without the staff role: not even one's own row.
		assertThat(visibility(EnumSet.of(Role.MANAGER), Set.of(this.ids.b()), true).ownStaffId()).isNull();
	}

	@Test
	void severalRolesSeeWhatEachSeesAndNoMore() {
		Visibility committeeAndManager = visibility(EnumSet.of(Role.COMMITTEE_MEMBER, Role.MANAGER),
				Set.of(this.ids.a()));
		assertThat(units(committeeAndManager)).isEqualTo(ALL_UNITS);
		assertThat(committeeAndManager.seesOrganisationFigures()).isTrue();
		assertThat(staff(committeeAndManager)).isEqualTo(Set.of("Alma Ek", "Axel Ek", "Arvid Ek"));
		Visibility managerAndStaff = visibility(EnumSet.of(Role.MANAGER, Role.STAFF), Set.of(this.ids.b()), true);
		assertThat(units(managerAndStaff)).isEqualTo(Set.of("B"));
		assertThat(staff(managerAndStaff)).isEqualTo(Set.of("Alma Ek", "Berit Ek"));
		Visibility hrAndManager = visibility(EnumSet.of(Role.HR, Role.MANAGER), Set.of(this.ids.a1()));
		assertThat(units(hrAndManager)).isEqualTo(ALL_UNITS);
		assertThat(staff(hrAndManager)).isEqualTo(ALL_STAFF);
	}

	@Test
	void anotherOrganisationsAccountsAndApiClientsSeeNothing() {
		Ids other = this.fixture.create(this.prefix + "x");
		CurrentAccount hr = (CurrentAccount) this.users.loadUserByUsername(this.prefix + "x-hr");
		assertThat(this.organisations.visibility(authentication(hr), this.ids.organisation()))
			.isEqualTo(Visibility.NOTHING);
		assertThat(this.organisations.visibility(new ApiClient(other.organisation(), 1), this.ids.organisation()))
			.isEqualTo(Visibility.NOTHING);
		assertThat(this.organisations.visibility(new ApiClient(this.ids.organisation(), 1), this.ids.organisation()))
			.isEqualTo(Visibility.EVERYTHING);
		assertThat(this.organisations.visibility(null, this.ids.organisation())).isEqualTo(Visibility.NOTHING);
	}

	private Visibility visibility(Set<Role> roles, Set<Long> covered) {
		return visibility(roles, covered, false);
	}

	/**
	 * Creates an account with the roles, covering the units and perhaps linked to Alma,
	 * logs it in, and checks that the staff list shows what the rule lets it see.
	 */
	private Visibility visibility(Set<Role> roles, Set<Long> covered, boolean linkedToAlma) {
		String username = this.prefix + "-" + System.nanoTime();
		this.accounts.create(this.ids.organisation(), username, "Test", roles, linkedToAlma ? this.alma : null, true,
				(covered != null) ? covered : Set.of(), "{noop}unused");
		CurrentAccount me = (CurrentAccount) this.users.loadUserByUsername(username);
		Visibility visibility = this.organisations.visibility(authentication(me), this.ids.organisation());
		Set<String> listed = this.directory.list(me, true)
			.stream()
			.map(StaffRepository.StaffListRow::name)
			.collect(Collectors.toSet());
		Map<String, Long> units = unitIds();
		assertThat(listed).as("staff list of " + roles)
			.isEqualTo(namesIn(units.entrySet()
				.stream()
				.filter((unit) -> visibility.seesStaffOf(unit.getValue()))
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet())));
		return visibility;
	}

	private static Authentication authentication(CurrentAccount me) {
		return UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities());
	}

	private Set<String> units(Visibility visibility) {
		return unitIds().entrySet()
			.stream()
			.filter((unit) -> visibility.seesUnitFigures(unit.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private Set<String> staff(Visibility visibility) {
		return this.jdbc.sql("select id, unit_id, name from staff where organisation_id = :org")
			.param("org", this.ids.organisation())
			.query((rs, n) -> visibility.seesStaffMember(rs.getLong("id"), rs.getLong("unit_id")) ? rs.getString("name")
					: null)
			.list()
			.stream()
			.filter((name) -> name != null)
			.collect(Collectors.toSet());
	}

	private Set<String> namesIn(Set<String> unitCodes) {
		Map<String, Long> units = unitIds();
		return this.jdbc.sql("select unit_id, name from staff where organisation_id = :org")
			.param("org", this.ids.organisation())
			.query((rs, n) -> {
				long unitId = rs.getLong("unit_id");
				return unitCodes.stream().anyMatch((code) -> units.get(code) == unitId) ? rs.getString("name") : null;
			})
			.list()
			.stream()
			.filter((name) -> name != null)
			.collect(Collectors.toSet());
	}

	private Map<String, Long> unitIds() {
		return Map.of("D", this.ids.d(), "A", this.ids.a(), "A1", this.ids.a1(), "B", this.ids.b());
	}

}
