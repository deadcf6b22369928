package bryt.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import bryt.organisation.CurrentAccount;
import bryt.shared.tables.FigureTable;
import bryt.shared.time.Quarter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Kolada's key figures beside Bryt's ({@code /overview/benchmarks}): the newest year of
 * each key figure imported, for the municipality, its group and the country, beside the
 * organisation's figure of the newest snapshot, with the difference in definitions.
 */
@Controller
class BenchmarksController {

	private final Benchmarks benchmarks;

	private final Snapshots snapshots;

	private final Clock clock;

	BenchmarksController(Benchmarks benchmarks, Snapshots snapshots, Clock clock) {
		this.benchmarks = benchmarks;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@GetMapping("/overview/benchmarks")
	@PreAuthorize(CommitteeReportController.READERS)
	String page(@AuthenticationPrincipal CurrentAccount me, Locale locale, Model model) {
		Snapshot newest = this.snapshots.list(me.organisationId())
			.stream()
			.findFirst()
			.flatMap((head) -> this.snapshots.find(me.organisationId(), head.id()))
			.orElse(null);
		FigureTable table = this.benchmarks.table(me.organisationId(), newest, locale);
		model.addAttribute("table", table);
		model.addAttribute("snapshot", newest);
		model.addAttribute("quarter", (newest != null) ? newest.quarter() : Quarter.of(LocalDate.now(this.clock)));
		return "overview/benchmarks";
	}

}
