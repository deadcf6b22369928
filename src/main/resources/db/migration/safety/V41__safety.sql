-- Safety (issue 14): threats, violence and online exposure. One row per incident; what the
-- reporter wrote in words (the description) and the evidence are stored only encrypted with
-- the incident's own data key, wrapped (HPKE, Voice's cryptography) for each person handling
-- it and, for an anonymous report, with a key derived from the receipt. Everything else is
-- structured, so that the routing, the legal clocks and the figures need no decryption.
-- No client data: the case reference is pseudonymous, and the identity-number guard runs on
-- every text field before it gets here.

create table safety_incident (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	unit_id bigint not null,
	-- Who reported: an account, or nobody (the anonymous public form).
	reported_by bigint,
	-- The employee it happened to, when a logged-in report names them (for oneself, or on
	-- behalf of a colleague); null when anonymous or not said.
	affected_staff_id bigint,
	on_behalf boolean not null default false,
	-- An anonymous report's receipt: public selector and SHA-256 of the secret half (Voice's
	-- Receipt), and the data key wrapped under a key derived from the secret half.
	receipt_selector text unique,
	receipt_hash bytea,
	receipt_wrapped_key bytea,
	occurred_on date not null,
	part_of_day text not null check (part_of_day in ('MORNING', 'AFTERNOON', 'EVENING', 'NIGHT')),
	category text not null check (category in ('PHYSICAL_VIOLENCE', 'THREAT', 'HARASSMENT', 'ONLINE_EXPOSURE',
		'DISINFORMATION', 'UNLAWFUL_INFLUENCE', 'PROPERTY_DAMAGE', 'OFFENSIVE_BEHAVIOUR', 'NEAR_MISS',
		'RISK_OBSERVATION')),
	channel text not null check (channel in ('IN_PERSON', 'HOME_VISIT', 'PHONE', 'LETTER_OR_EMAIL', 'SOCIAL_MEDIA',
		'OUTSIDE_WORK', 'AT_HOME')),
	source text not null check (source in ('CLIENT', 'RELATIVE', 'UNKNOWN', 'COLLEAGUE', 'OTHER')),
	family_targeted boolean not null default false,
	-- Whether it happened on an LVU or LVM case, and whether that case had two handlers.
	case_kind text not null default 'NONE' check (case_kind in ('NONE', 'LVU', 'LVM')),
	case_two_handlers boolean,
	severity int not null check (severity between 1 and 4),
	injury text not null default 'NONE' check (injury in ('NONE', 'PHYSICAL', 'PSYCHOLOGICAL')),
	absence_days int not null default 0 check (absence_days between 0 and 3650),
	-- The first day of absence (Denmark's EASY due date counts from it).
	absence_from date,
	-- Pseudonymous only (the unit's own case code), never a name or an identity number.
	case_reference text check (length(case_reference) <= 40),
	-- The description (free text), encrypted with the data key; null once removed.
	content bytea,
	-- The serious checklist (the duty to notify).
	weapon boolean not null default false,
	death_threat boolean not null default false,
	injury_needing_care boolean not null default false,
	several_staff boolean not null default false,
	threat_to_family_or_home boolean not null default false,
	death boolean not null default false,
	-- The notification to the authority (Arbetsmiljöverket; in Denmark EASY), and the work
	-- injury report (Försäkringskassan; in Denmark part of EASY).
	authority_notified_on date,
	authority_reference text check (length(authority_reference) <= 100),
	work_injury_reported_on date,
	-- Routing: when it arrived (an anonymous one to the hour only), acknowledged, escalated.
	received_at timestamptz not null,
	acknowledged_at timestamptz,
	acknowledged_by text check (length(acknowledged_by) <= 200),
	-- The police report: who files it, when, its reference, whether the employer assists.
	police_decision text check (police_decision in ('EMPLOYEE', 'EMPLOYER', 'NOT_REPORTED')),
	police_reported_on date,
	police_reference text check (length(police_reference) <= 100),
	employer_assists boolean,
	-- The investigation, recorded by the manager and the safety representative together.
	causes text check (length(causes) <= 4000),
	risk_assessment_updated_on date,
	status text not null default 'NEW' check (status in ('NEW', 'ACKNOWLEDGED', 'CLOSED')),
	closed_on date,
	-- Retention: the day the personal data was removed; the structured figures stay.
	personal_data_removed_on date,
	unique (organisation_id, id),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	foreign key (organisation_id, reported_by) references account (organisation_id, id) on delete set null (reported_by),
	foreign key (organisation_id, affected_staff_id) references staff (organisation_id, id) on delete set null (affected_staff_id),
	check ((receipt_selector is null) = (receipt_hash is null)),
	check (case_kind <> 'NONE' or case_two_handlers is null),
	check ((status = 'CLOSED') = (closed_on is not null))
);

create index safety_incident_unit_ix on safety_incident (organisation_id, unit_id, occurred_on);

-- The data key wrapped (HPKE) for each account handling the incident.
create table safety_incident_key (
	organisation_id bigint not null,
	incident_id bigint not null,
	account_id bigint not null,
	wrapped_key bytea not null,
	primary key (incident_id, account_id),
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade,
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);

-- Evidence of online exposure (screenshots, links): name, media type and bytes encrypted
-- with the incident's data key. For the people handling the incident only.
create table safety_evidence (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	incident_id bigint not null,
	meta bytea not null,
	data bytea not null,
	added_on date not null,
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade
);

create index safety_evidence_incident_ix on safety_evidence (incident_id);

-- Support: defusing the same day, a follow-up talk within 1–3 days, a check-in after 4 weeks.
create table safety_support (
	organisation_id bigint not null,
	incident_id bigint not null,
	step text not null check (step in ('FIRST_CONTACT', 'FOLLOW_UP', 'CHECK_IN')),
	due_on date not null,
	offered_on date,
	declined boolean not null default false,
	done_on date,
	primary key (incident_id, step),
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade
);

-- Protection measures, each requested and done.
create table safety_measure (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	incident_id bigint not null,
	kind text not null check (kind in ('PROTECTED_PERSONAL_DATA', 'WORK_ADDRESS_ONLY', 'JOINT_DECISIONS',
		'SECOND_HANDLER', 'NO_SOLO_HOME_VISITS', 'ALARM_OR_GUARD', 'TAKE_DOWN_REQUEST', 'CHANGE_OF_HANDLER')),
	requested_on date not null,
	done_on date,
	unique (incident_id, kind),
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade
);

-- Actions of the investigation: an incident closes only when each is done or waived by both
-- the manager and the safety representative.
create table safety_action (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	incident_id bigint not null,
	title text not null check (length(title) between 1 and 300),
	owner text not null check (length(owner) between 1 and 200),
	due_on date not null,
	done_on date,
	waived_by_manager text check (length(waived_by_manager) <= 200),
	waived_by_representative text check (length(waived_by_representative) <= 200),
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade
);

create index safety_action_incident_ix on safety_action (incident_id);

-- Which reminder or escalation went out for an incident, so that each goes out once.
create table safety_notice (
	organisation_id bigint not null,
	incident_id bigint not null,
	kind text not null check (length(kind) between 1 and 60),
	sent_at timestamptz not null,
	primary key (incident_id, kind),
	foreign key (organisation_id, incident_id) references safety_incident (organisation_id, id) on delete cascade
);
