-- Pages (issue 11, item 3): a report form posted twice (back button, double click) makes one
-- report. Each form carries a random one-time id; when its report is stored, a keyed hash of
-- the id is stored here in the same transaction. The primary key makes a second post of the
-- same form fail even when both arrive at once. No column links a row to its report: there
-- is no report id and no time finer than the day the row may be deleted.
create table voice_used_form (
	id_hash bytea primary key,
	expires_on date not null
);

create index voice_used_form_expires on voice_used_form (expires_on);
