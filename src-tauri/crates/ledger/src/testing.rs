//! What tests of the core, the CLI and the app share to stage a fault (feature
//! `testing`, turned on only by test builds).

use std::path::Path;

/// Marks `data_dir`'s ledger as a newer Complaint Desk (schema version 99) would have left
/// it: this program refuses to open it and must not restore over it.
pub fn as_written_by_a_newer_version(data_dir: &Path) -> rusqlite::Result<()> {
    rusqlite::Connection::open(crate::db::db_path(data_dir))?.pragma_update(
        None,
        "user_version",
        99,
    )
}

/// Scribbles over the first page of the cases table, as a failing disk might: the file
/// header and the settings read on opening stay whole, so the ledger still opens and
/// signing in still works; only the start-up integrity check finds the damage. The
/// write-ahead log is folded into the file first, so the damage is where it is read.
pub fn damage_the_cases_page(data_dir: &Path) -> std::io::Result<()> {
    let db = crate::db::db_path(data_dir);
    let located = rusqlite::Connection::open(&db).and_then(|c| {
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        c.query_row(
            "SELECT rootpage, (SELECT page_size FROM pragma_page_size)
             FROM sqlite_master WHERE name = 'cases'",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )
    });
    let (page, size) = located.map_err(std::io::Error::other)?;
    let mut bytes = std::fs::read(&db)?;
    let at = usize::try_from((page - 1) * size).map_err(std::io::Error::other)?;
    let Some(first) = bytes.get_mut(at..at + 64) else {
        return Err(std::io::Error::other(
            "the cases page is past the file's end",
        ));
    };
    first.fill(0xa5);
    std::fs::write(&db, &bytes)
}

/// Turns `data_dir`'s current ledger back into one as schema version 4 wrote it (before
/// the two-character search index, the access log's account column, the cases'
/// callback_confirmed and the attachments' withdrawal), keeping every case: an older
/// ledger for the upgrade's tests, made from today's API.
pub fn as_written_by_schema_4(data_dir: &Path) -> rusqlite::Result<()> {
    let conn = rusqlite::Connection::open(crate::db::db_path(data_dir))?;
    conn.execute_batch(
        "BEGIN;
         DROP TRIGGER cases_bigrams_insert;
         DROP TRIGGER cases_bigrams_update;
         DROP TABLE case_bigrams;
         ALTER TABLE access_log DROP COLUMN account;
         DROP TRIGGER callbacks_confirmed;
         DROP INDEX cases_awaiting;
         ALTER TABLE cases DROP COLUMN callback_confirmed;
         DROP TRIGGER attachments_no_delete;
         ALTER TABLE staff DROP COLUMN text_size;
         ALTER TABLE attachments DROP COLUMN withdrawn_at;
         ALTER TABLE attachments DROP COLUMN withdrawn_by;
         ALTER TABLE attachments DROP COLUMN withdrawn_reason;
         DELETE FROM schema_migrations WHERE version > 4;
         PRAGMA user_version = 4;
         COMMIT;",
    )
}

/// Turns `data_dir`'s current ledger back into one as schema version 9 left it, after
/// running `kept` (SQL that writes values as that version kept them, such as phones as
/// typed) with the functions the schema's triggers call.
pub fn as_written_by_schema_9(data_dir: &Path, kept: &str) -> crate::error::Result<()> {
    let conn = rusqlite::Connection::open(crate::db::db_path(data_dir))?;
    crate::db::add_functions(&conn)?;
    conn.execute_batch(&format!(
        "BEGIN;
         {kept};
         ALTER TABLE staff DROP COLUMN text_size;
         DELETE FROM schema_migrations WHERE version > 9;
         PRAGMA user_version = 9;
         COMMIT;"
    ))?;
    Ok(())
}
