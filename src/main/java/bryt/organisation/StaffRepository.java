package bryt.organisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private static final String COLUMNS = """
			id, organisation_id, employee_number, name, unit_id, role, fte, experience_start,
			employment_start, end_date, end_reason
			""";

	private static final String PERIOD_COLUMNS = "staff_id, unit_id, role, fte, valid_from, valid_to";

	private static final String LIST_ROW = """
			select s.id, s.employee_number, s.name, u.name as unit_name, s.role, s.fte,
				s.employment_start, s.end_date, s.end_reason
			from staff s join unit u on u.id = s.unit_id
			""";

	private final JdbcClient jdbc;

	StaffRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StaffMember> find(long organisationId, long id) {
		Map<Long, List<StaffPeriod>> periods = periods(organisationId, id);
		return this.jdbc.sql("select " + COLUMNS + " from staff where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query((rs, n) -> member(rs, periods))
			.optional();
	}

	Optional<StaffListRow> row(long organisationId, long id) {
		return this.jdbc.sql(LIST_ROW + " where s.organisation_id = :org and s.id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(StaffListRow.class)
			.optional();
	}

	/** Every staff member with their periods, in two queries. */
	List<StaffMember> findAll(long organisationId) {
		Map<Long, List<StaffPeriod>> periods = periods(organisationId, null);
		return this.jdbc.sql("select " + COLUMNS + " from staff where organisation_id = :org order by id")
			.param("org", organisationId)
			.query((rs, n) -> member(rs, periods))
			.list();
	}

	/**
	 * Every name of the organisation's people in one query: each staff member's, current
	 * or former, and each account's display name, disabled accounts included.
	 */
	List<String> personNames(long organisationId) {
		return this.jdbc.sql("""
				select name from staff where organisation_id = :org
				union
				select display_name from account where organisation_id = :org
				""").param("org", organisationId).query(String.class).list();
	}

	/** The staff of every organisation with their periods, in two queries. */
	List<StaffMember> findEveryOrganisation() {
		Map<Long, List<StaffPeriod>> periods = new HashMap<>();
		this.jdbc.sql("select " + PERIOD_COLUMNS + " from staff_period order by staff_id, valid_from")
			.query((RowCallbackHandler) (rs) -> addPeriod(periods, rs));
		return this.jdbc.sql("select " + COLUMNS + " from staff order by organisation_id, id")
			.query((rs, n) -> member(rs, periods))
			.list();
	}

	/**
	 * The periods of the organisation's staff ({@code staffId} null) or of one member.
	 */
	private Map<Long, List<StaffPeriod>> periods(long organisationId, Long staffId) {
		Map<Long, List<StaffPeriod>> periods = new HashMap<>();
		this.jdbc.sql("select " + PERIOD_COLUMNS + """
				 from staff_period
				where organisation_id = :org and (cast(:staff as bigint) is null or staff_id = :staff)
				order by staff_id, valid_from
				""")
			.param("org", organisationId)
			.param("staff", staffId)
			.query((RowCallbackHandler) (rs) -> addPeriod(periods, rs));
		return periods;
	}

	private static void addPeriod(Map<Long, List<StaffPeriod>> periods, ResultSet rs) throws SQLException {
		periods.computeIfAbsent(rs.getLong("staff_id"), (id) -> new ArrayList<>())
			.add(new StaffPeriod(rs.getLong("unit_id"), StaffRole.valueOf(rs.getString("role")),
					rs.getBigDecimal("fte"), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class)));
	}

	private static StaffMember member(ResultSet rs, Map<Long, List<StaffPeriod>> periods) throws SQLException {
		long id = rs.getLong("id");
		String endReason = rs.getString("end_reason");
		return new StaffMember(id, rs.getLong("organisation_id"), rs.getString("employee_number"), rs.getString("name"),
				rs.getLong("unit_id"), StaffRole.valueOf(rs.getString("role")), rs.getBigDecimal("fte"),
				rs.getObject("experience_start", LocalDate.class), rs.getObject("employment_start", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), (endReason != null) ? EndReason.valueOf(endReason) : null,
				periods.getOrDefault(id, List.of()));
	}

	boolean employeeNumberTaken(long organisationId, String employeeNumber, Long exceptId) {
		return this.jdbc.sql("""
				select exists (select 1 from staff
				where organisation_id = :org and employee_number = :number and id is distinct from :except)
				""")
			.param("org", organisationId)
			.param("number", employeeNumber)
			.param("except", exceptId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Staff of the whole organisation ({@code unitIds} null) or of the given units, by
	 * name.
	 */
	List<StaffListRow> list(long organisationId, List<Long> unitIds, boolean includeFormer, LocalDate today) {
		if (unitIds != null && unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(LIST_ROW + """
				where s.organisation_id = :org
					and (cast(:all as boolean) or s.unit_id in (:units))
					and (cast(:former as boolean) or s.end_date is null or s.end_date >= :today)
				order by s.name, s.employee_number
				""")
			.param("org", organisationId)
			.param("all", unitIds == null)
			.param("units", (unitIds != null) ? unitIds : List.of(-1L))
			.param("former", includeFormer)
			.param("today", today)
			.query(StaffListRow.class)
			.list();
	}

	/** Current staff per department: headcount and full-time equivalents. */
	List<DepartmentHeadcount> headcountPerDepartment(long organisationId, LocalDate today) {
		return this.jdbc.sql("""
				with recursive dept as (
					select id, id as department_id from unit where organisation_id = :org and parent_id is null
					union all
					select u.id, d.department_id from unit u join dept d on u.parent_id = d.id
				)
				select d.name, count(s.id) as headcount, coalesce(sum(s.fte), 0) as fte
				from unit d
				left join dept on dept.department_id = d.id
				left join staff s on s.unit_id = dept.id
					and s.employment_start <= :today and (s.end_date is null or s.end_date >= :today)
				where d.organisation_id = :org and d.parent_id is null
				group by d.id, d.name
				order by d.name
				""").param("org", organisationId).param("today", today).query(DepartmentHeadcount.class).list();
	}

	/** Creates a staff member and their first period, from their employment start. */
	long create(long organisationId, StaffForm form) {
		return this.jdbc.sql("""
				with member as (
					insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
						employment_start, end_date, end_reason)
					values (:org, :number, :name, :unit, :role, :fte, :experience, :employment, :end, :reason)
					returning id, organisation_id, unit_id, role, fte, employment_start
				)
				insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
				select organisation_id, id, unit_id, role, fte, employment_start from member
				returning staff_id
				""").params(params(organisationId, form)).query(Long.class).single();
	}

	/**
	 * Updates a staff member. A change of unit, role or FTE closes the open period on
	 * {@code changedOn} and opens a new one from it; a second change on the same day (or
	 * one before the open period begins) changes the open period instead, and one that
	 * returns to the previous period's values joins it again. A changed employment start
	 * moves the start of the first period with it (dropping periods that would end by
	 * then), so the periods always cover the employment from its first day.
	 */
	void update(long organisationId, long id, StaffForm form, LocalDate changedOn) {
		Map<String, Object> params = params(organisationId, form);
		params.put("id", id);
		this.jdbc.sql("""
				update staff set employee_number = :number, name = :name, unit_id = :unit, role = :role, fte = :fte,
					experience_start = :experience, employment_start = :employment, end_date = :end,
					end_reason = :reason
				where organisation_id = :org and id = :id
				""").params(params).update();
		moveFirstPeriod(params);
		StaffPeriod open = this.jdbc.sql("""
				select unit_id, role, fte, valid_from, valid_to from staff_period
				where organisation_id = :org and staff_id = :id and valid_to is null
				""").params(params).query(StaffPeriod.class).single();
		// FTE as the database stores it (three decimals), so that equal values compare
		// equal.
		if (open.unitId() == form.unitId() && open.role() == form.role()
				&& open.fte().compareTo(form.fte().setScale(3, RoundingMode.HALF_UP)) == 0) {
			return;
		}
		if (open.validFrom().isBefore(changedOn)) {
			this.jdbc.sql("""
					update staff_period set valid_to = :changed
					where organisation_id = :org and staff_id = :id and valid_to is null
					""").params(params).param("changed", changedOn).update();
			this.jdbc.sql("""
					insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
					values (:org, :id, :unit, :role, :fte, :changed)
					""").params(params).param("changed", changedOn).update();
			return;
		}
		this.jdbc.sql("""
				update staff_period set unit_id = :unit, role = :role, fte = :fte
				where organisation_id = :org and staff_id = :id and valid_to is null
				""").params(params).update();
		// A change taken back on the same day leaves no period of its own.
		int joined = this.jdbc.sql("""
				delete from staff_period p
				using staff_period previous
				where p.organisation_id = :org and p.staff_id = :id and p.valid_to is null
					and previous.staff_id = p.staff_id and previous.valid_to = p.valid_from
					and previous.unit_id = p.unit_id and previous.role = p.role and previous.fte = p.fte
				""").params(params).update();
		if (joined > 0) {
			this.jdbc.sql("""
					update staff_period set valid_to = null
					where organisation_id = :org and staff_id = :id
						and valid_from = (select max(valid_from) from staff_period where staff_id = :id)
					""").params(params).update();
		}
	}

	private void moveFirstPeriod(Map<String, Object> params) {
		this.jdbc.sql("""
				delete from staff_period
				where organisation_id = :org and staff_id = :id and valid_to <= :employment
				""").params(params).update();
		this.jdbc.sql("""
				update staff_period set valid_from = :employment
				where organisation_id = :org and staff_id = :id
					and valid_from = (select min(valid_from) from staff_period where staff_id = :id)
					and valid_from <> :employment
				""").params(params).update();
	}

	private static Map<String, Object> params(long organisationId, StaffForm form) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", organisationId);
		params.put("number", form.employeeNumber().strip());
		params.put("name", form.name().strip());
		params.put("unit", form.unitId());
		params.put("role", form.role().name());
		params.put("fte", form.fte());
		params.put("experience", form.experienceStart());
		params.put("employment", form.employmentStart());
		params.put("end", form.endDate());
		params.put("reason", (form.endReason() != null) ? form.endReason().name() : null);
		return params;
	}

	record StaffListRow(long id, String employeeNumber, String name, String unitName, StaffRole role, BigDecimal fte,
			LocalDate employmentStart, LocalDate endDate, EndReason endReason) {
	}

	record DepartmentHeadcount(String name, long headcount, BigDecimal fte) {
	}

	/**
	 * Every staff member's id, current and former, by employee number, in one query: for
	 * imports that refer to staff by employee number.
	 */
	Map<String, Long> idsByEmployeeNumber(long organisationId) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select employee_number, id from staff where organisation_id = :org")
			.param("org", organisationId)
			.query((RowCallbackHandler) (rs) -> ids.put(rs.getString("employee_number"), rs.getLong("id")));
		return ids;
	}

	Map<Long, String> workEmails(long organisationId) {
		Map<Long, String> emails = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select id, work_email from staff where organisation_id = :org and work_email is not null order by id
				""").param("org", organisationId).query((rs) -> {
			emails.put(rs.getLong("id"), rs.getString("work_email"));
		});
		return emails;
	}

	void setWorkEmail(long organisationId, long id, String email) {
		this.jdbc.sql("update staff set work_email = :email where organisation_id = :org and id = :id")
			.param("email", email)
			.param("org", organisationId)
			.param("id", id)
			.update();
	}

}
