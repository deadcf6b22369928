package bryt.overview;

import java.time.Clock;
import java.time.Instant;
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

	Snapshots(Overview overview, Organisations organisations, SnapshotRepository repository, Clock clock) {
		this.overview = overview;
		this.organisations = organisations;
		this.repository = repository;
		this.clock = clock;
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
		Instant extractedAt = this.clock.instant();
		long id = this.repository.insert(organisation.id(), quarter, version, this.overview.asOf(quarter), extractedAt,
				takenBy, why);
		List<FigureDefinition> definitions = this.overview.definitions();
		for (int i = 0; i < definitions.size(); i++) {
			this.repository.insertDefinition(id, definitions.get(i), i);
		}
		List<SnapshotUnit> units = new ArrayList<>();
		units.add(new SnapshotUnit(OverviewFigure.ORGANISATION, organisation.code(), organisation.name(), null));
		for (Unit unit : this.organisations.units(organisation.id())) {
			units.add(new SnapshotUnit(unit.id(), unit.code(), unit.name(), unit.parentId()));
		}
		Set<Long> known = new HashSet<>();
		for (int i = 0; i < units.size(); i++) {
			this.repository.insertUnit(id, units.get(i), i);
			known.add(units.get(i).id());
		}
		for (OverviewFigure figure : this.overview.compute(organisation, quarter)) {
			if (known.contains(figure.unitId())) {
				this.repository.insertFigure(id, figure);
			}
		}
		return find(organisation.id(), id).orElseThrow();
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

}
