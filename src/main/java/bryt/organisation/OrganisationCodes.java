package bryt.organisation;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The organisation module's lookups by code, for other modules' imports: a file names
 * units by code and staff by employee number, and the importer needs their ids. Each
 * lookup is one query returning the whole organisation's map, read once per file, so that
 * an import of 100,000 rows never asks row by row, and no other module names the
 * {@code unit} or {@code staff} table in its SQL.
 */
@Service
public class OrganisationCodes {

	private final UnitRepository units;

	private final StaffRepository staff;

	OrganisationCodes(UnitRepository units, StaffRepository staff) {
		this.units = units;
		this.staff = staff;
	}

	/** Every unit's id by its code. */
	public Map<String, Long> unitIds(long organisationId) {
		return Map.copyOf(this.units.idsByCode(organisationId));
	}

	/**
	 * The organisation's units by code or unique exact name, as staff and case files name
	 * them.
	 */
	public UnitLookup units(long organisationId) {
		return new UnitLookup(this.units.findTree(organisationId));
	}

	/** Every staff member's id, current and former, by employee number. */
	public Map<String, Long> staffIds(long organisationId) {
		return Map.copyOf(this.staff.idsByEmployeeNumber(organisationId));
	}

}
