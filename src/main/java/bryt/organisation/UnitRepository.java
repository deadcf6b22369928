package bryt.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UnitRepository {

	private final JdbcClient jdbc;

	UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All units of an organisation, parents before their children, siblings by name. */
	List<Unit> findTree(long organisationId) {
		return this.jdbc.sql("""
				with recursive tree as (
					select id, organisation_id, code, name, level, parent_id, array[name] as path
					from unit where organisation_id = :org and parent_id is null
					union all
					select u.id, u.organisation_id, u.code, u.name, u.level, u.parent_id, t.path || u.name
					from unit u join tree t on u.parent_id = t.id
				)
				select id, organisation_id, code, name, level, parent_id from tree order by path
				""").param("org", organisationId).query(Unit.class).list();
	}

	Optional<Unit> find(long organisationId, long id) {
		return this.jdbc.sql("""
				select id, organisation_id, code, name, level, parent_id from unit
				where organisation_id = :org and id = :id
				""").param("org", organisationId).param("id", id).query(Unit.class).optional();
	}

	Optional<Unit> findByCode(long organisationId, String code) {
		return this.jdbc.sql("""
				select id, organisation_id, code, name, level, parent_id from unit
				where organisation_id = :org and code = :code
				""").param("org", organisationId).param("code", code).query(Unit.class).optional();
	}

	/** The ids of the given units and of every unit below them. */
	List<Long> subtreeIds(long organisationId, List<Long> roots) {
		if (roots.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				with recursive covered as (
					select id from unit where organisation_id = :org and id in (:roots)
					union
					select u.id from unit u join covered c on u.parent_id = c.id
				)
				select id from covered
				""").param("org", organisationId).param("roots", roots).query(Long.class).list();
	}

	long create(long organisationId, String code, String name, UnitLevel level, Long parentId) {
		return this.jdbc.sql("""
				insert into unit (organisation_id, code, name, level, parent_id)
				values (:org, :code, :name, :level, :parent) returning id
				""")
			.param("org", organisationId)
			.param("code", code)
			.param("name", name)
			.param("level", level.name())
			.param("parent", parentId)
			.query(Long.class)
			.single();
	}

	void update(long organisationId, long id, String code, String name, UnitLevel level, Long parentId) {
		this.jdbc.sql("""
				update unit set code = :code, name = :name, level = :level, parent_id = :parent
				where organisation_id = :org and id = :id
				""")
			.param("org", organisationId)
			.param("id", id)
			.param("code", code)
			.param("name", name)
			.param("level", level.name())
			.param("parent", parentId)
			.update();
	}

	/**
	 * Every unit's id by its code, in one query: for imports that refer to units by code.
	 */
	Map<String, Long> idsByCode(long organisationId) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select code, id from unit where organisation_id = :org")
			.param("org", organisationId)
			.query((RowCallbackHandler) (rs) -> ids.put(rs.getString("code"), rs.getLong("id")));
		return ids;
	}

}
