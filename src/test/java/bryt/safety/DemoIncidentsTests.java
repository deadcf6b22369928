package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.CurrentAccount;
import bryt.shared.DemoMode;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The demo municipality's year of incidents: in every unit that has staff, in each of the
 * past twelve months, with the mix the demo promises.
 */
@BrytTest
class DemoIncidentsTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SafetyFigures figures;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private MockMvc mvc;

	@Test
	void aYearOfIncidentsInEveryDemoUnit() {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		List<Long> unitsWithStaff = this.jdbc.sql("""
				select distinct unit_id from staff where organisation_id = :org and end_date is null
				""").param("org", org).query(Long.class).list();
		assertThat(unitsWithStaff).hasSizeGreaterThan(10);
		for (long unit : unitsWithStaff) {
			assertThat(this.jdbc.sql("select count(*) from safety_incident where unit_id = :unit")
				.param("unit", unit)
				.query(Long.class)
				.single()).as("incidents in unit %d", unit).isPositive();
		}
		LocalDate today = ServerDay.today();
		for (int back = 1; back <= 11; back++) {
			YearMonth month = YearMonth.from(today).minusMonths(back);
			assertThat(this.jdbc.sql("""
					select count(*) from safety_incident
					where organisation_id = :org and occurred_on between :first and :last
					""")
				.param("org", org)
				.param("first", month.atDay(1))
				.param("last", month.atEndOfMonth())
				.query(Long.class)
				.single()).as("incidents in %s", month).isPositive();
		}
		assertThat(this.jdbc
			.sql("select count(*) from safety_incident where organisation_id = :org and occurred_on < :from")
			.param("org", org)
			.param("from", today.minusYears(1).minusDays(7))
			.query(Long.class)
			.single()).isZero();
		Map<String, Long> mix = this.jdbc
			.sql("""
					select 'total' as k, count(*) as n from safety_incident where organisation_id = :org
					union all select category, count(*) from safety_incident where organisation_id = :org group by category
					union all select 'lvu-two', count(*) from safety_incident
						where organisation_id = :org and case_kind = 'LVU' and case_two_handlers
					union all select 'lvu-one', count(*) from safety_incident
						where organisation_id = :org and case_kind = 'LVU' and not case_two_handlers
					union all select 'serious', count(*) from safety_incident where organisation_id = :org
						and (weapon or death_threat or injury_needing_care or several_staff or threat_to_family_or_home)
					union all select 'late', count(*) from safety_incident
						where organisation_id = :org and acknowledged_at > received_at + interval '24 hours'
					union all select 'prompt', count(*) from safety_incident
						where organisation_id = :org and acknowledged_at <= received_at + interval '24 hours'
					union all select 'closed', count(*) from safety_incident where organisation_id = :org and status = 'CLOSED'
					""")
			.param("org", org)
			.query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		long total = mix.get("total");
		assertThat(mix.get("THREAT")).isGreaterThan(mix.get("PHYSICAL_VIOLENCE"));
		assertThat(mix.get("PHYSICAL_VIOLENCE")).isPositive();
		assertThat(mix.get("ONLINE_EXPOSURE")).isPositive().isLessThan(mix.get("THREAT"));
		assertThat(mix.get("lvu-two")).isPositive();
		assertThat(mix.get("lvu-one")).isPositive();
		assertThat(mix.get("serious")).isPositive().isLessThan(total / 5);
		assertThat(mix.get("late")).isPositive().isLessThan(mix.get("prompt"));
		assertThat(mix.get("closed")).isPositive();
		// and the figures count them: the organisation's total over the four quarters
		Quarter last = Quarter.of(today);
		long counted = this.figures.figures(org, last.previous().previous().previous().previous(), last)
			.stream()
			.filter((row) -> row.unitId() == SafetyFigures.ORGANISATION)
			.mapToLong(SafetyFigures.Figures::incidents)
			.sum();
		assertThat(counted).isEqualTo(total);
	}

	/**
	 * Reported through the real path: every demo incident's description is sealed (none
	 * stored in clear, none empty), some were reported anonymously (with a receipt), and
	 * the demo manager, after unlocking the key with the demo password, reads one on the
	 * incident's page (the service opens it with the key wrapped for the manager).
	 */
	@Test
	void theDemoManagerReadsADemoIncidentsDescription() throws Exception {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		// Other test classes of the shared context add incidents to the demo with SQL and
		// no description, and with no reporter and no receipt: the demo's own (about 138)
		// came through the services, with a reporter or a receipt, and all of them have
		// one. (Since fix14 an anonymous report's id is random, so the demo's are no
		// longer the first ids.)
		assertThat(this.jdbc.sql("""
				select count(*) from safety_incident where organisation_id = :org
					and (reported_by is not null or receipt_selector is not null)
				""").param("org", org).query(Long.class).single()).isGreaterThanOrEqualTo(100);
		assertThat(this.jdbc.sql("""
				select count(*) filter (where content is null) from safety_incident where organisation_id = :org
					and (reported_by is not null or receipt_selector is not null)
				""").param("org", org).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from safety_incident where organisation_id = :org and receipt_selector is not null
				""").param("org", org).query(Long.class).single()).isPositive();
		CurrentAccount manager = (CurrentAccount) this.accounts.loadUserByUsername("manager");
		long id = this.jdbc.sql("""
				select i.id from safety_incident i join safety_incident_key k on k.incident_id = i.id
				where i.organisation_id = :org and k.account_id = :manager and i.category = 'THREAT'
				order by i.id limit 1
				""").param("org", org).param("manager", manager.accountId()).query(Long.class).single();
		assertThat(new String(this.jdbc.sql("select content from safety_incident where id = :id")
			.param("id", id)
			.query(byte[].class)
			.single(), StandardCharsets.UTF_8)).doesNotContain("Klienten");
		Login login = new Login(manager);
		assertThat(login.send(post("/voice/unlock").param("password", DemoMode.PASSWORD))
			.getFlashMap()
			.containsKey("wrongPassword")).isFalse();
		assertThat(login.send(get("/safety/incidents/" + id)).getResponse().getContentAsString())
			.contains("Klienten blev arg under samtalet om utredningen");
	}

	/** A logged-in browser: the session travels in its cookie. */
	private final class Login {

		private final CurrentAccount account;

		private Cookie session;

		Login(CurrentAccount account) {
			this.account = account;
		}

		<B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult send(B request) throws Exception {
			if (this.session != null) {
				request.cookie(this.session);
			}
			MvcResult result = DemoIncidentsTests.this.mvc.perform(request.with(user(this.account)).with(csrf()))
				.andReturn();
			for (String header : result.getResponse().getHeaders("Set-Cookie")) {
				String pair = header.substring(0, header.contains(";") ? header.indexOf(';') : header.length());
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (name.contains("SESSION") && !value.isEmpty()) {
					this.session = new Cookie(name, value);
				}
			}
			return result;
		}

	}

}
