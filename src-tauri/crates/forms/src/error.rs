use desk_ledger::{Lang, LedgerError};

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// The font file was found nowhere; lists where it was looked for.
    #[error("the form font NotoSansCJK-Regular.ttc was not found (looked in: {0})")]
    FontMissing(String),
    /// The font file is there but cannot be read as a font (a damaged or truncated copy).
    #[error("the form font {0} is damaged: install Complaint Desk again to restore it")]
    FontDamaged(String),
    #[error("could not write the PDF: {0}")]
    Write(#[from] std::io::Error),
    #[error("the printer refused the job: {0}")]
    Spool(String),
}

impl FormError {
    /// The message for the user, in their language.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            FormError::Ledger(e) => e.localized(lang),
            FormError::FontMissing(where_) => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!("找不到表单字体 NotoSansCJK-Regular.ttc（已查找：{where_}）"),
                Lang::ZhTw => format!("找不到表單字型 NotoSansCJK-Regular.ttc（已查找：{where_}）"),
            },
            FormError::FontDamaged(path) => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => {
                    format!("表单字体 {path} 已损坏，无法使用：请重新安装客诉台账以恢复它")
                }
                Lang::ZhTw => {
                    format!("表單字型 {path} 已損壞，無法使用：請重新安裝客訴台賬以恢復它")
                }
            },
            FormError::Write(e) => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!("无法写出 PDF：{e}"),
                Lang::ZhTw => format!("無法寫出 PDF：{e}"),
            },
            FormError::Spool(e) => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!("打印机未接受打印任务：{e}"),
                Lang::ZhTw => format!("印表機未接受列印工作：{e}"),
            },
        }
    }

    /// The field the error is about, when it is about one.
    pub fn field(&self) -> Option<&str> {
        match self {
            FormError::Ledger(e) => e.field(),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, FormError>;

impl FormError {
    /// A stable machine word for the UI and scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            FormError::Ledger(e) => e.kind(),
            FormError::FontMissing(_) => "font_missing",
            FormError::FontDamaged(_) => "font_damaged",
            FormError::Write(_) => "storage",
            FormError::Spool(_) => "printer",
        }
    }

    /// True for errors caused by what the user typed.
    pub fn is_user_error(&self) -> bool {
        matches!(self, FormError::Ledger(e) if e.is_user_error())
    }
}
