-- The dashboard's tiles count these on every refresh; partial indexes keep each count
-- to the few rows it is about, even with a million cases in the ledger.
CREATE INDEX slips_issued ON slips (case_id) WHERE status = 'issued';
CREATE INDEX cases_open_major ON cases (id) WHERE level = 'major' AND status NOT IN ('closed', 'voided');

-- Unsaved forms, one per staff member and form, so closing the window or a crash
-- never loses what a clerk was typing. Not part of the ledger: no history.
CREATE TABLE drafts (
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    form     TEXT NOT NULL,
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (staff_id, form)
);
