package bryt.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

	private static final String COLUMNS = """
			id, organisation_id, employee_number, name, unit_id, role, fte, experience_start,
			employment_start, end_date, end_reason
			""";

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
		return this.jdbc.sql("select " + COLUMNS + " from staff where organisation_id = :org and id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(StaffMember.class)
			.optional();
	}

	Optional<StaffListRow> row(long organisationId, long id) {
		return this.jdbc.sql(LIST_ROW + " where s.organisation_id = :org and s.id = :id")
			.param("org", organisationId)
			.param("id", id)
			.query(StaffListRow.class)
			.optional();
	}

	List<StaffMember> findAll(long organisationId) {
		return this.jdbc.sql("select " + COLUMNS + " from staff where organisation_id = :org order by id")
			.param("org", organisationId)
			.query(StaffMember.class)
			.list();
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

	long create(long organisationId, StaffForm form) {
		return this.jdbc.sql("""
				insert into staff (organisation_id, employee_number, name, unit_id, role, fte, experience_start,
					employment_start, end_date, end_reason)
				values (:org, :number, :name, :unit, :role, :fte, :experience, :employment, :end, :reason)
				returning id
				""").params(params(organisationId, form)).query(Long.class).single();
	}

	void update(long organisationId, long id, StaffForm form) {
		this.jdbc.sql("""
				update staff set employee_number = :number, name = :name, unit_id = :unit, role = :role, fte = :fte,
					experience_start = :experience, employment_start = :employment, end_date = :end,
					end_reason = :reason
				where organisation_id = :org and id = :id
				""").params(params(organisationId, form)).param("id", id).update();
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

}
