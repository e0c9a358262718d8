//! Photos and scans on a case: added from files the clerk picks in the system's open
//! dialog, shown in the case screen, and opened in the computer's own viewer.

use std::path::{Path, PathBuf};

use desk_ledger::model::Attachment;
use desk_ledger::LedgerError;

use super::Desk;
use crate::error::{IpcError, IpcResult};

/// Adds the picked files to the case, all with the one note, or none of them.
#[tauri::command]
pub async fn attach_files(
    desk: Desk<'_>,
    number: String,
    paths: Vec<String>,
    note: String,
) -> IpcResult<Vec<Attachment>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    desk.acting(|l, by, _| l.attach_all(by, &number, &paths, &note))
}

/// Withdraws an attachment added by mistake, with the reason (kept, no longer shown).
#[tauri::command]
pub async fn withdraw_attachment(desk: Desk<'_>, id: i64, reason: String) -> IpcResult<Attachment> {
    desk.acting(|l, by, _| l.withdraw_attachment(by, id, &reason))
}

/// The stored file's bytes, for the in-app preview (opened large).
#[tauri::command]
pub async fn attachment_content(desk: Desk<'_>, id: i64) -> IpcResult<tauri::ipc::Response> {
    let (_, bytes) = desk.acting(|l, _, _| l.attachment_content(id))?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// A picture's small JPEG for the case's 附件 list (made once by the core and kept),
/// made off the ledger's lock so the screens' other questions are answered meanwhile.
#[tauri::command]
pub async fn attachment_thumbnail(desk: Desk<'_>, id: i64) -> IpcResult<tauri::ipc::Response> {
    let lang = desk.lang();
    let job = desk.acting(|l, _, _| l.thumbnail_job(id))?;
    let bytes = off_the_lock(move || job.make(), lang).await?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// A picked picture as a JPEG for the registration form, before it is saved: small
/// beside its name, or `large` when the clerk opens it to look closer. Only ever a
/// picture drawn again, never the file's own bytes. Asked like any act (signed in, the
/// desk not locked); made off the ledger's lock.
#[tauri::command]
pub async fn file_preview(
    desk: Desk<'_>,
    path: String,
    large: bool,
) -> IpcResult<tauri::ipc::Response> {
    let lang = desk.lang();
    desk.acting(|_, _, _| Ok(()))?;
    let bytes = off_the_lock(
        move || desk_ledger::preview_of(Path::new(&path), large),
        lang,
    )
    .await?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Runs `make` (decoding a photo, a tenth of a second) on a blocking thread.
async fn off_the_lock(
    make: impl FnOnce() -> Result<Vec<u8>, LedgerError> + Send + 'static,
    lang: desk_ledger::Lang,
) -> IpcResult<Vec<u8>> {
    tauri::async_runtime::spawn_blocking(make)
        .await
        .unwrap_or_else(|e| Err(LedgerError::Io(std::io::Error::other(e.to_string()))))
        .map_err(|e| IpcError::from_core(&e, lang))
}

/// Where the copies handed to the system's viewer go.
fn opened_copies() -> PathBuf {
    std::env::temp_dir().join("complaint-desk-attachments")
}

/// Removes the copies handed out in an earlier run: customers' photos are not left in
/// the temporary folder. (One still open in a viewer on Windows is locked and stays
/// until the next start.)
pub fn clear_opened_copies() {
    if let Ok(entries) = std::fs::read_dir(opened_copies()) {
        for e in entries.flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Opens a copy of the attachment (in the temporary folder) in the system's viewer.
#[tauri::command]
pub async fn open_attachment(desk: Desk<'_>, id: i64) -> IpcResult<()> {
    let folder = opened_copies();
    let copy = desk.acting(|l, by, _| l.open_attachment(by, id, &folder))?;
    crate::platform::open(&copy).map_err(|e| IpcError::cannot_open(desk.lang(), &e))
}
