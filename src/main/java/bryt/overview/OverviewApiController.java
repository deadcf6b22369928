package bryt.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.time.Quarter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The joint overview as JSON ({@code GET /api/v1/organisations/{org}/overview?quarter=}):
 * an ended quarter's newest snapshot, or the figures live (marked so) for the running
 * quarter and for an ended one without a snapshot; with the definitions applied, the
 * units and figures the caller sees ({@link Organisations#figuresReader}: a token and the
 * employer's side everything, a union or safety representative or manager their units,
 * the organisation's total only to those who see every unit), the two comments and the
 * sign-offs.
 */
@RestController
class OverviewApiController {

	private final Organisations organisations;

	private final QuarterFigures figures;

	private final Snapshots snapshots;

	private final Clock clock;

	OverviewApiController(Organisations organisations, QuarterFigures figures, Snapshots snapshots, Clock clock) {
		this.organisations = organisations;
		this.figures = figures;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/organisations/{org}/overview", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('API_CLIENT', 'HR', 'ADMINISTRATOR', 'MANAGER', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'COMMITTEE_MEMBER')")
	OverviewJson overview(@PathVariable String org, @RequestParam(required = false) String quarter,
			Authentication authentication) {
		Organisations.FiguresReader reader = this.organisations.figuresReader(org, authentication);
		Organisation organisation = reader.organisation();
		Visibility visibility = reader.visibility();
		LocalDate today = LocalDate.now(this.clock);
		Quarter now = Quarter.of(today);
		Quarter asked = Quarter.asked(quarter, now);
		if (asked == null) {
			throw new IllegalArgumentException(
					"'quarter' is written yyyy-Qn (e.g. 2026-Q3), from 2000-Q1 up to " + now + ".");
		}
		QuarterFigures.Read read = this.figures.read(organisation, asked, today).visibleTo(visibility);
		Snapshot snapshot = read.snapshot();
		SnapshotJson about = null;
		List<CommentJson> comments = List.of();
		List<ReviewJson> reviews = List.of();
		if (snapshot != null) {
			String takenBy = TakenBy.of(this.snapshots, this.organisations, organisation.id(), snapshot.id());
			about = new SnapshotJson(snapshot.id(), snapshot.version(), snapshot.extractedAt(), snapshot.reason(),
					takenBy);
			comments = snapshot.comments()
				.stream()
				.map((c) -> new CommentJson(c.side().name(), c.body(), c.writtenAt()))
				.toList();
			reviews = snapshot.reviews().stream().map((r) -> new ReviewJson(r.side().name(), r.reviewedOn())).toList();
		}
		// ovtrust: a recalculation that waits for both sides' review, beside the signed
		// version the answer gives
		WaitingJson waiting = (read.waiting() == null) ? null
				: new WaitingJson(read.waiting().id(), read.waiting().version(), read.waiting().extractedAt(),
						TakenBy.of(this.snapshots, this.organisations, organisation.id(), read.waiting().id()));
		return new OverviewJson(organisation.code(), asked.toString(), read.live(), read.asOf(), about,
				read.definitions()
					.stream()
					.map((d) -> new DefinitionJson(d.key(), d.source(), d.version(), d.format().name()))
					.toList(),
				read.units().stream().map((u) -> new UnitJson(u.id(), u.code(), u.name(), u.parentId())).toList(),
				read.figures()
					.stream()
					.map((f) -> new FigureJson(f.key(), f.unitId(), f.value(),
							(f.hidden() != null) ? f.hidden().name() : null))
					.toList(),
				comments, reviews, waiting);
	}

	/** A malformed or future quarter: 400 saying what was expected. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setDetail(ex.getMessage());
		return problem;
	}

	record OverviewJson(String organisation, String quarter, boolean live, LocalDate asOf, SnapshotJson snapshot,
			List<DefinitionJson> definitions, List<UnitJson> units, List<FigureJson> figures,
			List<CommentJson> comments, List<ReviewJson> reviews, WaitingJson waiting) {
	}

	/** A newer version than {@code snapshot}, waiting for both sides' review. */
	record WaitingJson(long id, int version, Instant extractedAt, String takenBy) {
	}

	record SnapshotJson(long id, int version, Instant extractedAt, String reason, String takenBy) {
	}

	record DefinitionJson(String key, String source, int version, String format) {
	}

	record UnitJson(long id, String code, String name, Long parentId) {
	}

	record FigureJson(String key, long unitId, Double value, String hidden) {
	}

	record CommentJson(String side, String body, Instant writtenAt) {
	}

	record ReviewJson(String side, LocalDate reviewedOn) {
	}

}
