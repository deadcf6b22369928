-- ShedLock: a scheduled job runs on one instance at a time (bryt.shared.jobs). Infrastructure,
-- so without organisation_id. Owned by shared from now on; voice's V4 created the same table
-- on databases older than this migration, which is why it is created only if missing. Its
-- shape must stay what V4 gave it.
create table if not exists shedlock (
	name varchar(64) primary key,
	lock_until timestamp not null,
	locked_at timestamp not null,
	locked_by varchar(255) not null
);
