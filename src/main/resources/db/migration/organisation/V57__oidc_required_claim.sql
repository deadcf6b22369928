-- Issue 16, the open single sign-on findings: a shared broker's or a multi-tenant provider's
-- token is tied to one organisation. Optional per provider: a claim the ID token must carry
-- with exactly this value (e.g. Entra's "tid" = the tenant id, or a broker's "organisation").
-- Both or neither.
alter table oidc_provider
	add column required_claim text check (length(required_claim) between 1 and 100),
	add column required_claim_value text check (length(required_claim_value) between 1 and 500),
	add constraint oidc_provider_required_claim_pair
		check ((required_claim is null) = (required_claim_value is null));
