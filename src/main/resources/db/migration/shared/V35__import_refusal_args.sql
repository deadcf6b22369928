-- Issue 13 (P5, item 1): a refused import's history row also keeps the arguments of its first
-- problem's message ("Expected one of: {0}."), so that the history shows the message as the import
-- page did instead of a raw {0}. The arguments say what was expected (allowed values, a limit, a
-- line number, a column's name), never a value from the file that could be personal data
-- (shared.imports.ImportProblem's rule). Rows from before this migration keep null: their message
-- is shown with "…" in place of each argument.
alter table import_run
	add column refusal_args text[] check (cardinality(refusal_args) <= 5);
