-- Capacity by role (issue 12): each staff role's case-carrying share is part of the load
-- model. A worker's capacity is base × FTE × experience factor × their role's share, so
-- first-line leads, unit managers and other staff add no case capacity by default.
alter table workload_settings
	add column share_social_worker numeric(4, 3) not null default 1
		check (share_social_worker >= 0 and share_social_worker <= 1),
	add column share_first_line_lead numeric(4, 3) not null default 0
		check (share_first_line_lead >= 0 and share_first_line_lead <= 1),
	add column share_unit_manager numeric(4, 3) not null default 0
		check (share_unit_manager >= 0 and share_unit_manager <= 1),
	add column share_other numeric(4, 3) not null default 0
		check (share_other >= 0 and share_other <= 1);

-- Every change of a share: who made it and when, for both parties to see on the load-model
-- page. Who is the account's name and login at the time, kept as text so that the record
-- outlives the account.
create table workload_share_change (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	role text not null check (role in ('SOCIAL_WORKER', 'FIRST_LINE_LEAD', 'UNIT_MANAGER', 'OTHER')),
	share_before numeric(4, 3) not null,
	share_after numeric(4, 3) not null,
	changed_at timestamptz not null,
	changed_by text not null
);

create index workload_share_change_organisation_ix on workload_share_change (organisation_id, changed_at desc, id desc);
