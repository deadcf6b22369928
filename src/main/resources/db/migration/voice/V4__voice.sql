-- Voice: the anonymous two-way reporting channel.
-- Everything a reporter wrote (answers, identity, messages, files) is stored only encrypted
-- with the report's own data key; that key is stored only wrapped (HPKE) for each recipient
-- and wrapped with a key derived from the reporter's receipt. Dates, not times, are kept for
-- what a reporter does, so that a report cannot be matched to who was at work at that minute.

create table voice_channel (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	kind text not null check (kind in ('DEFICIENCY', 'WORK_ENVIRONMENT', 'THREATS', 'WHISTLEBLOWING')),
	name text not null check (length(name) between 1 and 200),
	acknowledge_days int not null default 7 check (acknowledge_days between 1 and 90),
	feedback_months int not null default 3 check (feedback_months between 1 and 12),
	retention_days int not null default 730 check (retention_days between 1 and 3650),
	enabled boolean not null default true,
	unique (organisation_id, id)
);

create table voice_channel_recipient (
	organisation_id bigint not null,
	channel_id bigint not null,
	account_id bigint not null,
	primary key (channel_id, account_id),
	foreign key (organisation_id, channel_id) references voice_channel (organisation_id, id) on delete cascade,
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);

-- A recipient's X25519 key pair: the public keyset in the clear, the private keyset encrypted
-- with a key derived from the account's password (Argon2id, salt beside it), and encrypted
-- once more to the organisation's recovery key.
create table voice_recipient_key (
	organisation_id bigint not null,
	account_id bigint primary key,
	public_keyset bytea not null,
	password_salt bytea not null,
	password_wrapped bytea not null,
	recovery_wrapped bytea,
	created_on date not null,
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);

-- The organisation's recovery key: only the public half is stored; the private half was
-- shown once to be kept offline.
create table voice_recovery_key (
	organisation_id bigint primary key references organisation (id),
	public_keyset bytea not null,
	created_on date not null
);

create table voice_report (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	channel_id bigint not null,
	unit_id bigint,
	-- The receipt's public half, and a SHA-256 hash of its secret half (see Receipt).
	receipt_selector text not null unique,
	receipt_hash bytea not null,
	-- The data key wrapped with a key derived from the receipt's secret half.
	receipt_wrapped_key bytea not null,
	-- Answers and identity, encrypted with the data key.
	content bytea not null,
	status text not null default 'NEW' check (status in ('NEW', 'ACKNOWLEDGED', 'IN_FOLLOW_UP', 'CLOSED')),
	outcome text check (outcome in ('ACTION_TAKEN', 'NOT_SUBSTANTIATED', 'REFERRED_ELSEWHERE',
		'INSUFFICIENT_INFORMATION')),
	received_on date not null,
	acknowledged_on date,
	feedback_on date,
	closed_on date,
	-- Hash of the newest access log entry, so that removing entries from the end shows.
	access_log_head bytea,
	unique (organisation_id, id),
	foreign key (organisation_id, channel_id) references voice_channel (organisation_id, id),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	check ((status = 'CLOSED') = (closed_on is not null)),
	check ((status = 'CLOSED') = (outcome is not null))
);

create index voice_report_channel_ix on voice_report (channel_id);

-- The data key wrapped (HPKE) for each recipient the reporter did not exclude.
create table voice_report_key (
	organisation_id bigint not null,
	report_id bigint not null,
	account_id bigint not null,
	wrapped_key bytea not null,
	primary key (report_id, account_id),
	foreign key (organisation_id, report_id) references voice_report (organisation_id, id) on delete cascade
);

create index voice_report_key_account_ix on voice_report_key (account_id);

-- Messages between reporter and recipients, and recipients' internal notes; all encrypted.
create table voice_message (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	report_id bigint not null,
	author text not null check (author in ('REPORTER', 'RECIPIENT', 'NOTE')),
	account_id bigint,
	written_on date not null,
	content bytea not null,
	foreign key (organisation_id, report_id) references voice_report (organisation_id, id) on delete cascade
);

create index voice_message_report_ix on voice_message (report_id);

-- Attachments: name, media type and bytes encrypted with the report's data key.
create table voice_attachment (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	report_id bigint not null,
	message_id bigint references voice_message (id) on delete cascade,
	meta bytea not null,
	data bytea not null,
	foreign key (organisation_id, report_id) references voice_report (organisation_id, id) on delete cascade
);

create index voice_attachment_report_ix on voice_attachment (report_id);

-- Who opened which report when: append-only and hash-chained per report.
create table voice_access_log (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	report_id bigint not null,
	account_id bigint not null,
	action text not null,
	at timestamptz not null,
	previous_hash bytea not null,
	hash bytea not null,
	foreign key (organisation_id, report_id) references voice_report (organisation_id, id) on delete cascade
);

create index voice_access_log_report_ix on voice_access_log (report_id, id);

create function voice_access_log_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'the voice access log is append-only';
end
$$;

create trigger voice_access_log_no_update before update on voice_access_log
	for each row execute function voice_access_log_append_only();

-- What remains of a report after its retention time: that it existed, and when it was deleted.
create table voice_deleted_report (
	organisation_id bigint not null references organisation (id),
	channel_id bigint not null,
	deleted_on date not null
);

-- ShedLock: a scheduled job runs on one instance at a time. Infrastructure, so without
-- organisation_id.
create table shedlock (
	name varchar(64) primary key,
	lock_until timestamp not null,
	locked_at timestamp not null,
	locked_by varchar(255) not null
);
