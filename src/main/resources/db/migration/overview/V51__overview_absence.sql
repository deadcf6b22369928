-- Sick leave per unit and month for the joint overview (issue 15 item 6), imported as the
-- import kind "absence". Never per person: health data about a person must not be here,
-- so a row is a unit's month in hours, with the number of employees the month counts
-- (the overview's minimum group). A new import of a unit's month replaces the row.
-- Short-term sick leave is the hours of spells' days 1 to 14, long-term of day 15 on.
create table overview_absence (
	organisation_id bigint not null references organisation (id),
	unit_id bigint not null,
	-- The month's first day.
	month date not null check (extract(day from month) = 1),
	employees int not null check (employees between 0 and 1000000),
	-- The hours that could have been worked (scheduled or contracted) in the month.
	possible_hours numeric(12, 2) not null check (possible_hours > 0),
	short_hours numeric(12, 2) not null check (short_hours >= 0),
	long_hours numeric(12, 2) not null check (long_hours >= 0),
	imported_at timestamptz not null,
	primary key (organisation_id, unit_id, month),
	foreign key (organisation_id, unit_id) references unit (organisation_id, id),
	check (short_hours + long_hours <= possible_hours)
);
