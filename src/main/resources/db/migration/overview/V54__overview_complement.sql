-- A figure hidden so that another hidden figure cannot be worked out (the shared
-- complementary suppression over the unit tree, docs/overview/figures.md "Hiding across
-- units") says so, instead of "fewer than the minimum group", which its value may not be.
-- Only the check widens: no row changes (snapshots are frozen).
do $$
declare
	existing text;
begin
	select conname into existing from pg_constraint
		where conrelid = 'overview_snapshot_figure'::regclass and contype = 'c'
			and pg_get_constraintdef(oid) like '%TOO_FEW%';
	execute format('alter table overview_snapshot_figure drop constraint %I', existing);
end $$;

alter table overview_snapshot_figure add constraint overview_snapshot_figure_hidden_check
	check (hidden in ('TOO_FEW', 'NO_DATA', 'COMPLEMENT'));
