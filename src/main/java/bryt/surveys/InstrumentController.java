package bryt.surveys;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportRefusedException;
import bryt.shared.imports.Imports;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The instruments an organisation may survey with: Bryt's own and those it imported, each
 * with its areas, items, scales, reverse marks, licence and attribution; and the import
 * of a pack, for administrators. There is deliberately no route that changes an
 * instrument once stored.
 */
@Controller
@RequestMapping("/surveys/instruments")
@PreAuthorize(InstrumentController.READERS)
class InstrumentController {

	/** Everyone but staff: a survey's questions are not secret, but staff answer them. */
	static final String READERS = "hasAnyRole('ADMINISTRATOR', 'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'COMMITTEE_MEMBER')";

	private final Instruments instruments;

	private final long limitMegabytes;

	private final Clock clock;

	InstrumentController(Instruments instruments, Clock clock,
			@Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
		this.instruments = instruments;
		this.clock = clock;
		this.limitMegabytes = limit.toMegabytes();
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentAccount me, Locale locale, Model model) {
		model.addAttribute("instruments", this.instruments.list(me.organisationId()));
		model.addAttribute("language", language(locale));
		model.addAttribute("zone", this.clock.getZone());
		return "surveys/instruments";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal CurrentAccount me, @PathVariable long id, Locale locale, Model model) {
		Instrument instrument = this.instruments.find(id, language(locale))
			.filter((found) -> found.brytOwn() || found.organisationId() == me.organisationId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("instrument", instrument);
		model.addAttribute("zone", this.clock.getZone());
		return "surveys/instrument";
	}

	@GetMapping("/import")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String importForm(Model model) {
		return importPage(InstrumentImportForm.empty(), model);
	}

	@PostMapping("/import")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String importPack(@AuthenticationPrincipal CurrentAccount me,
			@Valid @ModelAttribute("form") InstrumentImportForm form, BindingResult errors,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		// No file chosen; a chosen file that is empty is read, and refused as empty.
		if (file == null
				|| (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			errors.reject("surveys.instruments.import.file.missing");
			model.addAttribute("fileError", true);
		}
		if (errors.hasErrors()) {
			model.addAttribute("failed", true);
			return importPage(form, model);
		}
		String fileName = Imports.fileName(file.getOriginalFilename(), "instrument.csv");
		try (InputStream in = file.getInputStream()) {
			int items = this.instruments.importPack(me.organisationId(), form, fileName, in,
					Actor.account(me.getUsername()));
			redirect.addFlashAttribute("importedItems", items);
			return "redirect:/surveys/instruments";
		}
		catch (ImportRefusedException refused) {
			model.addAttribute("fileName", fileName);
			model.addAttribute("problems", refused.problems().list());
			model.addAttribute("total", refused.problems().total());
			model.addAttribute("spreadsheet", refused.problems().isSpreadsheet());
			model.addAttribute("failed", true);
			return importPage(form, model);
		}
	}

	private String importPage(InstrumentImportForm form, Model model) {
		model.addAttribute("failed", model.containsAttribute("failed"));
		model.addAttribute("form", form);
		model.addAttribute("limitMegabytes", this.limitMegabytes);
		model.addAttribute("scales", Scales.CATALOGUE.values());
		return "surveys/instrument-import";
	}

	/** Bryt's languages; anything else reads English. */
	static String language(Locale locale) {
		String language = locale.getLanguage();
		return Scales.LOCALES.contains(language) ? language : "en";
	}

}
