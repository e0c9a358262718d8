-- An attachment added by mistake (another customer's photo, the wrong scan) is withdrawn,
-- never deleted: the row and the file stay, the case's screen stops showing it, and the
-- history says who withdrew it, when and why.
ALTER TABLE attachments ADD COLUMN withdrawn_at TEXT;
ALTER TABLE attachments ADD COLUMN withdrawn_by INTEGER REFERENCES staff(id);
ALTER TABLE attachments ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are withdrawn, never deleted'); END;
