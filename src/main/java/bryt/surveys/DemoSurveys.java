package bryt.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisations;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;
import bryt.shared.imports.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo municipality's surveys (issue 13, item 8): two closed annual surveys a year
 * apart, a pulse between them, and the exit survey's two stages over the past 12 months
 * (15 for the first stage), all answered through the real answer path: launched with
 * paper codes ({@link CycleLaunch}), answered code by code ({@link AnswerSubmissions}),
 * closed and released ({@link CycleService#close(long, LocalDate)}, which also proposes
 * the weak areas' actions), the leavers invited ({@link ExitSurveys}) and their private
 * addresses left and used for the second stage. Nothing is inserted around those classes.
 *
 * <p>
 * The dates lie in the past relative to the demo's day: the launch and the answers are
 * made by {@link CycleLaunch} and {@link AnswerSubmissions} built here with a clock
 * stopped on the day (their code unchanged, in the demo's one transaction); closing and
 * the exit survey take the day as an argument (package-private, never reached from a
 * route). The answers come from a seeded {@link Random}: the same demo every time. They
 * are shaped so that the pages show something: workload is weak in the investigation
 * teams and worse in the second annual survey, leadership, support and clarity better; in
 * the second annual survey only three of Socialpsykiatri's staff answer, so that unit is
 * hidden (and its sibling with it).
 */
@Component
class DemoSurveys {

	private static final Logger log = LoggerFactory.getLogger(DemoSurveys.class);

	private static final long SEED = 13_2026L;

	/** The language the answer pages would show: the demo municipality is Swedish. */
	private static final String LANGUAGE = "sv";

	/** How good each area is (0–1, the index over 100) in an ordinary unit. */
	private static final Map<String, Double> AREAS = Map.ofEntries(Map.entry("workload", 0.50),
			Map.entry("clarity", 0.62), Map.entry("emotional", 0.55), Map.entry("organisation", 0.58),
			Map.entry("influence", 0.60), Map.entry("support", 0.72), Map.entry("recovery", 0.52),
			Map.entry("leadership", 0.64), Map.entry("skills", 0.66), Map.entry("safety", 0.70),
			Map.entry("victimisation", 0.85), Map.entry("violence", 0.78));

	/** How much better or worse than ordinary a unit is, by its code. */
	private static final Map<String, Double> UNITS = Map.of("BOF-UTR-1", -0.12, "BOF-UTR-2", -0.08, "EKB-EB-NY", -0.05,
			"VUX-SP", 0.08, "BOF-PLA", 0.04);

	/** The second annual survey against the first: one area worse, three better. */
	private static final Map<String, Double> SECOND_YEAR = Map.of("workload", -0.07, "leadership", 0.08, "support",
			0.05, "clarity", 0.06);

	/** The unit where only three answer the second annual survey. */
	private static final String FEW = "VUX-SP";

	/**
	 * The demo's own pack, imported as an organisation imports one: Bryt's questions have
	 * no free text, so that comments wait for review in the demo (the second outside
	 * review found none), a short pulse about the team meeting asks for some. Its name is
	 * in Swedish, as the demo municipality's.
	 */
	/** The demo pack's name, from which its instrument's key is made. */
	static final String MEETING_PACK_NAME = "Exempelby: arbetsplatsträffen";

	private static final String MEETING_PACK = """
			area_key,area_sv,area_da,area_en,item_key,item_sv,item_da,item_en,scale,scored,reverse,kind
			meeting,Arbetsplatsträffen,Arbejdspladsmødet,The team meeting,m1,Vi tar upp arbetsmiljön på våra arbetsplatsträffar.,Vi taler om arbejdsmiljøet på vores arbejdspladsmøder.,We discuss the work environment at our team meetings.,agree5,yes,no,scale
			own_words,Med egna ord,Med dine egne ord,In your own words,m2,Vad vill du ta upp på nästa arbetsplatsträff?,Hvad vil du tage op på det næste arbejdspladsmøde?,What would you like to raise at the next team meeting?,,no,no,text
			""";

	/**
	 * What some of Barn och familj's staff write in the team-meeting pulse: names and
	 * places for the reviewers to remove. Only Barn och familj, the units the demo's
	 * union and safety representatives cover, so that they can approve.
	 */
	private static final List<String> COMMENTS = List.of(
			"Karin Lind på mottagningen är ett stort stöd, men ärendemängden är för hög.",
			"Vi hinner inte med handledningen. Det har varit så sedan i våras.",
			"Bra kollegor, men för många placeringsärenden per handläggare.",
			"Jonas är en bra chef som lyssnar, men vi behöver fler tjänster.",
			"Hot från en vårdnadshavare på Storgatan har inte följts upp.",
			"Det nya verksamhetssystemet är långsamt och tar tid från klienterna.",
			"Jag trivs i teamet och med arbetsuppgifterna.", "Introduktionen för nyanställda behöver bli bättre.");

	private final CycleService cycles;

	private final CycleRepository cycleRepository;

	private final AnswerRepository answers;

	private final ExitSurveys exits;

	private final Instruments instruments;

	private final ActionPlans actions;

	private final Organisations organisations;

	private final InvitationKey key;

	private final SurveysProperties properties;

	private final Clock clock;

	DemoSurveys(CycleService cycles, CycleRepository cycleRepository, AnswerRepository answers, ExitSurveys exits,
			Instruments instruments, ActionPlans actions, Organisations organisations, InvitationKey key,
			SurveysProperties properties, Clock clock) {
		this.cycles = cycles;
		this.cycleRepository = cycleRepository;
		this.answers = answers;
		this.exits = exits;
		this.instruments = instruments;
		this.actions = actions;
		this.organisations = organisations;
		this.key = key;
		this.properties = properties;
		this.clock = clock;
	}

	/** In the transaction that creates the demo municipality. */
	@EventListener
	void on(DemoMunicipalityCreated demo) {
		long started = System.nanoTime();
		long organisationId = demo.organisationId();
		LocalDate today = demo.today();
		Random random = new Random(SEED);
		Map<String, String> codeByName = new HashMap<>();
		Map<Long, String> codeById = new HashMap<>();
		for (Unit unit : this.organisations.units(organisationId)) {
			codeByName.put(unit.name(), unit.code());
			codeById.put(unit.id(), unit.code());
		}
		long annual = this.instruments.brytOwn(Instruments.ANNUAL).orElseThrow();
		long pulse = this.instruments.brytOwn(Instruments.PULSE).orElseThrow();
		LocalDate firstOpens = today.minusDays(400);
		long first = survey(organisationId, CycleProgram.ANNUAL, annual, firstOpens, firstOpens.plusDays(20), Map.of(),
				false, codeByName, random);
		LocalDate pulseOpens = today.minusDays(200);
		survey(organisationId, CycleProgram.PULSE, pulse, pulseOpens, pulseOpens.plusDays(10), Map.of(), false,
				codeByName, random);
		LocalDate secondOpens = today.minusDays(35);
		survey(organisationId, CycleProgram.ANNUAL, annual, secondOpens, secondOpens.plusDays(20), SECOND_YEAR, true,
				codeByName, random);
		meetingPulse(organisationId, today, codeByName);
		int leavers = exitSurveys(organisationId, today, codeById, random);
		closeDue(organisationId, today);
		// A year on, the first survey's actions are done or under way.
		ActionStatus[] statuses = { ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS };
		int i = 0;
		for (SurveyAction action : this.actions.all(organisationId)) {
			if (action.cycleId() == first) {
				this.actions.changeStatus(organisationId, action.id(), statuses[i++ % statuses.length]);
			}
		}
		log.info("Created the demo surveys: two annual surveys, a pulse and {} leavers' exit surveys in {} ms", leavers,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Launches an annual survey or pulse as on its opening day, with paper codes, and
	 * answers most of them on the days after.
	 */
	private long survey(long organisationId, CycleProgram program, long instrumentId, LocalDate opensOn,
			LocalDate closesOn, Map<String, Double> change, boolean fewInOneUnit, Map<String, String> codeByName,
			Random random) {
		CycleLaunch.Launched launched = new CycleLaunch(this.cycleRepository, this.organisations, this.key,
				this.properties, on(opensOn))
			.launch(organisationId, new CycleCommand(program, instrumentId, opensOn, closesOn), false);
		List<AnswerItem> items = this.answers.items(instrumentId, LANGUAGE);
		Set<String> reversed = reversed(instrumentId);
		Map<String, Integer> answered = new HashMap<>();
		for (CycleLaunch.Launched.PaperCode slip : launched.paperCodes()) {
			String unit = codeByName.getOrDefault(slip.unitName(), "");
			boolean answers = (fewInOneUnit && FEW.equals(unit)) ? answered.getOrDefault(unit, 0) < 3
					: random.nextInt(100) < 78;
			if (!answers) {
				continue;
			}
			answered.merge(unit, 1, Integer::sum);
			Map<String, List<String>> posted = new LinkedHashMap<>();
			double person = random.nextGaussian() * 0.08;
			for (AnswerItem item : items) {
				if (item.kind() == AnswerItem.Kind.TEXT || random.nextInt(40) == 0) {
					// free text is left to the comments' part; now and then an item is
					// skipped, as people do
					continue;
				}
				double good = AREAS.getOrDefault(item.areaKey(), 0.6) + UNITS.getOrDefault(unit, 0.0)
						+ change.getOrDefault(item.areaKey(), 0.0) + person;
				posted.put(item.field(), List.of(String.valueOf(value(item, good, reversed, random))));
			}
			submit(slip.code(), items, posted, opensOn.plusDays(1 + random.nextInt(10)));
		}
		return launched.cycleId();
	}

	/**
	 * The exit survey over the past 15 months (so that the second stage, 90 days on, has
	 * a full year too): each month's leavers invited as on the first of their month
	 * (made-up work addresses, never mailed), most of them answering on their last day;
	 * four in five of those leave a private address, and the second stage is sent and
	 * answered on each day it fell due.
	 * @return how many leavers were invited
	 */
	private int exitSurveys(long organisationId, LocalDate today, Map<Long, String> codeById, Random random) {
		Long instrumentId = this.instruments.brytOwn(Instruments.EXIT).orElse(null);
		if (instrumentId == null) {
			return 0;
		}
		List<AnswerItem> items = this.answers.items(instrumentId, LANGUAGE);
		Map<Long, String> addresses = new HashMap<>();
		Map<Long, StaffMember> byId = new HashMap<>();
		for (StaffMember member : this.organisations.staff(organisationId)) {
			addresses.put(member.id(), "demo-" + member.employeeNumber() + "@exempelby.invalid");
			byId.put(member.id(), member);
		}
		int invited = 0;
		TreeSet<LocalDate> secondStageDays = new TreeSet<>();
		YearMonth month = YearMonth.from(today).minusMonths(14);
		for (; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
			ExitSurveys.Invitations invitations = this.exits
				.inviteLeavers(organisationId, month.atDay(1), month.atEndOfMonth(), addresses)
				.orElse(null);
			if (invitations == null) {
				continue;
			}
			for (CycleLaunch.Launched.Mail mail : invitations.mails()) {
				invited++;
				if (random.nextInt(100) >= 85) {
					continue;
				}
				StaffMember leaver = byEmail(byId, addresses, mail.email());
				LocalDate end = leaver.endDate();
				Map<String, List<String>> posted = exitAnswers(items, codeById.get(leaver.unitId()), random);
				submit(mail.code(), items, posted, end.isAfter(today) ? today : end);
				if (random.nextInt(5) < 4) {
					this.exits.leaveAddress(mail.code(), "demo@exempelby.invalid");
					LocalDate due = end.plusDays(ExitSurveys.SECOND_STAGE_DAYS);
					if (!due.isAfter(today)) {
						secondStageDays.add(due);
					}
				}
			}
		}
		for (LocalDate day : secondStageDays) {
			for (ExitSurveys.Invitations invitations : this.exits.secondStage(day)) {
				for (CycleLaunch.Launched.Mail mail : invitations.mails()) {
					if (random.nextInt(100) < 85) {
						submit(mail.code(), items, exitAnswers(items, null, random), day);
					}
				}
			}
		}
		return invited;
	}

	private static StaffMember byEmail(Map<Long, StaffMember> byId, Map<Long, String> addresses, String email) {
		return addresses.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(email))
			.map((entry) -> byId.get(entry.getKey()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A leaver's answers: one to three reasons, workload and leadership the commonest
	 * (more so in the investigation teams), would they come back, would they recommend.
	 */
	private static Map<String, List<String>> exitAnswers(List<AnswerItem> items, String unit, Random random) {
		boolean pressed = unit != null && unit.startsWith("BOF-UTR");
		// pay, workload, leadership, support, threats, values, career, private,
		// retirement, fixed term
		int[] weights = { 5, pressed ? 12 : 7, 6, 4, 2, 2, 4, 3, 2, 1 };
		Map<String, List<String>> posted = new LinkedHashMap<>();
		for (AnswerItem item : items) {
			switch (item.kind()) {
				case REASONS -> {
					Set<String> reasons = new HashSet<>();
					int count = 1 + random.nextInt(3);
					while (reasons.size() < count) {
						reasons.add(String.valueOf(pick(weights, random)));
					}
					posted.put(item.field(), new ArrayList<>(reasons));
				}
				case YES_NO -> posted.put(item.field(), List.of(String.valueOf(pick(new int[] { 4, 3, 3 }, random))));
				case RECOMMEND -> posted.put(item.field(),
						List.of(String.valueOf(clamp((int) Math.round(5.5 + random.nextGaussian() * 2.5), 10))));
				case SCALE -> posted.put(item.field(), List.of(String.valueOf(random.nextInt(item.maxValue() + 1))));
				case TEXT -> {
					// left to the comments' part
				}
			}
		}
		return posted;
	}

	/**
	 * An answer whose expected score is about {@code good}: a scale item's value (turned
	 * round for a reversed item), a recommend item's 0–10, else a yes/no answer.
	 */
	private static int value(AnswerItem item, double good, Set<String> reversed, Random random) {
		int max = item.maxValue();
		return switch (item.kind()) {
			case SCALE -> {
				int value = clamp((int) Math.round(good * max + random.nextGaussian() * 0.8), max);
				yield reversed.contains(item.key()) ? max - value : value;
			}
			case RECOMMEND -> clamp((int) Math.round(good * 10 + 1 + random.nextGaussian() * 2), 10);
			default -> random.nextInt(max + 1);
		};
	}

	private static int clamp(int value, int max) {
		return Math.max(0, Math.min(max, value));
	}

	private static int pick(int[] weights, Random random) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int draw = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private Set<String> reversed(long instrumentId) {
		Set<String> reversed = new HashSet<>();
		this.instruments.find(instrumentId, LANGUAGE)
			.orElseThrow()
			.areas()
			.forEach((area) -> area.items()
				.stream()
				.filter(Instrument.Item::reverse)
				.forEach((item) -> reversed.add(item.key())));
		return reversed;
	}

	/**
	 * The team-meeting pulse (F7 of the second outside review): the demo's own pack
	 * imported, launched with paper codes 14 days ago (three weeks after the second
	 * annual survey) for ten days, and answered through the answer path; about half of
	 * Barn och familj's respondents write a comment. Its own {@link Random}, so that
	 * every other answer of the demo stays as it was. Closed with the others: its
	 * comments then wait for review.
	 */
	private void meetingPulse(long organisationId, LocalDate today, Map<String, String> codeByName) {
		Random random = new Random(SEED + 1);
		this.instruments.importPack(organisationId,
				new InstrumentImportForm(MEETING_PACK_NAME, "Exempelby kommun",
						"Exempelby kommuns egen fråga om arbetsplatsträffen (demo)"),
				"arbetsplatstraffen.csv",
				new java.io.ByteArrayInputStream(MEETING_PACK.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Actor.SYSTEM);
		long instrumentId = this.instruments.list(organisationId)
			.stream()
			.filter((head) -> head.key().equals(InstrumentImport.key(MEETING_PACK_NAME)))
			.findFirst()
			.orElseThrow()
			.id();
		LocalDate opensOn = today.minusDays(14);
		CycleLaunch.Launched launched = new CycleLaunch(this.cycleRepository, this.organisations, this.key,
				this.properties, on(opensOn))
			.launch(organisationId, new CycleCommand(CycleProgram.PULSE, instrumentId, opensOn, opensOn.plusDays(10)),
					false);
		List<AnswerItem> items = this.answers.items(instrumentId, LANGUAGE);
		for (CycleLaunch.Launched.PaperCode slip : launched.paperCodes()) {
			if (random.nextInt(100) >= 80) {
				continue;
			}
			String unit = codeByName.getOrDefault(slip.unitName(), "");
			Map<String, List<String>> posted = new LinkedHashMap<>();
			for (AnswerItem item : items) {
				if (item.kind() == AnswerItem.Kind.TEXT) {
					if (unit.startsWith("BOF") && random.nextInt(2) == 0) {
						posted.put(item.field(), List.of(COMMENTS.get(random.nextInt(COMMENTS.size()))));
					}
				}
				else {
					posted.put(item.field(), List.of(String.valueOf(1 + random.nextInt(item.maxValue()))));
				}
			}
			submit(slip.code(), items, posted, opensOn.plusDays(1 + random.nextInt(10)));
		}
	}

	/**
	 * Through the answer page's own check and submission, as on {@code day}: the service
	 * made with a clock stopped on that day, in the demo's transaction.
	 */
	private void submit(InvitationCode code, List<AnswerItem> items, Map<String, List<String>> posted, LocalDate day) {
		AnswerSubmissions.Checked checked = AnswerSubmissions.check(items, posted);
		if (!new AnswerSubmissions(this.answers, this.cycleRepository, this.key, on(day)).submit(code, checked)) {
			throw new IllegalStateException("A demo answer was refused on " + day);
		}
	}

	/** A clock stopped at the start of a day, in the application's zone. */
	private Clock on(LocalDate day) {
		return Clock.fixed(day.atStartOfDay(this.clock.getZone()).toInstant(), this.clock.getZone());
	}

	/**
	 * Closes, oldest first, every demo cycle whose closing day has passed, each on the
	 * day after it (as the closing job would): the answers are released and the weak
	 * areas' actions proposed.
	 */
	private void closeDue(long organisationId, LocalDate today) {
		this.cycles.cycles(organisationId)
			.stream()
			.filter((cycle) -> "open".equals(cycle.status()) && cycle.closesOn().isBefore(today))
			.sorted(Comparator.comparing(Cycle::closesOn).thenComparing(Cycle::id))
			.forEach((cycle) -> this.cycles.close(cycle.id(), cycle.closesOn().plusDays(1)));
	}

}
