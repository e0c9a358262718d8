//! Backups and restore from the app: list and verify copies, make one now (to the data
//! directory or a chosen folder such as a USB stick), and restore one — also from the
//! start-up screen when the ledger could not be opened, where the ledger can also be
//! tried again once the cause (a full disk, a file put back) is dealt with.

use std::path::{Path, PathBuf};

use desk_ledger::backup::{self, backup_dir, BackupInfo};
use desk_ledger::{Clock, Ledger};

use super::Desk;
use crate::error::{IpcError, IpcResult};

/// The data directory's own copies, newest first.
#[tauri::command]
pub async fn list_backups(desk: Desk<'_>, folder: Option<String>) -> IpcResult<Vec<BackupInfo>> {
    let dir = folder
        .map(PathBuf::from)
        .unwrap_or_else(|| backup_dir(desk.dir()));
    desk.with(|_, _| backup::list(&dir))
}

#[tauri::command]
pub async fn backup_now(desk: Desk<'_>, folder: Option<String>) -> IpcResult<BackupInfo> {
    let dir = folder
        .filter(|f| !f.trim().is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| backup_dir(desk.dir()));
    desk.acting(|l, by, _| {
        let info = l.make_backup(Some(by), &dir, "manual")?;
        Ok(info)
    })
}

/// Puts a verified backup in place of the ledger (the current file is kept aside).
/// A supervisor's action; at start-up with a damaged ledger, the way back for anyone at
/// the desk, since no staff member can be checked against a damaged file.
#[tauri::command]
pub async fn restore_backup(desk: Desk<'_>, file: String) -> IpcResult<BackupInfo> {
    let lang = desk.lang();
    // A ledger that could not be opened stands as damaged: nobody can be checked.
    let damaged = desk.has_problem();
    let set_up = damaged || desk.with(|l, _| l.is_initialised()).unwrap_or(true);
    let by = match backup::restore_requires(damaged, set_up) {
        None => None,
        Some(act) => Some(desk.acting(|l, by, _| {
            l.require_right(by, act)?;
            Ok(by.to_string())
        })?),
    };
    let file = PathBuf::from(file);
    // The background keeper lets go of the file first.
    let _quiet = desk.maintenance();
    // The app's own connection closes for the swap; an empty ledger stands in meanwhile.
    let placeholder = Ledger::in_memory().map_err(|e| IpcError::from_core(&e, lang))?;
    drop(desk.replace_ledger(placeholder));
    let restored = backup::restore_as_owner(desk.dir(), &file);
    let reopened = reopen(desk.dir());
    desk.open_with(reopened.map_err(|e| IpcError::from_core(&e, lang))?);
    let (info, aside) = restored.map_err(|e| IpcError::from_core(&e, lang))?;
    let info = desk.with(|l, _| l.log_restore(by.as_deref(), info, aside.as_deref()))?;
    desk.set_session(None);
    tracing::info!(file = %file.display(), "restored");
    Ok(info)
}

/// Opens the ledger again from the recovery screen, for a problem that restoring would not
/// mend (a full disk, a read-only folder, a ledger from a newer version): the clerk has
/// freed space or put the right file back. An older ledger goes to its upgrade behind the
/// waiting screen, as at start-up. Answers whether the ledger is open (or upgrading); if
/// not, the desk holds the problem found now, which the screen shows.
#[tauri::command]
pub async fn reopen_ledger(app: tauri::AppHandle, desk: Desk<'_>) -> IpcResult<bool> {
    let lang = desk.lang();
    if !desk.has_problem() || desk.upgrading().is_some() {
        return Ok(true);
    }
    let _quiet = desk.maintenance();
    if let Some(p) = desk_ledger::pending_upgrade(desk.dir()) {
        let clock = Clock::from_env().map_err(|e| IpcError::from_core(&e, lang))?;
        desk.start_upgrade(&p);
        let dir = desk.dir().to_path_buf();
        std::thread::spawn(move || crate::upgrade(&app, &dir, clock));
        return Ok(true);
    }
    match reopen(desk.dir()) {
        Ok(ledger) => {
            desk.open_with(ledger);
            tracing::info!("the ledger is open again");
            Ok(true)
        }
        Err(e) => {
            tracing::warn!(error = %e, "the ledger still cannot be opened");
            let stand_in = Ledger::in_memory().map_err(|e| IpcError::from_core(&e, lang))?;
            desk.fail(e, stand_in);
            Ok(false)
        }
    }
}

fn reopen(dir: &Path) -> desk_ledger::Result<Ledger> {
    let mut l = Ledger::open(dir)?;
    l.set_clock(Clock::from_env()?);
    Ok(l)
}
