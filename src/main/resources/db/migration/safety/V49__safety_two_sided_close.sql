-- fix14 (issue 14, the outsider review of 2026-11-30): an incident closes only when the
-- employer's side (a manager or HR) and the safety representative's side have both
-- confirmed it, two different accounts; each column holds the confirming account's id (as
-- the waivers do). When no safety representative covers the unit, the employer closes
-- alone and that is recorded. A confirmation is withdrawn when the investigation or its
-- actions change (Handling).
alter table safety_incident
	add column close_confirmed_by_employer text check (length(close_confirmed_by_employer) <= 40),
	add column close_confirmed_by_representative text check (length(close_confirmed_by_representative) <= 40),
	add column closed_without_representative boolean not null default false;

-- Whose action it is: the employer's side or the safety representative's. Only that side
-- marks it done. Actions recorded before this were the employer's.
alter table safety_action
	add column side text not null default 'MANAGER' check (side in ('MANAGER', 'SAFETY_REPRESENTATIVE'));
