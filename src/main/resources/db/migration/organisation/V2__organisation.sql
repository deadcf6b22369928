-- Organisations, their unit tree, staff and accounts.
-- Every table carries organisation_id: the distribution key should a national
-- deployment move to a distributed PostgreSQL.

create table organisation (
	id bigint generated always as identity primary key,
	code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
	name text not null check (length(name) between 1 and 200),
	country char(2) not null check (country in ('SE', 'DK')),
	created_at timestamptz not null default now()
);

create table unit (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	code text not null check (length(code) between 1 and 40),
	name text not null check (length(name) between 1 and 200),
	level text not null check (level in ('DEPARTMENT', 'UNIT', 'TEAM')),
	parent_id bigint references unit (id),
	unique (organisation_id, code),
	-- lets children reference (organisation_id, id) so a tree never spans organisations
	unique (organisation_id, id),
	foreign key (organisation_id, parent_id) references unit (organisation_id, id)
);

create index unit_parent_ix on unit (parent_id);

create table staff (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	employee_number text not null check (length(employee_number) between 1 and 40),
	name text not null check (length(name) between 1 and 200),
	unit_id bigint not null,
	role text not null check (role in ('SOCIAL_WORKER', 'FIRST_LINE_LEAD', 'UNIT_MANAGER', 'OTHER')),
	fte numeric(4, 3) not null check (fte > 0 and fte <= 1),
	experience_start date,
	employment_start date not null,
	end_date date,
	end_reason text check (end_reason in ('RESIGNED', 'RETIRED', 'CONTRACT_ENDED', 'DISMISSED', 'OTHER')),
	unique (organisation_id, employee_number),
	unique (organisation_id, id),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	check ((end_date is null) = (end_reason is null)),
	check (end_date is null or end_date >= employment_start)
);

create index staff_unit_ix on staff (unit_id);

create table account (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	username text not null check (username ~ '^[a-z0-9][a-z0-9._@-]{1,99}$'),
	display_name text not null check (length(display_name) between 1 and 200),
	password_hash text not null,
	roles text[] not null check (cardinality(roles) > 0 and roles <@ array['ADMINISTRATOR', 'HR', 'MANAGER',
		'UNION_REPRESENTATIVE', 'STAFF', 'COMMITTEE_MEMBER']),
	staff_id bigint,
	enabled boolean not null default true,
	created_at timestamptz not null default now(),
	unique (organisation_id, id),
	foreign key (organisation_id, staff_id) references staff (organisation_id, id)
);

-- Usernames are unique across the deployment: the login page does not ask for the organisation.
create unique index account_username_ix on account (username);

-- The units an account covers; a unit covers its whole subtree.
create table account_unit (
	organisation_id bigint not null,
	account_id bigint not null,
	unit_id bigint not null,
	primary key (account_id, unit_id),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade,
	foreign key (organisation_id, unit_id) references unit (organisation_id, id) on delete cascade
);

-- Tokens for the HTTP API, one organisation each; stored as SHA-256 hashes (they are
-- random, 256 bits, so a slow hash adds nothing).
create table api_token (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	name text not null check (length(name) between 1 and 100),
	token_hash bytea not null unique,
	created_at timestamptz not null default now(),
	revoked_at timestamptz
);
