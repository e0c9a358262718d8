-- Complaint Desk ledger, schema version 1.
-- Times are office-local ISO strings 'YYYY-MM-DD HH:MM[:SS]'; money is in fen (CNY/100).
-- Nothing is ever deleted: rows are deactivated or voided, and every change is in `history`.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
    pin_hash   TEXT,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE departments (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    external INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('complaint', 'request')),
    parent_id   INTEGER REFERENCES categories(id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE channels (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    building   TEXT NOT NULL,
    unit       TEXT NOT NULL DEFAULT '',
    room       TEXT NOT NULL,
    owner_name TEXT NOT NULL DEFAULT '',
    phones     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'occupied',
    active     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (building, unit, room)
);

-- Last number handed out per series and month, e.g. scope 'TS-202611'.
CREATE TABLE counters (
    scope TEXT PRIMARY KEY,
    last  INTEGER NOT NULL
);

CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('complaint', 'request')),
    received_at        TEXT NOT NULL,
    channel_id         INTEGER NOT NULL REFERENCES channels(id),
    received_by        INTEGER NOT NULL REFERENCES staff(id),
    complainant_name   TEXT NOT NULL DEFAULT '',
    complainant_phones TEXT NOT NULL DEFAULT '',
    relation           TEXT NOT NULL DEFAULT 'owner',
    anonymous          INTEGER NOT NULL DEFAULT 0,
    unit_id            INTEGER REFERENCES units(id),
    building           TEXT NOT NULL DEFAULT '',
    unit               TEXT NOT NULL DEFAULT '',
    room               TEXT NOT NULL DEFAULT '',
    public_area        TEXT NOT NULL DEFAULT '',
    content            TEXT NOT NULL,
    demand             TEXT NOT NULL DEFAULT '',
    category_id        INTEGER REFERENCES categories(id),
    validity           TEXT CHECK (validity IN ('valid', 'invalid', 'coordination')),
    judgement          TEXT NOT NULL DEFAULT '',
    level              TEXT CHECK (level IN ('general', 'important', 'major')),
    level_reason       TEXT NOT NULL DEFAULT '',
    major_since        TEXT,
    escalated_at       TEXT,
    amount_fen         INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    media              INTEGER NOT NULL DEFAULT 0,
    lawsuit            INTEGER NOT NULL DEFAULT 0,
    group_action       INTEGER NOT NULL DEFAULT 0,
    repair_size        TEXT CHECK (repair_size IN ('minor_repair', 'medium_repair', 'major_repair')),
    complex            INTEGER NOT NULL DEFAULT 0,
    department_id      INTEGER REFERENCES departments(id),
    handler            TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    paused_from        TEXT,
    followups          INTEGER NOT NULL DEFAULT 0,
    result             TEXT NOT NULL DEFAULT '',
    finished_at        TEXT,
    closed_at          TEXT,
    voided_at          TEXT,
    void_reason        TEXT NOT NULL DEFAULT '',
    revision           INTEGER NOT NULL DEFAULT 1,
    -- The earliest pending deadline (step and instant), kept current by every write so
    -- the dashboard's due/overdue counts are an index range scan. NULL while paused.
    next_due           TEXT,
    next_step          TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX cases_received ON cases (received_at);
CREATE INDEX cases_status_received ON cases (status, received_at);
CREATE INDEX cases_category ON cases (category_id, received_at);
CREATE INDEX cases_department ON cases (department_id, received_at);
CREATE INDEX cases_unit ON cases (unit_id);
CREATE INDEX cases_next_due ON cases (next_due) WHERE next_due IS NOT NULL;

CREATE TABLE slips (
    id                 INTEGER PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    case_id            INTEGER NOT NULL REFERENCES cases(id),
    from_department_id INTEGER REFERENCES departments(id),
    from_person        TEXT NOT NULL,
    to_department_id   INTEGER NOT NULL REFERENCES departments(id),
    to_person          TEXT NOT NULL DEFAULT '',
    transferred_at     TEXT NOT NULL,
    summary            TEXT NOT NULL,
    requirement        TEXT NOT NULL DEFAULT '',
    reply_due          TEXT,
    status             TEXT NOT NULL CHECK (status IN ('issued', 'signed', 'feedback')),
    signed_by          TEXT NOT NULL DEFAULT '',
    signed_at          TEXT,
    feedback           TEXT NOT NULL DEFAULT '',
    feedback_at        TEXT,
    revision           INTEGER NOT NULL DEFAULT 1,
    created_by         INTEGER NOT NULL REFERENCES staff(id)
);
CREATE INDEX slips_case ON slips (case_id);
CREATE INDEX slips_transferred ON slips (transferred_at);

CREATE TABLE records (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    at          TEXT NOT NULL,
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    kind        TEXT NOT NULL,
    action      TEXT NOT NULL,
    result      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX records_case ON records (case_id, at);

CREATE TABLE callbacks (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    at             TEXT NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('visit', 'phone')),
    by_staff       INTEGER NOT NULL REFERENCES staff(id),
    person_reached TEXT NOT NULL DEFAULT '',
    relation       TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL CHECK (outcome IN ('reached', 'unreachable', 'declined')),
    satisfaction   TEXT CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied')),
    comments       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX callbacks_case ON callbacks (case_id, at);

-- Who changed what, when and why. `changes` is a JSON array of {field, old, new}.
CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor_id  INTEGER REFERENCES staff(id),
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    case_id   INTEGER REFERENCES cases(id),
    action    TEXT NOT NULL,
    changes   TEXT NOT NULL DEFAULT '[]',
    reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_case ON history (case_id, id);
CREATE INDEX history_entity ON history (entity, entity_id, id);

-- History rows are the record of record: the product never rewrites them.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history rows cannot be changed'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history rows cannot be deleted'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'cases are voided, never deleted'); END;

-- Free-text search: trigram index over number, name, phones, location and content,
-- kept in step with `cases` by triggers inside the writing transaction.
CREATE VIRTUAL TABLE case_search USING fts5 (body, tokenize = 'trigram');

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_search (rowid, body) VALUES (new.id,
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand);
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF complainant_name, complainant_phones, building, unit, room,
    public_area, content, demand ON cases BEGIN
    DELETE FROM case_search WHERE rowid = old.id;
    INSERT INTO case_search (rowid, body) VALUES (new.id,
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand);
END;

-- Edits to the working calendar over the bundled holiday data: a holiday, a make-up
-- working day, or 'normal' to cancel a bundled special day.
CREATE TABLE calendar_days (
    date   TEXT PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'normal')),
    name   TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'manual'
);

-- Major-complaint report (domain §2.5): drafted, then approved by the supervisor.
CREATE TABLE major_reports (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    cause       TEXT NOT NULL DEFAULT '',
    process     TEXT NOT NULL DEFAULT '',
    lessons     TEXT NOT NULL DEFAULT '',
    measures    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
    submitted_at TEXT,
    approved_by INTEGER REFERENCES staff(id),
    approved_at TEXT,
    revision    INTEGER NOT NULL DEFAULT 1
);

-- Photos and scans: the files live under the data directory's attachments/ folder;
-- the row keeps the path relative to the data directory, so the folder can move.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    file_name   TEXT NOT NULL,
    stored_path TEXT NOT NULL,
    size        INTEGER NOT NULL,
    added_by    INTEGER NOT NULL REFERENCES staff(id),
    added_at    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_case ON attachments (case_id);
