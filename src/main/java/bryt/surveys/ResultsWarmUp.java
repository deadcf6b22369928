package bryt.surveys;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * After a start, computes the results of each organisation's newest closed annual and
 * pulse cycle in the background, so that the first reader after a restart does not wait
 * for them ({@link ResultsPage} keeps them; a close keeps its own). Seconds for an
 * organisation of thousands of units (docs/benchmarks.md, "Surveys"); a failure costs
 * only that wait, so it is logged and forgotten.
 */
@Component
class ResultsWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ResultsWarmUp.class);

	private final ResultsPage results;

	private final Organisations organisations;

	ResultsWarmUp(ResultsPage results, Organisations organisations) {
		this.results = results;
		this.organisations = organisations;
	}

	@EventListener
	void warm(ApplicationReadyEvent event) {
		// Not for a command (no web application): it ends in seconds, nobody reads
		// results, and its embedded database stops under a warm-up still running, whose
		// broken connection the pool logs with a stack trace on the command's standard
		// error (ReportCommandIT's refused quarter, 2026-11-30).
		if (!(event.getApplicationContext() instanceof WebApplicationContext)) {
			return;
		}
		Thread.ofVirtual().name("surveys-results-warm-up").start(this::warmNow);
	}

	void warmNow() {
		try {
			for (Organisation organisation : this.organisations.all()) {
				for (CycleProgram program : ResultsPage.PROGRAMS) {
					this.results.closedCycles(organisation.id())
						.stream()
						.filter((cycle) -> cycle.program() == program)
						.findFirst()
						.ifPresent((cycle) -> this.results.figures(organisation.id(), cycle.id()));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("The results of the newest closed surveys were not computed ahead: {}", ex.toString());
		}
	}

}
