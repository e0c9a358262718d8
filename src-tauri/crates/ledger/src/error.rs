//! The ledger's one error type. Every rejection of user input names its field, and
//! every error can be shown to the clerk in their language (`localized`).

use desk_calendar::{CalendarError, Lang};

use crate::i18n::{field_label, label};
use crate::model::{Role, Status};
use crate::why::Why;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    BadPhone,
    BadAmount,
    BadTime,
    /// Not one of the allowed values (e.g. an unknown status word).
    BadChoice {
        allowed: String,
    },
    /// Refers to a category, department, staff member or unit that does not exist or is inactive.
    Unknown,
    Duplicate,
    /// A secret (PIN) that does not match; the value is never echoed.
    Wrong,
    /// A value that is not allowed together with other values of the record.
    NotAllowed {
        why: Why,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{field}: {problem:?}")]
    Invalid {
        field: &'static str,
        problem: Problem,
        value: String,
    },
    #[error("{what} not found: {key}")]
    NotFound { what: &'static str, key: String },
    #[error("cannot {action} case {number}: it is {status:?}")]
    Transition {
        action: &'static str,
        number: String,
        status: Status,
    },
    #[error("{action} needs the {needed:?} role")]
    Forbidden { action: &'static str, needed: Role },
    #[error("the database has schema version {found}, newer than this program knows ({known}); use a newer Complaint Desk")]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the ledger is busy in another program; try again")]
    Busy,
    /// The disk (or the user's quota) is full: nothing was saved.
    #[error("the disk is full; nothing was saved")]
    DiskFull,
    /// The data directory or the ledger file cannot be written: nothing was saved.
    #[error("the data directory is read-only; nothing was saved")]
    ReadOnly,
    /// A copy of the ledger (a backup, the copy taken before an upgrade) would not fit in
    /// `folder`: found before copying, so nothing was written there.
    #[error("not enough room in {folder} for a copy of the ledger: it needs about {}, {} is free", size_text(*needed), size_text(*free))]
    NoRoom {
        folder: String,
        needed: u64,
        free: u64,
    },
    /// The ledger file is not a readable database; `backup` is the newest good copy.
    #[error("the ledger file {file} is damaged; restore a backup (latest good one: {})", backup.as_deref().unwrap_or("none found"))]
    Damaged {
        file: String,
        backup: Option<String>,
    },
    /// A stored closed-set word this program does not know (a `what` of `word`): the
    /// file was damaged or written by something else. Never read as a default.
    #[error("the ledger holds a {what} this program does not know ({word:?}): it may be damaged or written by a newer version")]
    StoredWord { what: &'static str, word: String },
    /// A change reached the write path without its history entry: a fault in this
    /// program, refused so that nothing is saved without it.
    #[error("a change was about to be saved without its history entry; nothing was saved")]
    NoHistory,
    #[error("database: {0}")]
    Db(rusqlite::Error),
    #[error("file: {0}")]
    Io(std::io::Error),
    #[error("calendar: {0}")]
    Calendar(#[from] CalendarError),
}

/// What a stored word's reader says when the word is not one of its set.
#[derive(Debug)]
pub struct UnknownWord {
    pub what: &'static str,
    pub word: String,
}

impl std::fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.word)
    }
}

impl std::error::Error for UnknownWord {}

impl From<rusqlite::Error> for LedgerError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, inner) = &e {
            if let Some(w) = inner.downcast_ref::<UnknownWord>() {
                return LedgerError::StoredWord {
                    what: w.what,
                    word: w.word.clone(),
                };
            }
        }
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                LedgerError::Busy
            }
            Some(rusqlite::ErrorCode::DiskFull) => LedgerError::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => LedgerError::ReadOnly,
            _ => LedgerError::Db(e),
        }
    }
}

impl From<std::io::Error> for LedgerError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                LedgerError::DiskFull
            }
            // Only a read-only file system: a file without permission (an import, an
            // attachment) is not the data folder being read-only.
            std::io::ErrorKind::ReadOnlyFilesystem => LedgerError::ReadOnly,
            _ => LedgerError::Io(e),
        }
    }
}

pub type Result<T, E = LedgerError> = std::result::Result<T, E>;

pub fn invalid(field: &'static str, problem: Problem, value: impl Into<String>) -> LedgerError {
    LedgerError::Invalid {
        field,
        problem,
        value: value.into(),
    }
}

impl LedgerError {
    /// A stable machine word for the UI and scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            LedgerError::Invalid { .. } => "invalid",
            LedgerError::NotFound { .. } => "not_found",
            LedgerError::Transition { .. } => "transition",
            LedgerError::Forbidden { .. } => "forbidden",
            LedgerError::SchemaTooNew { .. } => "schema_too_new",
            LedgerError::Busy => "busy",
            LedgerError::DiskFull | LedgerError::NoRoom { .. } => "disk_full",
            LedgerError::ReadOnly => "read_only",
            LedgerError::Damaged { .. } | LedgerError::StoredWord { .. } => "damaged",
            LedgerError::Db(_) | LedgerError::Io(_) => "storage",
            LedgerError::NoHistory => "internal",
            LedgerError::Calendar(_) => "calendar",
        }
    }

    /// Whether restoring a backup is the way back from this problem opening the ledger:
    /// yes for a damaged or unreadable file; no for a ledger from a newer version (an
    /// older copy would lose its newer work), a full disk, a read-only folder or a file
    /// another program holds, where the file is unchanged and the cause is elsewhere.
    pub fn restore_helps(&self) -> bool {
        matches!(
            self,
            LedgerError::Damaged { .. }
                | LedgerError::StoredWord { .. }
                | LedgerError::Db(_)
                | LedgerError::Io(_)
        )
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            LedgerError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// True for errors caused by what the user typed (exit code 2 in the CLI).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            LedgerError::Invalid { .. }
                | LedgerError::NotFound { .. }
                | LedgerError::Transition { .. }
                | LedgerError::Forbidden { .. }
        )
    }

    /// Why the ledger could not be opened, as the app's recovery screen says it: a damaged
    /// ledger points to the backups listed there instead of the command line, and a full
    /// disk or a read-only folder speaks of the ledger left unchanged, not of a form's
    /// unsaved words (there is no form at start-up).
    pub fn localized_in_app(&self, lang: Lang) -> String {
        match self {
            LedgerError::Damaged { file, backup } => self.damaged(file, backup, lang, true),
            LedgerError::DiskFull => lang
                .pick(
                    "磁盘已满，台账无法打开（台账文件未改动）。请清理磁盘空间后再试",
                    "磁碟已滿，台賬無法開啟（台賬檔案未改動）。請清理磁碟空間後再試",
                    "The disk is full: the ledger cannot be opened (its file is unchanged). Free some space, then try again",
                )
                .to_string(),
            LedgerError::ReadOnly => lang
                .pick(
                    "数据目录为只读，台账无法打开（台账文件未改动）。请检查文件夹权限或U盘写保护后再试",
                    "資料目錄為唯讀，台賬無法開啟（台賬檔案未改動）。請檢查資料夾權限或隨身碟防寫後再試",
                    "The data folder is read-only: the ledger cannot be opened (its file is unchanged). Check the folder's permissions, then try again",
                )
                .to_string(),
            other => other.localized(lang),
        }
    }

    /// A damaged ledger in the clerk's words: what is wrong, the newest good backup, and
    /// the way back — the restore command on the command line, the list of backups on
    /// the app's recovery screen.
    fn damaged(&self, file: &str, backup: &Option<String>, lang: Lang, in_app: bool) -> String {
        let Some(b) = backup else {
            return match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!(
                    "台账文件 {file} 已损坏，且未找到完好的备份。请勿删除该文件，联系管理员。"
                ),
                Lang::ZhTw => format!(
                    "台賬檔案 {file} 已損壞，且未找到完好的備份。請勿刪除該檔案，聯繫管理員。"
                ),
            };
        };
        let way = match (lang, in_app) {
            (Lang::En, false) => return self.to_string(),
            (Lang::En, true) => "restore it from the list below (no sign-in needed).".to_string(),
            (Lang::ZhCn, true) => "请在下方列表中选择备份恢复（无需登录）。".to_string(),
            (Lang::ZhCn, false) => format!("恢复命令：complaint-desk restore \"{b}\""),
            (Lang::ZhTw, true) => "請在下方清單中選擇備份還原（無需登入）。".to_string(),
            (Lang::ZhTw, false) => format!("還原指令：complaint-desk restore \"{b}\""),
        };
        match lang {
            Lang::En => {
                format!("The ledger file {file} is damaged. The newest good backup is {b}: {way}")
            }
            Lang::ZhCn => format!("台账文件 {file} 已损坏。最近一份完好的备份：{b}。{way}"),
            Lang::ZhTw => format!("台賬檔案 {file} 已損壞。最近一份完好的備份：{b}。{way}"),
        }
    }

    /// The message a clerk reads.
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            LedgerError::Invalid {
                field,
                problem,
                value,
            } => {
                let f = field_label(field, lang);
                let what = match problem {
                    Problem::Required => lang.pick("必须填写", "必須填寫", "is required").to_string(),
                    Problem::TooLong { max } => match lang {
                        Lang::En => format!("is too long (at most {max} characters)"),
                        Lang::ZhCn => format!("过长（最多{max}个字）"),
                        Lang::ZhTw => format!("過長（最多{max}個字）"),
                    },
                    Problem::BadPhone => match lang {
                        Lang::En => format!("“{value}” is not a phone number (mobile 13812345678, landline with area code 0571-87654321, or +852 / +886)"),
                        Lang::ZhCn => format!("“{value}”不是有效的电话号码（手机如13812345678，座机须带区号如0571-87654321，港台号码加+852/+886）"),
                        Lang::ZhTw => format!("「{value}」不是有效的電話號碼（手機如13812345678，市話須帶區號如0571-87654321，港台號碼加+852/+886）"),
                    },
                    Problem::BadAmount => match lang {
                        Lang::En => format!("“{value}” is not an amount of money (0 or more, at most two decimals)"),
                        Lang::ZhCn => format!("“{value}”不是有效金额（不小于0，最多两位小数）"),
                        Lang::ZhTw => format!("「{value}」不是有效金額（不小於0，最多兩位小數）"),
                    },
                    Problem::BadTime => match lang {
                        Lang::En => format!("“{value}” is not a date and time (e.g. 2026-11-22 14:30)"),
                        Lang::ZhCn => format!("“{value}”不是有效的日期时间（如2026-11-22 14:30）"),
                        Lang::ZhTw => format!("「{value}」不是有效的日期時間（如2026-11-22 14:30）"),
                    },
                    Problem::BadChoice { allowed } => match lang {
                        Lang::En => format!("“{value}” is not one of: {allowed}"),
                        Lang::ZhCn => format!("“{value}”不是可选值（可选：{allowed}）"),
                        Lang::ZhTw => format!("「{value}」不是可選值（可選：{allowed}）"),
                    },
                    Problem::Unknown => match lang {
                        Lang::En => format!("“{value}” is not known or no longer in use"),
                        Lang::ZhCn => format!("“{value}”不存在或已停用"),
                        Lang::ZhTw => format!("「{value}」不存在或已停用"),
                    },
                    Problem::Duplicate => match lang {
                        Lang::En => format!("“{value}” already exists"),
                        Lang::ZhCn => format!("“{value}”已存在"),
                        Lang::ZhTw => format!("「{value}」已存在"),
                    },
                    Problem::Wrong => lang.pick("不正确", "不正確", "is not correct").to_string(),
                    Problem::NotAllowed { why } => why.text(lang),
                };
                match lang {
                    Lang::En => format!("{f} {what}"),
                    _ => format!("{f}：{what}"),
                }
            }
            LedgerError::NotFound { what, key } => match lang {
                Lang::En => format!("{} {key} was not found", field_label(what, lang)),
                Lang::ZhCn => format!("找不到{}{key}", field_label(what, lang)),
                Lang::ZhTw => format!("找不到{}{key}", field_label(what, lang)),
            },
            LedgerError::Transition {
                action,
                number,
                status,
            } => {
                let st = label(status.as_str(), lang);
                let act = label(action, lang);
                match lang {
                    Lang::En => format!("Case {number} is {st}: it cannot be {act} now"),
                    Lang::ZhCn => format!("个案{number}当前状态为“{st}”，不能{act}"),
                    Lang::ZhTw => format!("個案{number}目前狀態為「{st}」，不能{act}"),
                }
            }
            LedgerError::Forbidden { action, needed } => {
                let r = label(needed.as_str(), lang);
                let act = label(action, lang);
                match lang {
                    Lang::En => format!("Only a {r} may {act}"),
                    Lang::ZhCn => format!("只有{r}可以{act}"),
                    Lang::ZhTw => format!("只有{r}可以{act}"),
                }
            }
            LedgerError::SchemaTooNew { found, known } => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!(
                    "数据库版本（{found}）比本程序支持的版本（{known}）新，请使用新版客诉台账"
                ),
                Lang::ZhTw => format!(
                    "資料庫版本（{found}）比本程式支援的版本（{known}）新，請使用新版客訴台賬"
                ),
            },
            LedgerError::Damaged { file, backup } => self.damaged(file, backup, lang, false),
            LedgerError::NoHistory => lang
                .pick(
                    "本次更改没有保存：程序未能同时写入它的变更记录（这是程序的错误，请告知维护人员）",
                    "本次更改沒有儲存：程式未能同時寫入它的變更記錄（這是程式的錯誤，請告知維護人員）",
                    "Nothing was saved: the change came without its history entry (a fault in the program; please tell its maintainers)",
                )
                .to_string(),
            LedgerError::StoredWord { what, word } => match lang {
                Lang::En => self.to_string(),
                Lang::ZhCn => format!(
                    "台账中有本程序不认识的{what}值“{word}”：台账可能已损坏，或由更新版本的客诉台账写入。请用新版打开，或从备份恢复"
                ),
                Lang::ZhTw => format!(
                    "台賬中有本程式不認識的{what}值「{word}」：台賬可能已損壞，或由更新版本的客訴台賬寫入。請用新版開啟，或從備份還原"
                ),
            },
            LedgerError::Busy => lang
                .pick(
                    "台账正被另一个程序使用，请稍后再试",
                    "台賬正被另一個程式使用，請稍後再試",
                    "The ledger is busy in another program; try again",
                )
                .to_string(),
            LedgerError::DiskFull => lang
                .pick(
                    "磁盘已满，本次内容未保存（已填写的内容仍在界面上）。请清理磁盘空间后再保存",
                    "磁碟已滿，本次內容未儲存（已填寫的內容仍在畫面上）。請清理磁碟空間後再儲存",
                    "The disk is full: nothing was saved (what you typed is still on screen). Free some space, then save again",
                )
                .to_string(),
            LedgerError::ReadOnly => lang
                .pick(
                    "数据目录为只读，本次内容未保存（已填写的内容仍在界面上）。请检查文件夹权限或U盘写保护",
                    "資料目錄為唯讀，本次內容未儲存（已填寫的內容仍在畫面上）。請檢查資料夾權限或隨身碟防寫",
                    "The data folder is read-only: nothing was saved (what you typed is still on screen). Check the folder's permissions",
                )
                .to_string(),
            LedgerError::NoRoom {
                folder,
                needed,
                free,
            } => {
                let (needed, free) = (size_text(*needed), size_text(*free));
                match lang {
                    Lang::En => format!("There is not enough room in {folder} for a copy of the ledger: it needs about {needed} and {free} is free. Nothing was written and the ledger is unchanged. Free some space, then try again"),
                    Lang::ZhCn => format!("{folder} 空间不足，放不下台账的副本：约需 {needed}，现仅剩 {free}。未写入任何内容，台账未改动。请清理空间后再试"),
                    Lang::ZhTw => format!("{folder} 空間不足，放不下台賬的副本：約需 {needed}，現僅剩 {free}。未寫入任何內容，台賬未改動。請清理空間後再試"),
                }
            }
            // The deadlines' calendar, not the storage: said as the calendar's own refusal.
            LedgerError::Calendar(e) => {
                let what = crate::why::calendar_text(e, lang);
                match lang {
                    Lang::En => format!("Working calendar: {what}"),
                    Lang::ZhCn => format!("工作日历：{what}"),
                    Lang::ZhTw => format!("工作日曆：{what}"),
                }
            }
            other => match lang {
                Lang::En => other.to_string(),
                Lang::ZhCn => format!("存储错误：{other}"),
                Lang::ZhTw => format!("儲存錯誤：{other}"),
            },
        }
    }
}

/// A size as a clerk reads it: 1.9 GB, 350 MB, 64 KB.
pub fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB * KB {
        format!("{:.1} GB", b / (KB * KB * KB))
    } else if b >= KB * KB {
        format!("{:.0} MB", (b / (KB * KB)).max(1.0))
    } else {
        format!("{:.0} KB", (b / KB).ceil())
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_as_a_clerk_would_say_them() {
        assert_eq!(size_text(2_040_109_465), "1.9 GB");
        assert_eq!(size_text(350 * 1024 * 1024 + 10), "350 MB");
        assert_eq!(size_text(64 * 1024), "64 KB");
        assert_eq!(size_text(1), "1 KB");
    }

    #[test]
    fn the_recovery_screen_speaks_of_the_ledger_not_of_a_form() {
        use super::{Lang, LedgerError};
        for e in [LedgerError::DiskFull, LedgerError::ReadOnly] {
            let saving = e.localized(Lang::ZhCn);
            let opening = e.localized_in_app(Lang::ZhCn);
            assert!(saving.contains("已填写的内容仍在界面上"), "{saving}");
            assert!(
                !opening.contains("界面上") && opening.contains("台账无法打开"),
                "{opening}"
            );
        }
    }
}
