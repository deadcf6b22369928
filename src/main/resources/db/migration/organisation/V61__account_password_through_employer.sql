-- Issue 16 (docs/single-sign-on.md "Sides"): whether the holder's own password or passphrase (the
-- one password_set_by_holder_at dates) was set in a session that logged in through an EMPLOYER
-- provider. The employer's IT controls that login, so such a secret counts as the holder's own for
-- the employer's side only, never for the employee side (a union representative's standing).
-- Existing holder passwords were set before any provider had a side: they count as before.
alter table account add column password_through_employer boolean not null default false;
