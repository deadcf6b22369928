-- Voice: each channel's questionnaire, editable by administrators. A report keeps the
-- questions it was answered with inside its encrypted content, so editing a questionnaire
-- never changes an earlier report. The revision counts edits, so that a form answered while
-- its questions changed is shown again instead of being filed under other questions.

alter table voice_channel add column questionnaire_revision int not null default 1;

create table voice_question (
	id bigint generated always as identity primary key,
	organisation_id bigint not null,
	channel_id bigint not null,
	position int not null,
	type text not null check (type in ('TEXT', 'LONG_TEXT', 'YES_NO', 'SINGLE_CHOICE', 'DATE')),
	required boolean not null default false,
	label_sv text not null check (length(label_sv) between 1 and 500),
	label_da text not null check (length(label_da) between 1 and 500),
	label_en text not null check (length(label_en) between 1 and 500),
	-- The choices of a SINGLE_CHOICE question, the same number in each language.
	options_sv text[] not null default '{}',
	options_da text[] not null default '{}',
	options_en text[] not null default '{}',
	unique (channel_id, position) deferrable initially deferred,
	check (cardinality(options_sv) = cardinality(options_da) and cardinality(options_da) = cardinality(options_en)),
	check ((type = 'SINGLE_CHOICE') = (cardinality(options_sv) >= 2)),
	foreign key (organisation_id, channel_id) references voice_channel (organisation_id, id) on delete cascade
);

-- Existing channels start with the questionnaire their kind used to build in; the texts are
-- those of the message bundles when this migration was written.
insert into voice_question (organisation_id, channel_id, position, type, required, label_sv, label_da, label_en)
select c.organisation_id, c.id, q.position, q.type, q.required, q.label_sv, q.label_da, q.label_en
from voice_channel c
join (values
	('DEFICIENCY', 1, 'LONG_TEXT', true, 'Vad hände? Beskriv så utförligt du kan.',
		'Hvad skete der? Beskriv det så udførligt, du kan.', 'What happened? Describe it as fully as you can.'),
	('DEFICIENCY', 2, 'DATE', false, 'När hände det?', 'Hvornår skete det?', 'When did it happen?'),
	('DEFICIENCY', 3, 'TEXT', false, 'Vem drabbas?', 'Hvem er berørt?', 'Who is affected?'),
	('DEFICIENCY', 4, 'YES_NO', false, 'Pågår det fortfarande?', 'Foregår det stadig?', 'Is it still going on?'),
	('WORK_ENVIRONMENT', 1, 'LONG_TEXT', true, 'Vad hände? Beskriv så utförligt du kan.',
		'Hvad skete der? Beskriv det så udførligt, du kan.', 'What happened? Describe it as fully as you can.'),
	('WORK_ENVIRONMENT', 2, 'DATE', false, 'När hände det?', 'Hvornår skete det?', 'When did it happen?'),
	('WORK_ENVIRONMENT', 3, 'YES_NO', false, 'Pågår det fortfarande?', 'Foregår det stadig?',
		'Is it still going on?'),
	('WORK_ENVIRONMENT', 4, 'YES_NO', false, 'Har du tagit upp det tidigare?', 'Har du taget det op før?',
		'Have you raised it before?'),
	('THREATS', 1, 'LONG_TEXT', true, 'Vad hände? Beskriv så utförligt du kan.',
		'Hvad skete der? Beskriv det så udførligt, du kan.', 'What happened? Describe it as fully as you can.'),
	('THREATS', 2, 'DATE', false, 'När hände det?', 'Hvornår skete det?', 'When did it happen?'),
	('THREATS', 3, 'TEXT', false, 'Var hände det?', 'Hvor skete det?', 'Where did it happen?'),
	('THREATS', 4, 'YES_NO', false, 'Skadades någon?', 'Kom nogen til skade?', 'Was anyone injured?'),
	('WHISTLEBLOWING', 1, 'LONG_TEXT', true, 'Vad hände? Beskriv så utförligt du kan.',
		'Hvad skete der? Beskriv det så udførligt, du kan.', 'What happened? Describe it as fully as you can.'),
	('WHISTLEBLOWING', 2, 'DATE', false, 'När hände det?', 'Hvornår skete det?', 'When did it happen?'),
	('WHISTLEBLOWING', 3, 'TEXT', false, 'Vilka är inblandade?', 'Hvem er involveret?', 'Who is involved?'),
	('WHISTLEBLOWING', 4, 'LONG_TEXT', false, 'Vilka bevis finns, och var?', 'Hvilke beviser er der, og hvor?',
		'What evidence is there, and where?')
) as q (kind, position, type, required, label_sv, label_da, label_en) on q.kind = c.kind;
