-- The operating-system account each access-log entry was written under: it names who
-- sat at the computer when no staff member was named (the command line without --as,
-- the automatic backup), and stands beside the staff member when one was.
ALTER TABLE access_log ADD COLUMN account TEXT NOT NULL DEFAULT '';
