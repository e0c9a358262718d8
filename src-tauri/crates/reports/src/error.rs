use std::path::PathBuf;

use desk_calendar::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Core(#[from] desk_ledger::LedgerError),
    #[error("workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A file that cannot be used, with the reason in the clerk's words.
    #[error("{}: {why}", file.display())]
    File { file: PathBuf, why: String },
}

pub type Result<T> = std::result::Result<T, ReportError>;

impl ReportError {
    pub fn file(file: &std::path::Path, why: impl Into<String>) -> Self {
        ReportError::File {
            file: file.to_path_buf(),
            why: why.into(),
        }
    }

    pub fn localized(&self, lang: Lang) -> String {
        match self {
            ReportError::Core(e) => e.localized(lang),
            ReportError::Xlsx(e) => format!(
                "{}: {e}",
                lang.pick(
                    "生成工作簿失败",
                    "產生活頁簿失敗",
                    "could not write the workbook"
                )
            ),
            ReportError::File { .. } => self.to_string(),
        }
    }

    pub fn is_user_error(&self) -> bool {
        match self {
            ReportError::Core(e) => e.is_user_error(),
            ReportError::Xlsx(_) => false,
            ReportError::File { .. } => true,
        }
    }
}
