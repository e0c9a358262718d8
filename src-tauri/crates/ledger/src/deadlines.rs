//! Deadlines of docs/deadlines.md, derived from a case's history, each with an explanation.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use desk_calendar::{Interval, Lang, Walk, WorkingCalendar};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{
    Callback, Case, Kind, Level, Record, RecordKind, RepairSize, Slip, Status, Validity,
};
use crate::validate::{fmt_minute, parse_minute as parse};

/// How a step's time is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SpanUnit {
    Minutes,
    Hours,
    WorkingHours,
    WorkingDays,
    CalendarDays,
}

impl SpanUnit {
    pub const ALL: [SpanUnit; 5] = [
        SpanUnit::Minutes,
        SpanUnit::Hours,
        SpanUnit::WorkingHours,
        SpanUnit::WorkingDays,
        SpanUnit::CalendarDays,
    ];

    /// The word the ledger keeps it as (and the CLI takes): working_hours.
    pub fn as_str(self) -> &'static str {
        match self {
            SpanUnit::Minutes => "minutes",
            SpanUnit::Hours => "hours",
            SpanUnit::WorkingHours => "working_hours",
            SpanUnit::WorkingDays => "working_days",
            SpanUnit::CalendarDays => "calendar_days",
        }
    }

    pub fn parse(s: &str) -> Option<SpanUnit> {
        SpanUnit::ALL.into_iter().find(|u| u.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StepRule {
    pub amount: i64,
    pub unit: SpanUnit,
}

/// The steps and their defaults from the procedures (docs/deadlines.md).
pub const STEPS: &[(&str, i64, SpanUnit, &str, &str, &str)] = &[
    (
        "registration",
        15,
        SpanUnit::Minutes,
        "录入系统",
        "錄入系統",
        "entered in the system",
    ),
    (
        "transfer",
        2,
        SpanUnit::WorkingHours,
        "转交签认单",
        "轉交簽認單",
        "transfer slip issued",
    ),
    (
        "first_response",
        1,
        SpanUnit::WorkingDays,
        "首次回应客户",
        "首次回應客戶",
        "first response to the customer",
    ),
    (
        "verify",
        4,
        SpanUnit::WorkingHours,
        "现场核实",
        "現場核實",
        "verified on site",
    ),
    (
        "start",
        8,
        SpanUnit::WorkingHours,
        "开始处理",
        "開始處理",
        "handling started",
    ),
    (
        "resolve_general",
        48,
        SpanUnit::Hours,
        "一般问题解决",
        "一般問題解決",
        "general problem resolved",
    ),
    (
        "resolve_complex",
        5,
        SpanUnit::WorkingDays,
        "复杂问题解决",
        "複雜問題解決",
        "complex problem resolved",
    ),
    (
        "repair_minor",
        5,
        SpanUnit::CalendarDays,
        "小修/中修完成",
        "小修/中修完成",
        "minor or medium repair done",
    ),
    (
        "repair_major",
        10,
        SpanUnit::CalendarDays,
        "大修完成",
        "大修完成",
        "major repair done",
    ),
    (
        "forward_developer",
        3,
        SpanUnit::CalendarDays,
        "开发商/外部单位回复",
        "開發商/外部單位回覆",
        "reply from the developer or outside party",
    ),
    (
        "forward_management",
        2,
        SpanUnit::Hours,
        "管理部回复",
        "管理部回覆",
        "reply from the management department",
    ),
    (
        "slip_feedback",
        8,
        SpanUnit::WorkingHours,
        "处理结果回馈",
        "處理結果回饋",
        "result fed back",
    ),
    (
        "invalid_explain",
        4,
        SpanUnit::WorkingHours,
        "无效投诉向客户解释",
        "無效投訴向客戶解釋",
        "invalid complaint explained",
    ),
    (
        "invalid_forward",
        4,
        SpanUnit::WorkingHours,
        "无效投诉转开发商",
        "無效投訴轉開發商",
        "invalid complaint forwarded to the developer",
    ),
    (
        "major_report",
        1,
        SpanUnit::WorkingDays,
        "重大投诉报告",
        "重大投訴報告",
        "major-complaint report",
    ),
    (
        "major_conclude",
        7,
        SpanUnit::CalendarDays,
        "重大投诉处理完结",
        "重大投訴處理完結",
        "major complaint concluded",
    ),
    (
        "callback",
        3,
        SpanUnit::CalendarDays,
        "回访",
        "回訪",
        "customer called back",
    ),
];

pub fn step_label(step: &str, lang: Lang) -> String {
    let key = step.split(':').next().unwrap_or(step);
    STEPS
        .iter()
        .find(|s| s.0 == key)
        .map(|s| lang.pick(s.3, s.4, s.5).to_string())
        .map(|l| match step.split_once(':') {
            Some((_, slip)) => format!("{l} {slip}"),
            None => l,
        })
        .unwrap_or_else(|| step.to_string())
}

/// One step of the deadline rules as Settings shows it: its name, the span in force and
/// the procedures' default, each also in words ("4个有效工作时").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineRule {
    pub step: String,
    pub label: String,
    pub rule: StepRule,
    pub shown: String,
    pub default: StepRule,
    pub default_shown: String,
}

/// The procedures' span for one entry of [`STEPS`].
fn default_rule(s: &(&str, i64, SpanUnit, &str, &str, &str)) -> StepRule {
    StepRule {
        amount: s.1,
        unit: s.2,
    }
}

/// Per-office deadline settings (stored as JSON in the `deadlines` setting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlinePolicy {
    pub steps: BTreeMap<String, StepRule>,
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        DeadlinePolicy {
            steps: STEPS
                .iter()
                .map(|s| (s.0.to_string(), default_rule(s)))
                .collect(),
        }
    }
}

impl DeadlinePolicy {
    /// The span in force for `step`: the office's, else the procedures' default. A step
    /// not in [`STEPS`] is refused by field, never given a span of its own.
    pub fn rule(&self, step: &str) -> crate::error::Result<StepRule> {
        if let Some(r) = self.steps.get(step) {
            return Ok(*r);
        }
        STEPS
            .iter()
            .find(|s| s.0 == step)
            .map(default_rule)
            .ok_or_else(|| {
                crate::error::invalid(
                    "deadline_step",
                    crate::error::Problem::BadChoice {
                        allowed: STEPS.iter().map(|s| s.0).collect::<Vec<_>>().join(", "),
                    },
                    step,
                )
            })
    }

    /// The office's stored rules (the `deadlines` setting). Text that is not the rules
    /// this program writes, or names a step it does not know, is damage: never read as
    /// the defaults, which would silently undo the office's spans.
    pub fn from_stored(json: &str) -> crate::error::Result<DeadlinePolicy> {
        let damaged = |word: &str| crate::error::LedgerError::StoredWord {
            what: "DeadlineRules",
            word: word.chars().take(60).collect(),
        };
        let policy: DeadlinePolicy = serde_json::from_str(json).map_err(|_| damaged(json))?;
        if let Some(unknown) = policy
            .steps
            .keys()
            .find(|k| !STEPS.iter().any(|s| s.0 == k.as_str()))
        {
            return Err(damaged(unknown));
        }
        Ok(policy)
    }

    /// Every step in the procedures' order, with what is in force and the default.
    pub fn rules(&self, lang: Lang) -> Vec<DeadlineRule> {
        STEPS
            .iter()
            .map(|s| {
                let default = default_rule(s);
                let rule = self.steps.get(s.0).copied().unwrap_or(default);
                DeadlineRule {
                    step: s.0.to_string(),
                    label: lang.pick(s.3, s.4, s.5).to_string(),
                    rule,
                    shown: words(rule, lang),
                    default,
                    default_shown: words(default, lang),
                }
            })
            .collect()
    }

    /// The least clock time any resolution step can take, for pre-filtering escalation.
    pub fn min_resolve_minutes(&self) -> i64 {
        [
            "resolve_general",
            "resolve_complex",
            "repair_minor",
            "repair_major",
        ]
        .iter()
        .filter_map(|s| self.rule(s).ok())
        .map(|r| {
            match r.unit {
                SpanUnit::Minutes => r.amount,
                SpanUnit::Hours | SpanUnit::WorkingHours => r.amount * 60,
                // A working day is at least its working hours of clock time; be safe with 1 hour.
                SpanUnit::WorkingDays => r.amount * 60,
                SpanUnit::CalendarDays => r.amount * 1440,
            }
        })
        .min()
        .unwrap_or(0)
    }
}

/// "4 working hours" in the clerk's language.
pub fn words(rule: StepRule, lang: Lang) -> String {
    let n = rule.amount;
    match (rule.unit, lang) {
        (SpanUnit::Minutes, Lang::En) => format!("{n} minutes"),
        (SpanUnit::Minutes, Lang::ZhCn) => format!("{n}分钟"),
        (SpanUnit::Minutes, Lang::ZhTw) => format!("{n}分鐘"),
        (SpanUnit::Hours, Lang::En) => format!("{n} hours"),
        (SpanUnit::Hours, Lang::ZhCn) => format!("{n}小时"),
        (SpanUnit::Hours, Lang::ZhTw) => format!("{n}小時"),
        (SpanUnit::WorkingHours, Lang::En) => format!("{n} working hours"),
        (SpanUnit::WorkingHours, Lang::ZhCn) => format!("{n}个有效工作时"),
        (SpanUnit::WorkingHours, Lang::ZhTw) => format!("{n}個有效工作時"),
        (SpanUnit::WorkingDays, Lang::En) => {
            format!("{n} working day{}", if n == 1 { "" } else { "s" })
        }
        (SpanUnit::WorkingDays, _) => {
            format!("{n}{}工作日", lang.pick("个", "個", ""))
        }
        (SpanUnit::CalendarDays, Lang::En) => {
            format!("{n} calendar day{}", if n == 1 { "" } else { "s" })
        }
        (SpanUnit::CalendarDays, _) => {
            format!("{n}{}", lang.pick("个日历天", "個日曆天", ""))
        }
    }
}

/// Walks a step's span from `start` on the office calendar, pauses excluded.
pub fn walk(
    cal: &WorkingCalendar,
    rule: StepRule,
    start: NaiveDateTime,
    pauses: &[Interval],
) -> Result<Walk> {
    let day = cal.hours().standard_day_minutes();
    Ok(match rule.unit {
        SpanUnit::Minutes => cal.walk_clock(start, rule.amount, pauses),
        SpanUnit::Hours => cal.walk_clock(start, rule.amount * 60, pauses),
        SpanUnit::CalendarDays => cal.walk_clock(start, rule.amount * 1440, pauses),
        SpanUnit::WorkingHours => cal.walk_working(start, rule.amount * 60, pauses)?,
        SpanUnit::WorkingDays => cal.walk_working(start, rule.amount * day, pauses)?,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineState {
    Pending,
    Overdue,
    OnTime,
    Late,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Deadline {
    pub step: String,
    pub label: String,
    pub start: String,
    pub due: String,
    pub met_at: Option<String>,
    pub state: DeadlineState,
    pub explanation: String,
    /// Years without holiday data that the computation crossed.
    pub uncovered_years: Vec<i32>,
}

/// Everything recorded about a case that deadlines depend on.
pub struct Facts<'a> {
    pub records: &'a [Record],
    pub slips: &'a [Slip],
    pub callbacks: &'a [Callback],
    pub report_submitted_at: Option<&'a str>,
}

/// Pause intervals from the pause/resume records; an open pause lasts until `now`.
pub fn pauses(records: &[Record], now: NaiveDateTime) -> Vec<Interval> {
    let mut out = Vec::new();
    let mut open: Option<NaiveDateTime> = None;
    for r in records {
        match r.kind {
            RecordKind::Pause => open = open.or(parse(&r.at)),
            RecordKind::Resume => {
                if let (Some(s), Some(e)) = (open.take(), parse(&r.at)) {
                    out.push(Interval { start: s, end: e });
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Interval {
            start: s,
            end: now.max(s),
        });
    }
    out
}

fn min_opt<'a>(xs: impl IntoIterator<Item = Option<&'a str>>) -> Option<&'a str> {
    xs.into_iter().flatten().min()
}

/// The rule that governs resolution of this case.
pub fn resolve_step(case: &Case) -> &'static str {
    if case.level == Some(Level::Major) && case.kind == Kind::Complaint {
        "major_conclude"
    } else {
        match case.repair_size {
            Some(RepairSize::Major) => "repair_major",
            Some(_) => "repair_minor",
            None if case.complex => "resolve_complex",
            None => "resolve_general",
        }
    }
}

/// Every deadline that applies to the case, in order of due time.
pub fn compute(
    case: &Case,
    f: &Facts<'_>,
    cal: &WorkingCalendar,
    policy: &DeadlinePolicy,
    now: NaiveDateTime,
    lang: Option<Lang>,
) -> Result<Vec<Deadline>> {
    // With no language no explanations are written: the stored next deadline needs none.
    let explain_in = lang;
    let lang = lang.unwrap_or_default();
    if case.status == Status::Voided {
        return Ok(Vec::new());
    }
    let Some(received) = parse(&case.received_at) else {
        return Ok(Vec::new());
    };
    let paused = pauses(f.records, now);
    let first_progress = f
        .records
        .iter()
        .find(|r| r.kind == RecordKind::Progress)
        .map(|r| r.at.as_str());
    let first_slip = f.slips.first().map(|s| s.transferred_at.as_str());
    let first_signed = f.slips.iter().filter_map(|s| s.signed_at.as_deref()).min();
    let finished = case.finished_at.as_deref();
    let last_reopen = f
        .records
        .iter()
        .rev()
        .find(|r| r.kind == RecordKind::Reopen)
        .and_then(|r| parse(&r.at));
    let complaint = case.kind == Kind::Complaint;
    let mut out = Vec::new();
    let mut add = |step: String,
                   rule_key: &str,
                   start: NaiveDateTime,
                   met: Option<&str>,
                   stored_due: Option<&str>|
     -> Result<()> {
        let rule = policy.rule(rule_key)?;
        let w = walk(cal, rule, start, &paused)?;
        let stored = stored_due.and_then(parse);
        let due = stored.unwrap_or(w.due);
        let met = met.map(|m| m[..m.len().min(16)].to_string());
        let state = match (&met, parse(met.as_deref().unwrap_or(""))) {
            (Some(_), Some(m)) if m <= due => DeadlineState::OnTime,
            (Some(_), _) => DeadlineState::Late,
            (None, _) if case.status == Status::Closed => DeadlineState::OnTime,
            (None, _) if now > due => DeadlineState::Overdue,
            (None, _) => DeadlineState::Pending,
        };
        out.push(Deadline {
            label: step_label(&step, lang),
            step,
            start: fmt_minute(start),
            due: fmt_minute(due),
            met_at: met,
            state,
            explanation: match (explain_in, stored) {
                (None, _) => String::new(),
                // A slip keeps the reply-by time printed on it when the rules or the
                // calendar have changed since: that is what the department signed for.
                (Some(l), Some(s)) if s != w.due => l
                    .pick(
                        "按转交单上写明的回复时限",
                        "按轉交單上寫明的回覆時限",
                        "the reply-by time printed on the slip",
                    )
                    .to_string(),
                (Some(l), _) => w.explain(&words(rule, l), l),
            },
            uncovered_years: w.uncovered,
        });
        Ok(())
    };
    let created = Some(case.created_at.as_str());
    add(
        "registration".into(),
        "registration",
        received,
        created,
        None,
    )?;
    let responded = min_opt([first_progress, first_slip, finished]);
    add(
        "first_response".into(),
        "first_response",
        received,
        responded,
        None,
    )?;
    if complaint {
        if !f.slips.is_empty() || case.status == Status::Registered {
            add(
                "transfer".into(),
                "transfer",
                received,
                first_slip.or(finished),
                None,
            )?;
        }
        add(
            "verify".into(),
            "verify",
            received,
            min_opt([first_progress, first_signed, finished]),
            None,
        )?;
        add(
            "start".into(),
            "start",
            received,
            min_opt([first_progress, first_signed, finished]),
            None,
        )?;
        if case.validity == Some(Validity::Invalid) {
            add(
                "invalid_explain".into(),
                "invalid_explain",
                received,
                min_opt([first_progress, finished]),
                None,
            )?;
        }
        if let Some(since) = case.major_since.as_deref().and_then(parse) {
            add(
                "major_report".into(),
                "major_report",
                since,
                f.report_submitted_at,
                None,
            )?;
        }
    }
    let resolve = resolve_step(case);
    let resolve_start = match (resolve, case.major_since.as_deref().and_then(parse)) {
        ("major_conclude", Some(since)) => since.max(last_reopen.unwrap_or(since)),
        _ => last_reopen.unwrap_or(received),
    };
    add(resolve.into(), resolve, resolve_start, finished, None)?;
    for s in f.slips {
        let key = if s.to_external {
            "forward_developer"
        } else {
            "slip_feedback"
        };
        if let Some(start) = parse(&s.transferred_at) {
            add(
                format!("slip_feedback:{}", s.number),
                key,
                start,
                s.feedback_at.as_deref(),
                s.reply_due.as_deref(),
            )?;
        }
    }
    if let Some(fin) = finished.and_then(parse) {
        let called = f
            .callbacks
            .iter()
            .map(|c| c.at.as_str())
            .filter(|a| parse(a).is_some_and(|a| a >= fin))
            .min();
        add("callback".into(), "callback", fin, called, None)?;
    }
    out.sort_by(|a, b| a.due.cmp(&b.due));
    Ok(out)
}

/// The reply-due time printed on a new slip: outside parties get the developer
/// forwarding time, internal departments the feedback time.
pub fn slip_reply_due(
    cal: &WorkingCalendar,
    policy: &DeadlinePolicy,
    transferred_at: &str,
    external: bool,
) -> Result<Option<String>> {
    let Some(start) = parse(transferred_at) else {
        return Ok(None);
    };
    let rule = policy.rule(if external {
        "forward_developer"
    } else {
        "slip_feedback"
    })?;
    Ok(Some(fmt_minute(walk(cal, rule, start, &[])?.due)))
}
