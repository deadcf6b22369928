-- The national roll-up (issue 12, item 6) reads, for every organisation, its open cases'
-- type, complexity and current handlers and deadline. Through case_file_open_ix it had to
-- visit every case of the organisation in the index (opened <= the date holds for nearly
-- all) and then fetch each open one's row from the table: in effect it read the whole
-- table. This partial index holds just the open cases and every column the roll-up reads
-- of them, so that PostgreSQL answers from the index alone (an index-only scan, once
-- autovacuum has marked the table's pages all-visible). Cases closed after a past date are
-- still found through case_file_open_ix.
create index case_file_open_cover_ix on case_file (organisation_id)
	include (id, case_type_id, complexity, opened, current_from, current_primary, current_co_handler,
		current_deadline)
	where closed is null;
