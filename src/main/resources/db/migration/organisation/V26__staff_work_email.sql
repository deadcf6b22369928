-- A staff member's work e-mail address, optional: surveys mail their invitations there
-- (issue 13). Staff without one get a paper code.
alter table staff add column work_email text check (length(work_email) between 3 and 254 and work_email like '%_@_%');
