-- Issue 16, item 2: the employee side's administration right, a role of its own. It grants
-- the union and safety representatives' roles (and itself); the employer's administrator no
-- longer does, and no identity provider ever does (V50's check on account_role_origin
-- refuses a provider origin for any role but ADMINISTRATOR, HR and MANAGER).
alter table account drop constraint account_roles_check;
alter table account add constraint account_roles_check check (roles <@ array['ADMINISTRATOR', 'HR', 'MANAGER',
	'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'STAFF', 'COMMITTEE_MEMBER', 'EMPLOYEE_SIDE_ADMINISTRATOR']);

-- A role the platform operator granted from the command line ("granted by the platform
-- operator"), told apart from one whose granting account is gone (granted_by set null).
alter table account_role_origin add column by_operator boolean not null default false;
alter table account_role_origin add constraint account_role_origin_operator_check
	check (not by_operator or (provider_id is null and granted_by is null));
