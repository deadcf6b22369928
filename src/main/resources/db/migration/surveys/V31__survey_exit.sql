-- Surveys: the exit survey's two stages (issue 13, item 1). The design: docs/surveys/exit.md.

-- A first-stage invitation carries the day its second stage is due (the leaver's end date
-- + 90 days) until the leaver leaves a private address or never does; the address page
-- clears it when it takes one, so one invitation gives at most one address. It says when
-- the invited person leaves, which the staff table says anyway; the answer has no link to
-- the invitation.
alter table survey_invitation add column exit_send_on date;

-- A private address for the second stage: encrypted (AES-GCM under a key that is not in
-- the database), the day to send, the group the second answer will count in, and the HMAC
-- of a deletion token the leaver was shown once. Deleted when the second invitation is
-- sent, or on request. No person's id, no invitation, no answer.
create table survey_exit_address (
	id uuid primary key,
	organisation_id bigint not null references organisation (id) on delete cascade,
	address bytea not null,
	send_on date not null,
	unit_id bigint not null,
	tenure_band text,
	deletion_hmac bytea not null unique check (length(deletion_hmac) = 32)
);

create index survey_exit_address_send_ix on survey_exit_address (send_on);

-- First-stage leavers who could not be mailed (no work address), counted per cycle.
alter table survey_cycle add column without_address integer not null default 0 check (without_address >= 0);
