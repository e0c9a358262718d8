//! The access log screen (查阅记录): supervisors read, filter and export it.

use std::path::PathBuf;

use desk_ledger::i18n::label;
use desk_ledger::{AccessEntry, AccessFilter, ACCESS_ACTIONS};
use serde::Serialize;
use ts_rs::TS;

use super::reports::{export_dir, write_file};
use super::Desk;
use crate::error::IpcResult;

/// One page of the log with the actions' names in the clerk's language (the core's
/// labels, so the screen keeps no word list of its own).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AccessLogView {
    pub total: i64,
    pub rows: Vec<AccessEntry>,
    /// Each row's action in words, by row position.
    pub row_labels: Vec<String>,
    /// Every action the filter offers: [code, words].
    pub actions: Vec<(String, String)>,
}

#[tauri::command]
pub async fn access_log(desk: Desk<'_>, filter: AccessFilter) -> IpcResult<AccessLogView> {
    desk.acting(|l, by, lang| {
        let page = l.access_log(by, &filter, lang)?;
        Ok(AccessLogView {
            total: page.total,
            row_labels: page.rows.iter().map(|r| label(&r.action, lang)).collect(),
            rows: page.rows,
            actions: ACCESS_ACTIONS
                .iter()
                .map(|a| (a.to_string(), label(a, lang)))
                .collect(),
        })
    })
}

/// Writes every entry the filter selects as CSV; returns the file written.
#[tauri::command]
pub async fn export_access_log(
    desk: Desk<'_>,
    filter: AccessFilter,
    path: Option<String>,
) -> IpcResult<String> {
    let (rows, lang, now) =
        desk.acting(|l, by, lang| Ok((l.access_log_export(by, &filter, lang)?, lang, l.now())))?;
    let path = path
        .map(PathBuf::from)
        .unwrap_or_else(|| export_dir().join(desk_reports::access_log_file_name(lang, now)));
    write_file(&path, desk_reports::access_log_csv(&rows, lang).as_bytes())?;
    Ok(path.display().to_string())
}
