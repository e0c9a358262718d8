//! Case and slip numbers: `TS-202611-0007`. Sequential per series and month, never
//! reused. The counter is bumped inside the registering transaction, so a rolled-back
//! registration leaves no gap and two processes (serialised by SQLite's write lock)
//! never get the same number.

use crate::db::CachedQuery;
use rusqlite::Connection;

use crate::error::Result;

pub fn next(conn: &Connection, prefix: &str, yyyymm: &str) -> Result<String> {
    let scope = format!("{prefix}-{yyyymm}");
    let n: i64 = conn.prepare_cached_query_row(
        "INSERT INTO counters (scope, last) VALUES (?1, 1)
         ON CONFLICT (scope) DO UPDATE SET last = last + 1 RETURNING last",
        [&scope],
        |r| r.get(0),
    )?;
    Ok(format!("{scope}-{n:04}"))
}
