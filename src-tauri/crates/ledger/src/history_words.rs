//! The change log in the reader's words: each entry's action named, and what it changed a
//! line each, with the stored words, codes, amounts, office hours and deadline spans as
//! the screens show them. One wording for the case timeline, Settings' logs and the CLI,
//! so that none of them reads a stored value on its own (and none shows the name of a
//! complainant who asked not to be named).

use std::collections::HashMap;

use desk_calendar::{Lang, OfficeHours};
use serde::{Deserialize, Serialize};

use crate::deadlines::{step_label, words, SpanUnit, StepRule};
use crate::error::Result;
use crate::i18n::{fact_label, field_label, label, static_find, Words};
use crate::ledger::Ledger;
use crate::model::{CaseFile, FieldChange, HistoryEntry};

/// One thing an entry changed: "处理状态: 处理中 → 待回访".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistoryLine {
    /// The stored field (or `day0`…`day6` for a weekday's office hours).
    pub field: String,
    pub label: String,
    /// "old → new", or just the value where there was none before.
    pub value: String,
}

/// (action, 简体, 繁體, English): what the timeline calls each logged action.
const ACTIONS: &[Words] = &[
    ("register", "登记", "登記", "registered"),
    ("edit", "更正", "更正", "corrected"),
    ("issue", "开具转交单", "開具轉交單", "slip issued"),
    ("transfer", "转交", "轉交", "transferred"),
    ("sign", "签认", "簽認", "signed"),
    ("feedback", "回馈", "回饋", "feedback received"),
    ("record", "处理", "處理", "recorded"),
    ("pause", "暂停", "暫停", "paused"),
    ("resume", "恢复", "恢復", "resumed"),
    ("finish", "完成", "完成", "finished"),
    ("callback", "回访", "回訪", "called back"),
    ("close", "结案", "結案", "closed"),
    ("void", "作废", "作廢", "voided"),
    ("set_level", "调整级别", "調整級別", "level changed"),
    ("escalate", "自动升级", "自動升級", "escalated"),
    (
        "normalise_phones",
        "电话格式统一（升级）",
        "電話格式統一（升級）",
        "phone numbers tidied (upgrade)",
    ),
    ("attach", "附件", "附件", "attached"),
    (
        "withdraw_attachment",
        "撤回附件",
        "撤回附件",
        "attachment withdrawn",
    ),
    ("print_form", "打印表单", "列印表單", "printed a form"),
    ("save_form", "保存表单", "儲存表單", "saved a form"),
    ("draft_report", "报告草稿", "報告草稿", "report draft"),
    ("submit_report", "提交报告", "提交報告", "report submitted"),
    ("approve_report", "批准报告", "批准報告", "report approved"),
    ("create", "新增", "新增", "created"),
    ("update", "修改", "修改", "updated"),
    ("set_day", "设置日期", "設定日期", "day set"),
    (
        "confirm_year",
        "确认全年节假日已录入",
        "確認全年節假日已錄入",
        "year's holidays confirmed",
    ),
    (
        "set_hours",
        "修改办公时间",
        "修改辦公時間",
        "office hours changed",
    ),
    ("set_deadline", "修改期限", "修改期限", "deadline changed"),
    (
        "import_ics",
        "导入节假日",
        "匯入節假日",
        "holidays imported",
    ),
    ("init", "建账", "建帳", "office set up"),
    ("set_pin", "设置PIN码", "設定PIN碼", "PIN set"),
    (
        "localize",
        "改为繁体字",
        "改為繁體字",
        "written in Traditional characters",
    ),
    ("translate", "改为英文", "改為英文", "written in English"),
    (
        "restore",
        "从备份恢复",
        "從備份還原",
        "restored from a backup",
    ),
];

/// Fields the log keeps under another name than the one the clerk reads: stored
/// phones are the case's phone; a staff member's or a unit's active flag its status.
const SAME_AS: &[(&str, &str)] = &[("complainant_phones", "phone"), ("active", "status")];

/// (word, 简体, 繁體, English): values the log keeps as words of its own.
const VALUES: &[Words] = &[
    ("true", "是", "是", "yes"),
    ("false", "否", "否", "no"),
    ("active", "在用", "使用中", "active"),
    ("retired", "已停用", "已停用", "retired"),
    ("pin_none", "未设置", "未設定", "none"),
    ("pin_set", "已设置", "已設定", "set"),
    ("pin_changed", "已更换", "已更換", "changed"),
];

/// Stored words read through the core's labels (投诉, 处理中, 重大, 业主, 主管, …).
const WORD_FIELDS: &[&str] = &[
    "status",
    "level",
    "validity",
    "relation",
    "kind",
    "repair_size",
    "role",
    "text_size",
    "method",
    "outcome",
    "satisfaction",
];
const YES_NO: &[&str] = &[
    "media",
    "lawsuit",
    "group_action",
    "complex",
    "anonymous",
    "external",
];
/// Times kept as "2026-11-23 09:00", read as the screens write them.
const TIMES: &[&str] = &[
    "received_at",
    "callback_at",
    "feedback_at",
    "signed_at",
    "transferred_at",
    "reply_due",
];

fn pick(table: &'static [Words], key: &str, lang: Lang) -> Option<String> {
    static_find(table, key, lang).map(str::to_string)
}

/// The names behind the codes the log keeps, read once for a whole timeline.
pub struct HistoryWords {
    lang: Lang,
    departments: HashMap<String, String>,
    categories: HashMap<String, String>,
}

impl Ledger {
    /// The words to read the change log in, in `lang`.
    pub fn history_words(&self, lang: Lang) -> Result<HistoryWords> {
        Ok(HistoryWords {
            lang,
            departments: self
                .departments(true)?
                .into_iter()
                .map(|d| (d.code, d.name))
                .collect(),
            categories: self
                .categories(true)?
                .into_iter()
                .map(|c| (c.code, c.name))
                .collect(),
        })
    }

    /// A case's change log in `lang`, never naming a complainant who asked not to be.
    pub fn history_in(&self, number: &str, lang: Lang) -> Result<Vec<HistoryEntry>> {
        let anonymous = self.case(number)?.anonymous;
        let mut log = self.history(number)?;
        self.history_words(lang)?.word(&mut log, anonymous);
        Ok(log)
    }

    /// `list_history` in `lang`: a staff member's, department's, …, the settings' or the
    /// calendar's log as Settings shows it.
    pub fn list_history_in(
        &self,
        table: &str,
        code: &str,
        lang: Lang,
    ) -> Result<Vec<HistoryEntry>> {
        let mut log = self.list_history(table, code)?;
        self.history_words(lang)?.word(&mut log, false);
        Ok(log)
    }
}

impl HistoryWords {
    /// Names each entry and words what it changed. `anonymous`: the entries belong to a
    /// case whose complainant asked not to be named, so no line shows their name.
    pub fn word(&self, entries: &mut [HistoryEntry], anonymous: bool) {
        for e in entries {
            e.title = self.title(&e.action);
            e.lines = self.lines(e, anonymous);
        }
    }

    /// A case file's timeline, worded as its case allows.
    pub fn word_file(&self, file: &mut CaseFile) {
        self.word(&mut file.history, file.case.anonymous);
    }

    pub fn title(&self, action: &str) -> String {
        pick(ACTIONS, action, self.lang).unwrap_or_else(|| label(action, self.lang))
    }

    /// What `e` changed, a line each.
    pub fn lines(&self, e: &HistoryEntry, anonymous: bool) -> Vec<HistoryLine> {
        e.changes
            .iter()
            .flat_map(|ch| {
                if ch.field == "office_hours" {
                    self.hours_lines(ch)
                } else if e.action == "set_deadline" {
                    vec![HistoryLine {
                        field: ch.field.clone(),
                        label: step_label(&ch.field, self.lang),
                        value: arrow(
                            span_text(ch.old.as_deref(), self.lang),
                            span_text(ch.new.as_deref(), self.lang),
                        ),
                    }]
                } else {
                    let hide = anonymous && ch.field == "complainant_name";
                    let value = |v: &Option<String>| {
                        v.as_deref().map(|v| {
                            if hide {
                                label("anonymous", self.lang)
                            } else {
                                self.value(&ch.field, v)
                            }
                        })
                    };
                    vec![HistoryLine {
                        field: ch.field.clone(),
                        label: self.field_name(&ch.field),
                        value: arrow(value(&ch.old), value(&ch.new)),
                    }]
                }
            })
            .collect()
    }

    fn field_name(&self, field: &str) -> String {
        // A calendar day is logged under its date.
        if is_date(field) {
            return field.to_string();
        }
        let field = SAME_AS
            .iter()
            .find(|(kept, _)| *kept == field)
            .map_or(field, |(_, read)| read);
        field_label(field, self.lang).to_string()
    }

    fn value(&self, field: &str, v: &str) -> String {
        let lang = self.lang;
        let word = |w: &str| pick(VALUES, w, lang).unwrap_or_else(|| w.to_string());
        match field {
            f if WORD_FIELDS.contains(&f) => label(v, lang),
            f if YES_NO.contains(&f) => word(v),
            "active" => word(if v == "true" { "active" } else { "retired" }),
            // A PIN is never shown: the log says only whether there was one.
            "pin" => word(match v {
                "none" => "pin_none",
                "set (changed)" => "pin_changed",
                _ => "pin_set",
            }),
            // Amounts are kept in fen.
            "amount" => v
                .parse::<i64>()
                .map(|fen| format!("{}.{:02}", fen / 100, fen % 100))
                .unwrap_or_else(|_| v.to_string()),
            "department" | "to_department" => self
                .departments
                .get(v)
                .cloned()
                .unwrap_or_else(|| v.to_string()),
            "category" => match self.categories.get(v) {
                Some(name) => format!("{v} {name}"),
                None => v.to_string(),
            },
            "form" => fact_label(v, lang),
            "language" => match v {
                "zh-TW" => "繁體中文".into(),
                "en" => "English".into(),
                "zh-CN" => "简体中文".into(),
                other => other.into(),
            },
            f if TIMES.contains(&f) => time_text(v, lang),
            // A calendar day is kept as "holiday 公司年会".
            f if is_date(f) => {
                let (kind, name) = v.split_once(' ').unwrap_or((v, ""));
                format!("{} {name}", label(kind, lang))
                    .trim_end()
                    .to_string()
            }
            _ => v.to_string(),
        }
    }

    /// Office hours are kept whole; the log names only the weekdays that changed.
    fn hours_lines(&self, ch: &FieldChange) -> Vec<HistoryLine> {
        let parse = |v: &Option<String>| {
            v.as_deref()
                .and_then(|j| serde_json::from_str::<OfficeHours>(j).ok())
        };
        let (old, new) = (parse(&ch.old), parse(&ch.new));
        let name = self.field_name("office_hours");
        let Some(new) = new else {
            return vec![HistoryLine {
                field: ch.field.clone(),
                label: name,
                value: ch.new.clone().unwrap_or_default(),
            }];
        };
        let was = old.map(|o| o.day_texts(self.lang));
        new.day_texts(self.lang)
            .into_iter()
            .enumerate()
            .filter_map(|(i, (day, is))| {
                let was = was.as_ref().map(|w| w[i].1.clone());
                (was.as_ref() != Some(&is)).then(|| HistoryLine {
                    field: format!("day{i}"),
                    label: format!("{name} · {day}"),
                    value: arrow(was, Some(is)),
                })
            })
            .collect()
    }
}

/// "old → new", or the one that is there.
fn arrow(old: Option<String>, new: Option<String>) -> String {
    match (old, new) {
        (Some(o), Some(n)) => format!("{o} → {n}"),
        (None, Some(n)) => n,
        (Some(o), None) => format!("{o} → —"),
        (None, None) => String::new(),
    }
}

fn is_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

/// "2026年11月23日 09:00" in the Chinese scripts, "2026-11-23 09:00" in English.
fn time_text(v: &str, lang: Lang) -> String {
    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let (d, rest) = v.split_once(' ').unwrap_or((v, ""));
    match (date(d), lang) {
        (Some(d), Lang::ZhCn | Lang::ZhTw) => {
            use chrono::Datelike;
            let time = rest.get(..5).map(|t| format!(" {t}")).unwrap_or_default();
            format!("{}年{}月{}日{time}", d.year(), d.month(), d.day())
        }
        _ => v.to_string(),
    }
}

/// A deadline step's span as kept ("4 working_hours"; the first versions wrote
/// "4 WorkingHours") in words: 4个有效工作时.
fn span_text(v: Option<&str>, lang: Lang) -> Option<String> {
    let v = v?;
    let parsed = v.split_once(' ').and_then(|(n, unit)| {
        let snake: String = unit
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let lead = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                lead.into_iter()
                    .chain(std::iter::once(c.to_ascii_lowercase()))
            })
            .collect();
        Some(StepRule {
            amount: n.parse().ok()?,
            unit: SpanUnit::parse(&snake)?,
        })
    });
    Some(parsed.map_or_else(|| v.to_string(), |r| words(r, lang)))
}
