package bryt.organisation;

/** A node of the organisation tree: a department, a unit or a team. */
public record Unit(long id, long organisationId, String code, String name, UnitLevel level, Long parentId) {
}
