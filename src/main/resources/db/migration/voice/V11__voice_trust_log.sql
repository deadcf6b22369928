-- Trust (issue 9, items 4 and 14): a keyed access log that cannot be deleted or truncated,
-- and report numbers per organisation instead of the global id.

-- Report numbers: 1, 2, … per organisation. The global id stays the key inside the
-- database but is never shown: it would tell a recipient how many reports other
-- organisations received. The counter row is locked by the update that takes a number, so
-- two reports submitted at once never get the same one, and a number is never reused after
-- the retention job deleted its report.
alter table voice_report add column number bigint;

update voice_report r set number = n.number
from (select id, row_number() over (partition by organisation_id order by id) as number from voice_report) n
where n.id = r.id;

alter table voice_report alter column number set not null;
alter table voice_report add constraint voice_report_number_key unique (organisation_id, number);

create table voice_report_counter (
	organisation_id bigint primary key references organisation (id),
	last_number bigint not null check (last_number >= 0)
);

insert into voice_report_counter (organisation_id, last_number)
select organisation_id, max(number) from voice_report group by organisation_id;

-- Every new report takes its number here, whoever inserts it.
create function voice_report_take_number() returns trigger language plpgsql as $$
begin
	insert into voice_report_counter (organisation_id, last_number) values (new.organisation_id, 1)
	on conflict (organisation_id) do update set last_number = voice_report_counter.last_number + 1
	returning last_number into new.number;
	return new;
end
$$;

create trigger voice_report_number before insert on voice_report
	for each row execute function voice_report_take_number();

-- Entries written before this migration are SHA-256 chained without a key; the
-- application seals each such chain once with the key (see AccessLogUpgrade). The column
-- tells the verification which entries to check the old way.
alter table voice_access_log disable trigger voice_access_log_no_update;
alter table voice_access_log add column keyed boolean not null default false;
alter table voice_access_log alter column keyed set default true;
alter table voice_access_log enable trigger voice_access_log_no_update;

-- Which key the log is authenticated with: an HMAC of a fixed text, never the key. A
-- different key at start is refused (see AccessLogKey), so that a lost key is noticed
-- instead of every log turning "broken" unexplained.
create table voice_access_log_key (
	id bigint generated always as identity primary key,
	fingerprint bytea not null,
	since timestamptz not null
);

-- A report the retention job deleted, with a keyed seal, so that the export's check can
-- tell it from a report removed behind Bryt's back.
alter table voice_deleted_report add column report_id bigint;
alter table voice_deleted_report add column seal bytea;

-- Entries are removed only with their report (the foreign key's cascade, used by the
-- retention job): the cascade deletes the entries after the report's row, so a deletion
-- while the report still exists is a direct one and refused.
create function voice_access_log_no_direct_delete() returns trigger language plpgsql as $$
begin
	if exists (select 1 from voice_report where id = old.report_id) then
		raise exception 'the voice access log is append-only';
	end if;
	return old;
end
$$;

create trigger voice_access_log_no_delete before delete on voice_access_log
	for each row execute function voice_access_log_no_direct_delete();

create trigger voice_access_log_no_truncate before truncate on voice_access_log
	for each statement execute function voice_access_log_append_only();
