-- Action plans (issue 13, item 6): per unit and cycle, what the workplace will do about its
-- results, with an owner, a due date and a status, and comments by the employer's side (the
-- manager, HR) and the employee side (the safety representative). Names are kept as text,
-- so that an action outlives the account that wrote it. Nothing here comes from an answer.
create table survey_action (
	id bigint generated always as identity primary key,
	organisation_id bigint not null references organisation (id),
	cycle_id bigint not null,
	unit_id bigint not null,
	area_key text check (length(area_key) <= 80),
	title text not null check (length(title) between 1 and 300),
	owner text not null check (length(owner) between 1 and 200),
	due_on date not null,
	status text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
	created_by text not null check (length(created_by) <= 200),
	foreign key (organisation_id, cycle_id) references survey_cycle (organisation_id, id) on delete cascade,
	foreign key (organisation_id, unit_id) references unit (organisation_id, id)
);

create index survey_action_organisation_ix on survey_action (organisation_id, unit_id, due_on);

create table survey_action_comment (
	id bigint generated always as identity primary key,
	action_id bigint not null references survey_action (id) on delete cascade,
	side text not null check (side in ('EMPLOYER', 'EMPLOYEE')),
	author text not null check (length(author) <= 200),
	written_at timestamptz not null,
	text text not null check (length(text) between 1 and 2000)
);

create index survey_action_comment_action_ix on survey_action_comment (action_id, written_at);
