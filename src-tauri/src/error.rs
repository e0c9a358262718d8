//! How a core error crosses IPC: a stable kind, the message in the clerk's language,
//! and the form field it is about (so the UI can put it under that field).

use desk_ledger::{Lang, LedgerError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    /// invalid, not_found, transition, forbidden, busy, disk_full, read_only, damaged,
    /// storage, calendar, not_signed_in, locked, upgrading
    pub kind: String,
    pub message: String,
    /// The core's field name (e.g. "phones"), when the error is about one field.
    pub field: Option<String>,
}

impl IpcError {
    pub fn from_core(e: &LedgerError, lang: Lang) -> Self {
        if !e.is_user_error() {
            tracing::error!(error = %e, "core error");
        }
        IpcError {
            kind: e.kind().into(),
            message: e.localized(lang),
            field: e.field().map(String::from),
        }
    }

    pub fn locked(lang: Lang) -> Self {
        IpcError {
            kind: "locked".into(),
            message: lang
                .pick(
                    "屏幕已锁定，请先解锁",
                    "螢幕已鎖定，請先解鎖",
                    "The desk is locked: unlock it first",
                )
                .into(),
            field: None,
        }
    }

    pub fn upgrading(lang: Lang) -> Self {
        IpcError {
            kind: "upgrading".into(),
            message: lang
                .pick(
                    "台账正在升级，请等升级完成",
                    "台賬正在升級，請等升級完成",
                    "The ledger is being upgraded: wait until it is done",
                )
                .into(),
            field: None,
        }
    }

    /// The computer has no program to open a file with (or would not start it).
    pub fn cannot_open(lang: Lang, e: &std::io::Error) -> Self {
        tracing::warn!(error = %e, "opening a file failed");
        IpcError {
            kind: "storage".into(),
            message: lang
                .pick(
                    "无法用本机程序打开该文件（未找到可打开此类文件的程序）",
                    "無法用本機程式開啟該檔案（未找到可開啟此類檔案的程式）",
                    "The file could not be opened: no program on this computer opens files of its kind",
                )
                .into(),
            field: None,
        }
    }

    pub fn not_signed_in(lang: Lang) -> Self {
        IpcError {
            kind: "not_signed_in".into(),
            message: lang
                .pick("请先登录", "請先登入", "Please sign in first")
                .into(),
            field: None,
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
