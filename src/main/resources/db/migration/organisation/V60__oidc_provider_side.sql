-- Issue 16, the second outsider review of 2026-11-30 (docs/single-sign-on.md "Sides"): which side an
-- identity provider speaks for. EMPLOYER: the municipality's directory (or a broker in front of it),
-- registered by the employer's administrator; its first login counts as the holder's own for the
-- employer's side, it may link accounts made beforehand that hold no employee-side role, and its
-- employee-number claim links staff members. EMPLOYEE_SIDE: a union's own identity provider,
-- registered by the employee side's administrator; no group mapping, no employee numbers, it links
-- only accounts made beforehand that hold no employer role, and its first login counts for the
-- employee side only. Every provider registered so far was the employer administrator's.
alter table oidc_provider
	add column side text not null default 'EMPLOYER' check (side in ('EMPLOYER', 'EMPLOYEE_SIDE')),
	add constraint oidc_provider_employee_side_plain
		check (side = 'EMPLOYER' or (group_claim is null and group_roles = '' and employee_number_claim is null));
