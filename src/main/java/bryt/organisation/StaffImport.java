package bryt.organisation;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import bryt.shared.imports.Column;
import bryt.shared.imports.ImportKind;

import org.springframework.stereotype.Component;

/** Staff from CSV, matched by employee number: organisation's import kind. */
@Component
class StaffImport implements ImportKind {

	private final OrganisationImports imports;

	StaffImport(OrganisationImports imports) {
		this.imports = imports;
	}

	@Override
	public String name() {
		return "staff";
	}

	@Override
	public Set<String> roles() {
		return Role.IMPORTERS;
	}

	@Override
	public List<Column> columns() {
		return OrganisationImports.STAFF_COLUMNS;
	}

	/** After the units they belong to, before the cases they handle. */
	@Override
	public int order() {
		return 30;
	}

	@Override
	public int importFile(long organisationId, String fileName, InputStream csv) {
		return this.imports.importStaff(organisationId, fileName, csv);
	}

}
