-- Two-character searches (most Chinese names: 王芳, and words like 漏水) cannot use the
-- trigram index. A second, contentless index holds each case's character pairs, made
-- by the program's desk_bigrams() function from the same text as case_search, and is
-- kept in step by triggers inside the writing transaction.
CREATE VIRTUAL TABLE case_bigrams USING fts5 (
    grams, content = '', contentless_delete = 1, detail = none
);

INSERT INTO case_bigrams (rowid, grams) SELECT rowid, desk_bigrams(body) FROM case_search;

CREATE TRIGGER cases_bigrams_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_bigrams (rowid, grams) VALUES (new.id, desk_bigrams(
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand));
END;
CREATE TRIGGER cases_bigrams_update AFTER UPDATE OF complainant_name, complainant_phones, building, unit, room,
    public_area, content, demand ON cases BEGIN
    DELETE FROM case_bigrams WHERE rowid = old.id;
    INSERT INTO case_bigrams (rowid, grams) VALUES (new.id, desk_bigrams(
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand));
END;
