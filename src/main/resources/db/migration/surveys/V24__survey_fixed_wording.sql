-- Instruments (issue 13, item 2): the wording of a read-only instrument (an imported,
-- validated pack, and Bryt's own questions) is fixed once stored. No page edits it; this
-- makes the database refuse it too, whoever asks: an update of the instrument's name,
-- licence or attribution, and any insert, update or delete of its scales, areas and items
-- after the transaction that stored it. Deleting the whole instrument stays possible (the
-- cascade deletes its parts after its own row, so the instrument no longer exists then).

create function survey_instrument_wording_is_fixed() returns trigger language plpgsql as $$
begin
	if old.read_only and (new.key, new.name, new.locales, new.licence, new.attribution, new.read_only)
			is distinct from (old.key, old.name, old.locales, old.licence, old.attribution, old.read_only) then
		raise exception 'the wording of instrument % is fixed', old.id using errcode = 'integrity_constraint_violation';
	end if;
	return new;
end
$$;

create trigger survey_instrument_fixed before update on survey_instrument
	for each row execute function survey_instrument_wording_is_fixed();

-- A part (scale, area, item) of a read-only instrument may be written only in the
-- transaction that stored the instrument, and deleted only with it.
create function survey_part_wording_is_fixed() returns trigger language plpgsql as $$
declare
	instrument bigint := case when tg_op = 'INSERT' then new.instrument_id else old.instrument_id end;
begin
	if exists (select 1 from survey_instrument i
			where i.id = instrument and i.read_only and i.xmin <> pg_current_xact_id()::xid) then
		raise exception 'the wording of instrument % is fixed', instrument using errcode = 'integrity_constraint_violation';
	end if;
	return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger survey_scale_fixed before insert or update or delete on survey_scale
	for each row execute function survey_part_wording_is_fixed();

create trigger survey_area_fixed before insert or update or delete on survey_area
	for each row execute function survey_part_wording_is_fixed();

create trigger survey_item_fixed before insert or update or delete on survey_item
	for each row execute function survey_part_wording_is_fixed();
