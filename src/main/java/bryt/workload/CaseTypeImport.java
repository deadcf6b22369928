package bryt.workload;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import bryt.organisation.Role;
import bryt.shared.imports.Column;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportProblems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports case types ({@code code,name,weight,deadline_days,investigation,two_handlers}),
 * matched by code. {@code name} sets the name in all three languages unless
 * {@code name_sv}, {@code name_da} or {@code name_en} give their own.
 */
@Component
class CaseTypeImport implements ImportKind {

	static final List<Column> COLUMNS = List.of(Column.required("code", "kod", "kode", "arendetyp", "sagstype"),
			Column.optional("name", "namn", "navn", "benamning"), Column.optional("name_sv", "namn_sv", "navn_sv"),
			Column.optional("name_da", "navn_da", "namn_da"), Column.optional("name_en", "namn_en", "navn_en"),
			Column.required("weight", "vikt", "poang", "vaegt", "point"),
			Column.optional("deadline_days", "frist_dagar", "tidsfrist_dagar", "frist_dage"),
			Column.optional("investigation", "utredning", "undersogelse"),
			Column.optional("two_handlers", "tva_handlaggare", "to_sagsbehandlere"));

	private final CaseTypeRepository caseTypes;

	private final JdbcClient jdbc;

	CaseTypeImport(CaseTypeRepository caseTypes, JdbcClient jdbc) {
		this.caseTypes = caseTypes;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "case-types";
	}

	@Override
	public Set<String> roles() {
		return Role.IMPORTERS;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	/** First: cases refer to their types. */
	@Override
	public int order() {
		return 10;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int importFile(long organisationId, String fileName, InputStream csv) {
		ImportProblems problems = new ImportProblems(fileName);
		Map<String, CaseType> existing = this.caseTypes.findAll(organisationId)
			.stream()
			.collect(Collectors.toMap(CaseType::code, Function.identity()));
		List<CaseType> rows = new ArrayList<>();
		Map<String, Long> lines = new HashMap<>();
		CsvImportReader.read(csv, COLUMNS, problems, (row) -> {
			String code = row.requiredText("code", 40);
			if (code != null && lines.putIfAbsent(code, row.line()) != null) {
				row.problem("code", "duplicate", String.valueOf(lines.get(code)));
			}
			CaseType current = existing.get(code);
			String name = row.optionalText("name", 200);
			String sv = firstOf(row.optionalText("name_sv", 200), name, (current != null) ? current.nameSv() : null);
			String da = firstOf(row.optionalText("name_da", 200), name, (current != null) ? current.nameDa() : null);
			String en = firstOf(row.optionalText("name_en", 200), name, (current != null) ? current.nameEn() : null);
			if (sv == null || da == null || en == null) {
				row.problem("name", "required");
			}
			BigDecimal weight = row.decimal("weight", true, new BigDecimal("0.01"), new BigDecimal("1000"));
			Integer days = row.integer("deadline_days", false, 1, 3650);
			Boolean investigation = row.bool("investigation", false);
			Boolean two = row.bool("two_handlers", false);
			rows.add(new CaseType((current != null) ? current.id() : 0, code, sv, da, en, weight, days,
					Boolean.TRUE.equals(investigation), Boolean.TRUE.equals(two)));
		});
		problems.refuseIfAny();
		int changed = 0;
		for (CaseType type : rows) {
			CaseType current = existing.get(type.code());
			if (current == null) {
				this.caseTypes.insert(organisationId, type);
				changed++;
			}
			else if (!same(current, type)) {
				this.caseTypes.update(organisationId, type);
				changed++;
			}
		}
		if (changed > 0) {
			WorkloadSetup.bumpVersion(this.jdbc, organisationId);
		}
		return changed;
	}

	private static boolean same(CaseType a, CaseType b) {
		return a.nameSv().equals(b.nameSv()) && a.nameDa().equals(b.nameDa()) && a.nameEn().equals(b.nameEn())
				&& a.weight().compareTo(b.weight()) == 0 && Objects.equals(a.deadlineDays(), b.deadlineDays())
				&& a.investigation() == b.investigation() && a.twoHandlers() == b.twoHandlers();
	}

	private static String firstOf(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
