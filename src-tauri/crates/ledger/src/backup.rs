//! Backups of the ledger file (issue: nothing lost): a consistent copy with
//! `VACUUM INTO`, verified by opening it and checking its integrity, with its row counts
//! kept beside it; daily copies rotated (14 daily + 12 monthly); restore from a verified
//! copy, keeping the current file aside. A copy made to another folder takes the
//! attachments' files along, and a restore from one brings back those missing.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use crate::error::{invalid, LedgerError, Problem, Result};
use crate::history::{self, Changes};
use crate::ledger::{actor, Ledger};
use crate::rights::Act;
use crate::why::Why;

/// Daily copies kept, and months (the first copy of each) kept after that.
pub const KEEP_DAILY: usize = 14;
pub const KEEP_MONTHLY: usize = 12;

/// What a backup holds, checked when it was made (and again before a restore).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    pub file: String,
    /// `2026-11-23 17:05:09`
    pub made_at: String,
    /// daily, manual or migration (taken before an upgrade)
    pub reason: String,
    pub bytes: u64,
    pub integrity_ok: bool,
    pub cases: i64,
    pub slips: i64,
    pub history: i64,
    pub schema_version: i64,
}

/// The data directory's own backup folder.
pub fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

fn sidecar(file: &Path) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(".json");
    PathBuf::from(s)
}

/// Opens a copy read-only and checks it: a SQLite file, integrity ok, a ledger.
pub fn verify(file: &Path) -> Result<BackupInfo> {
    let bad = |why: Why| {
        invalid(
            "backup",
            Problem::NotAllowed { why },
            file.display().to_string(),
        )
    };
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| bad(Why::NotADatabase))?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| bad(Why::DamagedCopy))?;
    let count = |table: &str| -> Result<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .map_err(|_| bad(Why::NotALedger))
    };
    let made = std::fs::metadata(file)?;
    let info = BackupInfo {
        file: file.display().to_string(),
        made_at: chrono::DateTime::<chrono::Utc>::from(made.modified()?)
            .with_timezone(&crate::ledger::office_tz(&conn))
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        reason: String::new(),
        bytes: made.len(),
        integrity_ok: check == "ok",
        cases: count("cases")?,
        slips: count("slips")?,
        history: count("history")?,
        schema_version: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
    };
    Ok(info)
}

/// Copies `conn`'s database to `file`, verifies the copy and records what it holds beside
/// it, so the backup list (and the way back) offers it. `reason`: daily, manual or
/// migration (the copy taken before an upgrade).
pub(crate) fn copy_to(
    conn: &Connection,
    file: &Path,
    reason: &str,
    made_at: String,
    alongside: u64,
) -> Result<BackupInfo> {
    // Written under a temporary name, so a copy cut short never looks like a backup.
    let partial = file.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    if let Some(dir) = file.parent() {
        remove_stale_partials(dir);
        room_for_copy(conn, dir, alongside)?;
    }
    if let Err(e) = conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()]) {
        // A disk that filled up half-way must not stay full of the half copy.
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    std::fs::rename(&partial, file)?;
    let mut info = verify(file)?;
    if !info.integrity_ok {
        return Err(LedgerError::Io(std::io::Error::other(format!(
            "{}: the copy failed its integrity check",
            file.display()
        ))));
    }
    info.made_at = made_at;
    info.reason = reason.into();
    std::fs::write(
        sidecar(file),
        serde_json::to_vec_pretty(&info).unwrap_or_default(),
    )?;
    Ok(info)
}

/// Refuses before copying when `dir`'s disk cannot hold the copy: on a gigabyte ledger
/// the copy would otherwise run for minutes, fill the disk (the ledger's own, before an
/// upgrade) and fail. The copy holds the ledger's pages in use; a little is kept spare
/// for the file system. `alongside`: the bytes of the attachments going with it. Where
/// the free space cannot be read, the copy is simply tried.
fn room_for_copy(conn: &Connection, dir: &Path, alongside: u64) -> Result<()> {
    let pages = |pragma: &str| -> u64 {
        conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get::<_, i64>(0))
            .map_or(0, |n| n.max(0) as u64)
    };
    let ledger = pages("page_count").saturating_sub(pages("freelist_count")) * pages("page_size");
    let needed = ledger + ledger / 50 + alongside;
    let Ok(free) = fs4::available_space(dir) else {
        return Ok(());
    };
    if free < needed + SPARE {
        return Err(LedgerError::NoRoom {
            folder: dir.display().to_string(),
            needed,
            free,
        });
    }
    Ok(())
}

/// Room left beside a copy (its journal, the record beside it).
const SPARE: u64 = 64 * 1024;

/// Copies cut short (the app closed during a copy, a crash) are never backups but can be
/// as large as the ledger: the next copy removes those an hour old, leaving any copy that
/// another window or the daily round is writing now.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_PARTIAL);
        if p.extension().is_some_and(|x| x == "partial") && stale {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// The age after which an unfinished copy is taken to be abandoned.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(3600);

/// The backups in `dir`, newest first, as recorded beside each when it was made.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(out);
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "json") {
            if let Ok(info) = serde_json::from_slice::<BackupInfo>(&std::fs::read(&p)?) {
                if Path::new(&info.file).exists() {
                    out.push(info);
                }
            }
        }
    }
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.file.cmp(&a.file)));
    Ok(out)
}

/// Removes daily backups beyond the newest KEEP_DAILY, keeping the first of each of the
/// KEEP_MONTHLY newest months among them. Manual copies are never removed.
pub fn rotate(dir: &Path) -> Result<Vec<String>> {
    let daily: Vec<BackupInfo> = list(dir)?
        .into_iter()
        .filter(|b| b.reason == "daily")
        .collect();
    let mut removed = Vec::new();
    let mut months_kept: Vec<String> = Vec::new();
    // Oldest first, so the first copy of a month is the one kept.
    let older: Vec<&BackupInfo> = daily.iter().skip(KEEP_DAILY).collect();
    for b in older.iter().rev() {
        let month = b.made_at.get(..7).unwrap_or_default().to_string();
        if !months_kept.contains(&month) && months_kept.len() < KEEP_MONTHLY {
            months_kept.push(month);
            continue;
        }
        let f = PathBuf::from(&b.file);
        std::fs::remove_file(&f)?;
        let _ = std::fs::remove_file(sidecar(&f));
        removed.push(b.file.clone());
    }
    Ok(removed)
}

impl Ledger {
    /// Copies the ledger into `dir` (made if missing), verifies the copy and records
    /// what it holds beside it. `reason`: daily or manual.
    pub fn backup_to(&self, dir: &Path, reason: &str) -> Result<BackupInfo> {
        std::fs::create_dir_all(dir)?;
        let stamp = self.now().format("%Y%m%d-%H%M%S");
        let mut file = dir.join(format!("ledger-{stamp}-{reason}.sqlite"));
        let mut n = 1;
        while file.exists() {
            n += 1;
            file = dir.join(format!("ledger-{stamp}-{reason}-{n}.sqlite"));
        }
        let made_at = self.now().format("%Y-%m-%d %H:%M:%S").to_string();
        // The attachments go along to a folder outside the data directory.
        let along = match self.data_dir().filter(|data| !inside(dir, data)) {
            Some(data) => missing_attachments(&data.join(ATTACHMENTS), &dir.join(ATTACHMENTS))?,
            None => Vec::new(),
        };
        let extra = along.iter().map(|(_, _, size)| size).sum();
        let info = copy_to(&self.conn, &file, reason, made_at, extra)?;
        copy_attachments(&along)?;
        Ok(info)
    }

    /// Refuses unless `by` may take `act` (restoring replaces the whole ledger).
    pub fn require_right(&self, by: &str, act: Act) -> Result<()> {
        actor(&self.conn, by)?.require_for(act)
    }

    /// Makes a verified copy in `dir` and records it (history and access log), the one
    /// way a desk makes a backup, so none goes unrecorded. The copy (`VACUUM INTO`)
    /// cannot run inside a transaction; it is recorded right after it is verified, and a
    /// copy that failed is never recorded.
    pub fn make_backup(
        &mut self,
        by: Option<&str>,
        dir: &Path,
        reason: &str,
    ) -> Result<BackupInfo> {
        let info = self.backup_to(dir, reason)?;
        self.log_backup(by, "backup", &info)?;
        Ok(info)
    }

    /// Records a backup or restore in the history (and the access log, docs/confidentiality.md): who, when,
    /// which file, what it held. `by` is None for the automatic daily copy.
    pub fn log_backup(&mut self, by: Option<&str>, action: &str, info: &BackupInfo) -> Result<()> {
        self.log_copy(by, action, info, Some(("backup", info.reason.clone())))
    }

    /// The entries of a backup or restore; `fact` says what kind of copy it was or
    /// where the replaced ledger went (if it was kept), for the access log.
    fn log_copy(
        &mut self,
        by: Option<&str>,
        action: &str,
        info: &BackupInfo,
        fact: Option<(&str, String)>,
    ) -> Result<()> {
        let now = self.now_text();
        self.write(|tx| {
            let who = match by {
                Some(b) => Some(actor(tx, b)?),
                None => None,
            };
            let mut ch = Changes::new();
            ch.set("file", &info.file)
                .set("cases", info.cases.to_string())
                .set("history", info.history.to_string());
            history::log(
                tx,
                &now,
                who.as_ref(),
                "backup",
                0,
                action,
                &ch,
                &info.reason,
            )?;
            let mut detail = vec![("cases", info.cases.to_string())];
            detail.extend(fact.clone().filter(|f| !f.1.is_empty()));
            let detail = crate::access::facts(&detail);
            crate::access::log_tx(tx, &now, who.as_ref(), action, &info.file, &detail)
        })
    }

    /// Records a restore in the restored ledger (history and access log): which copy,
    /// where the replaced file went. The staff member may not exist in the restored
    /// copy; then the entry has no actor. The thumbnails of photos the restored copy does
    /// not have (often another customer's, attached after the copy was made) go now,
    /// not at the next start.
    pub fn log_restore(
        &mut self,
        by: Option<&str>,
        mut info: BackupInfo,
        aside: Option<&Path>,
    ) -> Result<BackupInfo> {
        info.reason = aside
            .map(|p| format!("previous ledger kept as {}", p.display()))
            .unwrap_or_default();
        let known = by.filter(|b| actor(&self.conn, b).is_ok());
        let kept = aside.map(|p| ("kept_as", p.display().to_string()));
        // The restored copy is older than the replaced ledger: its change numbers go on
        // above the highest either had used (the company ledger is shipped in that order).
        let high = self
            .data_dir()
            .map(|d| high_water(d, aside))
            .unwrap_or_default();
        let now = self.now_text();
        self.write(|tx| history::resume_after(tx, &now, high))?;
        self.log_copy(known, "restore", &info, kept)?;
        // Best effort: the restore has happened; one left behind goes at the next start.
        let _ = self.sweep_thumbnails();
        Ok(info)
    }

    /// The daily backup into the data directory's `backups/`, once a day while in use;
    /// None when today's exists (or the ledger is in memory).
    pub fn daily_backup(&mut self) -> Result<Option<BackupInfo>> {
        let Some(dir) = self.data_dir().map(backup_dir) else {
            return Ok(None);
        };
        let today = self.now().format("%Y-%m-%d").to_string();
        if list(&dir)?
            .iter()
            .any(|b| b.reason == "daily" && b.made_at.starts_with(&today))
        {
            return Ok(None);
        }
        let info = self.make_backup(None, &dir, "daily")?;
        rotate(&dir)?;
        Ok(Some(info))
    }
}

/// The highest change number (history id) of the ledger kept aside by a restore, of any
/// earlier one kept so, and of every copy in the backups folder: what a restored ledger
/// must continue above. A file that cannot be read (the damaged ledger) counts as 0.
fn high_water(data_dir: &Path, aside: Option<&Path>) -> i64 {
    let last = |file: &Path| {
        crate::db::read_only(file)
            .and_then(|c| crate::db::last_change(&c).ok())
            .unwrap_or(0)
    };
    let files_in = |dir: &Path, keep: &dyn Fn(&str) -> bool| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(keep))
            .collect()
    };
    let mut files = files_in(&backup_dir(data_dir), &|n| n.ends_with(".sqlite"));
    files.extend(files_in(data_dir, &|n| {
        n.starts_with("ledger.before-restore-") && n.ends_with(".sqlite")
    }));
    files.extend(aside.map(Path::to_path_buf));
    files.iter().map(|f| last(f)).max().unwrap_or(0)
}

/// Who may put a backup in place of the ledger: a supervisor; when the ledger is
/// damaged, whoever is at the desk, since no staff member can be checked against a
/// damaged file (the restore is then recorded without one); and on a desk with no
/// office set up yet (a new PC the office moves to), whoever installed it, since that
/// ledger holds nothing and has no staff. The app and the CLI ask here.
pub fn restore_requires(ledger_damaged: bool, office_set_up: bool) -> Option<Act> {
    (!ledger_damaged && office_set_up).then_some(Act::Restore)
}

/// The file the running app holds locked in its data directory (one app per folder).
pub const APP_LOCK_FILE: &str = "complaint-desk.lock";

/// Puts a verified backup in place of the data directory's ledger, which must not be
/// open. The current file is kept aside as `ledger.before-restore-<time>.sqlite`.
/// Returns what was restored and where the old file went.
pub fn restore(data_dir: &Path, from: &Path) -> Result<(BackupInfo, Option<PathBuf>)> {
    // Held for the whole restore: the app cannot have the ledger open meanwhile.
    let lock = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data_dir.join(APP_LOCK_FILE))?;
    if lock.try_lock().is_err() {
        return Err(invalid(
            "backup",
            Problem::NotAllowed { why: Why::AppOpen },
            data_dir.display().to_string(),
        ));
    }
    restore_as_owner(data_dir, from)
}

/// The restore for the process that holds the app lock itself (the desktop app) and has
/// closed its own connection to the ledger: the same checks and steps without the lock.
pub fn restore_as_owner(data_dir: &Path, from: &Path) -> Result<(BackupInfo, Option<PathBuf>)> {
    let info = verify(from)?;
    if !info.integrity_ok {
        return Err(invalid(
            "backup",
            Problem::NotAllowed {
                why: Why::FailedIntegrityCheck,
            },
            from.display().to_string(),
        ));
    }
    let db = crate::db::db_path(data_dir);
    let mut aside = None;
    if db.exists() {
        // The office's time zone from the verified copy: the current file may be damaged.
        let stamp = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map(|c| crate::ledger::office_stamp(&c))?;
        let keep = data_dir.join(format!("ledger.before-restore-{stamp}.sqlite"));
        // Fold the write-ahead log into the file first, so the kept copy is whole.
        if let Ok(c) = Connection::open(&db) {
            let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
        std::fs::rename(&db, &keep)?;
        for ext in ["-wal", "-shm"] {
            let mut side = db.as_os_str().to_owned();
            side.push(ext);
            let _ = std::fs::remove_file(PathBuf::from(side));
        }
        aside = Some(keep);
    }
    let partial = db.with_extension("restoring");
    std::fs::copy(from, &partial)?;
    std::fs::rename(&partial, &db)?;
    // A copy brought from elsewhere (a USB stick, another PC) brings its photos too.
    if let Some(folder) = from.parent().filter(|f| !inside(f, data_dir)) {
        copy_attachments(&missing_attachments(
            &folder.join(ATTACHMENTS),
            &data_dir.join(ATTACHMENTS),
        )?)?;
    }
    Ok((info, aside))
}

/// The attachments' folder, in a data directory and beside a backup copied out of it.
const ATTACHMENTS: &str = "attachments";

/// Whether `dir` is `root` or inside it (after resolving both, where they exist).
fn inside(dir: &Path, root: &Path) -> bool {
    let full = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    full(dir).starts_with(full(root))
}

/// The attachments `to` lacks (or holds with another size), as (source, destination,
/// size). An attachment never changes once added, so a file already there with the same
/// size is taken as the same and left alone.
fn missing_attachments(from: &Path, to: &Path) -> std::io::Result<Vec<(PathBuf, PathBuf, u64)>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(out);
    };
    for e in entries.flatten() {
        let (src, dest) = (e.path(), to.join(e.file_name()));
        let meta = e.metadata()?;
        if meta.is_dir() {
            out.extend(missing_attachments(&src, &dest)?);
        } else if std::fs::metadata(&dest).map_or(true, |d| d.len() != meta.len()) {
            out.push((src, dest, meta.len()));
        }
    }
    Ok(out)
}

/// Copies the listed attachments, keeping their folders. A backup copied to another
/// folder (a USB stick) takes them along, so it is the whole ledger, photos and scans
/// too; the data directory's own backups folder does not need them, as they are beside it.
fn copy_attachments(files: &[(PathBuf, PathBuf, u64)]) -> std::io::Result<()> {
    for (src, dest, _) in files {
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(src, dest)?;
    }
    Ok(())
}
