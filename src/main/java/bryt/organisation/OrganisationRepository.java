package bryt.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

	private final JdbcClient jdbc;

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from organisation)").query(Boolean.class).single();
	}

	long create(String code, String name, Country country) {
		return this.jdbc.sql("""
				insert into organisation (code, name, country) values (:code, :name, :country) returning id
				""")
			.param("code", code)
			.param("name", name)
			.param("country", country.name())
			.query(Long.class)
			.single();
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("select exists (select 1 from organisation where code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	Optional<Organisation> find(long id) {
		return this.jdbc.sql("select id, code, name, country from organisation where id = :id")
			.param("id", id)
			.query(Organisation.class)
			.optional();
	}

	Optional<Organisation> findByCode(String code) {
		return this.jdbc.sql("select id, code, name, country from organisation where code = :code")
			.param("code", code)
			.query(Organisation.class)
			.optional();
	}

	List<Organisation> findAll() {
		return this.jdbc.sql("select id, code, name, country from organisation order by name")
			.query(Organisation.class)
			.list();
	}

}
