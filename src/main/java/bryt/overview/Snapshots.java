package bryt.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.time.Quarter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly snapshots: the overview's figures frozen with the time of extraction and the
 * version of each definition. A snapshot is never changed (the database refuses it); a
 * recalculation is a new version with a logged reason.
 */
@Service
public class Snapshots {

	private final Overview overview;

	private final Organisations organisations;

	private final SnapshotRepository repository;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Snapshots(Overview overview, Organisations organisations, SnapshotRepository repository, Clock clock,
			ApplicationEventPublisher events) {
		this.overview = overview;
		this.organisations = organisations;
		this.repository = repository;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Freezes a quarter's figures as they stand now.
	 * @param organisation the organisation
	 * @param quarter the quarter, ended or running
	 * @param takenBy the account that asked, {@code null} for the quarter-end job
	 * @param reason why, required when the quarter has a snapshot already
	 * @return the new snapshot
	 * @throws IllegalArgumentException when a recalculation has no reason
	 */
	@Transactional
	public Snapshot take(Organisation organisation, Quarter quarter, Long takenBy, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		int version = this.repository.nextVersion(organisation.id(), quarter);
		if (version > 1 && why == null) {
			throw new IllegalArgumentException("A recalculation needs a reason.");
		}
		return insert(organisation, quarter, version, takenBy, why, extract(organisation, quarter));
	}

	/**
	 * A snapshot a person asked for on the snapshots page: version 1 of a quarter, or a
	 * recalculation. A recalculation whose definitions, units and figures all equal the
	 * quarter's newest version's is refused (it would only make both sides sign the same
	 * figures again); one that differs is published as {@link Recalculated}, so that the
	 * other side is told (by mail and on its home card) and the quarter's report stays
	 * the version both sides signed until they sign the new one ({@link #current}).
	 * @param takenBy the asking account (an employer-side account: HR or an
	 * administrator)
	 * @throws IllegalArgumentException when a recalculation has no reason
	 * @throws Unchanged when a recalculation would hold what the newest version holds
	 */
	@Transactional
	public Snapshot ask(Organisation organisation, Quarter quarter, long takenBy, String reason) {
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		int version = this.repository.nextVersion(organisation.id(), quarter);
		if (version > 1 && why == null) {
			throw new IllegalArgumentException("A recalculation needs a reason.");
		}
		Extract extract = extract(organisation, quarter);
		if (version > 1) {
			Snapshot newest = latest(organisation.id(), quarter).orElseThrow();
			if (extract.same(newest)) {
				throw new Unchanged(newest.version());
			}
		}
		Snapshot snapshot = insert(organisation, quarter, version, takenBy, why, extract);
		if (version > 1) {
			this.events.publishEvent(new Recalculated(organisation.id(), quarter, snapshot.id(), version,
					snapshot.extractedAt(), takenBy));
		}
		return snapshot;
	}

	/** What an extraction holds: the definitions, units and figures as they are now. */
	private Extract extract(Organisation organisation, Quarter quarter) {
		List<SnapshotUnit> units = new ArrayList<>();
		units.add(new SnapshotUnit(OverviewFigure.ORGANISATION, organisation.code(), organisation.name(), null));
		for (Unit unit : this.organisations.units(organisation.id())) {
			units.add(new SnapshotUnit(unit.id(), unit.code(), unit.name(), unit.parentId()));
		}
		Set<Long> known = new HashSet<>();
		units.forEach((unit) -> known.add(unit.id()));
		List<OverviewFigure> figures = this.overview.compute(organisation, quarter)
			.stream()
			.filter((figure) -> known.contains(figure.unitId()))
			.toList();
		return new Extract(this.overview.asOf(quarter), this.overview.definitions(), units, figures);
	}

	private Snapshot insert(Organisation organisation, Quarter quarter, int version, Long takenBy, String why,
			Extract extract) {
		Instant extractedAt = this.clock.instant();
		long id = this.repository.insert(organisation.id(), quarter, version, extract.asOf(), extractedAt, takenBy,
				why);
		for (int i = 0; i < extract.definitions().size(); i++) {
			this.repository.insertDefinition(id, extract.definitions().get(i), i);
		}
		for (int i = 0; i < extract.units().size(); i++) {
			this.repository.insertUnit(id, extract.units().get(i), i);
		}
		for (OverviewFigure figure : extract.figures()) {
			this.repository.insertFigure(id, figure);
		}
		return find(organisation.id(), id).orElseThrow();
	}

	/** The content of an extraction before it is stored. */
	private record Extract(LocalDate asOf, List<FigureDefinition> definitions, List<SnapshotUnit> units,
			List<OverviewFigure> figures) {

		/**
		 * Whether a snapshot holds the same definitions (key, version, format, order),
		 * units (named and placed alike) and figures.
		 */
		boolean same(Snapshot snapshot) {
			return this.definitions.equals(snapshot.definitions()) && this.units.equals(snapshot.units())
					&& Set.copyOf(this.figures).equals(Set.copyOf(snapshot.figures()));
		}

	}

	/** One snapshot of the organisation, whole. */
	@Transactional(readOnly = true)
	public Optional<Snapshot> find(long organisationId, long snapshotId) {
		return this.repository.head(organisationId, snapshotId).map(this::whole);
	}

	/** The newest version of a quarter's snapshot, if the quarter has one. */
	@Transactional(readOnly = true)
	public Optional<Snapshot> latest(long organisationId, Quarter quarter) {
		return this.repository.heads(organisationId)
			.stream()
			.filter((head) -> head.quarter().equals(quarter))
			.findFirst()
			.map(this::whole);
	}

	/**
	 * The quarter's report: the newest version both sides signed off, else (no version
	 * signed by both yet) the newest version. A recalculation does not take the signed
	 * picture from view; it becomes the report when both sides have signed it.
	 */
	@Transactional(readOnly = true)
	public Optional<Snapshot> current(long organisationId, Quarter quarter) {
		return standing(organisationId, quarter).current().flatMap((head) -> find(organisationId, head.id()));
	}

	/**
	 * The quarter's report version and, when a newer version waits for both sides'
	 * review, that version (both without figures).
	 */
	@Transactional(readOnly = true)
	public Standing standing(long organisationId, Quarter quarter) {
		return Standing.of(list(organisationId).stream().filter((s) -> s.quarter().equals(quarter)).toList());
	}

	/** Every snapshot of the organisation without its figures, newest first. */
	@Transactional(readOnly = true)
	public List<Snapshot> list(long organisationId) {
		List<SnapshotRepository.Head> heads = this.repository.heads(organisationId);
		List<Long> ids = heads.stream().map(SnapshotRepository.Head::id).toList();
		// Three queries however many snapshots: the home card reads this on every visit.
		Map<Long, List<Snapshot.Comment>> comments = this.repository.comments(ids);
		Map<Long, List<Snapshot.Review>> reviews = this.repository.reviews(ids);
		return heads.stream()
			.map((head) -> new Snapshot(head.id(), head.organisationId(), head.quarter(), head.version(), head.asOf(),
					head.extractedAt(), head.reason(), List.of(), List.of(), List.of(),
					comments.getOrDefault(head.id(), List.of()), reviews.getOrDefault(head.id(), List.of())))
			.toList();
	}

	private Snapshot whole(SnapshotRepository.Head head) {
		return new Snapshot(head.id(), head.organisationId(), head.quarter(), head.version(), head.asOf(),
				head.extractedAt(), head.reason(), this.repository.definitions(head.id()),
				this.repository.units(head.id()), this.repository.figures(head.id()),
				this.repository.comments(head.id()), this.repository.reviews(head.id()));
	}

	/**
	 * The quarter-end job's extraction: version 1 of the quarter, only when it has none
	 * yet. The check and the extraction hold the quarter's advisory lock
	 * ({@link SnapshotRepository#nextVersion}), so two instances cannot both take it.
	 * @return the new snapshot, or empty when the quarter had one
	 */
	@Transactional
	public Optional<Snapshot> takeFirst(Organisation organisation, Quarter quarter) {
		if (this.repository.nextVersion(organisation.id(), quarter) > 1) {
			return Optional.empty();
		}
		return Optional.of(take(organisation, quarter, null, null));
	}

	/** The accounts that asked for the snapshots, by snapshot; the job's have none. */
	@Transactional(readOnly = true)
	public Map<Long, Long> takenBy(Collection<Long> snapshotIds) {
		return this.repository.takenBy(snapshotIds);
	}

	/** The newest version of a quarter, 0 when it has none. */
	@Transactional(readOnly = true)
	public int newestVersion(long organisationId, Quarter quarter) {
		return this.repository.newestVersion(organisationId, quarter);
	}

	/**
	 * A quarter's report version and a newer version waiting for both sides' review.
	 *
	 * @param current the version the quarter's report shows, empty when it has none
	 * @param waiting the newest version, when it is newer than {@code current}
	 */
	public record Standing(Optional<Snapshot> current, Optional<Snapshot> waiting) {

		/** From one quarter's versions, newest first. */
		static Standing of(List<Snapshot> versions) {
			Optional<Snapshot> signed = versions.stream().filter(Standing::signedByBoth).findFirst();
			Optional<Snapshot> current = signed.or(() -> versions.stream().findFirst());
			Optional<Snapshot> waiting = versions.stream()
				.findFirst()
				.filter((newest) -> current.isPresent() && newest.version() > current.get().version());
			return new Standing(current, waiting);
		}

		static boolean signedByBoth(Snapshot snapshot) {
			return snapshot.review(Snapshot.Side.EMPLOYER).isPresent()
					&& snapshot.review(Snapshot.Side.UNION).isPresent();
		}

	}

	/**
	 * A person's recalculation was stored (published in its transaction).
	 *
	 * @param organisationId the organisation
	 * @param quarter the quarter
	 * @param snapshotId the new version's id
	 * @param version its version
	 * @param extractedAt when
	 * @param takenBy the asking account
	 */
	record Recalculated(long organisationId, Quarter quarter, long snapshotId, int version, Instant extractedAt,
			long takenBy) {
	}

	/** A recalculation would hold what the quarter's newest version holds. */
	public static final class Unchanged extends IllegalStateException {

		private final int version;

		Unchanged(int version) {
			super("The figures equal those of version " + version + "; nothing to recalculate.");
			this.version = version;
		}

		/** The newest version, whose figures the recalculation equals. */
		public int version() {
			return this.version;
		}

	}

}
