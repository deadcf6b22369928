-- The joint overview (issue 15): quarterly snapshots of the figures every module
-- contributes, frozen with the time of extraction and the version of each definition, and
-- the two parties' comments and sign-offs on them. A snapshot is never changed: a
-- recalculation is a new version of the same quarter with a reason. No personal data: the
-- figures arrive with each module's minimum-group rules applied, and units are named as
-- they were at extraction.

create table overview_snapshot (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	-- The calendar quarter, written yyyy-Qn.
	quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
	version int not null check (version >= 1),
	-- The day the figures describe: the quarter's last day, or the day of extraction for a
	-- quarter still running.
	as_of date not null,
	extracted_at timestamptz not null,
	-- Who asked for it: an account, or null for the quarter-end job.
	taken_by bigint references account (id),
	-- Why a quarter was computed again; the first version needs none.
	reason text check (reason is null or length(reason) between 1 and 1000),
	unique (organisation_id, quarter, version),
	check (version = 1 or reason is not null)
);

-- Each figure's definition as it was applied: the key names the figure and its text
-- (in the contributing module's messages); the version changes when the definition does.
create table overview_snapshot_definition (
	snapshot_id bigint not null references overview_snapshot (id),
	key text not null,
	source text not null,
	version int not null check (version >= 1),
	format text not null check (format in ('COUNT', 'SHARE', 'RATIO', 'DECIMAL', 'DAYS')),
	position int not null,
	primary key (snapshot_id, key)
);

-- The units as they were at extraction (unit 0 is the whole organisation).
create table overview_snapshot_unit (
	snapshot_id bigint not null references overview_snapshot (id),
	unit_id bigint not null,
	code text not null,
	name text not null,
	parent_id bigint,
	position int not null,
	primary key (snapshot_id, unit_id)
);

-- One figure of one unit. A null value is not shown, for the reason given.
create table overview_snapshot_figure (
	snapshot_id bigint not null references overview_snapshot (id),
	key text not null,
	unit_id bigint not null,
	value double precision,
	hidden text check (hidden in ('TOO_FEW', 'NO_DATA')),
	primary key (snapshot_id, key, unit_id),
	foreign key (snapshot_id, key) references overview_snapshot_definition (snapshot_id, key),
	foreign key (snapshot_id, unit_id) references overview_snapshot_unit (snapshot_id, unit_id),
	check ((value is null) = (hidden is not null))
);

-- The parties' comments on a snapshot, the employer's and the unions'. Every change is a
-- new row; the newest row of a side is its comment. A side's comment is written only by
-- that side (checked by the service) and freezes when that side signs the snapshot off.
create table overview_comment (
	id bigint generated always as identity primary key,
	snapshot_id bigint not null references overview_snapshot (id),
	side text not null check (side in ('EMPLOYER', 'UNION')),
	body text not null check (length(body) between 1 and 4000),
	written_by bigint not null references account (id),
	written_at timestamptz not null
);

create index overview_comment_snapshot_ix on overview_comment (snapshot_id, side, id);

-- A side's sign-off: "reviewed by the employer on … and by the unions on …".
create table overview_review (
	snapshot_id bigint not null references overview_snapshot (id),
	side text not null check (side in ('EMPLOYER', 'UNION')),
	reviewed_by bigint not null references account (id),
	reviewed_on date not null,
	primary key (snapshot_id, side)
);

create function overview_snapshot_frozen() returns trigger language plpgsql as $$
begin
	raise exception 'an overview snapshot is never changed; compute a new version instead';
end
$$;

create trigger overview_snapshot_frozen before update or delete on overview_snapshot
	for each row execute function overview_snapshot_frozen();
create trigger overview_snapshot_definition_frozen before update or delete on overview_snapshot_definition
	for each row execute function overview_snapshot_frozen();
create trigger overview_snapshot_unit_frozen before update or delete on overview_snapshot_unit
	for each row execute function overview_snapshot_frozen();
create trigger overview_snapshot_figure_frozen before update or delete on overview_snapshot_figure
	for each row execute function overview_snapshot_frozen();
create trigger overview_comment_kept before update or delete on overview_comment
	for each row execute function overview_snapshot_frozen();
create trigger overview_review_kept before update or delete on overview_review
	for each row execute function overview_snapshot_frozen();
