-- Whether a case's latest callback confirmed its result (the rule is the program's own,
-- desk_callback_confirms): with the status it tells the cases still to call back from
-- those called back and left to close, which the dashboard counts every minute. Judging
-- every awaiting case's latest callback on each count took 65 ms on a million cases.
-- Callbacks are never changed or removed, so the newest one inserted decides.
ALTER TABLE cases ADD COLUMN callback_confirmed INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET callback_confirmed = coalesce((
    SELECT desk_callback_confirms(b.outcome, b.satisfaction) FROM callbacks b
    WHERE b.case_id = cases.id ORDER BY b.id DESC LIMIT 1), 0)
WHERE id IN (SELECT case_id FROM callbacks);
CREATE TRIGGER callbacks_confirmed AFTER INSERT ON callbacks BEGIN
    UPDATE cases SET callback_confirmed = desk_callback_confirms(new.outcome, new.satisfaction)
    WHERE id = new.case_id;
END;
-- Only the cases awaiting their callback, split by it: both the count and the newest
-- first page of either list read it alone (the status index would look up every awaiting
-- case's row to read the flag: 100 ms on a million cases).
CREATE INDEX cases_awaiting ON cases (callback_confirmed, received_at) WHERE status = 'awaiting_callback';
