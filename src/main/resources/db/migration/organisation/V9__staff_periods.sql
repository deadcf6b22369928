-- A staff member's unit, role and FTE over time, so that figures on a past date count
-- them where and as they were then. staff.unit_id, role and fte stay the current values
-- (the open period's); a change closes the open period on the change date and opens a
-- new one from it.

create table staff_period (
	organisation_id bigint not null,
	staff_id bigint not null,
	unit_id bigint not null,
	role text not null check (role in ('SOCIAL_WORKER', 'FIRST_LINE_LEAD', 'UNIT_MANAGER', 'OTHER')),
	fte numeric(4, 3) not null check (fte > 0 and fte <= 1),
	valid_from date not null,
	-- exclusive; null while the period is open
	valid_to date,
	primary key (staff_id, valid_from),
	foreign key (organisation_id, staff_id) references staff (organisation_id, id),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	check (valid_to is null or valid_to > valid_from)
);

-- One open period per staff member.
create unique index staff_period_open_ix on staff_period (staff_id) where valid_to is null;

create index staff_period_organisation_ix on staff_period (organisation_id, staff_id);

create index staff_period_unit_ix on staff_period (unit_id);

-- Until now only the current values were kept: they stand for the whole employment.
insert into staff_period (organisation_id, staff_id, unit_id, role, fte, valid_from)
select organisation_id, id, unit_id, role, fte, employment_start from staff;
