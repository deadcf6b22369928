package bryt.workload;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import bryt.organisation.CurrentAccount;
import bryt.organisation.HomeCard;
import bryt.organisation.HomeCard.Figure;
import bryt.organisation.HomeCard.Tone;
import bryt.organisation.HomeCards;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Visibility;
import bryt.shared.imports.Imports;

import org.springframework.stereotype.Component;

/**
 * Workload's cards on the home page, every figure taken from {@link Workload#figures} as
 * the workload pages show it, filtered by the same {@link Viewer}:
 * <ul>
 * <li>staff: their own load, capacity and band;</li>
 * <li>HR, administrators, managers and union representatives: units over capacity (red),
 * caseworkers over capacity (above 100 %: red and amber, as the workload pages'
 * headline), investigations past their deadline, two-handler cases with one handler, and
 * the age of the newest import (for managers and representatives only in the units they
 * cover);</li>
 * <li>whoever sees the organisation's figures (HR, administrators, committee): its key
 * figures today and on the same day three months earlier.</li>
 * </ul>
 */
@Component
class WorkloadHomeCards implements HomeCards {

	/** An import older than this many days is flagged: the figures may be stale. */
	static final int STALE_IMPORT_DAYS = 14;

	/** How many units over capacity are named on the card. */
	static final int NAMES_SHOWN = 5;

	/** How far back the committee's comparison looks. */
	static final int COMPARE_MONTHS = 3;

	private final Workload workload;

	private final Organisations organisations;

	private final Imports imports;

	private final Clock clock;

	WorkloadHomeCards(Workload workload, Organisations organisations, Imports imports, Clock clock) {
		this.workload = workload;
		this.organisations = organisations;
		this.imports = imports;
		this.clock = clock;
	}

	@Override
	public List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today) {
		if (visibility.seesNothing()) {
			return List.of();
		}
		Organisation organisation = this.organisations.find(account.organisationId()).orElseThrow();
		Viewer viewer = new Viewer(visibility);
		WorkloadFigures figures = this.workload.figures(organisation, today);
		List<HomeCard> cards = new ArrayList<>();
		if (visibility.ownStaffId() != null) {
			cards.add(own(visibility.ownStaffId(), figures, today));
		}
		if (visibility.wholeOrganisation() || !visibility.coveredUnits().isEmpty()) {
			cards.add(alerts(organisation, viewer, figures, today));
		}
		if (visibility.seesOrganisationFigures()) {
			cards.add(keyFigures(figures.organisation(),
					this.workload.figures(organisation, today.minusMonths(COMPARE_MONTHS)).organisation(), today));
		}
		return cards;
	}

	/** The worker's own row, as on their page of the drill-down. */
	private static HomeCard own(long staffId, WorkloadFigures figures, LocalDate today) {
		Optional<WorkerFigures> own = figures.workers()
			.stream()
			.filter((worker) -> worker.staffId() == staffId)
			.findFirst();
		if (own.isEmpty()) {
			return new HomeCard(100, "home.workload.own.heading",
					List.of(Figure.of("home.workload.own.load", "home.workload.own.none", List.of(), null, Tone.NONE)),
					null, null);
		}
		WorkerFigures worker = own.get();
		String href = "/workload/workers/" + staffId + "?at=" + today;
		// The percentage as every page rounds it, never contradicting the band; a worker
		// whose role carries no cases has no ratio to show.
		Figure ratio = worker.measured()
				? Figure.of("home.workload.own.ratio", "home.workload.ratio." + worker.band().name(),
						List.of(worker.shownLoad()), href, tone(worker.band()))
				: Figure.of("home.workload.own.ratio", "home.workload.ownWithoutCapacity", List.of(), href,
						worker.withoutCaseCapacity() ? Tone.WARNING : Tone.NONE);
		return new HomeCard(100, "home.workload.own.heading", List.of(
				Figure.of("home.workload.own.load", "home.workload.points",
						List.of(worker.weightedLoad(), worker.capacity()), href, Tone.NONE),
				ratio,
				Figure.of("home.workload.own.cases", "home.count", List.of(worker.openCases()), href, Tone.NONE)),
				"home.workload.own.link", href);
	}

	/**
	 * What needs acting on in the units the viewer sees. Counts of units include every
	 * level (department, unit, team) in the red band, which the workload page names "over
	 * capacity" (above 110 %; amber is "at the limit"); the case counts are those of the
	 * units at the top of what the viewer sees, each of which sums everything below it,
	 * so nothing is counted twice.
	 */
	private HomeCard alerts(Organisation organisation, Viewer viewer, WorkloadFigures figures, LocalDate today) {
		String overview = "/workload?at=" + today;
		List<UnitFigures> units = viewer.units(figures);
		List<String> unitsOver = units.stream()
			.filter((unit) -> unit.band() == Band.RED)
			.map(UnitFigures::name)
			.toList();
		// Over capacity as the workload pages' headline counts it: caseworkers above 100
		// %
		// (the red and amber bands).
		long workersOver = viewer.workers(figures)
			.stream()
			.filter((worker) -> worker.caseworker() && worker.loadRatio() > Band.AMBER_ABOVE)
			.count();
		List<UnitFigures> top = viewer.organisationTotal() ? List.of(figures.organisation())
				: units.stream()
					.filter((unit) -> unit.parentId() == null || !viewer.seesUnit(unit.parentId()))
					.toList();
		int pastDeadline = top.stream().mapToInt(UnitFigures::investigationsPastDeadline).sum();
		int oneHandler = top.stream().mapToInt(UnitFigures::twoHandlerViolations).sum();
		List<Figure> rows = new ArrayList<>();
		rows.add(new Figure("home.workload.unitsOver", List.of(), "home.workload.unitsOver.value",
				List.of(unitsOver.size(), names(unitsOver)), overview, unitsOver.isEmpty() ? Tone.GOOD : Tone.ALERT));
		rows.add(Figure.of("home.workload.workersOver", "home.count", List.of(workersOver), overview,
				(workersOver == 0) ? Tone.GOOD : Tone.ALERT));
		rows.add(Figure.of("home.workload.pastDeadline", "home.count", List.of(pastDeadline), overview,
				(pastDeadline == 0) ? Tone.GOOD : Tone.ALERT));
		rows.add(Figure.of("home.workload.oneHandler", "home.count", List.of(oneHandler), overview,
				(oneHandler == 0) ? Tone.GOOD : Tone.ALERT));
		rows.add(lastImport(organisation, today));
		return new HomeCard(110, "home.workload.alerts.heading", rows, "home.workload.link", overview);
	}

	/**
	 * The newest import of any kind; older than {@value #STALE_IMPORT_DAYS} days or none
	 * is an alert.
	 */
	private Figure lastImport(Organisation organisation, LocalDate today) {
		Optional<LocalDate> last = this.imports.lastRun(organisation.id())
			.map((instant) -> LocalDate.ofInstant(instant, this.clock.getZone()));
		if (last.isEmpty()) {
			return Figure.of("home.workload.lastImport", "home.workload.lastImport.never", List.of(),
					"/workload/imports", Tone.ALERT);
		}
		long days = ChronoUnit.DAYS.between(last.get(), today);
		return Figure.of("home.workload.lastImport", "home.workload.lastImport.value",
				List.of(last.get().toString(), days), "/workload/imports",
				(days > STALE_IMPORT_DAYS) ? Tone.ALERT : Tone.GOOD);
	}

	/** The organisation's key figures today beside those of three months earlier. */
	private static HomeCard keyFigures(UnitFigures now, UnitFigures then, LocalDate today) {
		LocalDate earlier = today.minusMonths(COMPARE_MONTHS);
		String href = "/workload?at=" + today;
		// Before the first data the earlier date has nobody employed: "no data", not 0.
		boolean earlierData = then.headcount() > 0;
		List<Figure> rows = List.of(
				Figure.of("home.workload.key.since", "home.date", List.of(earlier.toString()),
						"/workload?at=" + earlier, Tone.NONE),
				change("home.workload.key.headcount", "home.change.count", now.headcount(), then.headcount(),
						earlierData, href),
				change("home.workload.key.fte", "home.change.decimal", now.fte(), then.fte(), earlierData, href),
				change("home.workload.key.load", "home.change.percent", now.shownLoad(), then.shownLoad(), earlierData,
						href),
				change("home.workload.key.pastDeadline", "home.change.percent", now.shareOfInvestigationsPastDeadline(),
						then.shareOfInvestigationsPastDeadline(), earlierData, href),
				change("home.workload.key.oneHandler", "home.change.count", now.twoHandlerViolations(),
						then.twoHandlerViolations(), earlierData, href),
				change("home.workload.key.turnover", "home.change.percent", now.turnover(), then.turnover(),
						earlierData, href),
				change("home.workload.key.forecast", "home.change.decimal", now.forecastFte(), then.forecastFte(),
						earlierData, href));
		return new HomeCard(120, "home.workload.key.heading", rows, "home.workload.key.link",
				"/workload?at=" + earlier);
	}

	/**
	 * A figure now, then and the change; a share's change is given in percentage points.
	 */
	private static Figure change(String labelKey, String valueKey, double now, double then, boolean earlierData,
			String href) {
		if (!earlierData) {
			return Figure.of(labelKey, valueKey + ".noEarlier", List.of(now), href, Tone.NONE);
		}
		// The change between the figures as shown (rounded as the message format rounds
		// them, half to even), so that it never contradicts them: 87 % then 3 % is +84.
		boolean percent = valueKey.endsWith("percent");
		int digits = valueKey.endsWith("decimal") ? 1 : 0;
		double change = shown(percent ? now * 100 : now, digits) - shown(percent ? then * 100 : then, digits);
		return Figure.of(labelKey, valueKey, List.of(now, then, change, Math.abs(change)), href, Tone.NONE);
	}

	private static double shown(double value, int digits) {
		return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
	}

	/**
	 * The first {@value #NAMES_SHOWN} names, then an ellipsis: the count says how many,
	 * the overview lists them all.
	 */
	private static String names(List<String> names) {
		return (names.size() <= NAMES_SHOWN) ? String.join(", ", names)
				: String.join(", ", names.subList(0, NAMES_SHOWN)) + ", …";
	}

	/**
	 * A worker's own band: a tag, never the banner; the overload is their manager's to
	 * act on, and the worker's own page says so without alarm.
	 */
	private static Tone tone(Band band) {
		return switch (band) {
			case RED, AMBER -> Tone.WARNING;
			case GREEN, SPARE -> Tone.GOOD;
		};
	}

}
