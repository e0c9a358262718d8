//! The `Ledger`: one open database plus the office clock. Every public method that
//! changes something is one transaction and writes its history rows inside it.

use crate::db::CachedQuery;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::db;
use crate::error::{invalid, LedgerError, Problem, Result};
use crate::model::{Role, Staff};
use crate::validate::fmt_second;

/// Where "now" comes from. Tests and demos fix it; the office runs on the system clock
/// read in the office's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(NaiveDateTime),
}

impl Clock {
    /// `COMPLAINT_DESK_NOW="2026-11-23 09:00"` fixes the clock for scripted scenarios,
    /// demos and tests; otherwise the system clock.
    pub fn from_env() -> Result<Clock> {
        match std::env::var("COMPLAINT_DESK_NOW") {
            Ok(now) => crate::validate::parse_minute(now.trim())
                .filter(|_| now.trim().len() == 16)
                .map(Clock::Fixed)
                .ok_or_else(|| invalid("COMPLAINT_DESK_NOW", Problem::BadTime, now)),
            Err(_) => Ok(Clock::System),
        }
    }
}

/// The environment variable naming the data directory (the app and the CLI).
const DATA_DIR_ENV: &str = "COMPLAINT_DESK_DATA_DIR";

/// The data directory: the one given (`--data-dir`), else `COMPLAINT_DESK_DATA_DIR` when
/// set and not empty, else the user's data directory. The app and the CLI both ask here.
pub fn data_dir_from(given: Option<PathBuf>) -> Option<PathBuf> {
    given
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
}

/// Where the ledger lives unless `COMPLAINT_DESK_DATA_DIR` or `--data-dir` says otherwise:
/// the platform's data directory (e.g. `~/.local/share/complaintdesk`,
/// `%APPDATA%\ComplaintDesk\data`). None without a home directory.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "ComplaintDesk").map(|p| p.data_dir().to_path_buf())
}

pub struct Ledger {
    pub(crate) conn: Connection,
    clock: Clock,
    tz: chrono_tz::Tz,
    data_dir: Option<PathBuf>,
}

/// The office's time zone as its settings say (Shanghai when unset or unreadable).
pub(crate) fn office_tz(conn: &Connection) -> chrono_tz::Tz {
    conn.query_row(
        "SELECT value FROM settings WHERE key = 'timezone'",
        [],
        |r| r.get::<_, String>(0),
    )
    .ok()
    .and_then(|s| s.parse().ok())
    .unwrap_or(chrono_tz::Asia::Shanghai)
}

/// A file-name stamp of the office's present moment, `20261124-093000`: files the
/// ledger names read in the office's time, as its records do, whatever the computer's
/// own clock zone.
pub(crate) fn office_stamp(conn: &Connection) -> String {
    office_now(conn).format("%Y%m%d-%H%M%S").to_string()
}

/// The office's present moment on the system clock, before a ledger (and its clock) exists.
pub(crate) fn office_now(conn: &Connection) -> chrono::DateTime<chrono_tz::Tz> {
    chrono::Utc::now().with_timezone(&office_tz(conn))
}

/// The acting staff member of a write, resolved and checked.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// The damaged ledger of `data_dir`, naming its newest backup that still verifies: the
/// way back the clerk is shown.
fn damaged(data_dir: &Path) -> LedgerError {
    let backup = crate::backup::list(&crate::backup::backup_dir(data_dir))
        .unwrap_or_default()
        .into_iter()
        .find(|b| {
            b.integrity_ok
                && crate::backup::verify(Path::new(&b.file)).is_ok_and(|v| v.integrity_ok)
        })
        .map(|b| b.file);
    LedgerError::Damaged {
        file: db::db_path(data_dir).display().to_string(),
        backup,
    }
}

impl Ledger {
    /// Opens (or creates) the data directory's ledger. A file that is not a readable
    /// database is reported as damaged, naming the newest good backup: never a crash,
    /// and never a new empty ledger in its place.
    pub fn open(data_dir: &Path) -> Result<Self> {
        let opened =
            db::open(data_dir).and_then(|conn| Self::from_conn(conn, Some(data_dir.to_path_buf())));
        match opened {
            Err(LedgerError::Db(e)) if is_damage(&e) => Err(damaged(data_dir)),
            other => other,
        }
    }

    /// The start-up check (SQLite's `quick_check`: every page and b-tree, without
    /// matching indexes to tables). A whole file can still have damaged pages that
    /// opening does not touch; on a large ledger this takes seconds, so the app runs it
    /// beside the window. Damage is reported like a file that cannot be opened.
    pub fn quick_check(&self) -> Result<()> {
        let verdict = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0));
        let damage = match verdict {
            Ok(ref v) => v != "ok",
            Err(ref e) => is_damage(e),
        };
        match (damage, verdict) {
            (false, Ok(_)) => Ok(()),
            (false, Err(e)) => Err(e.into()),
            (true, _) => Err(match self.data_dir() {
                Some(dir) => damaged(dir),
                None => LedgerError::Damaged {
                    file: ":memory:".into(),
                    backup: None,
                },
            }),
        }
    }

    pub fn in_memory() -> Result<Self> {
        Self::from_conn(db::open_in_memory()?, None)
    }

    fn from_conn(mut conn: Connection, data_dir: Option<PathBuf>) -> Result<Self> {
        let seeded: Option<String> = conn
            .query_row("SELECT value FROM settings WHERE key = 'seeded'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if seeded.is_none() {
            // The lists a new ledger starts with, before there is an office or anyone to
            // have made a change; setting the office up is its first history entry.
            db::write_unrecorded(&mut conn, |tx| {
                tx.execute_batch(include_str!("seed.sql"))?;
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES ('seeded', '1')",
                    [],
                )?;
                Ok(())
            })?;
        }
        let tz = office_tz(&conn);
        Ok(Ledger {
            conn,
            clock: Clock::System,
            tz,
            data_dir,
        })
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }

    /// The office's wall-clock time.
    pub fn now(&self) -> NaiveDateTime {
        match self.clock {
            Clock::Fixed(t) => t,
            Clock::System => chrono::Utc::now().with_timezone(&self.tz).naive_local(),
        }
    }

    /// The office's date now (`2026-11-23`): screens offer it as "today" instead of
    /// the computer's own date, which may be in another zone.
    pub fn today(&self) -> String {
        self.now().format("%Y-%m-%d").to_string()
    }

    /// The month a month-end export or notice is for unless the clerk picks another
    /// (`2026-11`): last month during the first days of a month, when offices send last
    /// month's data (by the 2nd) and the company merges it (by the 5th); this month after.
    pub fn reporting_month(&self) -> String {
        reporting_month(self.now().date())
    }

    pub(crate) fn now_text(&self) -> String {
        fmt_second(self.now())
    }

    pub(crate) fn now_minute(&self) -> String {
        crate::validate::fmt_minute(self.now())
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// One write transaction, refused unless it writes its history entry (`db::write`).
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        db::write(&mut self.conn, f)
    }

    /// One write transaction of what is not a change to the record (`db::write_unrecorded`).
    pub(crate) fn write_unrecorded<T>(
        &mut self,
        f: impl FnOnce(&Transaction) -> Result<T>,
    ) -> Result<T> {
        db::write_unrecorded(&mut self.conn, f)
    }

    pub fn setting(&self, key: &str) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default())
    }

    /// Whether the office has been set up (office name and at least one staff member).
    pub fn is_initialised(&self) -> Result<bool> {
        let staff: i64 = self
            .conn
            .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?;
        Ok(staff > 0 && !self.setting("office_name")?.is_empty())
    }
}

/// Looks up the acting staff member by code or name; inactive staff cannot act.
pub(crate) fn actor(conn: &Connection, who: &str) -> Result<Actor> {
    let who = who.trim();
    if who.is_empty() {
        return Err(invalid("staff", Problem::Required, ""));
    }
    conn.prepare_cached_query_row(
        "SELECT id, name, role FROM staff WHERE (code = ?1 OR name = ?1) AND active = 1 ORDER BY code = ?1 DESC LIMIT 1",
        [who],
        |r| Ok(Actor { id: r.get(0)?, name: r.get(1)?, role: r.get(2)? }),
    )
    .optional()?
    .ok_or_else(|| invalid("staff", Problem::Unknown, who))
}

impl Actor {
    /// Refuses unless this staff member has the role `action` needs (`rights::role_for`).
    pub fn require_for(&self, act: crate::rights::Act) -> Result<()> {
        self.require(crate::rights::role_for(act), act.word())
    }

    pub fn require(&self, needed: Role, action: &'static str) -> Result<()> {
        if self.role >= needed {
            Ok(())
        } else {
            Err(LedgerError::Forbidden { action, needed })
        }
    }
}

/// The staff table's columns as `staff_row` reads them, in its order (the PIN's hash is
/// column 5 for the sign-in's check).
pub(crate) const STAFF_SELECT: &str =
    "SELECT id, code, name, role, active, pin_hash, text_size FROM staff";

/// The staff member with this id (retired or not).
pub(crate) fn staff_by_id(conn: &Connection, id: i64) -> Result<Staff> {
    Ok(conn.prepare_cached_query_row(&format!("{STAFF_SELECT} WHERE id = ?1"), [id], staff_row)?)
}

pub(crate) fn staff_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        active: r.get(4)?,
        has_pin: r.get::<_, Option<String>>(5)?.is_some(),
        text_size: r.get(6)?,
    })
}

pub(crate) fn set_setting_tx(tx: &Transaction, key: &str, value: &str) -> Result<Option<String>> {
    let old: Option<String> = tx
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(old)
}

/// The last day of a month on which the month-end work is still last month's: the
/// company merges the offices' monthly data by the 5th.
const MONTH_END_WORK_UNTIL: u32 = 5;

fn reporting_month(today: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = if today.day() <= MONTH_END_WORK_UNTIL {
        today - chrono::Months::new(1)
    } else {
        today
    };
    month.format("%Y-%m").to_string()
}

#[cfg(test)]
mod reporting_month_tests {
    use super::reporting_month;

    fn on(d: &str) -> String {
        reporting_month(d.parse().expect("date"))
    }

    #[test]
    fn the_first_days_of_a_month_report_the_month_before() {
        assert_eq!(on("2026-12-01"), "2026-11");
        assert_eq!(on("2026-12-05"), "2026-11");
        assert_eq!(on("2027-01-02"), "2026-12", "across the year");
        assert_eq!(on("2026-03-01"), "2026-02");
    }

    #[test]
    fn after_the_merge_deadline_it_is_this_month() {
        assert_eq!(on("2026-12-06"), "2026-12");
        assert_eq!(on("2026-12-31"), "2026-12");
    }
}
