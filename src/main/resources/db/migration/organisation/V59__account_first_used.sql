-- The outsider review of 2026-11-30 (docs/single-sign-on.md): a second provider of the organisation
-- sent the username of an account in daily use whose password an administrator had just reset, and
-- was linked to it (the takeover guard looked only at the holder's own password and the employee
-- side's roles). A provider now links by username only an account nobody has ever logged in to:
-- first_used_at is set at the first right password or provider login and never cleared. Accounts of
-- an existing database count as used (nobody knows whether they were), so none of them can be taken
-- over by a username; their holders link a provider themselves (/account/sign-in).
alter table account add column first_used_at timestamptz;
update account set first_used_at = created_at;
