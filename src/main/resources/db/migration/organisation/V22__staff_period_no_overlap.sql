-- A staff member is in one unit, role and FTE at a time: no two of their periods overlap
-- (valid_to is exclusive, null while open). The staff id takes part as a one-value range
-- with "=", which PostgreSQL's own GiST range operator class indexes, so no extension
-- (btree_gist) has to be created by the role that migrates: that role need not be a
-- superuser on a managed database.
--
-- StaffRepository already writes periods that follow one another (a change closes the
-- open period on the day it opens the next); this makes the database refuse anything
-- else. Existing rows satisfy it, or the migration stops and PostgreSQL names the
-- conflicting rows.
alter table staff_period add constraint staff_period_no_overlap
	exclude using gist (int8range(staff_id, staff_id, '[]') with =, daterange(valid_from, valid_to, '[)') with &&);
