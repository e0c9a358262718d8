//! Printable forms: prepare (what the preview shows), then print or save exactly that
//! document. Printing and saving are recorded in the print log and the case history.

use std::path::PathBuf;

use desk_forms::{prepare, record, send_to_printer, FormError, FormKind, Handed, Prepared};
use desk_ledger::Lang;
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::error::{IpcError, IpcResult};

fn form_error(e: FormError, lang: Lang) -> IpcError {
    match e {
        FormError::Ledger(e) => IpcError::from_core(&e, lang),
        other => {
            tracing::error!(error = %other, "form");
            IpcError {
                kind: other.kind().into(),
                message: other.localized(lang),
                field: None,
            }
        }
    }
}

/// What the preview dialog shows beside the pages.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FormMeta {
    pub form: String,
    pub subject: String,
    pub revision: i64,
    pub pages: usize,
    /// Characters the font lacks, printed as 〓 (empty when none).
    pub missing: String,
    /// Where "save as" suggests putting it.
    pub suggested_path: String,
}

fn prepared(desk: &Desk<'_>, lang: Lang) -> IpcResult<Prepared> {
    desk.prepared().ok_or_else(|| IpcError {
        kind: "invalid".into(),
        message: lang
            .pick("请先预览表单", "請先預覽表單", "Preview the form first")
            .into(),
        field: Some("form".into()),
    })
}

/// Renders a form for the signed-in clerk and keeps it for [`form_pdf`], [`print_form`]
/// and [`save_form`]; records nothing (a preview is not a printing).
#[tauri::command]
pub async fn prepare_form(desk: Desk<'_>, form: String, subject: String) -> IpcResult<FormMeta> {
    let lang = desk.lang();
    let kind = FormKind::parse(&form).map_err(|e| form_error(e, lang))?;
    let p = desk
        .acting(|l, who, _| Ok(prepare(l, who, kind, &subject)))?
        .map_err(|e| form_error(e, lang))?;
    let meta = FormMeta {
        form: kind.as_str().into(),
        subject: p.printing.subject.clone(),
        revision: p.printing.revision,
        pages: p.pages,
        missing: p.missing.iter().collect(),
        suggested_path: super::reports::export_dir()
            .join(&p.file_name)
            .display()
            .to_string(),
    };
    desk.set_prepared(Some(p));
    Ok(meta)
}

/// The prepared PDF's bytes, as an ArrayBuffer for the preview.
#[tauri::command]
pub async fn form_pdf(desk: Desk<'_>) -> IpcResult<tauri::ipc::Response> {
    let p = prepared(&desk, desk.lang())?;
    Ok(tauri::ipc::Response::new(p.bytes))
}

/// What became of a form sent to the printer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Printed {
    /// Nothing on the computer prints a PDF directly: it was opened in the PDF reader
    /// for the clerk to print from there.
    pub opened_in_reader: bool,
}

/// Sends the prepared form to the default printer through the system's spooler.
#[tauri::command]
pub async fn print_form(desk: Desk<'_>) -> IpcResult<Printed> {
    let lang = desk.lang();
    let p = prepared(&desk, lang)?;
    let (_, handed) = send_to_printer(&p, None).map_err(|e| form_error(e, lang))?;
    desk.acting(|l, who, _| Ok(record(l, who, &p, "print")))?
        .map_err(|e| form_error(e, lang))?;
    tracing::info!(form = %p.printing.form, subject = %p.printing.subject, ?handed, "printed");
    Ok(Printed {
        opened_in_reader: handed == Handed::OpenedInReader,
    })
}

/// Saves the prepared form as a PDF file.
#[tauri::command]
pub async fn save_form(desk: Desk<'_>, path: String) -> IpcResult<String> {
    let lang = desk.lang();
    let p = prepared(&desk, lang)?;
    let path = PathBuf::from(path);
    super::reports::write_file(&path, &p.bytes)?;
    desk.acting(|l, who, _| Ok(record(l, who, &p, "save")))?
        .map_err(|e| form_error(e, lang))?;
    Ok(path.display().to_string())
}
