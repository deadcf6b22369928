package bryt.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import bryt.shared.imports.CsvRow;
import bryt.shared.imports.ImportProblems;

/**
 * An organisation's units as import files name them, read once per file: by code, else by
 * exact name when exactly one unit has it (HR and case systems often export the unit's
 * name). A name that several units share is refused naming their codes. The one lookup of
 * every import that refers to units, so that staff and case files take the same names.
 */
public final class UnitLookup {

	private final Map<String, Long> byCode = new HashMap<>();

	private final Map<String, List<String>> codesByName;

	private final Map<String, Long> byUniqueName = new HashMap<>();

	UnitLookup(List<Unit> units) {
		units.forEach((unit) -> this.byCode.put(unit.code(), unit.id()));
		this.codesByName = units.stream()
			.collect(Collectors.groupingBy(Unit::name, Collectors.mapping(Unit::code,
					Collectors.collectingAndThen(Collectors.toList(), (codes) -> codes.stream().sorted().toList()))));
		units.stream()
			.filter((unit) -> this.codesByName.get(unit.name()).size() == 1)
			.forEach((unit) -> this.byUniqueName.put(unit.name(), unit.id()));
	}

	/**
	 * The id of the unit a row names by code or exact name, or {@code null} after
	 * recording why not in {@code into}: {@code unknownUnit}, or {@code ambiguousUnit}
	 * with the codes of the units that share the name.
	 * @param codeOrName the cell's text, not empty
	 * @param row the row, to point the problem at its line and column
	 * @param column the column's canonical name, e.g. {@code unit}
	 * @param into where the import collects the problem
	 */
	public Long id(String codeOrName, CsvRow row, String column, ImportProblems into) {
		Long id = this.byCode.get(codeOrName);
		if (id == null) {
			id = this.byUniqueName.get(codeOrName);
		}
		if (id != null) {
			return id;
		}
		List<String> codes = this.codesByName.get(codeOrName);
		if (codes == null) {
			row.problem(into, column, "unknownUnit");
		}
		else {
			row.problem(into, column, "ambiguousUnit", String.join(", ", codes));
		}
		return null;
	}

}
