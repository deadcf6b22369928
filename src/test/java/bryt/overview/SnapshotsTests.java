package bryt.overview;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot freezes the contributions' figures with their definitions' versions and the
 * units' names; it is never changed, and a recalculation is a new version with a reason.
 *
 * <pre>
 * Organisation with units A and B (no parent). A: four social workers and one first-line
 * lead from 2024-01-01, nobody left. B: nobody.
 * 2025-Q4, as of 2025-12-31:
 *   workload.staffPerLead   A 4 / 1 = 4.0; the organisation 4.0; B no data (no lead)
 *   workload.turnover       A 0 leavers / 5 = 0.0; B no data (no headcount)
 *   workload.load           A: no open cases over the four social workers' capacity → 0 %;
 *                           B: no capacity → no data
 * </pre>
 */
@BrytTest
class SnapshotsTests {

	private static final Quarter Q4 = new Quarter(2025, 4);

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	private Organisation organisation;

	private OverviewFixture fixture;

	private long a;

	private long b;

	@BeforeEach
	void organisation() {
		this.fixture = new OverviewFixture(this.organisations, this.jdbc);
		this.organisation = this.fixture.organisation;
		this.a = this.fixture.unit("A");
		this.b = this.fixture.unit("B");
		for (int i = 0; i < 4; i++) {
			this.fixture.staff(this.a, "SOCIAL_WORKER");
		}
		this.fixture.staff(this.a, "FIRST_LINE_LEAD");
	}

	@Test
	void aSnapshotHoldsEveryContributionsFiguresWithTheirDefinitions() {
		Snapshot snapshot = this.snapshots.take(this.organisation, Q4, null, null);

		assertThat(snapshot.version()).isEqualTo(1);
		assertThat(snapshot.reason()).isNull();
		assertThat(snapshot.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(snapshot.units()).extracting(Snapshot.SnapshotUnit::id).containsExactly(0L, this.a, this.b);
		assertThat(snapshot.units().get(1).name()).isEqualTo("Unit A");
		assertThat(snapshot.definitions()).extracting(FigureDefinition::key)
			.containsSubsequence("workload.load", "workload.staffPerLead", "workload.turnover");
		assertThat(snapshot.figure("workload.staffPerLead", this.a).orElseThrow().value()).isEqualTo(4.0);
		assertThat(snapshot.figure("workload.staffPerLead", 0).orElseThrow().value()).isEqualTo(4.0);
		assertThat(snapshot.figure("workload.staffPerLead", this.b).orElseThrow().hidden())
			.isEqualTo(OverviewFigure.Hidden.NO_DATA);
		assertThat(snapshot.figure("workload.turnover", this.a).orElseThrow().value()).isEqualTo(0.0);
		assertThat(snapshot.figure("workload.turnover", this.b).orElseThrow().hidden())
			.isEqualTo(OverviewFigure.Hidden.NO_DATA);
		assertThat(snapshot.figure("workload.load", this.a).orElseThrow().value()).isEqualTo(0.0);
		assertThat(snapshot.figure("workload.load", this.b).orElseThrow().hidden())
			.isEqualTo(OverviewFigure.Hidden.NO_DATA);
	}

	@Test
	void aRecalculationIsANewVersionWithAReasonAndTheFirstStaysAsItWas() {
		Snapshot first = this.snapshots.take(this.organisation, Q4, null, null);
		assertThatThrownBy(() -> this.snapshots.take(this.organisation, Q4, null, " "))
			.isInstanceOf(IllegalArgumentException.class);

		this.jdbc.sql("update unit set name = 'Unit A renamed' where id = :id").param("id", this.a).update();
		Snapshot second = this.snapshots.take(this.organisation, Q4, null, "Unit A was renamed");

		assertThat(second.version()).isEqualTo(2);
		assertThat(second.reason()).isEqualTo("Unit A was renamed");
		assertThat(second.units().get(1).name()).isEqualTo("Unit A renamed");
		assertThat(this.snapshots.find(this.organisation.id(), first.id()).orElseThrow()).isEqualTo(first);
		assertThat(first.units().get(1).name()).isEqualTo("Unit A");
		assertThat(this.snapshots.latest(this.organisation.id(), Q4).orElseThrow().id()).isEqualTo(second.id());
		assertThat(this.snapshots.list(this.organisation.id())).extracting(Snapshot::version).containsExactly(2, 1);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteASnapshot() {
		Snapshot snapshot = this.snapshots.take(this.organisation, Q4, null, null);
		for (String change : List.of(
				"update overview_snapshot_figure set value = 99 where snapshot_id = :id and value is not null",
				"delete from overview_snapshot_figure where snapshot_id = :id",
				"update overview_snapshot set reason = 'changed' where id = :id",
				"delete from overview_snapshot_unit where snapshot_id = :id")) {
			assertThatThrownBy(() -> this.jdbc.sql(change).param("id", snapshot.id()).update()).as(change)
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("never changed");
		}
		assertThat(this.snapshots.find(this.organisation.id(), snapshot.id())).contains(snapshot);
	}

}
