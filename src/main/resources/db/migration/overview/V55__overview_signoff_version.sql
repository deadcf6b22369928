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

-- ovtrust: an operator's redaction of a comment already stored. The committee report is a
-- public document and its comments are never deleted, but a name or a health remark written
-- into one must be able to go: the operator's command (java -jar bryt.jar overview
-- redact-comment) logs who, when and why here, and replaces the comment's text by the
-- marker below; the original is not kept anywhere. The redaction itself is never changed.
create table overview_comment_redaction (
	comment_id bigint primary key references overview_comment (id),
	redacted_by text not null check (length(redacted_by) between 1 and 200),
	redacted_at timestamptz not null,
	reason text not null check (length(reason) between 1 and 1000)
);

create trigger overview_comment_redaction_kept before update or delete on overview_comment_redaction
	for each row execute function overview_snapshot_frozen();

-- A comment stays as written, except for exactly one change: its text replaced by the
-- marker, once its redaction is logged.
create function overview_comment_kept() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' and new.body = '[removed by the operator]' and old.body <> new.body
			and new.id = old.id and new.snapshot_id = old.snapshot_id and new.side = old.side
			and new.written_by = old.written_by and new.written_at = old.written_at
			and exists (select 1 from overview_comment_redaction r where r.comment_id = old.id) then
		return new;
	end if;
	raise exception 'an overview comment is never changed or deleted; only an operator''s logged redaction replaces its text';
end
$$;

drop trigger overview_comment_kept on overview_comment;

create trigger overview_comment_kept before update or delete on overview_comment
	for each row execute function overview_comment_kept();
