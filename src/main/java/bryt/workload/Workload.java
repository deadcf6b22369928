package bryt.workload;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;

/**
 * The workload module's API: the figures of an organisation on a date. Its imports of
 * case types and cases are {@link bryt.shared.imports.ImportKind}s.
 *
 * <p>
 * Figures are computed once per organisation, date and data version and then served from
 * memory; every change to cases, case types, staff or units bumps the version, so a
 * cached picture is never stale, also with several instances.
 */
@Service
public class Workload {

	private final Organisations organisations;

	private final WorkloadRepository repository;

	private final CaseTypeRepository caseTypes;

	private final Clock clock;

	private final Cache<Key, Trend> trends = Caffeine.newBuilder()
		.maximumSize(50)
		.expireAfterAccess(Duration.ofHours(6))
		.build();

	private final Cache<Key, WorkloadFigures> cache = Caffeine.newBuilder()
		.maximumSize(2_000)
		.expireAfterAccess(Duration.ofHours(6))
		.build();

	Workload(Organisations organisations, WorkloadRepository repository, CaseTypeRepository caseTypes, Clock clock) {
		this.organisations = organisations;
		this.repository = repository;
		this.caseTypes = caseTypes;
		this.clock = clock;
	}

	/**
	 * The first and last days Bryt gives figures for. A year before 1950 holds no social
	 * services' records in Bryt, and the charts' calendar ends at 1900 (the trend reaches
	 * 52 weeks back); a year after 9999 has no ISO date.
	 */
	public static final LocalDate FIRST_DAY = LocalDate.of(1950, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	/** Whether the date lies between {@link #FIRST_DAY} and {@link #LAST_DAY}. */
	public static boolean covers(LocalDate date) {
		return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
	}

	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * The version of an organisation's workload data: it changes with every change to it.
	 */
	long version(Organisation organisation) {
		return this.repository.version(organisation.id());
	}

	/** The figures of an organisation on a date. */
	public WorkloadFigures figures(Organisation organisation, LocalDate at) {
		Key key = new Key(organisation.id(), at, this.repository.version(organisation.id()));
		return this.cache.get(key, (k) -> compute(organisation, at));
	}

	/**
	 * The organisation's and its units' figures on each of the 52 weeks up to a date.
	 */
	public Trend trend(Organisation organisation, LocalDate at) {
		Key key = new Key(organisation.id(), at, this.repository.version(organisation.id()));
		return this.trends.get(key, (k) -> computeTrend(organisation, at));
	}

	/**
	 * One worker's load on each of the 52 weeks up to a date (the weeks of
	 * {@link #trend}), defined as their figures on each date. Read from the worker's own
	 * cases: it costs one query over them, not the organisation's trend.
	 */
	List<WorkerWeek> workerTrend(Organisation organisation, long staffId, LocalDate at) {
		List<LocalDate> weeks = weeks(at);
		StaffMember member = this.organisations.staff(organisation.id())
			.stream()
			.filter((candidate) -> candidate.id() == staffId)
			.findFirst()
			.orElse(null);
		if (member == null) {
			return weeks.stream().map(WorkerWeek::notEmployed).toList();
		}
		LoadSettings settings = this.repository.settings(organisation.id());
		return TrendCalculator.worker(weeks, settings, member,
				this.repository.trendAssignmentEvents(organisation.id(), staffId, weeks.getFirst(), at)
					.stream()
					.map((event) -> event.points(settings))
					.toList());
	}

	/**
	 * The cases a worker handles on a date with the points each carries, split between
	 * primary and co-handler as in the figures.
	 */
	List<WorkerCase> casesOf(Organisation organisation, long staffId, LocalDate at) {
		LoadSettings settings = this.repository.settings(organisation.id());
		Map<Long, CaseType> types = new HashMap<>();
		this.caseTypes.findAll(organisation.id()).forEach((type) -> types.put(type.id(), type));
		List<WorkerCase> cases = new ArrayList<>();
		for (WorkloadRepository.HandledCase handled : this.repository.casesOf(organisation.id(), staffId, at)) {
			OpenCase open = handled.open();
			double points = 0;
			if (Long.valueOf(staffId).equals(open.primaryHandler())) {
				points += open.primaryPoints(settings);
			}
			if (Long.valueOf(staffId).equals(open.coHandler())) {
				points += open.coHandlerPoints(settings);
			}
			Long daysLate = (open.investigation() && open.deadline() != null && open.deadline().isBefore(at))
					? ChronoUnit.DAYS.between(open.deadline(), at) : null;
			cases.add(new WorkerCase(handled.caseRef(), types.get(handled.caseTypeId()), open.complexity(),
					handled.opened(), open.deadline(), Long.valueOf(staffId).equals(open.primaryHandler()), points,
					daysLate));
		}
		return cases;
	}

	/**
	 * Every organisation's totals on a date, as its own figures total them: the national
	 * roll-up. Each organisation's open cases are summed in the database per pair of
	 * handlers, as many organisations at a time as there are processors. Each case's
	 * handlers and deadline come from its row when its history has not changed since the
	 * date, else from the history ({@link WorkloadRepository#handlerTotals}); PostgreSQL
	 * does not share such per-case lookups among its parallel workers.
	 */
	List<NationalRow> national(LocalDate at) {
		List<Organisation> all = this.organisations.all();
		int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, Math.max(1, all.size()));
		List<Future<OrganisationSums>> sums = new ArrayList<>();
		List<NationalRow> result = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (Organisation organisation : all) {
				sums.add(pool
					.submit(() -> new OrganisationSums(organisation, this.repository.settings(organisation.id()),
							this.repository.handlerTotals(organisation.id(), at))));
			}
			// Every organisation's staff with their periods, read while the pool sums the
			// cases: the two take about as long, and neither needs the other.
			Map<Long, List<StaffMember>> staff = this.organisations.staffByOrganisation();
			for (Future<OrganisationSums> future : sums) {
				OrganisationSums sum = result(future);
				result.add(nationalRow(sum.organisation(), at, sum.settings(),
						staff.getOrDefault(sum.organisation().id(), List.of()), sum.cases()));
			}
		}
		result.sort(Comparator.comparing(NationalRow::code));
		return result;
	}

	/** What the database sums for one organisation in the national roll-up. */
	private record OrganisationSums(Organisation organisation, LoadSettings settings,
			List<WorkloadRepository.HandlerTotals> cases) {
	}

	private static NationalRow nationalRow(Organisation organisation, LocalDate at, LoadSettings settings,
			List<StaffMember> staff, List<WorkloadRepository.HandlerTotals> cases) {
		Set<Long> employed = new HashSet<>();
		double capacity = 0;
		for (StaffMember member : staff) {
			if (member.employedOn(at)) {
				employed.add(member.id());
				capacity += WorkloadCalculator.capacity(member, settings, at);
			}
		}
		// As in the organisation's own figures: the points carried by those employed on
		// the date.
		double load = 0;
		long openCases = 0;
		long investigations = 0;
		long pastDeadline = 0;
		for (WorkloadRepository.HandlerTotals handled : cases) {
			double points = handled.points(settings);
			if (employed.contains(handled.primaryHandler())) {
				load += settings.primaryPoints(points, handled.coHandler() != null);
			}
			if (employed.contains(handled.coHandler())) {
				load += settings.coHandlerPoints(points);
			}
			openCases += handled.openCases();
			investigations += handled.openInvestigations();
			pastDeadline += handled.investigationsPastDeadline();
		}
		return new NationalRow(organisation.code(), employed.size(), capacity, openCases, load, investigations,
				pastDeadline);
	}

	private static <T> T result(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An organisation's totals in the national roll-up. */
	record NationalRow(String code, long headcount, double capacity, long openCases, double weightedLoad,
			long openInvestigations, long investigationsPastDeadline) {
	}

	public List<CaseType> caseTypes(long organisationId) {
		return this.caseTypes.findAll(organisationId);
	}

	/** The load model the organisation's employer and unions agreed on. */
	public LoadSettings settings(long organisationId) {
		return this.repository.settings(organisationId);
	}

	private WorkloadFigures compute(Organisation organisation, LocalDate at) {
		LoadSettings settings = this.repository.settings(organisation.id());
		return WorkloadCalculator.compute(organisation.id(), organisation.code(), organisation.name(), at, settings,
				this.organisations.units(organisation.id()), this.organisations.staff(organisation.id()),
				this.repository.openCases(organisation.id(), at), flows(organisation, at, settings));
	}

	private Trend computeTrend(Organisation organisation, LocalDate at) {
		LoadSettings settings = this.repository.settings(organisation.id());
		List<LocalDate> weeks = weeks(at);
		LocalDate first = weeks.getFirst();
		return TrendCalculator.compute(organisation.code(), weeks, settings,
				this.organisations.units(organisation.id()), this.organisations.staff(organisation.id()),
				this.repository.trendCaseEvents(organisation.id(), first, at),
				this.repository.trendAssignmentEvents(organisation.id(), first, at)
					.stream()
					.map((event) -> event.points(settings))
					.toList());
	}

	/** The trend's dates: 52, a week apart, oldest first, the last on the date. */
	private static List<LocalDate> weeks(LocalDate at) {
		List<LocalDate> weeks = new ArrayList<>();
		for (int back = Trend.WEEKS - 1; back >= 0; back--) {
			weeks.add(at.minusWeeks(back));
		}
		return weeks;
	}

	private Map<Long, UnitFlow> flows(Organisation organisation, LocalDate at, LoadSettings settings) {
		Map<Long, UnitFlow> flows = new HashMap<>();
		for (WorkloadRepository.FlowWeights weights : this.repository.flowWeights(organisation.id(), at)) {
			flows.merge(weights.unitId(), weights.flow(settings), UnitFlow::plus);
		}
		return flows;
	}

	private record Key(long organisationId, LocalDate at, long version) {
	}

}
