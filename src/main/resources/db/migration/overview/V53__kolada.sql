-- Benchmarks from Kolada (issue 15 item 5): key figures of the municipality, its
-- municipality group and the country, imported by an administrator as the CSV Kolada
-- exports (Bryt never calls out), with the date they were retrieved. One row per key
-- figure, area and year; a new import of the same replaces the value and its date.
-- Public statistics: no personal data.
create table overview_benchmark (
	organisation_id bigint not null references organisation (id),
	-- Kolada's id of the key figure, e.g. N00090.
	kpi text not null check (kpi ~ '^[A-Z][0-9]{5}$'),
	-- Kolada's title of the key figure (in Swedish), when the file has one.
	title text check (title is null or length(title) between 1 and 500),
	-- Kolada's id of the area: a municipality (0484), a group (G…) or the country (0000).
	area text not null check (length(area) between 1 and 20),
	-- What the area is to the organisation: itself, its municipality group, the country.
	area_kind text not null check (area_kind in ('MUNICIPALITY', 'GROUP', 'COUNTRY')),
	period int not null check (period between 1990 and 2100),
	value numeric not null,
	retrieved_on date not null,
	imported_at timestamptz not null,
	primary key (organisation_id, kpi, area, period)
);
