-- The access log (查阅记录, domain §7): every view of a case's personal data, every
-- search, every export or print that carries personal data, every backup and restore,
-- every sign-in. Who (NULL: the command line without a named staff member, or the
-- automatic daily backup), when, what. Supervisors read and export it; the product
-- never changes or removes a row.
CREATE TABLE access_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor_id  INTEGER REFERENCES staff(id),
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_log_by_time ON access_log (at, id);
-- A person's latest entry: a repeated look-up is not logged again.
CREATE INDEX access_log_by_actor ON access_log (actor_id, id);

CREATE TRIGGER access_log_keep_rows BEFORE UPDATE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log cannot be changed'); END;
CREATE TRIGGER access_log_keep_rows_d BEFORE DELETE ON access_log
BEGIN SELECT RAISE(ABORT, 'the access log cannot be changed'); END;

-- Idle minutes before the desk locks its screen (0: never).
INSERT OR IGNORE INTO settings (key, value) VALUES ('idle_lock_minutes', '10');
