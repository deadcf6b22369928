-- Issue 13, second outside review (F1, docs/surveys/comments.md): when the account's holder last set
-- their own password (knowing the previous one). Null while the password is one an administrator
-- set (at creation or a reset): an administrator's new password clears it. A module that lets an
-- account speak for a party (the employee side's approval of survey comments) counts only from the
-- holder's own password, so that an administrator who knows the password cannot stand in for them.
alter table account add column password_set_by_holder_at timestamptz;
