-- Surveys (issue 13). The design and what each table may hold: docs/surveys/design.md.
-- No table here names a person, and nothing links an answer to a person or an invitation:
-- responses have random ids, no timestamp finer than their cycle and no foreign key to
-- people or invitations; invitations keep only an HMAC of their token (under a key that is
-- not in the database), the group the answer will count in and a used flag.

-- An instrument: Bryt's own (organisation_id null, shipped with Bryt) or a pack an
-- administrator imported for their organisation. Texts are per locale: {"sv": …, "da": …}.
-- An imported pack is read-only: validated wording is never edited.
create table survey_instrument (
	id bigint generated always as identity primary key,
	organisation_id bigint references organisation (id),
	key text not null check (key ~ '^[a-z0-9][a-z0-9_.-]{0,79}$'),
	name jsonb not null,
	locales text[] not null check (cardinality(locales) > 0),
	licence text check (length(licence) <= 200),
	attribution text check (length(attribution) <= 1000),
	read_only boolean not null,
	imported_at timestamptz,
	imported_by text check (length(imported_by) <= 200),
	unique nulls not distinct (organisation_id, key)
);

-- A response scale: its labels per locale, the values are 0 .. n-1 in label order.
create table survey_scale (
	instrument_id bigint not null references survey_instrument (id) on delete cascade,
	key text not null,
	labels jsonb not null,
	points integer not null check (points between 2 and 11),
	primary key (instrument_id, key)
);

-- An area (AFS 2023:2's and bek. 1406/2020's areas for Bryt's own questions). An index
-- 0–100 is shown only where scored is true.
create table survey_area (
	instrument_id bigint not null references survey_instrument (id) on delete cascade,
	key text not null,
	position integer not null,
	name jsonb not null,
	scored boolean not null,
	primary key (instrument_id, key)
);

-- An item. kind: 'scale' (one value of its scale), 'recommend' (0–10), 'reasons' (any of
-- the fixed leaving reasons), 'yes_no' (0 no, 1 yes, 2 don't know), 'text' (free text,
-- kept apart from the other answers as a comment).
create table survey_item (
	instrument_id bigint not null,
	key text not null,
	area_key text not null,
	position integer not null,
	kind text not null check (kind in ('scale', 'recommend', 'reasons', 'yes_no', 'text')),
	text jsonb not null,
	scale_key text,
	reverse boolean not null default false,
	primary key (instrument_id, key),
	foreign key (instrument_id) references survey_instrument (id) on delete cascade,
	foreign key (instrument_id, area_key) references survey_area (instrument_id, key),
	foreign key (instrument_id, scale_key) references survey_scale (instrument_id, key),
	check ((kind = 'scale') = (scale_key is not null))
);

-- A cycle of a program. Exit surveys run continuously: one cycle per stage and calendar
-- month, so that no answer is dated finer than its month.
create table survey_cycle (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	program text not null check (program in ('annual', 'pulse', 'exit_first', 'exit_second')),
	instrument_id bigint not null references survey_instrument (id),
	opens_on date not null,
	closes_on date not null,
	status text not null check (status in ('open', 'closed')),
	invited integer not null default 0 check (invited >= 0),
	unique (organisation_id, id),
	check (closes_on >= opens_on)
);

create index survey_cycle_organisation_ix on survey_cycle (organisation_id, program, opens_on);

-- The units as they were at launch: the groups answers count in, with their parents, so
-- that a later reorganisation does not move answers.
create table survey_group (
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	parent_unit_id bigint,
	name text not null,
	invited integer not null check (invited >= 0),
	primary key (cycle_id, unit_id)
);

-- An invitation: the HMAC-SHA256 of its random token (≥ 128 bits), never the token and never
-- a person. Rows are written in a shuffled order, so their physical order says nothing.
create table survey_invitation (
	token_hmac bytea primary key check (length(token_hmac) = 32),
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	tenure_band text,
	age_band text,
	used boolean not null default false
);

create index survey_invitation_cycle_ix on survey_invitation (cycle_id);

-- A response: a random id, its cycle and the group attributes copied from the invitation.
-- No timestamp, no person, no invitation.
create table survey_response (
	id uuid primary key,
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	tenure_band text,
	age_band text
);

create index survey_response_cycle_ix on survey_response (cycle_id, unit_id);

-- One value per scale, recommend or yes_no item; one row per chosen reason (value = the
-- reason's position in the fixed list).
create table survey_answer (
	response_id uuid not null references survey_response (id) on delete cascade,
	item_key text not null,
	value integer not null check (value between 0 and 10),
	primary key (response_id, item_key, value)
);

-- Free text, kept apart from its response (no response id), so a comment cannot be joined
-- to the scores of whoever wrote it. Released only after an employer-side and an
-- employee-side reviewer approved its redaction.
create table survey_comment (
	id uuid primary key,
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	item_key text not null,
	text text not null check (length(text) <= 4000),
	redacted text check (length(redacted) <= 4000),
	approved_by_employer text check (length(approved_by_employer) <= 200),
	approved_by_employee_side text check (length(approved_by_employee_side) <= 200)
);

create index survey_comment_cycle_ix on survey_comment (cycle_id, unit_id);
