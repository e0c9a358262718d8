-- Every printing or saving of a form (issue: printable forms; domain §2.2, §7): who
-- printed which document, when. doc_key identifies the document's content; a re-print
-- of the same content shows the first printing's time and printer, so the copy is
-- byte-identical, while each printing still gets its own row here.
CREATE TABLE prints (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor_id  INTEGER NOT NULL REFERENCES staff(id),
    form      TEXT NOT NULL,
    doc_key   TEXT NOT NULL,
    subject   TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    pages     INTEGER NOT NULL,
    -- Whether the document carries residents' personal data (names, phones, rooms).
    personal  INTEGER NOT NULL,
    -- 'print' (sent to a printer) or 'save' (written to a file).
    output    TEXT NOT NULL CHECK (output IN ('print', 'save'))
);
CREATE INDEX prints_by_doc ON prints (doc_key, id);

-- The print log is a record: the product never changes or removes a row.
CREATE TRIGGER prints_keep_rows BEFORE UPDATE ON prints
BEGIN SELECT RAISE(ABORT, 'the print log cannot be changed'); END;
CREATE TRIGGER prints_keep_rows_d BEFORE DELETE ON prints
BEGIN SELECT RAISE(ABORT, 'the print log cannot be changed'); END;
