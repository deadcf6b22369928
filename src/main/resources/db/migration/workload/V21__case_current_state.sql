-- Each case's current handlers and deadline on its own row, beside the history they come
-- from (case_assignment, case_deadline), so that the national roll-up reads one row per
-- open case instead of looking up its handlers and deadline on the date.
--
-- current_primary, current_co_handler: the staff ids of the assignments that are still
--   open (valid_to is null); current_deadline: the latest decision's deadline, of
--   decisions on one day the latest, as the figures choose it.
-- current_from: a date on or after every date at which the case's history changes (the
--   opening, every valid_from and valid_to, every decided_on). On that date and after it
--   the current_* columns are the case's handlers and deadline; before it, the history
--   is read as before. A later date than needed is never wrong, only slower.
--
-- No keys of their own: they copy rows of case_assignment and case_deadline, whose keys
-- already check them, and every write to those tables rewrites them in its transaction.
alter table case_file
	add column current_primary bigint,
	add column current_co_handler bigint,
	add column current_deadline date,
	add column current_from date;

with assignment as (
	select case_id,
		max(staff_id) filter (where primary_handler and valid_to is null) as primary_handler,
		max(staff_id) filter (where not primary_handler and valid_to is null) as co_handler,
		greatest(max(valid_from), max(valid_to)) as changed
	from case_assignment group by case_id
),
deadline as (
	select distinct on (case_id) case_id, deadline, decided_on
	from case_deadline order by case_id, decided_on desc, deadline desc
)
update case_file c
set current_primary = s.primary_handler, current_co_handler = s.co_handler, current_deadline = s.deadline,
	current_from = s.current_from
from (
	select f.id, a.primary_handler, a.co_handler, d.deadline, greatest(f.opened, a.changed, d.decided_on) as current_from
	from case_file f
	left join assignment a on a.case_id = f.id
	left join deadline d on d.case_id = f.id
) s
where c.id = s.id;

alter table case_file alter column current_from set not null;
