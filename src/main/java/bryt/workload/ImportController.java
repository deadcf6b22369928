package bryt.workload;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.shared.imports.Actor;
import bryt.shared.imports.CsvImportReader;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.ImportTemplates;
import bryt.shared.tables.TableExports;
import bryt.shared.imports.Imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of CSV and Excel exports, of every {@link ImportKind} the modules declare that
 * the user's roles may import, run through {@link Imports}. The result page shows every
 * problem with its line and column, or, after an import, what was changed and the first
 * rows of the file.
 */
@Controller
@RequestMapping("/workload/imports")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'HR')")
class ImportController {

	private static final int PREVIEW_LINES = 6;

	/** The most history entries the page shows. */
	private static final int HISTORY_ROWS = 500;

	private final ImportTemplates templates;

	private final Clock clock;

	private final Imports imports;

	private final long limitMegabytes;

	ImportController(Imports imports, ImportTemplates templates, Clock clock,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
		this.imports = imports;
		this.templates = templates;
		this.clock = clock;
		this.limitMegabytes = limit.toMegabytes();
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("kinds", kinds(me));
		model.addAttribute("limitMegabytes", this.limitMegabytes);
	}

	/**
	 * The form; after an upload over the limit ({@link UploadSizeLimit} sends the browser
	 * here) also what to do with the file instead.
	 */
	@GetMapping
	String form(@RequestParam(name = UploadSizeLimit.TOO_LARGE, defaultValue = "false") boolean tooLarge, Model model) {
		model.addAttribute("tooLarge", tooLarge);
		return "workload/imports";
	}

	@PostMapping
	String upload(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		ImportKind importKind = kinds(me).stream()
			.filter((option) -> option.name().equals(kind))
			.findFirst()
			.orElse(null);
		if (importKind == null) {
			model.addAttribute("kindError", true);
			return "workload/imports";
		}
		model.addAttribute("kind", importKind);
		// No file chosen; a chosen file that is empty is imported, and refused as empty.
		if (file == null
				|| (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			model.addAttribute("fileError", true);
			return "workload/imports";
		}
		String fileName = Imports.fileName(file.getOriginalFilename(), importKind.name() + ".csv");
		model.addAttribute("fileName", fileName);
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("changed",
					this.imports.run(me.organisationId(), importKind, fileName, in, Actor.account(me.getUsername())));
			model.addAttribute("preview", preview(file));
		}
		catch (ImportRefusedException refused) {
			model.addAttribute("problems", refused.problems().list());
			model.addAttribute("total", refused.problems().total());
			model.addAttribute("spreadsheet", refused.problems().isSpreadsheet());
		}
		return "workload/imports";
	}

	/**
	 * An empty file of a kind to fill in, its column names in the user's language, as CSV
	 * or .xlsx.
	 */
	@GetMapping("/template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "csv") String format,
			Locale locale) {
		ImportKind importKind = kinds(me).stream()
			.filter((option) -> option.name().equals(kind))
			.findFirst()
			.orElse(null);
		TableExports.Format chosen = TableExports.Format.of(format).orElse(null);
		if (importKind == null || chosen == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(chosen.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, this.templates.contentDisposition(importKind, chosen, locale))
			.body(this.templates.template(importKind, chosen, locale));
	}

	/** Who imported which file when, and whether it was taken, newest first. */
	@GetMapping("/history")
	String history(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("history", this.imports.history(me.organisationId(), HISTORY_ROWS));
		model.addAttribute("historyRows", HISTORY_ROWS);
		model.addAttribute("zone", this.clock.getZone());
		return "workload/import-history";
	}

	private List<ImportKind> kinds(CurrentAccount me) {
		return this.imports.kindsFor(me.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	/** The header and first rows of an imported file, as the importer read them. */
	private static List<List<String>> preview(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return CsvImportReader.preview(in, PREVIEW_LINES);
		}
	}

}
