-- Workload: case types, cases with their handlers and deadlines over time, and the
-- jointly agreed parameters of the load model. Dates are calendar dates in the
-- organisation's time zone.

create table workload_settings (
	organisation_id bigint primary key references organisation (id),
	base_capacity numeric(6, 2) not null default 100 check (base_capacity > 0),
	co_handler_share numeric(4, 3) not null default 0.5 check (co_handler_share >= 0 and co_handler_share <= 1),
	factor_under_6_months numeric(4, 3) not null default 0.6,
	factor_under_2_years numeric(4, 3) not null default 0.8,
	complexity_2 numeric(4, 2) not null default 1.5,
	complexity_3 numeric(4, 2) not null default 2.0
);

create table case_type (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	code text not null check (length(code) between 1 and 40),
	name_sv text not null,
	name_da text not null,
	name_en text not null,
	weight numeric(6, 2) not null check (weight > 0),
	deadline_days integer check (deadline_days > 0),
	investigation boolean not null default false,
	two_handlers boolean not null default false,
	unique (organisation_id, code),
	unique (organisation_id, id)
);

-- A case (ärende, sag) known only by a pseudonymous reference: never personal data.
create table case_file (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	case_ref text not null check (length(case_ref) between 1 and 64),
	case_type_id bigint not null,
	unit_id bigint not null,
	opened date not null,
	closed date check (closed is null or closed >= opened),
	complexity smallint not null default 1 check (complexity between 1 and 3),
	-- An earlier case of the same matter: a reopened investigation keeps the first one's clock.
	linked_case_id bigint,
	unique (organisation_id, case_ref),
	unique (organisation_id, id),
	foreign key (organisation_id, case_type_id) references case_type (organisation_id, id),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	foreign key (organisation_id, linked_case_id) references case_file (organisation_id, id)
);

create index case_file_open_ix on case_file (organisation_id, opened, closed);

-- Who handled a case when: reconstructs any past date. valid_to is exclusive.
create table case_assignment (
	organisation_id bigint not null,
	case_id bigint not null,
	staff_id bigint not null,
	primary_handler boolean not null,
	valid_from date not null,
	valid_to date check (valid_to is null or valid_to >= valid_from),
	foreign key (organisation_id, case_id) references case_file (organisation_id, id) on delete cascade,
	foreign key (organisation_id, staff_id) references staff (organisation_id, id)
);

create index case_assignment_case_ix on case_assignment (case_id);
create index case_assignment_staff_ix on case_assignment (organisation_id, staff_id);

-- The deadline of a case over time: the first row is the default, later rows are extensions.
create table case_deadline (
	organisation_id bigint not null,
	case_id bigint not null,
	deadline date not null,
	decided_on date not null,
	reason text,
	foreign key (organisation_id, case_id) references case_file (organisation_id, id) on delete cascade
);

create index case_deadline_case_ix on case_deadline (case_id, decided_on);

-- Bumped by every change to an organisation's workload data; computed figures are cached per version.
create table workload_version (
	organisation_id bigint primary key references organisation (id),
	version bigint not null default 0
);
