-- Issue 16: single sign-on with the organisation's OpenID Connect provider(s).

-- Local passwords can be switched off per organisation (the login form then refuses them).
alter table organisation add column local_passwords boolean not null default true;

-- An OpenID provider of an organisation. registration_id names it in Bryt's addresses
-- (/oauth2/authorization/{registration_id}); client_secret is AES-256-GCM under the key in
-- keys/oidc-client-secret.key (never in the database in the clear); null for a public client
-- (PKCE alone). group_roles: one "group=ROLE" per line, ROLE one of the employer's roles.
create table oidc_provider (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	registration_id text not null unique check (registration_id ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
	label text not null check (length(label) between 1 and 100),
	issuer text not null check (issuer ~ '^https?://' and length(issuer) <= 500),
	client_id text not null check (length(client_id) between 1 and 200),
	client_secret bytea,
	username_claim text not null default 'preferred_username' check (length(username_claim) between 1 and 100),
	employee_number_claim text check (length(employee_number_claim) between 1 and 100),
	group_claim text check (length(group_claim) between 1 and 100),
	group_roles text not null default '' check (length(group_roles) <= 5000),
	required_acr text[] not null default '{}',
	required_amr text[] not null default '{}',
	created_at timestamptz not null default now(),
	unique (organisation_id, id)
);

-- Who the provider says a login is (issuer and subject), linked to one account.
create table account_identity (
	organisation_id bigint not null,
	account_id bigint not null,
	provider_id bigint not null,
	issuer text not null,
	subject text not null,
	linked_at timestamptz not null,
	primary key (issuer, subject),
	unique (provider_id, account_id),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade,
	foreign key (organisation_id, provider_id) references oidc_provider (organisation_id, id) on delete cascade
);

-- Where each role of an account came from: the provider's group mapping (provider_id set) or
-- an administrator in Bryt (granted_by, null when the granting account is gone or the role
-- came from the command line). Roles given before this migration have no row.
create table account_role_origin (
	organisation_id bigint not null,
	account_id bigint not null,
	role text not null,
	provider_id bigint,
	granted_by bigint,
	granted_at timestamptz not null,
	primary key (account_id, role),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade,
	foreign key (organisation_id, provider_id) references oidc_provider (organisation_id, id) on delete cascade,
	foreign key (granted_by) references account (id) on delete set null,
	check (provider_id is null or role in ('ADMINISTRATOR', 'HR', 'MANAGER'))
);

-- A first login through the provider makes an account without roles.
alter table account drop constraint account_roles_check;
alter table account add constraint account_roles_check check (roles <@ array['ADMINISTRATOR', 'HR', 'MANAGER',
	'UNION_REPRESENTATIVE', 'SAFETY_REPRESENTATIVE', 'STAFF', 'COMMITTEE_MEMBER']);

-- A recipient who logs in through the provider unlocks their private key with a passphrase of
-- its own (Argon2id, as passwords), not the login's password.
alter table account add column passphrase_hash text;
