//! The access log screen (查阅记录): supervisors read, filter and export it.

use std::path::PathBuf;

use desk_ledger::{AccessFilter, AccessPage};

use super::reports::{export_dir, write_file};
use super::Desk;
use crate::error::IpcResult;

#[tauri::command]
pub async fn access_log(desk: Desk<'_>, filter: AccessFilter) -> IpcResult<AccessPage> {
    desk.acting(|l, by, _| l.access_log(by, &filter))
}

/// Writes every entry the filter selects as CSV; returns the file written.
#[tauri::command]
pub async fn export_access_log(
    desk: Desk<'_>,
    filter: AccessFilter,
    path: Option<String>,
) -> IpcResult<String> {
    let (rows, lang) = desk.acting(|l, by, lang| Ok((l.access_log_export(by, &filter)?, lang)))?;
    let path = path.map(PathBuf::from).unwrap_or_else(|| {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M");
        export_dir().join(format!(
            "{}_{stamp}.csv",
            lang.pick("查阅记录", "查閱記錄", "access-log")
        ))
    });
    write_file(&path, desk_reports::access_log_csv(&rows, lang).as_bytes())?;
    Ok(path.display().to_string())
}
