-- Answers are held until their cycle closes (the review of issue 13's first wave, H1).
-- Written at once into survey_response, survey_answer and survey_comment, an answer's rows
-- carried the transaction id (xmin) of the update that marked its invitation used, and
-- its comment shared that id with its scores, and the rows lay in the order people
-- answered: whoever held the data directory could join a comment to its scores and both
-- to the invitation. Results are shown only after a cycle closes, so nothing is lost by
-- holding the answers here until then: the closing job writes every held answer of the
-- cycle into the result tables in one transaction, in a random order and under new
-- random ids (so every row there carries the same transaction id), and deletes the held
-- rows. What the held rows leave behind (their dead versions until vacuum, the WAL) is
-- stated in docs/surveys/answering.md.
create table survey_held_response (
	id uuid primary key,
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	tenure_band text,
	age_band text
);

create index survey_held_response_cycle_ix on survey_held_response (cycle_id);

create table survey_held_answer (
	held_id uuid not null references survey_held_response (id) on delete cascade,
	item_key text not null,
	value integer not null check (value between 0 and 10),
	primary key (held_id, item_key, value)
);

create table survey_held_comment (
	held_id uuid not null references survey_held_response (id) on delete cascade,
	item_key text not null,
	text text not null check (length(text) <= 4000),
	primary key (held_id, item_key)
);
