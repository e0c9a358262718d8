//! Opening the ledger file: pragmas, migrations, the pre-migration backup.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{LedgerError, Result};

/// Numbered migrations, embedded in the binary. Shipped ones are never edited.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "initial", include_str!("../migrations/0001_initial.sql")),
    (
        2,
        "dashboard_and_drafts",
        include_str!("../migrations/0002_dashboard_and_drafts.sql"),
    ),
    (3, "prints", include_str!("../migrations/0003_prints.sql")),
    (
        4,
        "access_log",
        include_str!("../migrations/0004_access_log.sql"),
    ),
    (
        5,
        "bigram_search",
        include_str!("../migrations/0005_bigram_search.sql"),
    ),
    (
        6,
        "access_account",
        include_str!("../migrations/0006_access_account.sql"),
    ),
    (
        7,
        "callback_confirmed",
        include_str!("../migrations/0007_callback_confirmed.sql"),
    ),
    (
        8,
        "single_characters",
        include_str!("../migrations/0008_single_characters.sql"),
    ),
    (
        9,
        "attachment_withdrawal",
        include_str!("../migrations/0009_attachment_withdrawal.sql"),
    ),
    (
        10,
        "phones_as_kept",
        include_str!("../migrations/0010_phones_as_kept.sql"),
    ),
    (
        11,
        "text_size",
        include_str!("../migrations/0011_text_size.sql"),
    ),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The database file inside a data directory.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join("ledger.sqlite")
}

/// What the search's pair index holds for a text (migrations 5 and 8), lower-cased and
/// separated by spaces: every letter or digit starts one token, the pair it makes with
/// the next character, or itself alone where a run of letters and digits ends. A pair is
/// then found as a token and a single character as the start of one; nothing spans
/// punctuation or spaces (a search for that falls back to reading the texts).
pub fn bigrams(text: &str) -> String {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(text.len() * 3);
    for (i, &c) in chars.iter().enumerate() {
        if !is_gram_char(c) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
        if let Some(&next) = chars.get(i + 1).filter(|n| is_gram_char(**n)) {
            out.push(next);
        }
    }
    out
}

/// The pair index's token for a text of one or two letters or digits, as `bigrams` holds
/// it (lower-cased): a pair is a token, one character the start of tokens. None for any
/// other text.
pub fn short_token(text: &str) -> Option<String> {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
    let n = lower.chars().count();
    ((1..=2).contains(&n) && lower.chars().all(is_gram_char)).then_some(lower)
}

/// Letters and digits: what the index's tokenizer (unicode61) keeps together.
pub fn is_gram_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Functions the schema's triggers call; every connection that writes has them.
pub(crate) fn add_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "desk_bigrams",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(bigrams(text.as_deref().unwrap_or("")))
        },
    )?;
    // The callback rule itself, for the trigger that keeps each case's
    // callback_confirmed (migration 7): the list of "called back, left to close" cannot
    // disagree with the case page's own judgement.
    conn.create_scalar_function(
        "desk_callback_confirms",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            use crate::model::{CallbackOutcome, Satisfaction};
            let outcome: String = ctx.get(0)?;
            let satisfaction: Option<String> = ctx.get(1)?;
            let unknown = |what: &'static str, word: &str| {
                rusqlite::Error::UserFunctionError(Box::new(crate::error::UnknownWord {
                    what,
                    word: word.to_string(),
                }))
            };
            let outcome = CallbackOutcome::from_db(&outcome)
                .ok_or_else(|| unknown("CallbackOutcome", &outcome))?;
            let satisfaction = match satisfaction.as_deref() {
                None => None,
                Some(s) => {
                    Some(Satisfaction::from_db(s).ok_or_else(|| unknown("Satisfaction", s))?)
                }
            };
            Ok(crate::model::confirms(outcome, satisfaction))
        },
    )?;
    // A phone field as registration keeps it (migration 10 puts earlier ones so).
    conn.create_scalar_function(
        "desk_stored_phones",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let phones: String = ctx.get(0)?;
            let area: String = ctx.get(1)?;
            Ok(crate::validate::stored_phones(&phones, &area))
        },
    )?;
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    add_functions(conn)?;
    // WAL lets the UI read while a write commits; NORMAL sync is durable in WAL mode
    // except for the last transactions on power loss, so we keep FULL for a legal record.
    // Another program holding the file gets five seconds, then the clerk is told.
    conn.busy_timeout(Duration::from_secs(5))?;
    // One action runs a dozen statements (registration: lookups, number, insert with its
    // index triggers, deadline, history); the default 16 would evict them between actions.
    conn.set_prepared_statement_cache_capacity(128);
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Opens (creating if needed) the ledger in `data_dir` and brings its schema up to date.
pub fn open(data_dir: &Path) -> Result<Connection> {
    open_writable(data_dir).map_err(|e| match e {
        // SQLite only says it cannot open the file (it needs to write its journal
        // beside it); say why when the folder refuses writing.
        LedgerError::Db(_) if !writable(data_dir) => LedgerError::ReadOnly,
        e => e,
    })
}

/// Whether a file can be made in the folder (a read-only mount, a write-protected USB
/// stick or a folder without permission says no).
fn writable(dir: &Path) -> bool {
    let probe = dir.join(".complaint-desk-write-test");
    let ok = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

fn open_writable(data_dir: &Path) -> Result<Connection> {
    std::fs::create_dir_all(data_dir)?;
    let path = db_path(data_dir);
    let existed = path.exists();
    let mut conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    migrate(&mut conn, existed.then(|| data_dir.join("backups")))?;
    Ok(conn)
}

/// An in-memory ledger for unit tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    add_functions(&conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    migrate(&mut conn, None)?;
    Ok(conn)
}

/// The office's UI language setting, read without writing anything from a ledger that may
/// not open (a newer version's, one on a full disk), so the screen saying why speaks the
/// office's language. None when the file or the setting cannot be read.
pub fn stored_language(data_dir: &Path) -> Option<String> {
    language_in(&read_only(&db_path(data_dir))?)
}

/// An existing ledger file (or backup) opened read-only, to read a fact without writing
/// anything or creating a file; None when there is none or it cannot be opened.
pub fn read_only(file: &Path) -> Option<Connection> {
    if !file.is_file() {
        return None;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(file, flags).ok()
}

/// The schema version of `data_dir`'s ledger file as it stands; None without a file.
pub fn stored_schema(data_dir: &Path) -> Option<i64> {
    schema_version(&read_only(&db_path(data_dir))?)
        .ok()
        .filter(|v| *v > 0)
}

fn language_in(conn: &Connection) -> Option<String> {
    conn.query_row(
        "SELECT value FROM settings WHERE key = 'language'",
        [],
        |r| r.get(0),
    )
    .ok()
}

/// An existing ledger whose schema opening would bring up to date: on a large file the
/// copy taken first and the migrations take minutes, so the app shows a waiting screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingUpgrade {
    /// The file's schema version, and the one this program brings it to.
    pub from: i64,
    pub to: i64,
    /// The office's UI language setting, so the waiting screen speaks it.
    pub language: String,
}

/// What opening `data_dir`'s ledger would upgrade, read without writing anything. None
/// when there is no file, it is current, or it cannot be read: opening then says why.
pub fn pending_upgrade(data_dir: &Path) -> Option<PendingUpgrade> {
    let conn = read_only(&db_path(data_dir))?;
    let from = schema_version(&conn).ok()?;
    if from <= 0 || from >= SCHEMA_VERSION {
        return None;
    }
    let language = language_in(&conn).unwrap_or_default();
    Some(PendingUpgrade {
        from,
        to: SCHEMA_VERSION,
        language,
    })
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies each pending migration in its own transaction, recording it in
/// `schema_migrations` and `user_version`. An existing database is first copied with
/// `VACUUM INTO` so a failed upgrade can be undone by hand.
pub fn migrate(conn: &mut Connection, backup_dir: Option<PathBuf>) -> Result<()> {
    let current = schema_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(LedgerError::SchemaTooNew {
            found: current,
            known: SCHEMA_VERSION,
        });
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    if let (Some(dir), true) = (backup_dir, current > 0) {
        std::fs::create_dir_all(&dir)?;
        let now = crate::ledger::office_now(conn);
        let stamp = now.format("%Y%m%d-%H%M%S");
        let file = dir.join(format!("pre-migration-v{current}-{stamp}.sqlite"));
        // A program writing the file now would fail the first migration after the copy
        // (minutes on a large ledger): wait for it here (the busy timeout) and report
        // Busy without copying, so a caller that retries makes one copy, not one a try.
        conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;")?;
        // Recorded like any backup, so the way back offers it if the upgrade fails.
        let made_at = now.format("%Y-%m-%d %H:%M:%S").to_string();
        crate::backup::copy_to(conn, &file, "migration", made_at, 0)?;
    }
    // When a migration writes history, it is of the office's present moment.
    let at = crate::validate::fmt_second(crate::ledger::office_now(conn).naive_local());
    conn.create_scalar_function(
        "desk_migration_at",
        0,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8,
        move |_| Ok(at.clone()),
    )?;
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, datetime('now'))",
            rusqlite::params![version, name],
        )?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// The one write path: runs `f` as one immediate (write-locking) transaction, all of
/// it or nothing, and refuses to commit a change that wrote no history entry (so no
/// write can forget its history; the entry's id is the office's change sequence,
/// docs/life-of-a-case.md).
pub fn write<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    run(conn, true, f)
}

/// A write that changes nothing in the ledger's record, so no history entry is due: a
/// draft being typed, the access log's own entries (查阅记录 is the record of a look-up).
pub fn write_unrecorded<T>(
    conn: &mut Connection,
    f: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    run(conn, false, f)
}

/// The highest history entry (the office's last change), 0 in a new ledger.
pub fn last_change(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM history")?
        .query_row([], |r| r.get(0))?)
}

fn run<T>(
    conn: &mut Connection,
    recorded: bool,
    f: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    crate::due::take_dirty();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (changed_before, last_before) = (tx.total_changes(), last_change(&tx)?);
    let out = f(&tx)?;
    if recorded && tx.total_changes() != changed_before && last_change(&tx)? == last_before {
        // Dropping the transaction rolls the change back.
        return Err(LedgerError::NoHistory);
    }
    // Deadlines depend on the whole action, so they are refreshed once it is complete,
    // still inside the same transaction.
    for id in crate::due::take_dirty() {
        crate::due::refresh(&tx, id)?;
    }
    tx.commit()?;
    Ok(out)
}

/// `query_row` through the statement cache: the desk runs the same few lookups on every
/// action, and re-preparing them cost more than the lookups themselves.
pub(crate) trait CachedQuery {
    fn prepare_cached_query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;
}

impl CachedQuery for Connection {
    fn prepare_cached_query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}
