-- Comments' review and release (issue 13 item 3; docs/surveys/comments.md). After a cycle
-- closes, its comments wait until one reviewer of each party (the employer's side: HR or an
-- administrator; the employee side: a union or safety representative) has approved their
-- current text; a redaction after an approval takes the other side's approval back.
--
-- A reviewer is staff, not a respondent, so the approval names them, but on the cycle, never
-- on a comment: V23's per-comment approval columns are dropped (they were never written), so
-- no reviewer's name ever sits next to a comment's text. survey_comment.redacted holds the
-- reviewed text until the release, which writes it over the original and clears it.
alter table survey_comment drop column approved_by_employer, drop column approved_by_employee_side;

create table survey_comment_approval (
	cycle_id bigint not null references survey_cycle (id) on delete cascade,
	side text not null check (side in ('EMPLOYER', 'EMPLOYEE')),
	approved_by text not null check (length(approved_by) between 1 and 200),
	approved_at timestamptz not null,
	primary key (cycle_id, side)
);

-- A cycle's comments are released once, when the second side approves; from then on the
-- original texts are gone and nothing more may be redacted.
create table survey_comment_release (
	cycle_id bigint primary key references survey_cycle (id) on delete cascade,
	released_at timestamptz not null
);
