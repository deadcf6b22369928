package bryt.overview;

import java.time.LocalDate;
import java.util.List;

import bryt.BrytTest;
import bryt.organisation.Organisations;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarter-end job takes version 1 of the quarter that ended, once, and leaves a
 * quarter HR already took alone.
 */
@BrytTest
class SnapshotJobTests {

	@Autowired
	private SnapshotJob job;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private Organisations organisations;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theFirstDayAfterAQuarterTheJobTakesItsFirstVersionOnce() {
		OverviewFixture fixture = new OverviewFixture(this.organisations, this.jdbc);
		long a = fixture.unit("A");
		fixture.staff(a, "SOCIAL_WORKER");
		fixture.staff(a, "FIRST_LINE_LEAD");
		OverviewFixture taken = new OverviewFixture(this.organisations, this.jdbc);
		Snapshot onDemand = this.snapshots.take(taken.organisation, new Quarter(2025, 4), null, null);

		assertThat(
				this.job.takeEndedQuarter(LocalDate.of(2026, 1, 1), List.of(fixture.organisation, taken.organisation)))
			.isEqualTo(1);
		assertThat(
				this.job.takeEndedQuarter(LocalDate.of(2026, 1, 2), List.of(fixture.organisation, taken.organisation)))
			.isZero();

		List<Snapshot> all = this.snapshots.list(fixture.organisation.id());
		assertThat(all).extracting(Snapshot::quarter).containsExactly(new Quarter(2025, 4));
		assertThat(all).extracting(Snapshot::version).containsExactly(1);
		Snapshot first = this.snapshots.find(fixture.organisation.id(), all.getFirst().id()).orElseThrow();
		assertThat(first.reason()).isNull();
		assertThat(first.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(first.figure("workload.staffPerLead", a).orElseThrow().value()).isEqualTo(1.0);
		assertThat(this.snapshots.takenBy(List.of(first.id()))).isEmpty();
		assertThat(this.snapshots.list(taken.organisation.id())).extracting(Snapshot::id)
			.containsExactly(onDemand.id());
	}

}
