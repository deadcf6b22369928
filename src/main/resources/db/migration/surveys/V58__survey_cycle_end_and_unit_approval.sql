-- An administrator or HR may end an open annual survey or pulse before its closing day
-- (issue 13, L2): close it early (it closes as on its closing day, with the day it ended as
-- its closing date) or cancel it (it never shows results: its held answers and comments are
-- deleted, and its links say it was cancelled). Who ended it and when is kept here; the
-- account is staff, never a respondent.
alter table survey_cycle drop constraint survey_cycle_status_check,
	add constraint survey_cycle_status_check check (status in ('open', 'closed', 'cancelled'));

create table survey_cycle_end (
	cycle_id bigint primary key references survey_cycle (id) on delete cascade,
	action text not null check (action in ('closed_early', 'cancelled')),
	ended_by text not null check (length(ended_by) between 1 and 200),
	ended_at timestamptz not null
);

-- The employee side's approval of a cycle's comments per unit (F3): each union or safety
-- representative approves the comments shown under the units they cover. The release needs
-- the employer's approval and, for every unit with comments, the employee side's approval of
-- the whole cycle (survey_comment_approval) or of that unit (here). The approver is named on
-- the unit, never on a comment.
create table survey_comment_unit_approval (
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	unit_id bigint not null,
	approved_by text not null check (length(approved_by) between 1 and 200),
	approved_at timestamptz not null,
	primary key (cycle_id, unit_id)
);
