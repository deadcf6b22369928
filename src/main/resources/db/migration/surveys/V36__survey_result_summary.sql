-- A closed cycle's counts, summarised once when it closes (issue 13, P7). Its answers are
-- released into survey_response and survey_answer in the transaction that closes it and
-- never change after, while every reader of its results (pages, exports, the API, trends,
-- pooled exit windows) read them again: two aggregates over every answer of the cycle, 1.4
-- million rows for 40,000 responses and 20–50 s on the benchmark's machine
-- (docs/benchmarks.md). These tables hold exactly what ResultsRepository.rows reads, per
-- cycle, breakdown ('none', 'tenure_band', 'age_band'), unit and band (null under 'none'):
-- counts and sums per group, never a response's answers.
--
-- survey_result_summary says that a cycle has been summarised and how many responses it
-- had then; a cycle without a row there (or whose responses no longer match) is counted
-- from the answers as before.
create table survey_result_summary (
	cycle_id bigint primary key references survey_cycle (id) on delete cascade,
	responses integer not null
);

-- The count tables below have no foreign key: its check, a trigger per row, tripled the
-- time of summarising 40,000 responses (some 2 million value rows, 55 s against 14 s on
-- the benchmark's data), and neither has a unique constraint (its index as much again).
-- Their rows go with their cycle's summary row instead (the trigger after this list of
-- tables), which goes with the cycle; only survey_result_summarise writes them.

-- Responses per unit and band.
create table survey_result_respondents (
	cycle_id bigint not null,
	breakdown text not null check (breakdown in ('none', 'tenure_band', 'age_band')),
	unit_id bigint not null,
	band text,
	responses integer not null
);

create index survey_result_respondents_ix on survey_result_respondents (cycle_id, breakdown);

-- Invitations per unit and band (read only under a breakdown: otherwise the snapshot's
-- survey_group.invited).
create table survey_result_invited (
	cycle_id bigint not null,
	breakdown text not null check (breakdown in ('tenure_band', 'age_band')),
	unit_id bigint not null,
	band text,
	invited integer not null
);

create index survey_result_invited_ix on survey_result_invited (cycle_id, breakdown);

-- Per unit, band and item, the responses that gave each value; value null: the responses
-- that answered a reasons item at all (it takes several values from one response).
create table survey_result_value (
	cycle_id bigint not null,
	breakdown text not null check (breakdown in ('none', 'tenure_band', 'age_band')),
	unit_id bigint not null,
	band text,
	item_key text not null,
	value integer,
	responses integer not null
);

create index survey_result_value_ix on survey_result_value (cycle_id, breakdown);

-- Per unit, band and scored area, the sum of the responses' area scores (fractions 0–1)
-- and how many responses they are.
create table survey_result_area (
	cycle_id bigint not null,
	breakdown text not null check (breakdown in ('none', 'tenure_band', 'age_band')),
	unit_id bigint not null,
	band text,
	area_key text not null,
	score_sum float8 not null,
	responses integer not null
);

create index survey_result_area_ix on survey_result_area (cycle_id, breakdown);

-- A cycle's counts go when its summary row goes (the cycle deleted, or summarised again).
create function survey_result_summary_deleted() returns trigger
language plpgsql
as $$
begin
	delete from survey_result_respondents where cycle_id = old.cycle_id;
	delete from survey_result_invited where cycle_id = old.cycle_id;
	delete from survey_result_value where cycle_id = old.cycle_id;
	delete from survey_result_area where cycle_id = old.cycle_id;
	return old;
end
$$;

create trigger survey_result_summary_deleted after delete on survey_result_summary
	for each row execute function survey_result_summary_deleted();

-- Summarises one cycle (again: its earlier summary is replaced) and returns how many
-- responses it counted. The one copy of the summarising SQL: the closing transaction calls
-- it (ResultsRepository.summarise, from CycleService.close after the release), this
-- migration calls it for every cycle closed before, and so does the benchmark's generator.
-- The aggregates are ResultsRepository's live ones, each taken once over the cycle's
-- answers for the three breakdowns at once (grouping sets; grouping(tenure_band, age_band)
-- is 3 when neither band is grouped by, 1 for the tenure band, 2 for the age band).
create function survey_result_summarise(summarised_cycle bigint) returns integer
language sql
as $$
	delete from survey_result_summary where cycle_id = summarised_cycle;

	insert into survey_result_summary (cycle_id, responses)
	select summarised_cycle, count(*) from survey_response where cycle_id = summarised_cycle;

	insert into survey_result_respondents (cycle_id, breakdown, unit_id, band, responses)
	select summarised_cycle,
		case grouping(r.tenure_band, r.age_band) when 3 then 'none' when 1 then 'tenure_band' else 'age_band' end,
		r.unit_id,
		case grouping(r.tenure_band, r.age_band) when 1 then r.tenure_band when 2 then r.age_band end,
		count(*)
	from survey_response r
	where r.cycle_id = summarised_cycle
	group by grouping sets ((r.unit_id), (r.unit_id, r.tenure_band), (r.unit_id, r.age_band));

	insert into survey_result_invited (cycle_id, breakdown, unit_id, band, invited)
	select summarised_cycle,
		case grouping(i.tenure_band, i.age_band) when 1 then 'tenure_band' else 'age_band' end,
		i.unit_id,
		case grouping(i.tenure_band, i.age_band) when 1 then i.tenure_band else i.age_band end,
		count(*)
	from survey_invitation i
	where i.cycle_id = summarised_cycle
	group by grouping sets ((i.unit_id, i.tenure_band), (i.unit_id, i.age_band));

	insert into survey_result_value (cycle_id, breakdown, unit_id, band, item_key, value, responses)
	select summarised_cycle,
		case grouping(r.tenure_band, r.age_band) when 3 then 'none' when 1 then 'tenure_band' else 'age_band' end,
		r.unit_id,
		case grouping(r.tenure_band, r.age_band) when 1 then r.tenure_band when 2 then r.age_band end,
		a.item_key, a.value, count(*)
	from survey_response r join survey_answer a on a.response_id = r.id
	where r.cycle_id = summarised_cycle
	group by grouping sets ((r.unit_id, a.item_key, a.value), (r.unit_id, r.tenure_band, a.item_key, a.value),
		(r.unit_id, r.age_band, a.item_key, a.value));

	-- A reasons item takes several values from one response: how many answered it at all.
	insert into survey_result_value (cycle_id, breakdown, unit_id, band, item_key, value, responses)
	select summarised_cycle,
		case grouping(r.tenure_band, r.age_band) when 3 then 'none' when 1 then 'tenure_band' else 'age_band' end,
		r.unit_id,
		case grouping(r.tenure_band, r.age_band) when 1 then r.tenure_band when 2 then r.age_band end,
		a.item_key, null, count(distinct a.response_id)
	from survey_response r
		join survey_cycle c on c.id = r.cycle_id
		join survey_answer a on a.response_id = r.id
		join survey_item i on i.instrument_id = c.instrument_id and i.key = a.item_key
	where r.cycle_id = summarised_cycle and i.kind = 'reasons'
	group by grouping sets ((r.unit_id, a.item_key), (r.unit_id, r.tenure_band, a.item_key),
		(r.unit_id, r.age_band, a.item_key));

	-- A response's area score: the mean of its answered scale items' scores as fractions
	-- 0–1, reversed items turned around (AreaIndex); a value off its scale is not counted.
	insert into survey_result_area (cycle_id, breakdown, unit_id, band, area_key, score_sum, responses)
	with scores as (
		select a.response_id, i.area_key,
			avg((case when i.reverse then s.points - 1 - a.value else a.value end)::float8
				/ (s.points - 1)) as score
		from survey_response r
			join survey_cycle c on c.id = r.cycle_id
			join survey_answer a on a.response_id = r.id
			join survey_item i on i.instrument_id = c.instrument_id and i.key = a.item_key
			join survey_area ar on ar.instrument_id = i.instrument_id and ar.key = i.area_key
			join survey_scale s on s.instrument_id = i.instrument_id and s.key = i.scale_key
		where r.cycle_id = summarised_cycle and i.kind = 'scale' and ar.scored and a.value < s.points
		group by a.response_id, i.area_key
	)
	select summarised_cycle,
		case grouping(r.tenure_band, r.age_band) when 3 then 'none' when 1 then 'tenure_band' else 'age_band' end,
		r.unit_id,
		case grouping(r.tenure_band, r.age_band) when 1 then r.tenure_band when 2 then r.age_band end,
		scores.area_key, sum(scores.score), count(*)
	from scores join survey_response r on r.id = scores.response_id
	group by grouping sets ((r.unit_id, scores.area_key), (r.unit_id, r.tenure_band, scores.area_key),
		(r.unit_id, r.age_band, scores.area_key));

	select responses from survey_result_summary where cycle_id = summarised_cycle;
$$;

-- The cycles closed before this migration.
select survey_result_summarise(id) from survey_cycle where status = 'closed';
