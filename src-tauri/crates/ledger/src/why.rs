//! Why a value was refused as not allowed (`Problem::NotAllowed`), in words a clerk
//! reads in their own language. One variant per rule, so that a refusal is never shown
//! half in English and half in Simplified Chinese to a clerk working in Traditional.

use desk_calendar::{CalendarError, Lang};

use crate::calendar_store::SPAN_AMOUNTS;
use crate::pin::PIN_DIGITS;
use crate::rules::LevelRule;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Validity, level and amount are for complaints; a request has none.
    ComplaintsOnly,
    InFuture,
    /// A level below what the major-complaint rules give.
    RulesMakeMajor(Vec<LevelRule>),
    /// Closing a complaint before a callback confirmed the result.
    NeedsCallback,
    SlipNotSigned,
    SlipAlreadySigned,
    SlipFeedbackRecorded,
    BeforeSlipIssued,
    SatisfactionOnlyWhenReached,
    OnlyMajorHasReport,
    ReportApproved,
    NoReportYet,
    ReportNotSubmitted,
    NotADatabase,
    DamagedCopy,
    NotALedger,
    AppOpen,
    FailedIntegrityCheck,
    ControlCharacters,
    NoSpaces,
    AlreadySetUp,
    PrefixShape,
    /// The office's local area code: 0 and two or three digits.
    AreaCodeShape,
    /// A local landline given without its area code at an office that has set none.
    NeedsAreaCode,
    IdleLockRange,
    /// A deadline step's span: a whole number from 1 to 10,000.
    SpanRange,
    PinShape,
    /// Retiring or demoting one's own account. Only administrators manage staff, so this
    /// also keeps the office from losing its last one.
    OwnAccount,
    NoDataDirectory,
    NotAFileOrTooBig,
    /// An attachment's file is no longer in the data directory.
    FileMissing(String),
    /// A file picked to be added is no longer where it was picked (moved, renamed or
    /// deleted before 保存).
    PickedFileGone(String),
    /// An attachment withdrawn as added by mistake.
    Withdrawn(String),
    /// An attachment named as a picture whose bytes cannot be read as one.
    NotAPicture(String),
    /// A text file (a calendar) in an encoding other than UTF-8.
    NotUtf8,
    NoAllDayEvents,
    DemoRange,
    Calendar(CalendarError),
}

impl Why {
    pub fn text(&self, lang: Lang) -> String {
        let p = |zh_cn: &str, zh_tw: &str, en: &str| lang.pick(zh_cn, zh_tw, en).to_string();
        match self {
            Why::ComplaintsOnly => p("仅适用于投诉", "僅適用於投訴", "is for complaints only"),
            Why::InFuture => p("不能晚于当前时间", "不能晚於目前時間", "is in the future"),
            Why::RulesMakeMajor(rules) => {
                let because = rules
                    .iter()
                    .map(|r| r.label(lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("、", "、", "; "));
                match lang {
                    Lang::ZhCn => format!("按规则应为重大投诉（{because}）"),
                    Lang::ZhTw => format!("依規則應為重大投訴（{because}）"),
                    Lang::En => format!("the rules make this complaint major ({because})"),
                }
            }
            Why::NeedsCallback => p(
                "投诉须经回访确认（非不满意）或记录免回访后方可结案",
                "投訴須經回訪確認（非不滿意）或記錄免回訪後方可結案",
                "a complaint closes only after a callback that is not dissatisfied, or an exempt callback outcome",
            ),
            Why::SlipNotSigned => p("尚未签认", "尚未簽認", "is not signed yet"),
            Why::SlipAlreadySigned => p("已签认", "已簽認", "is already signed"),
            Why::SlipFeedbackRecorded => p("已回馈", "已回饋", "already has its feedback"),
            Why::BeforeSlipIssued => p("早于转交时间", "早於轉交時間", "is before the slip was issued"),
            Why::SatisfactionOnlyWhenReached => p(
                "仅在联系上客户时填写",
                "僅在聯繫上客戶時填寫",
                "is filled in only when the customer was reached",
            ),
            Why::OnlyMajorHasReport => p(
                "仅重大投诉需要重大投诉报告",
                "僅重大投訴需要重大投訴報告",
                "only a major complaint has a major-complaint report",
            ),
            Why::ReportApproved => p(
                "报告已批准，不能再修改",
                "報告已批准，不能再修改",
                "the report is approved and can no longer change",
            ),
            Why::NoReportYet => p("尚无报告可批准", "尚無報告可批准", "there is no report to approve yet"),
            Why::ReportNotSubmitted => p(
                "只能批准已提交的报告",
                "只能批准已提交的報告",
                "only a submitted report can be approved",
            ),
            Why::NotADatabase => p("不是可读的数据库文件", "不是可讀的資料庫檔案", "is not a readable database"),
            Why::DamagedCopy => p("文件已损坏", "檔案已損壞", "is damaged: not a database"),
            Why::NotALedger => p("不是客诉台账的数据库", "不是客訴台賬的資料庫", "is not a Complaint Desk ledger"),
            Why::AppOpen => p(
                "客诉台账正在使用此数据目录，请先关闭",
                "客訴台賬正在使用此資料目錄，請先關閉",
                "the app is open on this data directory: close it first",
            ),
            Why::FailedIntegrityCheck => p(
                "备份未通过完整性检查",
                "備份未通過完整性檢查",
                "failed its integrity check",
            ),
            Why::ControlCharacters => p("含有控制字符", "含有控制字元", "contains control characters"),
            Why::NoSpaces => p("不能含空格", "不能含空格", "may not contain spaces"),
            Why::AlreadySetUp => p("已初始化", "已初始化", "is already set up"),
            Why::PrefixShape => p("须为1–6个字母或数字", "須為1–6個字母或數字", "must be 1–6 letters or digits"),
            Why::NeedsAreaCode => p("本地座机须带区号，如0571-87654321（主管在设置中填写本地区号后可不带）", "本地市話須帶區號，如0571-87654321（主管在設定中填寫本地區號後可不帶）", "needs its area code, such as 0571-87654321 (or a supervisor sets the office's local area code in Settings)"),
            Why::AreaCodeShape => p("须为0加两到三位数字，如0571、010", "須為0加兩到三位數字，如0571、010", "must be 0 and two or three digits, such as 0571 or 010"),
            Why::IdleLockRange => p("须为0–480分钟", "須為0–480分鐘", "must be 0–480 minutes"),
            Why::SpanRange => {
                let (from, to) = (SPAN_AMOUNTS.start(), SPAN_AMOUNTS.end());
                match lang {
                    Lang::ZhCn => format!("须为{from}–{to}的整数"),
                    Lang::ZhTw => format!("須為{from}–{to}的整數"),
                    Lang::En => format!("must be a whole number from {from} to {to}"),
                }
            }
            Why::PinShape => {
                let (from, to) = (PIN_DIGITS.start(), PIN_DIGITS.end());
                match lang {
                    Lang::ZhCn => format!("须为{from}–{to}位数字"),
                    Lang::ZhTw => format!("須為{from}–{to}位數字"),
                    Lang::En => format!("must be {from}–{to} digits"),
                }
            }
            Why::OwnAccount => p(
                "不能停用自己或降低自己的角色",
                "不能停用自己或降低自己的角色",
                "you cannot retire or demote yourself",
            ),
            Why::NoDataDirectory => p("没有数据目录", "沒有資料目錄", "there is no data directory"),
            Why::NotAFileOrTooBig => p("不是文件或超过50MB", "不是檔案或超過50MB", "is not a file, or is over 50 MB"),
            Why::FileMissing(name) => match lang {
                Lang::En => format!("“{name}” is no longer in the data directory"),
                Lang::ZhCn => format!("“{name}”已不在数据目录中"),
                Lang::ZhTw => format!("「{name}」已不在資料目錄中"),
            },
            Why::PickedFileGone(name) => match lang {
                Lang::En => format!("“{name}” is no longer where it was picked (moved, renamed or deleted): take it off the list, or add it again"),
                Lang::ZhCn => format!("“{name}”已不在选取时的位置（已被移动、改名或删除），请从列表中去掉或重新添加"),
                Lang::ZhTw => format!("「{name}」已不在選取時的位置（已被移動、改名或刪除），請從清單中去掉或重新加入"),
            },
            Why::Withdrawn(name) => match lang {
                Lang::En => format!("“{name}” was withdrawn as added by mistake"),
                Lang::ZhCn => format!("“{name}”已作为误传撤回"),
                Lang::ZhTw => format!("「{name}」已作為誤傳撤回"),
            },
            Why::NotAPicture(name) => match lang {
                Lang::En => format!("“{name}” cannot be shown as a picture"),
                Lang::ZhCn => format!("“{name}”无法作为图片显示"),
                Lang::ZhTw => format!("「{name}」無法作為圖片顯示"),
            },
            Why::NotUtf8 => p(
                "不是 UTF-8 编码，请另存为 UTF-8 后再导入",
                "不是 UTF-8 編碼，請另存為 UTF-8 後再匯入",
                "is not UTF-8; save it as UTF-8 and import it again",
            ),
            Why::NoAllDayEvents => p("文件中没有全天事件", "檔案中沒有全天事件", "has no all-day events"),
            Why::DemoRange => p("须为1–5,000,000", "須為1–5,000,000", "must be 1–5,000,000"),
            Why::Calendar(e) => calendar_text(e, lang),
        }
    }
}

/// The calendar crate's refusals of office hours and holiday files, and its finding no
/// working time to count a deadline in.
pub(crate) fn calendar_text(e: &CalendarError, lang: Lang) -> String {
    match e {
        CalendarError::HoursBackwards {
            weekday,
            start,
            end,
        } => match lang {
            Lang::ZhCn => format!(
                "{}的时段{start}–{end}结束早于开始",
                weekday_name(*weekday, lang)
            ),
            Lang::ZhTw => format!(
                "{}的時段{start}–{end}結束早於開始",
                weekday_name(*weekday, lang)
            ),
            Lang::En => format!(
                "on {} the period {start}–{end} ends before it starts",
                weekday_name(*weekday, lang)
            ),
        },
        CalendarError::HoursOverlap { weekday } => match lang {
            Lang::ZhCn => format!("{}的时段重叠或顺序不对", weekday_name(*weekday, lang)),
            Lang::ZhTw => format!("{}的時段重疊或順序不對", weekday_name(*weekday, lang)),
            Lang::En => format!(
                "on {} the periods overlap or are out of order",
                weekday_name(*weekday, lang)
            ),
        },
        CalendarError::NoHours => lang
            .pick(
                "每周至少要有一天办公时间",
                "每週至少要有一天辦公時間",
                "has no office hours on any weekday",
            )
            .to_string(),
        CalendarError::BadData(detail) => match lang {
            Lang::ZhCn => format!("无法读取（{detail}）"),
            Lang::ZhTw => format!("無法讀取（{detail}）"),
            Lang::En => e.to_string(),
        },
        CalendarError::NoWorkingTime(from) => match lang {
            Lang::ZhCn => format!("自{from}起十年内没有工作时间"),
            Lang::ZhTw => format!("自{from}起十年內沒有工作時間"),
            Lang::En => e.to_string(),
        },
    }
}

/// 周一 … 周日 for weekday 1 (Monday) … 7, as the calendar's errors number them.
fn weekday_name(weekday: u8, lang: Lang) -> &'static str {
    let day = chrono::Weekday::try_from(weekday.clamp(1, 7) - 1).unwrap_or(chrono::Weekday::Mon);
    desk_calendar::weekday_name(day, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Why> {
        use Why::*;
        vec![
            ComplaintsOnly,
            InFuture,
            RulesMakeMajor(vec![LevelRule::Media, LevelRule::Amount]),
            NeedsCallback,
            SlipNotSigned,
            SlipAlreadySigned,
            SlipFeedbackRecorded,
            BeforeSlipIssued,
            SatisfactionOnlyWhenReached,
            OnlyMajorHasReport,
            ReportApproved,
            NoReportYet,
            ReportNotSubmitted,
            NotADatabase,
            DamagedCopy,
            NotALedger,
            AppOpen,
            FailedIntegrityCheck,
            ControlCharacters,
            NoSpaces,
            AlreadySetUp,
            PrefixShape,
            AreaCodeShape,
            NeedsAreaCode,
            IdleLockRange,
            SpanRange,
            PinShape,
            OwnAccount,
            NoDataDirectory,
            NotAFileOrTooBig,
            FileMissing("20261122_0930".into()),
            PickedFileGone("20261122_0930".into()),
            Withdrawn("20261122_0930".into()),
            NotAPicture("20261122_0930".into()),
            NotUtf8,
            NoAllDayEvents,
            DemoRange,
            Calendar(CalendarError::HoursBackwards {
                weekday: 3,
                start: "18:00".into(),
                end: "09:00".into(),
            }),
            Calendar(CalendarError::HoursOverlap { weekday: 7 }),
            Calendar(CalendarError::NoHours),
        ]
    }

    /// Characters written differently in Simplified and Traditional that these texts use.
    const SIMPLIFIED_ONLY: &str =
        "诉须经访满记录结时间转联户报馈签认数据库损坏账检规则应为确资钟没这周";

    #[test]
    fn each_refusal_reads_wholly_in_the_clerks_language() {
        for why in all() {
            let (cn, tw, en) = (
                why.text(Lang::ZhCn),
                why.text(Lang::ZhTw),
                why.text(Lang::En),
            );
            assert!(!cn.is_ascii() && !cn.contains(" / "), "{why:?}: {cn}");
            assert!(
                !tw.chars().any(|c| SIMPLIFIED_ONLY.contains(c))
                    && !tw
                        .replace("MB", "")
                        .replace("UTF", "")
                        .chars()
                        .any(|c| c.is_ascii_alphabetic()),
                "{why:?} in Traditional: {tw}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{why:?} in English: {en}"
            );
        }
    }

    #[test]
    fn the_major_rule_names_what_made_it_major() {
        let why = Why::RulesMakeMajor(vec![LevelRule::Media]);
        assert!(
            why.text(Lang::ZhCn).contains("媒体曝光"),
            "{}",
            why.text(Lang::ZhCn)
        );
        assert!(
            why.text(Lang::ZhTw).contains("媒體曝光"),
            "{}",
            why.text(Lang::ZhTw)
        );
    }
}
