package bryt.organisation;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import bryt.shared.imports.Column;
import bryt.shared.imports.ImportKind;

import org.springframework.stereotype.Component;

/**
 * The unit tree from CSV ({@code code,name,parent,level}): organisation's import kind.
 */
@Component
class UnitImport implements ImportKind {

	private final OrganisationImports imports;

	UnitImport(OrganisationImports imports) {
		this.imports = imports;
	}

	@Override
	public String name() {
		return "units";
	}

	@Override
	public Set<String> roles() {
		return Role.IMPORTERS;
	}

	@Override
	public List<Column> columns() {
		return OrganisationImports.UNIT_COLUMNS;
	}

	/** After case types, before staff, who belong to units. */
	@Override
	public int order() {
		return 20;
	}

	@Override
	public int importFile(long organisationId, String fileName, InputStream csv) {
		return this.imports.importUnits(organisationId, fileName, csv);
	}

}
