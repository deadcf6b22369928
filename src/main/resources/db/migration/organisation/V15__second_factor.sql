-- Second factor: a TOTP secret (RFC 6238) per account and single-use recovery codes.
-- The secret is kept until the account's code confirms it (confirmed_on set); last_step is the
-- last 30-second step whose code was accepted, so that the same code is never taken twice.
-- failures and blocked_until slow down guessing of codes by someone who has the password.
create table account_second_factor (
	organisation_id bigint not null,
	account_id bigint primary key,
	secret text not null,
	confirmed_on date,
	last_step bigint not null default 0,
	failures int not null default 0,
	blocked_until timestamptz,
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);

-- Recovery codes, stored as SHA-256 of the code: each has about 80 bits, so a plain hash is
-- enough; a used code is deleted.
create table account_recovery_code (
	organisation_id bigint not null,
	account_id bigint not null,
	code_hash bytea not null,
	primary key (account_id, code_hash),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);
