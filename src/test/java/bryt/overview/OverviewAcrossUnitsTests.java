package bryt.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bryt.ServerDay;
import bryt.BrytTest;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.disclosure.CellSuppression.Cell;
import bryt.shared.disclosure.CellSuppression.Mark;
import bryt.shared.disclosure.Reader;
import bryt.shared.time.Quarter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every snapshot of the demo municipality (eight quarters) against the exhaustive reader
 * of the shared pass's tests, for every count a contribution declares additive: what the
 * snapshot holds is what the page, the API, the CSV/XLSX and the committee report show
 * (they read the snapshot's figures; CommitteeReportTests shows the PDF, HTML and CSV
 * carry the same numbers). The reader knows every shown figure, that "too few" is 1 to
 * the source's minimum less one and a complement 0 or more, and that a parent's count is
 * its units' plus its own part (known when 0).
 */
@BrytTest
class OverviewAcrossUnitsTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private Organisations organisations;

	@Autowired
	private List<OverviewContribution> contributions;

	@Test
	void noHiddenCountOfAnyDemoSnapshotCanBeWorkedOutAcrossTheUnits() {
		long org = this.jdbc.sql("select id from organisation where code = 'exempelby'").query(Long.class).single();
		Organisation organisation = this.organisations.find(org).orElseThrow();
		Quarter newest = Quarter.of(ServerDay.today()).previous();
		Quarter first = newest.previous().previous().previous().previous().previous().previous().previous();
		int checked = 0;
		int hidden = 0;
		for (Quarter quarter : first.through(newest)) {
			Snapshot snapshot = this.snapshots.latest(org, quarter).orElseThrow();
			for (OverviewContribution contribution : this.contributions) {
				if (contribution.additiveCounts().isEmpty()) {
					continue;
				}
				Map<String, Map<Long, Long>> counts = contribution.contribute(organisation, quarter, snapshot.asOf())
					.counts();
				for (OverviewContribution.AdditiveCount additive : contribution.additiveCounts()) {
					Reader.Table table = table(snapshot, additive, counts.get(additive.key()));
					hidden += (int) table.marks().values().stream().filter((mark) -> mark != Mark.SHOWN).count();
					assertThat(table.workedOut(bound(table))).as("%s in %s: %s", additive.key(), quarter, table.truth())
						.isEmpty();
					checked++;
				}
			}
		}
		// safety's serious incidents and voice's reports received, each quarter; some
		// hidden, else nothing was tried
		assertThat(checked).isEqualTo(8 * 2);
		assertThat(hidden).isPositive();
	}

	/** One additive count of a snapshot as the reader sees it, with its true counts. */
	private static Reader.Table table(Snapshot snapshot, OverviewContribution.AdditiveCount additive,
			Map<Long, Long> counts) {
		List<Long> rows = new ArrayList<>();
		Map<Long, Long> parents = new HashMap<>();
		Map<Cell, Long> truth = new HashMap<>();
		Map<Cell, Mark> marks = new HashMap<>();
		Map<Long, Long> parentOf = new HashMap<>();
		snapshot.units().forEach((unit) -> parentOf.put(unit.id(), unit.parentId()));
		for (Snapshot.SnapshotUnit unit : snapshot.units()) {
			OverviewFigure figure = snapshot.figure(additive.key(), unit.id()).orElse(null);
			if (figure == null) {
				continue;
			}
			rows.add(unit.id());
			long count = counts.getOrDefault(unit.id(), 0L);
			Cell cell = new Cell(unit.id(), additive.key());
			truth.put(cell, count);
			if (figure.value() != null) {
				assertThat(figure.value()).as("%s of %d as counted now", additive.key(), unit.id()).isEqualTo(count);
				marks.put(cell, Mark.SHOWN);
			}
			else if (figure.hidden() == OverviewFigure.Hidden.TOO_FEW) {
				assertThat(count).as("too few is 1 to the minimum less one")
					.isBetween(1L, additive.smallestShown() - 1L);
				marks.put(cell, Mark.SMALL);
			}
			else if (figure.hidden() == OverviewFigure.Hidden.NO_DATA) {
				assertThat(count).isZero();
				marks.put(cell, Mark.SHOWN);
			}
			else {
				marks.put(cell, Mark.HIDDEN);
			}
		}
		for (long row : rows) {
			if (row == OverviewFigure.ORGANISATION) {
				continue;
			}
			Long parent = parentOf.get(row);
			parents.put(row, (additive.subtree() && parent != null && rows.contains(parent)) ? parent
					: OverviewFigure.ORGANISATION);
		}
		return new Reader.Table(additive.smallestShown(), rows, parents, List.of(additive.key()), List.of(), truth,
				marks);
	}

	private static long bound(Reader.Table table) {
		return table.truth().values().stream().mapToLong(Long::longValue).max().orElse(0) + 2;
	}

}
