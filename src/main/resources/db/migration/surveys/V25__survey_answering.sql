-- Surveys: answering (issue 13, items 1, 4, 9). The design: docs/surveys/answering.md.

-- Who was invited to a cycle: for reminders (to everyone invited, answered or not) and the
-- rule that nobody gets more than one survey per 14 days. It shares no column with
-- survey_invitation (whose key is the token's HMAC) and is written in a separate
-- statement in staff-id order, while invitations are written in a shuffled order, so
-- neither ids nor the order of rows pair a person with an invitation.
create table survey_recipient (
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	staff_id bigint not null,
	primary key (cycle_id, staff_id)
);

create index survey_recipient_staff_ix on survey_recipient (staff_id);

-- A cycle's one reminder has been sent.
alter table survey_cycle add column reminded boolean not null default false;
