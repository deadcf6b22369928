-- The import history (issue 12, item 5): import_run now also says who imported which file,
-- how many rows it changed, and keeps refused imports, with the code of the first problem
-- (never a value from the file). A refused import's row is written in its own transaction
-- after the import's was rolled back. The home page's warning reads accepted rows only.
-- Rows older than two years are deleted by shared.imports.ImportHistoryPurge.
-- Rows from before this migration were all accepted imports; who and which file are unknown.
alter table import_run
	add column outcome text not null default 'accepted' check (outcome in ('accepted', 'refused')),
	add column actor_kind text check (actor_kind in ('account', 'api', 'command', 'system')),
	add column actor_name text check (length(actor_name) <= 200),
	add column file_name text check (length(file_name) <= 200),
	add column rows_changed integer,
	add column refusal text check (length(refusal) <= 100),
	add constraint import_run_refusal check ((outcome = 'refused') = (refusal is not null));

create index import_run_finished on import_run (finished_at);
