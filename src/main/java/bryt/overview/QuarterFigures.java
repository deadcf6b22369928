package bryt.overview;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Unit;
import bryt.organisation.Visibility;
import bryt.overview.Snapshot.SnapshotUnit;
import bryt.shared.time.Quarter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * A quarter's figures as the page and the API read them: the running quarter live
 * ({@link Overview#compute}); an ended quarter from its report version
 * ({@link Snapshots#current}: the newest both sides signed, else the newest), or live
 * when it has none. Live figures are kept {@link #LIVE_FOR} per organisation, quarter and
 * day, so that the page's eight quarters of trend ask the contributions at most once a
 * minute (the snapshots are read from the database each time: they never change).
 */
@Component
class QuarterFigures {

	/** How long a live computation is reused. */
	static final Duration LIVE_FOR = Duration.ofSeconds(60);

	private final Overview overview;

	private final Snapshots snapshots;

	private final Organisations organisations;

	private final Cache<String, List<OverviewFigure>> live = Caffeine.newBuilder()
		.expireAfterWrite(LIVE_FOR)
		.maximumSize(2_000)
		.build();

	QuarterFigures(Overview overview, Snapshots snapshots, Organisations organisations) {
		this.overview = overview;
		this.snapshots = snapshots;
		this.organisations = organisations;
	}

	/**
	 * The quarter's figures.
	 * @param organisation the organisation
	 * @param quarter the quarter, ended or running
	 * @param today the organisation's day today
	 */
	Read read(Organisation organisation, Quarter quarter, LocalDate today) {
		boolean running = !quarter.last().isBefore(today);
		if (!running) {
			// the version both sides signed stays in view while a recalculation waits
			Snapshots.Standing standing = this.snapshots.standing(organisation.id(), quarter);
			Optional<Snapshot> snapshot = standing.current()
				.flatMap((head) -> this.snapshots.find(organisation.id(), head.id()));
			if (snapshot.isPresent()) {
				Snapshot s = snapshot.get();
				return new Read(quarter, s, s.asOf(), s.definitions(), s.units(), s.figures(),
						standing.waiting().orElse(null));
			}
		}
		LocalDate asOf = this.overview.asOf(quarter);
		List<OverviewFigure> figures = this.live.get(organisation.id() + "/" + quarter + "/" + asOf,
				(key) -> this.overview.compute(organisation, quarter));
		return new Read(quarter, null, asOf, this.overview.definitions(), units(organisation), figures);
	}

	/** The organisation (unit 0) and its units as they are now. */
	List<SnapshotUnit> units(Organisation organisation) {
		List<SnapshotUnit> units = new ArrayList<>();
		units.add(new SnapshotUnit(OverviewFigure.ORGANISATION, organisation.code(), organisation.name(), null));
		for (Unit unit : this.organisations.units(organisation.id())) {
			units.add(new SnapshotUnit(unit.id(), unit.code(), unit.name(), unit.parentId()));
		}
		return units;
	}

	/** Whether the reader sees a unit's figures (unit 0: the organisation's). */
	static boolean sees(Visibility visibility, long unitId) {
		return (unitId == OverviewFigure.ORGANISATION) ? visibility.seesOrganisationFigures()
				: visibility.seesUnitFigures(unitId);
	}

	/**
	 * One quarter's figures.
	 *
	 * @param quarter the quarter
	 * @param snapshot the snapshot they come from, {@code null} when live
	 * @param asOf the day they describe
	 * @param definitions the definitions they follow
	 * @param units the units (the organisation first)
	 * @param figures every figure, of every unit
	 * @param waiting a newer version (without figures) that waits for both sides' review,
	 * or {@code null}
	 * @param byKeyAndUnit the same figures by key and unit, for {@link #figure}
	 */
	record Read(Quarter quarter, Snapshot snapshot, LocalDate asOf, List<FigureDefinition> definitions,
			List<SnapshotUnit> units, List<OverviewFigure> figures, Snapshot waiting,
			Map<String, Map<Long, OverviewFigure>> byKeyAndUnit) {

		Read(Quarter quarter, Snapshot snapshot, LocalDate asOf, List<FigureDefinition> definitions,
				List<SnapshotUnit> units, List<OverviewFigure> figures) {
			this(quarter, snapshot, asOf, definitions, units, figures, null);
		}

		Read(Quarter quarter, Snapshot snapshot, LocalDate asOf, List<FigureDefinition> definitions,
				List<SnapshotUnit> units, List<OverviewFigure> figures, Snapshot waiting) {
			this(quarter, snapshot, asOf, definitions, units, figures, waiting, index(figures));
		}

		/**
		 * The figures by key and unit. The overview page looks up every figure of every
		 * unit; a scan of the list for each made the page of a 137-unit organisation
		 * quadratic (a third of its time; docs/benchmarks.md, the overview page). The
		 * first figure of a key and unit wins, as the scan had it.
		 */
		private static Map<String, Map<Long, OverviewFigure>> index(List<OverviewFigure> figures) {
			Map<String, Map<Long, OverviewFigure>> index = new HashMap<>();
			for (OverviewFigure figure : figures) {
				index.computeIfAbsent(figure.key(), (key) -> new HashMap<>()).putIfAbsent(figure.unitId(), figure);
			}
			return index;
		}

		public boolean live() {
			return this.snapshot == null;
		}

		public Optional<OverviewFigure> figure(String key, long unitId) {
			return Optional.ofNullable(this.byKeyAndUnit.getOrDefault(key, Map.of()).get(unitId));
		}

		/** The same figures cut to what the reader sees. */
		Read visibleTo(Visibility visibility) {
			return new Read(this.quarter, this.snapshot, this.asOf, this.definitions,
					this.units.stream().filter((unit) -> sees(visibility, unit.id())).toList(),
					this.figures.stream().filter((figure) -> sees(visibility, figure.unitId())).toList(), this.waiting);
		}

	}

}
