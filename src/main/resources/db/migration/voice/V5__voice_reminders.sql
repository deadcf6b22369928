-- Where a recipient wants reminders of due reports. Chosen by the recipient; a reminder
-- holds only how many reports are due, never their content or channel.
create table voice_reminder_address (
	organisation_id bigint not null,
	account_id bigint primary key,
	email text not null check (length(email) between 3 and 254 and position('@' in email) > 1),
	foreign key (organisation_id, account_id) references account (organisation_id, id) on delete cascade
);
