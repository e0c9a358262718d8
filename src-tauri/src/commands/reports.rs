//! Month-end exports, consolidation and the unit-directory import, as the export dialog
//! and the import wizard use them.

use std::path::{Path, PathBuf};

use desk_ledger::ImportCounts;
use desk_reports::{read_units, Period, ReportError};
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::error::{IpcError, IpcResult};

fn report_error(e: ReportError, lang: desk_ledger::Lang) -> IpcError {
    match e {
        ReportError::Core(e) => IpcError::from_core(&e, lang),
        other => IpcError {
            kind: if other.is_user_error() {
                "invalid"
            } else {
                "storage"
            }
            .into(),
            message: other.localized(lang),
            field: Some("file".into()),
        },
    }
}

/// Where exports go unless the clerk says otherwise: Documents/Complaint Desk (the home
/// folder when there is no Documents folder).
pub(crate) fn export_dir() -> PathBuf {
    directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .unwrap_or_else(|| u.home_dir())
                .to_path_buf()
        })
        .unwrap_or_else(std::env::temp_dir)
        .join("Complaint Desk")
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> IpcResult<()> {
    desk_reports::save_file(path, bytes).map_err(|e| IpcError {
        kind: "storage".into(),
        message: format!("{}: {e}", path.display()),
        field: Some("path".into()),
    })?;
    tracing::info!(file = %path.display(), "exported");
    Ok(())
}

/// The file name the export dialog suggests, in the default export folder.
#[tauri::command]
pub async fn suggest_export_path(
    desk: Desk<'_>,
    from: String,
    to: String,
    kind: String,
    anonymized: bool,
) -> IpcResult<String> {
    let lang = desk.lang();
    let p = Period::months(&from, &to).map_err(|e| report_error(e, lang))?;
    let office = desk.with(|l, _| l.setting("office_name"))?;
    let name = p.file_name(&office, kind == "csv", anonymized, lang);
    Ok(export_dir().join(name).display().to_string())
}

/// The summary workbook (kind "xlsx") or the ledger CSV (kind "csv") of whole months.
#[tauri::command]
pub async fn export_period(
    desk: Desk<'_>,
    from: String,
    to: String,
    kind: String,
    anonymized: bool,
    path: String,
) -> IpcResult<String> {
    let lang = desk.lang();
    let path = PathBuf::from(path);
    let done = desk.acting(|l, by, lang| {
        let mut run = || -> desk_reports::Result<()> {
            let p = Period::months(&from, &to)?;
            desk_reports::export_period(l, Some(by), &p, kind == "csv", lang, anonymized, &path)
        };
        Ok(run())
    })?;
    done.map_err(|e| report_error(e, lang))?;
    tracing::info!(file = %path.display(), "exported");
    Ok(path.display().to_string())
}

#[tauri::command]
pub async fn consolidate_files(
    desk: Desk<'_>,
    files: Vec<String>,
    path: String,
) -> IpcResult<String> {
    let lang = desk.lang();
    let files: Vec<PathBuf> = files.into_iter().map(PathBuf::from).collect();
    let (bytes, _) = desk_reports::consolidate(&files, lang).map_err(|e| report_error(e, lang))?;
    let path = PathBuf::from(path);
    write_file(&path, &bytes)?;
    Ok(path.display().to_string())
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct UnitPreview {
    pub headers: Vec<String>,
    /// [field, column index or null]
    pub mapping: Vec<(String, Option<usize>)>,
    pub rows: usize,
    /// [row, column, reason]
    pub problems: Vec<(usize, String, String)>,
}

fn mapping_of(m: &[(String, Option<usize>)]) -> Vec<(String, usize)> {
    m.iter()
        .filter_map(|(f, c)| c.map(|c| (f.clone(), c)))
        .collect()
}

/// Reads the file and shows what would be imported; writes nothing.
#[tauri::command]
pub async fn preview_units(
    desk: Desk<'_>,
    path: String,
    mapping: Vec<(String, Option<usize>)>,
) -> IpcResult<UnitPreview> {
    let lang = desk.lang();
    let area = desk.with(|l, _| l.setting("area_code"))?;
    let p = read_units(Path::new(&path), &mapping_of(&mapping), &area, lang)
        .map_err(|e| report_error(e, lang))?;
    Ok(UnitPreview {
        headers: p.headers,
        mapping: p.mapping.iter().map(|(f, c)| (f.to_string(), *c)).collect(),
        rows: p.units.len(),
        problems: p
            .problems
            .into_iter()
            .map(|x| (x.row, x.column, x.reason))
            .collect(),
    })
}

/// Imports every row or none: refused while any row has a problem.
#[tauri::command]
pub async fn import_units(
    desk: Desk<'_>,
    path: String,
    mapping: Vec<(String, Option<usize>)>,
) -> IpcResult<ImportCounts> {
    let lang = desk.lang();
    let area = desk.with(|l, _| l.setting("area_code"))?;
    let p = read_units(Path::new(&path), &mapping_of(&mapping), &area, lang)
        .map_err(|e| report_error(e, lang))?;
    let units = p
        .units_to_import(Path::new(&path), lang)
        .map_err(|e| report_error(e, lang))?;
    desk.acting(|l, by, _| l.import_units(by, &units))
}

/// Shows the exported file in the system's file manager.
#[tauri::command]
pub async fn reveal_file(path: String) -> IpcResult<()> {
    crate::platform::reveal(Path::new(&path)).map_err(|e| IpcError {
        kind: "storage".into(),
        message: e.to_string(),
        field: None,
    })
}
