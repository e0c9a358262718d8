-- A mainland mobile is kept as its 11 digits since this version, and a phone field's
-- numbers are separated alike ("13812345678, 0571-87654321"); the registration form's
-- earlier cases, its recurring-problem warning and the ledger's search look numbers up
-- in that form. Numbers kept before it stay as they were typed ("+86 138 1234 5678",
-- "138-1234-5678") and would not be found, so they are put in that form here, each case
-- and unit with a history entry saying so (no staff member: the upgrade did it). A field
-- today's rules would refuse is left as it is: it is not this upgrade's to judge.
-- desk_stored_phones() is validate::phones itself; desk_migration_at() the office's time.
CREATE TEMP TABLE phones_fixed AS
    SELECT id, complainant_phones AS old,
           desk_stored_phones(complainant_phones, coalesce((SELECT value FROM settings WHERE key = 'area_code'), '')) AS new
    FROM cases WHERE complainant_phones <> '';
DELETE FROM phones_fixed WHERE new = old;
INSERT INTO history (at, actor_id, entity, entity_id, case_id, action, changes, reason)
    SELECT desk_migration_at(), NULL, 'case', id, id, 'normalise_phones',
           json_array(json_object('field', 'complainant_phones', 'old', old, 'new', new)), ''
    FROM phones_fixed ORDER BY id;
UPDATE cases SET complainant_phones = (SELECT new FROM phones_fixed f WHERE f.id = cases.id),
                 updated_at = desk_migration_at()
    WHERE id IN (SELECT id FROM phones_fixed);
DROP TABLE phones_fixed;

CREATE TEMP TABLE phones_fixed AS
    SELECT id, phones AS old,
           desk_stored_phones(phones, coalesce((SELECT value FROM settings WHERE key = 'area_code'), '')) AS new
    FROM units WHERE phones <> '';
DELETE FROM phones_fixed WHERE new = old;
INSERT INTO history (at, actor_id, entity, entity_id, case_id, action, changes, reason)
    SELECT desk_migration_at(), NULL, 'unit', id, NULL, 'normalise_phones',
           json_array(json_object('field', 'phones', 'old', old, 'new', new)), ''
    FROM phones_fixed ORDER BY id;
UPDATE units SET phones = (SELECT new FROM phones_fixed f WHERE f.id = units.id)
    WHERE id IN (SELECT id FROM phones_fixed);
DROP TABLE phones_fixed;
