-- A used invitation is no longer marked on its own row (the review of issue 13's second
-- wave, H1). The update that set survey_invitation.used ran in the answer's transaction,
-- so the invitation's row and the held answer carried the same transaction id (xmin): a
-- plain query by the application's role paired an answer with its invitation while the
-- cycle was open, and an exit survey's invitation tells the leaver's send date (end date
-- + 90), which names the person. Now the answer's transaction inserts a mark here
-- instead: an HMAC of the invitation's code under the invitation key (outside the
-- database) in another domain than survey_invitation.token_hmac, so without the key and
-- the code no mark can be matched to an invitation. Its primary key makes a second,
-- concurrent answer with the same code wait and then find it used. The invitation rows
-- are not written when answered. The column `used` stays for the invitations marked
-- before this migration; it is no longer set.
create table survey_used_code (
	mark bytea primary key,
	cycle_id bigint not null references survey_cycle (id) on delete cascade
);

create index survey_used_code_cycle_ix on survey_used_code (cycle_id);

-- Invitations marked used before this migration carried their answers' transaction ids:
-- rewrite them in this one transaction so that none pairs with a held answer any more.
update survey_invitation set used = used where used;

-- An exit answer's held rows are given new ids when another exit answer of the cycle is
-- held (AnswerRepository.remix): the answers' keys follow, so every held row of the cycle
-- carries the newest answer's transaction id and none tells which answer came when.
alter table survey_held_answer drop constraint survey_held_answer_held_id_fkey,
	add constraint survey_held_answer_held_id_fkey foreign key (held_id)
		references survey_held_response (id) on delete cascade on update cascade;
alter table survey_held_comment drop constraint survey_held_comment_held_id_fkey,
	add constraint survey_held_comment_held_id_fkey foreign key (held_id)
		references survey_held_response (id) on delete cascade on update cascade;
