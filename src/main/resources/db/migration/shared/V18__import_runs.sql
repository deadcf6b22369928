-- When each organisation last imported what (bryt.shared.imports.Imports.run): the home
-- page warns when the newest import is older than 14 days. One row per successful import,
-- written in the import's own transaction, so a refused import leaves none. Neither the
-- file's name nor anything from it is kept. The organisation is named without a foreign
-- key: shared sits below organisation in the module graph.
create table import_run (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	kind text not null,
	finished_at timestamptz not null
);

create index import_run_organisation on import_run (organisation_id, finished_at desc);
