package bryt.organisation;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import bryt.ServerDay;
import bryt.BrytTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code staff_period}'s exclusion constraint (migration V22): no two periods of one
 * member overlap. The staff page and import write periods that follow one another, so a
 * user cannot reach the constraint; it refuses what a faulty write would do.
 */
@BrytTest
class StaffPeriodOverlapTests {

	@Autowired
	private OrganisationFixture fixture;

	@Autowired
	private StaffRepository staff;

	@Autowired
	private StaffChanges changes;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void refusesAPeriodThatOverlapsAnotherOfTheSameMember() {
		OrganisationFixture.Ids ids = this.fixture.create("overlap-1");
		long member = member(ids, "2");
		// Alma Ek's one open period runs from two years ago; one from last month to next
		// month overlaps it (a second open one the index of open periods refuses first).
		assertThatThrownBy(
				() -> insertPeriod(ids, member, ServerDay.today().minusMonths(1), ServerDay.today().plusMonths(1)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("staff_period_no_overlap")
			.cause()
			.isInstanceOfSatisfying(SQLException.class, (ex) -> assertThat(ex.getSQLState()).isEqualTo("23P01"));
		// Also a closed one inside the open one.
		assertThatThrownBy(
				() -> insertPeriod(ids, member, ServerDay.today().minusYears(1), ServerDay.today().minusMonths(6)))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("staff_period_no_overlap");
	}

	@Test
	void acceptsPeriodsThatMeetAndOtherMembersPeriods() {
		OrganisationFixture.Ids ids = this.fixture.create("overlap-2");
		long alma = member(ids, "2");
		LocalDate start = this.staff.find(ids.organisation(), alma).orElseThrow().employmentStart();
		LocalDate cut = start.plusMonths(6);
		this.jdbc.sql("update staff_period set valid_to = :cut where staff_id = :id")
			.param("cut", cut)
			.param("id", alma)
			.update();
		// valid_to is exclusive: the next period may start on the day the previous ends.
		insertPeriod(ids, alma, cut, null);
		// Another member's periods over the same dates are theirs.
		assertThat(periods(member(ids, "4"))).hasSize(1);
		assertThat(periods(alma)).containsExactly(start + ".." + cut, cut + "..");
	}

	@Test
	void keepsThePagesChangesFreeOfOverlaps() {
		OrganisationFixture.Ids ids = this.fixture.create("overlap-3");
		long alma = member(ids, "2");
		LocalDate start = this.staff.find(ids.organisation(), alma).orElseThrow().employmentStart();
		LocalDate today = ServerDay.today();
		// A move today, an FTE change in a month, a second change that month, then the
		// employment start moved past the first change and back before it: each is
		// written without tripping the constraint.
		this.changes.update(ids.organisation(), alma, form("2", ids.b(), "1", start), today);
		this.changes.update(ids.organisation(), alma, form("2", ids.b(), "0.5", start), today.plusMonths(1));
		this.changes.update(ids.organisation(), alma, form("2", ids.a(), "0.5", start), today.plusMonths(1));
		this.changes.update(ids.organisation(), alma, form("2", ids.a(), "0.5", today.plusDays(1)),
				today.plusMonths(1));
		this.changes.update(ids.organisation(), alma, form("2", ids.a(), "0.5", start.minusYears(1)),
				today.plusMonths(1));
		assertThat(periods(alma)).containsExactly(start.minusYears(1) + ".." + today.plusMonths(1),
				today.plusMonths(1) + "..");
	}

	private StaffForm form(String number, long unit, String fte, LocalDate employment) {
		return new StaffForm(number, "Alma Ek", unit, StaffRole.SOCIAL_WORKER, new BigDecimal(fte), employment,
				employment, null, null);
	}

	private long member(OrganisationFixture.Ids ids, String number) {
		return this.staff.findAll(ids.organisation())
			.stream()
			.filter((m) -> m.employeeNumber().equals(number))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private void insertPeriod(OrganisationFixture.Ids ids, long member, LocalDate from, LocalDate to) {
		this.jdbc.sql("""
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from, valid_to)
				values (:org, :id, :unit, 'SOCIAL_WORKER', 1, :from, :to)
				""")
			.param("org", ids.organisation())
			.param("id", member)
			.param("unit", ids.a())
			.param("from", from)
			.param("to", to)
			.update();
	}

	private List<String> periods(long member) {
		return this.jdbc.sql("select valid_from, valid_to from staff_period where staff_id = :id order by valid_from")
			.param("id", member)
			.query((rs, n) -> rs.getObject("valid_from", LocalDate.class) + ".."
					+ ((rs.getObject("valid_to") != null) ? rs.getObject("valid_to", LocalDate.class) : ""))
			.list();
	}

}
