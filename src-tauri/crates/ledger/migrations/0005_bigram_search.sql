-- Two-character searches (most Chinese names: 王芳, and words like 漏水) cannot use the
-- trigram index. A second, contentless index holds each case's character pairs, made
-- by the program's desk_bigrams() function from the same text as case_search, and is
-- kept in step by triggers inside the writing transaction.
-- Contentless, no positions, no per-row sizes: the least a registration has to write.
-- Rows are replaced with FTS5's 'delete' command, which needs the old text.
CREATE VIRTUAL TABLE case_bigrams USING fts5 (
    grams, content = '', detail = none, columnsize = 0
);

INSERT INTO case_bigrams (rowid, grams) SELECT rowid, desk_bigrams(body) FROM case_search;

CREATE TRIGGER cases_bigrams_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_bigrams (rowid, grams) VALUES (new.id, desk_bigrams(
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand));
END;
CREATE TRIGGER cases_bigrams_update AFTER UPDATE OF complainant_name, complainant_phones, building, unit, room,
    public_area, content, demand ON cases BEGIN
    INSERT INTO case_bigrams (case_bigrams, rowid, grams) VALUES ('delete', old.id, desk_bigrams(
        old.number || ' ' || old.complainant_name || ' ' || old.complainant_phones || ' ' ||
        old.building || old.unit || old.room || ' ' || old.public_area || ' ' || old.content || ' ' || old.demand));
    INSERT INTO case_bigrams (rowid, grams) VALUES (new.id, desk_bigrams(
        new.number || ' ' || new.complainant_name || ' ' || new.complainant_phones || ' ' ||
        new.building || new.unit || new.room || ' ' || new.public_area || ' ' || new.content || ' ' || new.demand));
END;
