//! What tests of the core, the CLI and the app share to stage a fault (feature
//! `testing`, turned on only by test builds).

use std::path::Path;

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
