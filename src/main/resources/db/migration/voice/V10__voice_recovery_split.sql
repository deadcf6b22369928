-- Voice: nobody but a report's recipients can read it (issue 9, item 1).

-- The recovery key held whole by whoever an administrator showed it to is gone: its public
-- half and every copy of a private key made for it stop working here.
drop table voice_recovery_key;
alter table voice_recipient_key drop column recovery_wrapped;

-- When an administrator resets a recipient's password, the recipient's private key is
-- discarded. The account's report keys stay as a record of which reports it had (so that only
-- those can be given back, never one the reporter excluded it from): wrapped_key becomes null
-- and the old wrapped key is kept as lost_wrapped_key, which only the discarded private key
-- opens, and that only through its copy for the split recovery key.
alter table voice_report_key alter column wrapped_key drop not null;
alter table voice_report_key add column lost_wrapped_key bytea;
alter table voice_report_key add column lost_on date;
alter table voice_report_key add constraint voice_report_key_lost_ck
	check ((wrapped_key is null) = (lost_on is not null));

-- The organisation's recovery key, split k of n (Shamir) among named holders who are not
-- administrators. Only its public half is stored; a rotation replaces the row.
create table voice_recovery (
	organisation_id bigint primary key references organisation (id),
	generation int not null,
	public_keyset bytea not null,
	threshold int not null check (threshold >= 2),
	created_on date not null
);

-- Each holder's share, encrypted (HPKE) to the holder's own public key: neither the
-- administrator who started the split nor the holder of the database can read it. A share
-- goes when its holder's private key is discarded.
create table voice_recovery_share (
	organisation_id bigint not null references voice_recovery (organisation_id) on delete cascade,
	account_id bigint not null,
	part int not null,
	holder_public_keyset bytea not null,
	wrapped_share bytea not null,
	primary key (organisation_id, account_id),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);

-- A recipient's private key encrypted to the current recovery key. Kept after the key was
-- discarded, until the account's reports are recovered or the recovery key is rotated.
create table voice_recovery_copy (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references voice_recovery (organisation_id) on delete cascade,
	account_id bigint not null,
	public_keyset bytea not null,
	wrapped bytea not null,
	unique (account_id, public_keyset),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);
