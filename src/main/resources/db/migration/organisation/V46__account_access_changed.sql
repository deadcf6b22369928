-- Issue 13 review (M1, docs/surveys/comments.md): when an administrator last changed what an
-- account may do or who can log in with it (roles, enabled, covered units, staff link,
-- username, a password or second factor the administrator set or reset). Until then the
-- account is as it was created (created_at). A module that lets an account speak for a party
-- (the employee side's approval of survey comments) asks how long it has stood unchanged, so
-- that an administrator cannot make an account of their own a representative and use it at once.
alter table account add column access_changed_at timestamptz;
