-- ovtrust (issue 15, the outsider review): a sign-off is a deliberate act. Its signer
-- confirms having read the figures of one version, and the sign-off records that version.
-- Sign-offs given before the confirmation existed have none (null). The database refuses a
-- sign-off whose version is not its snapshot's own.

alter table overview_review add column version int check (version is null or version >= 1);

create function overview_review_version() returns trigger language plpgsql as $$
begin
	if new.version is not null
			and new.version <> (select s.version from overview_snapshot s where s.id = new.snapshot_id) then
		raise exception 'a sign-off records the version of its own snapshot';
	end if;
	return new;
end
$$;

create trigger overview_review_version before insert on overview_review
	for each row execute function overview_review_version();
