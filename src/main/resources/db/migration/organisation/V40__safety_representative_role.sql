-- Issue 14: the safety representative (skyddsombud, arbejdsmiljørepræsentant) is a role of
-- its own, tied to units like a manager or union representative (account_unit), separate
-- from the union representative.
alter table account drop constraint account_roles_check;
alter table account add constraint account_roles_check check (cardinality(roles) > 0 and roles <@ array['ADMINISTRATOR',
	'HR', 'MANAGER', 'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'STAFF', 'COMMITTEE_MEMBER']);
