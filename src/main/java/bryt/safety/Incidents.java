package bryt.safety;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import bryt.organisation.CurrentAccount;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.organisation.Role;
import bryt.organisation.Side;
import bryt.organisation.StaffMember;
import bryt.organisation.Unit;
import bryt.organisation.Visibility;
import bryt.voice.Sealing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting an incident (logged in or anonymously) and reading it: the description and
 * the evidence are sealed here, with the incident's own data key, before they reach the
 * repository, and opened here for a handler (with the private key unlocked in the
 * session) or the anonymous reporter (with the receipt). The key is wrapped for every
 * handler who has a key pair; one who gets one later receives it when a handler, or the
 * reporter, next opens the incident ({@link #share}).
 */
@Service
class Incidents {

	private static final String KIND = "kind";

	private static final String NAME = "name";

	private static final String MEDIA_TYPE = "mediaType";

	private static final String CLEANING = "cleaning";

	private static final String REMOVED = "removed";

	private static final String FILE = "FILE";

	private static final String LINK = "LINK";

	/**
	 * How long an account's access must have stood unchanged by an administrator before
	 * it receives incidents' keys: issue 13's rule for comment reviewers.
	 */
	static final Duration KEY_STANDING = Duration.ofDays(30);

	private final IncidentRepository incidents;

	private final Organisations organisations;

	private final Sealing sealing;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Incidents(IncidentRepository incidents, Organisations organisations, Sealing sealing,
			ApplicationEventPublisher events, Clock clock) {
		this.incidents = incidents;
		this.organisations = organisations;
		this.sealing = sealing;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether the account may report logged in: it has a staff record or covers units (a
	 * manager or a representative reporting for a colleague).
	 */
	static boolean mayReport(CurrentAccount me, Visibility visibility) {
		return me.staffId().isPresent() || !visibility.coveredUnits().isEmpty();
	}

	/**
	 * What a logged-in reporter may choose: the units it sees (its own and those it
	 * covers; every unit for HR and administrators) and the current staff it sees plus
	 * the colleagues of its own unit, so that a colleague can report for another.
	 */
	@Transactional(readOnly = true)
	ReportChoices choices(CurrentAccount me, Visibility visibility) {
		LocalDate today = today();
		List<StaffMember> staff = this.organisations.staff(me.organisationId());
		Long ownUnit = me.staffId()
			.flatMap((id) -> staff.stream().filter((member) -> member.id() == id).findFirst())
			.map(StaffMember::unitId)
			.orElse(null);
		List<Unit> units = this.organisations.units(me.organisationId())
			.stream()
			.filter((unit) -> visibility.wholeOrganisation() || visibility.coveredUnits().contains(unit.id())
					|| Long.valueOf(unit.id()).equals(ownUnit))
			.toList();
		List<StaffMember> colleagues = staff.stream()
			.filter((member) -> member.employedOn(today))
			.filter((member) -> visibility.seesStaffOf(member.unitId())
					|| Long.valueOf(member.unitId()).equals(ownUnit))
			.filter((member) -> me.staffId().map((own) -> own != member.id()).orElse(true))
			.toList();
		return new ReportChoices(units, colleagues, me.staffId().orElse(null), ownUnit);
	}

	/**
	 * Stores a logged-in report.
	 * @param fileErrors what reading the files refused ({@link Sealing#readFiles}), shown
	 * with the form's own errors
	 * @return the field errors, or the new incident
	 */
	@Transactional
	Reported report(CurrentAccount me, ReportChoices choices, IncidentForm form, List<Sealing.CleanFile> files,
			Map<String, String> fileErrors) {
		IncidentValidator.Checked checked = IncidentValidator.check(form, today(), choices.asChoices());
		Map<String, String> errors = new LinkedHashMap<>(checked.errors());
		errors.putAll(fileErrors);
		checkFileNames(files, errors);
		if (!errors.isEmpty()) {
			return Reported.refused(errors, checked.values());
		}
		long id = store(me.organisationId(), checked.incident(), me.accountId(), this.clock.instant(), null, files);
		return new Reported(id, null, Map.of(), checked.values());
	}

	/**
	 * Stores an anonymous report: no account, received only to the hour, and a receipt.
	 * @throws AlreadySentException when the form was sent before (nothing is stored)
	 */
	@Transactional
	Reported reportAnonymously(Organisation organisation, IncidentForm form, List<Sealing.CleanFile> files,
			Map<String, String> fileErrors, String formId) {
		Set<Long> units = new HashSet<>();
		this.organisations.units(organisation.id()).forEach((unit) -> units.add(unit.id()));
		IncidentValidator.Checked checked = IncidentValidator.check(form, today(),
				IncidentValidator.Choices.anonymous(units));
		Map<String, String> errors = new LinkedHashMap<>(checked.errors());
		errors.putAll(fileErrors);
		checkFileNames(files, errors);
		if (!errors.isEmpty()) {
			return Reported.refused(errors, checked.values());
		}
		if (!this.sealing.claimForm(formId)) {
			throw new AlreadySentException();
		}
		// To the hour only: the exact minute of an anonymous report, set against a
		// building's door log or who was on shift, could tell who sent it.
		Instant receivedAt = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		Sealing.DataKey key = this.sealing.newDataKey();
		Sealing.IssuedReceipt receipt = this.sealing.issueReceipt(key, IncidentContexts::receipt);
		long id = store(organisation.id(), checked.incident(), null, receivedAt, new Sealed(key,
				new IncidentRepository.StoredReceipt(receipt.selector(), receipt.verifierHash(), receipt.wrappedKey())),
				files);
		return new Reported(id, receipt.grouped(), Map.of(), checked.values());
	}

	private long store(long organisationId, IncidentValidator.NewIncident incident, Long reportedBy, Instant receivedAt,
			Sealed anonymous, List<Sealing.CleanFile> files) {
		Sealing.DataKey key = (anonymous != null) ? anonymous.key() : this.sealing.newDataKey();
		long id = this.incidents.create(organisationId, incident, reportedBy, receivedAt,
				(anonymous != null) ? anonymous.receipt() : null);
		String description = (incident.description() != null) ? incident.description() : "";
		this.incidents.saveContent(organisationId, id, this.sealing.encrypt(key,
				description.getBytes(StandardCharsets.UTF_8), IncidentContexts.content(organisationId, id)));
		share(organisationId, id, incident.unitId(), key);
		if (reportedBy != null) {
			shareWithReporter(organisationId, id, reportedBy, key);
		}
		LocalDate today = today();
		for (Sealing.CleanFile file : files) {
			addFile(organisationId, id, key, file, today);
		}
		for (String link : incident.links()) {
			addLink(organisationId, id, key, link, today);
		}
		this.events.publishEvent(new IncidentReported(organisationId, id));
		return id;
	}

	/**
	 * Wraps the data key for every current handler of the incident who has a key pair and
	 * no wrapped key yet: at the report, and whenever someone who can open it does.
	 */
	private void share(long organisationId, long incidentId, long unitId, Sealing.DataKey key) {
		Map<Long, Side> handlers = handlers(organisationId, unitId);
		Set<Long> missing = new LinkedHashSet<>(handlers.keySet());
		missing.removeAll(this.incidents.keyHolders(incidentId));
		// Only to accounts an administrator has left as they are for KEY_STANDING: one
		// who makes an HR account gets no incident's key with it
		// (docs/safety/anonymity.md).
		Instant now = this.clock.instant();
		missing.removeIf((account) -> keyFrom(organisationId, account, handlers.get(account)).isAfter(now));
		this.sealing.wrapFor(organisationId, missing, key, IncidentContexts.key(organisationId, incidentId))
			.forEach((account, wrapped) -> this.incidents.addKey(organisationId, incidentId, account, wrapped));
	}

	/**
	 * Wraps the data key for the account that reported the incident logged in, when it
	 * has a key pair and no wrapped key yet, so that it can read what it wrote on its own
	 * list ({@link #mine}). The wrapped key gives no access of its own: who handles an
	 * incident is {@link IncidentAccess}'s question, never the key table's.
	 */
	private void shareWithReporter(long organisationId, long incidentId, long reporter, Sealing.DataKey key) {
		if (this.incidents.keyHolders(incidentId).contains(reporter)) {
			return;
		}
		this.sealing.wrapFor(organisationId, List.of(reporter), key, IncidentContexts.key(organisationId, incidentId))
			.forEach((account, wrapped) -> this.incidents.addKey(organisationId, incidentId, account, wrapped));
	}

	/**
	 * The account's own reports, newest first, each with what it wrote when its key opens
	 * the incident ({@link ContentState} says why not otherwise: no key pair, not
	 * unlocked in this session, or reported before it had one).
	 */
	@Transactional(readOnly = true)
	List<OwnReport> mine(CurrentAccount me, String sessionId) {
		List<OwnReport> reports = new ArrayList<>();
		for (Incident incident : this.incidents.reportedBy(me.organisationId(), me.accountId())) {
			Opened opened = key(me, incident, sessionId);
			reports.add(new OwnReport(incident, opened.state(),
					(opened.key() != null) ? description(incident, opened.key()) : null));
		}
		return reports;
	}

	/**
	 * From when a handler receives incidents' keys: {@link #KEY_STANDING} after the
	 * account became its holder's own for the side it handles for
	 * ({@link Organisations#heldByHolderSince}: their own password or the first login
	 * through that side's identity provider, and second factor, no administrator's change
	 * since; never for a disabled one). An administrator who set an account's password,
	 * and so could unlock its key, receives no incident's key by waiting; nor does the
	 * employer's IT through a safety representative's login at the employer's provider.
	 */
	Instant keyFrom(long organisationId, long accountId, Side side) {
		return this.organisations.heldByHolderSince(organisationId, accountId, side)
			.map((since) -> since.plus(KEY_STANDING))
			.orElse(Instant.MAX);
	}

	/**
	 * The incident's handlers who have no key to it yet, and from when they receive it,
	 * for its page.
	 */
	@Transactional(readOnly = true)
	List<Waiting> waitingForKey(long organisationId, long incidentId) {
		Optional<Incident> incident = this.incidents.find(organisationId, incidentId);
		if (incident.isEmpty()) {
			return List.of();
		}
		long unitId = incident.get().unitId();
		Set<Long> holders = new HashSet<>(this.incidents.keyHolders(incidentId));
		Map<Long, String> names = new LinkedHashMap<>();
		this.organisations.accounts(organisationId)
			.forEach((account) -> names.put(account.id(), account.displayName()));
		List<Waiting> waiting = new ArrayList<>();
		for (Map.Entry<Long, Side> handler : handlers(organisationId, unitId).entrySet()) {
			long account = handler.getKey();
			if (!holders.contains(account)) {
				Instant from = keyFrom(organisationId, account, handler.getValue());
				waiting.add(new Waiting(names.get(account), Instant.MAX.equals(from) ? null : from,
						this.sealing.hasKey(account), handler.getValue() == Side.EMPLOYEE_SIDE));
			}
		}
		return waiting;
	}

	/**
	 * The accounts that handle an incident of the unit ({@link IncidentAccess}): HR, and
	 * the managers and safety representatives covering it; each with the side it handles
	 * for ({@link #handlerSide}), whose standing its key waits for.
	 */
	Map<Long, Side> handlers(long organisationId, long unitId) {
		Map<Long, Side> handlers = new LinkedHashMap<>();
		for (Organisations.AccountSummary account : this.organisations.accounts(organisationId)) {
			Set<Role> roles = account.roles();
			if (roles.contains(Role.HR) || ((roles.contains(Role.MANAGER) || roles.contains(Role.SAFETY_REPRESENTATIVE))
					&& this.organisations.coveredUnits(organisationId, account.id()).contains(unitId))) {
				handlers.put(account.id(), handlerSide(roles));
			}
		}
		return handlers;
	}

	/**
	 * The side a handler handles for: the employer's for HR and managers, the employee
	 * side's for a safety representative who is neither.
	 */
	static Side handlerSide(Set<Role> roles) {
		return (roles.contains(Role.HR) || roles.contains(Role.MANAGER)) ? Side.EMPLOYER : Side.EMPLOYEE_SIDE;
	}

	/** The incidents the account handles, newest first. */
	@Transactional(readOnly = true)
	List<Incident> handled(CurrentAccount me, Visibility visibility) {
		if (me.has(Role.HR)) {
			return this.incidents.inUnits(me.organisationId(), null);
		}
		if (me.has(Role.MANAGER) || me.has(Role.SAFETY_REPRESENTATIVE)) {
			return this.incidents.inUnits(me.organisationId(), visibility.coveredUnits());
		}
		return List.of();
	}

	/**
	 * The incident for one who handles it (checked by the caller), with its description
	 * and evidence when the handler's key opens it; opening it shares the key with
	 * handlers who have none yet.
	 */
	@Transactional
	Optional<HandlerView> open(CurrentAccount me, long incidentId, String sessionId) {
		Optional<Incident> found = this.incidents.find(me.organisationId(), incidentId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Incident incident = found.get();
		Opened opened = key(me, incident, sessionId);
		if (opened.key() == null) {
			return Optional.of(new HandlerView(incident, opened.state(), null, List.of()));
		}
		share(me.organisationId(), incidentId, incident.unitId(), opened.key());
		return Optional.of(new HandlerView(incident, ContentState.SHOWN, description(incident, opened.key()),
				evidence(incident, opened.key())));
	}

	/**
	 * Adds evidence (files already cleaned, links) as a handler; nothing when the
	 * handler's key does not open the incident.
	 * @return the field errors; empty when added
	 */
	@Transactional
	Map<String, String> addEvidence(CurrentAccount me, long incidentId, String sessionId, List<Sealing.CleanFile> files,
			String linkText) {
		Incident incident = this.incidents.find(me.organisationId(), incidentId).orElseThrow();
		if (!this.incidents.lockOpen(me.organisationId(), incidentId)) {
			// closed since the controller looked (ClosedIncidents)
			throw new ClosedIncidents.Refused(incidentId);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (bryt.shared.PersonalIdentityNumbers.containsOne(linkText)) {
			errors.put(IncidentForm.LINKS, IncidentValidator.IDENTITY_NUMBER);
		}
		List<String> links = IncidentValidator.links(linkText);
		if (links == null) {
			errors.putIfAbsent(IncidentForm.LINKS, "safety.error.links");
		}
		checkFileNames(files, errors);
		if (errors.isEmpty() && files.isEmpty() && links.isEmpty()) {
			errors.put("files", "safety.error.evidence.none");
		}
		Opened opened = key(me, incident, sessionId);
		if (opened.key() == null) {
			errors.put("files", "safety.error.evidence.locked");
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		LocalDate today = today();
		for (Sealing.CleanFile file : files) {
			addFile(me.organisationId(), incidentId, opened.key(), file, today);
		}
		for (String link : links) {
			addLink(me.organisationId(), incidentId, opened.key(), link, today);
		}
		return errors;
	}

	/** A file of the incident's evidence, decrypted for a handler whose key opens it. */
	@Transactional(readOnly = true)
	Optional<Download> download(CurrentAccount me, long incidentId, long evidenceId, String sessionId) {
		Optional<Incident> incident = this.incidents.find(me.organisationId(), incidentId);
		Optional<Sealing.DataKey> key = incident.map((found) -> key(me, found, sessionId).key());
		Optional<byte[]> data = this.incidents.evidenceData(me.organisationId(), incidentId, evidenceId);
		if (key.isEmpty() || data.isEmpty()) {
			return Optional.empty();
		}
		Evidence info = evidence(incident.get(), key.get()).stream()
			.filter((evidence) -> evidence.id() == evidenceId)
			.findFirst()
			.orElseThrow();
		byte[] bytes = this.sealing.decrypt(key.get(), data.get(),
				IncidentContexts.evidence(me.organisationId(), incidentId, evidenceId));
		return Optional.of(new Download(info.name(), info.mediaType(), bytes));
	}

	/**
	 * The organisation's report whose receipt selector (the receipt's public half) the
	 * typed receipt carries, if any: the report whose own budget a check of it draws on
	 * ({@link ReceiptChecks}). Nothing is verified here.
	 */
	@Transactional(readOnly = true)
	Optional<Long> receiptHolder(Organisation organisation, String typedReceipt) {
		return Sealing.selector(typedReceipt)
			.flatMap((selector) -> this.incidents.findBySelector(organisation.id(), selector))
			.map(IncidentRepository.ByReceipt::id);
	}

	/**
	 * The anonymous reporter's view with the receipt: the status and what they wrote;
	 * empty for a wrong or malformed receipt alike. Opening it also shares the key with
	 * handlers who have none yet.
	 */
	@Transactional
	Optional<ReporterView> status(Organisation organisation, String typedReceipt) {
		String selector = Sealing.selector(typedReceipt).orElse("-");
		Optional<IncidentRepository.ByReceipt> row = this.incidents.findBySelector(organisation.id(), selector);
		Optional<Sealing.DataKey> key = this.sealing.openWithReceipt(typedReceipt,
				row.map(IncidentRepository.ByReceipt::hash).orElse(null),
				row.map(IncidentRepository.ByReceipt::wrappedKey).orElse(null), IncidentContexts.receipt(selector));
		if (key.isEmpty() || row.isEmpty()) {
			return Optional.empty();
		}
		Incident incident = this.incidents.find(organisation.id(), row.get().id()).orElseThrow();
		share(organisation.id(), incident.id(), incident.unitId(), key.get());
		return Optional.of(new ReporterView(incident, description(incident, key.get())));
	}

	private Opened key(CurrentAccount me, Incident incident, String sessionId) {
		if (!this.sealing.hasKey(me.accountId())) {
			return new Opened(ContentState.NO_KEY, null);
		}
		Optional<byte[]> wrapped = this.incidents.wrappedKey(incident.id(), me.accountId());
		if (wrapped.isEmpty()) {
			return new Opened(ContentState.NOT_SHARED, null);
		}
		if (!this.sealing.unlocked(sessionId, me.accountId())) {
			return new Opened(ContentState.LOCKED, null);
		}
		return this.sealing
			.unwrap(sessionId, me.accountId(), wrapped.get(),
					IncidentContexts.key(incident.organisationId(), incident.id()))
			.map((key) -> new Opened(ContentState.SHOWN, key))
			// A key pair made anew (an administrator set the password) opens nothing
			// wrapped for the old one.
			.orElseGet(() -> new Opened(ContentState.NOT_SHARED, null));
	}

	private String description(Incident incident, Sealing.DataKey key) {
		return this.incidents.content(incident.organisationId(), incident.id())
			.map((content) -> new String(
					this.sealing.decrypt(key, content,
							IncidentContexts.content(incident.organisationId(), incident.id())),
					StandardCharsets.UTF_8))
			.orElse(null);
	}

	private List<Evidence> evidence(Incident incident, Sealing.DataKey key) {
		List<Evidence> evidence = new ArrayList<>();
		for (IncidentRepository.StoredEvidence stored : this.incidents.evidence(incident.organisationId(),
				incident.id())) {
			Map<String, String> meta = Sealing.decode(this.sealing.decrypt(key, stored.meta(),
					IncidentContexts.evidenceMeta(incident.organisationId(), incident.id(), stored.id())));
			evidence.add(new Evidence(stored.id(), LINK.equals(meta.get(KIND)), meta.get(NAME), meta.get(MEDIA_TYPE),
					meta.getOrDefault(CLEANING, ""), meta.getOrDefault(REMOVED, ""), stored.addedOn()));
		}
		return evidence;
	}

	private void addFile(long organisationId, long incidentId, Sealing.DataKey key, Sealing.CleanFile file,
			LocalDate today) {
		long evidenceId = this.incidents.createEvidence(organisationId, incidentId, today);
		Map<String, String> meta = new LinkedHashMap<>();
		meta.put(KIND, FILE);
		meta.put(NAME, file.name());
		meta.put(MEDIA_TYPE, file.mediaType());
		meta.put(CLEANING, file.cleaning());
		meta.put(REMOVED, (file.removed() != null) ? file.removed() : "");
		this.incidents.sealEvidence(evidenceId,
				this.sealing.encrypt(key, Sealing.encode(meta),
						IncidentContexts.evidenceMeta(organisationId, incidentId, evidenceId)),
				this.sealing.encrypt(key, file.bytes(),
						IncidentContexts.evidence(organisationId, incidentId, evidenceId)));
	}

	private void addLink(long organisationId, long incidentId, Sealing.DataKey key, String link, LocalDate today) {
		long evidenceId = this.incidents.createEvidence(organisationId, incidentId, today);
		Map<String, String> meta = new LinkedHashMap<>();
		meta.put(KIND, LINK);
		meta.put(NAME, link);
		meta.put(MEDIA_TYPE, "text/uri-list");
		this.incidents.sealEvidence(evidenceId,
				this.sealing.encrypt(key, Sealing.encode(meta),
						IncidentContexts.evidenceMeta(organisationId, incidentId, evidenceId)),
				this.sealing.encrypt(key, link.getBytes(StandardCharsets.UTF_8),
						IncidentContexts.evidence(organisationId, incidentId, evidenceId)));
	}

	private static void checkFileNames(List<Sealing.CleanFile> files, Map<String, String> errors) {
		if (files.stream().anyMatch((file) -> !IncidentValidator.nameAllowed(file.name()))) {
			errors.put("files", IncidentValidator.IDENTITY_NUMBER);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * What a logged-in reporter may choose, for the form and the check.
	 *
	 * @param ownStaffId the reporter's staff record, or null
	 * @param ownUnitId that record's unit, the form's default, or null
	 */
	record ReportChoices(List<Unit> units, List<StaffMember> colleagues, Long ownStaffId, Long ownUnitId) {

		IncidentValidator.Choices asChoices() {
			Set<Long> unitIds = new HashSet<>();
			this.units.forEach((unit) -> unitIds.add(unit.id()));
			Set<Long> staffIds = new HashSet<>();
			this.colleagues.forEach((member) -> staffIds.add(member.id()));
			return new IncidentValidator.Choices(unitIds, true, this.ownStaffId, staffIds);
		}

	}

	/**
	 * @param incidentId the new incident, or null when refused
	 * @param receipt an anonymous report's receipt, shown once; else null
	 * @param values what to show again in the form
	 */
	record Reported(Long incidentId, String receipt, Map<String, String> errors, Map<String, String> values) {

		static Reported refused(Map<String, String> errors, Map<String, String> values) {
			return new Reported(null, null, errors, values);
		}

		boolean stored() {
			return this.incidentId != null;
		}

		@Override
		public String toString() {
			return "Reported[" + this.incidentId + ", errors=" + this.errors + "]";
		}

	}

	/** Whether, and why not, the handler sees the description and the evidence. */
	enum ContentState {

		/** Shown. */
		SHOWN,
		/** The handler has no key pair yet: set one up in Voice. */
		NO_KEY,
		/** The key pair is not unlocked in this session. */
		LOCKED,
		/**
		 * No key wrapped for this handler yet: it comes when another handler (or the
		 * anonymous reporter) next opens the incident.
		 */
		NOT_SHARED

	}

	/**
	 * @param description null unless {@code content} is SHOWN; empty when none was
	 * written
	 */
	record HandlerView(Incident incident, ContentState content, String description, List<Evidence> evidence) {
	}

	/** One of the account's own reports, with what it wrote when its key opens it. */
	record OwnReport(Incident incident, ContentState content, String description) {
	}

	record ReporterView(Incident incident, String description) {
	}

	/**
	 * A handler without the incident's key.
	 *
	 * @param from from when the key is shared with them (at the next opening after it),
	 * or null for a disabled account
	 * @param keyPair whether they have a key pair to receive it with
	 * @param employeeSide whether they handle it for the employee side (a safety
	 * representative), whose standing comes another way
	 */
	record Waiting(String name, Instant from, boolean keyPair, boolean employeeSide) {
	}

	/**
	 * @param link whether it is a link ({@code name} is the address) rather than a file
	 */
	record Evidence(long id, boolean link, String name, String mediaType, String cleaning, String removed,
			LocalDate addedOn) {
	}

	record Download(String name, String mediaType, byte[] bytes) {
	}

	private record Opened(ContentState state, Sealing.DataKey key) {
	}

	private record Sealed(Sealing.DataKey key, IncidentRepository.StoredReceipt receipt) {
	}

	/** The form was sent before; the incident it made stands. */
	static class AlreadySentException extends RuntimeException {

		AlreadySentException() {
			super("The form was already sent", null, false, false);
		}

	}

}
