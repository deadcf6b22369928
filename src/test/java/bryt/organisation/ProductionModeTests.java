package bryt.organisation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** With demo mode off, an empty database stays empty and no demo account is offered. */
@SpringBootTest(properties = { "bryt.db.data-dir=target/test-data/${random.uuid}", "bryt.demo.enabled=false" })
@AutoConfigureMockMvc
class ProductionModeTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void createsNoDemoDataAndListsNoDemoAccounts() throws Exception {
		assertThat(this.jdbc.sql("select count(*) from organisation").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from account").query(Long.class).single()).isZero();
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Log in")))
			.andExpect(content().string(not(containsString("Demo accounts"))));
	}

}
