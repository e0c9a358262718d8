//! Output for people: short tables and labelled fields in the user's language.

use desk_calendar::OfficeHours;
use desk_ledger::i18n::{field_label, label};
use desk_ledger::model::{
    Case, CaseFile, Category, Channel, Department, HistoryEntry, Record, Slip, Staff, Unit,
};
use desk_ledger::rules::explain_level_reason;
use desk_ledger::{
    CasePage, Deadline, DeadlinePolicy, DueCounts, DueItem, Lang, Timeliness, YearView,
};
use serde::Serialize;

pub trait Human {
    fn human(&self, lang: Lang);
}

#[derive(Serialize)]
pub struct Detail {
    #[serde(flatten)]
    pub file: CaseFile,
    pub deadlines: Vec<Deadline>,
}

#[derive(Serialize)]
pub struct DueView {
    pub counts: DueCounts,
    pub items: Vec<DueItem>,
}

fn short(s: &str, n: usize) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        format!("{}…", one_line.chars().take(n).collect::<String>())
    }
}

fn line(lang: Lang, field: &str, value: &str) {
    if !value.is_empty() {
        println!("  {:<10} {value}", field_label(field, lang));
    }
}

impl Human for Case {
    fn human(&self, lang: Lang) {
        println!(
            "{}  {}  {}",
            self.number,
            label(self.kind.as_str(), lang),
            label(self.status.as_str(), lang)
        );
        line(lang, "received_at", &self.received_at);
        line(lang, "channel", &self.channel);
        line(lang, "received_by", &self.received_by);
        line(lang, "complainant_name", &self.complainant_name);
        line(lang, "phone", &self.complainant_phones);
        line(lang, "location", &self.location());
        line(lang, "content", &self.content);
        line(lang, "demand", &self.demand);
        let cat = match (&self.category_parent, &self.category_name) {
            (Some(p), Some(c)) => format!("{p} / {c}"),
            (None, Some(c)) => c.clone(),
            _ => String::new(),
        };
        line(lang, "category", &cat);
        line(
            lang,
            "validity",
            &self
                .validity
                .map(|v| label(v.as_str(), lang))
                .unwrap_or_default(),
        );
        if let Some(lv) = self.level {
            let why = explain_level_reason(&self.level_reason, lang);
            line(
                lang,
                "level",
                &if why.is_empty() {
                    label(lv.as_str(), lang)
                } else {
                    format!("{}（{why}）", label(lv.as_str(), lang))
                },
            );
        }
        if self.amount_fen > 0 {
            line(
                lang,
                "amount",
                &format!("{}.{:02}", self.amount_fen / 100, self.amount_fen % 100),
            );
        }
        line(
            lang,
            "department",
            self.department_name.as_deref().unwrap_or(""),
        );
        line(lang, "handler", &self.handler);
        line(lang, "result", &self.result);
        line(lang, "reason", &self.void_reason);
    }
}

impl Human for Detail {
    fn human(&self, lang: Lang) {
        self.file.case.human(lang);
        if !self.deadlines.is_empty() {
            println!("{}", lang.pick("时限:", "時限:", "Deadlines:"));
            for d in &self.deadlines {
                let state = match d.state {
                    desk_ledger::DeadlineState::OnTime => lang.pick("按时", "按時", "on time"),
                    desk_ledger::DeadlineState::Late => lang.pick("逾期完成", "逾期完成", "late"),
                    desk_ledger::DeadlineState::Overdue => lang.pick("已逾期", "已逾期", "OVERDUE"),
                    desk_ledger::DeadlineState::Pending => lang.pick("进行中", "進行中", "pending"),
                };
                println!("  [{state}] {}  {}", d.label, d.explanation);
            }
        }
        for s in &self.file.slips {
            s.human(lang);
        }
        if !self.file.records.is_empty() {
            println!("{}", lang.pick("处理记录:", "處理記錄:", "Processing:"));
            for r in &self.file.records {
                r.human(lang);
            }
        }
        for c in &self.file.callbacks {
            let sat = c
                .satisfaction
                .map(|s| label(s.as_str(), lang))
                .unwrap_or_default();
            println!(
                "  {} {} {} {} {sat} {}",
                c.at,
                label(c.method.as_str(), lang),
                c.by_staff,
                label(c.outcome.as_str(), lang),
                c.comments
            );
        }
        for a in &self.file.attachments {
            let withdrawn = if a.withdrawn_at.is_some() {
                lang.pick(" [已撤回]", " [已撤回]", " [withdrawn]")
            } else {
                ""
            };
            println!(
                "  📎 #{} {} ({} B) {}{withdrawn}",
                a.id, a.file_name, a.size, a.stored_path
            );
        }
        println!("{}", lang.pick("历史:", "歷史:", "History:"));
        self.file.history.human(lang);
    }
}

impl Human for Slip {
    fn human(&self, lang: Lang) {
        println!(
            "{}  {} → {}  {}  {}{}",
            self.number,
            self.case_number,
            self.to_department_name,
            label(self.status.as_str(), lang),
            self.reply_due
                .as_deref()
                .map(|d| format!("{} {d}", lang.pick("回复期限", "回覆期限", "reply due")))
                .unwrap_or_default(),
            if self.signed_by.is_empty() {
                String::new()
            } else {
                format!(
                    "  {} {}",
                    self.signed_by,
                    self.signed_at.as_deref().unwrap_or("")
                )
            }
        );
    }
}

impl Human for Record {
    fn human(&self, lang: Lang) {
        println!(
            "  {} {} [{}] {} {}",
            self.at,
            self.recorded_by,
            label(self.kind.as_str(), lang),
            self.action,
            self.result
        );
    }
}

impl Human for Vec<HistoryEntry> {
    /// An entry a line: when, who, the action and what it changed, in the ledger's words
    /// (`HistoryWords`); long texts cut short, the case shows them whole.
    fn human(&self, lang: Lang) {
        for h in self {
            let changes: Vec<String> = h
                .lines
                .iter()
                .map(|l| format!("{}: {}", l.label, short(&l.value, 40)))
                .collect();
            let why = if h.reason.is_empty() {
                String::new()
            } else {
                format!("  ({})", h.reason)
            };
            println!(
                "  {}  {:<8} {:<10} {}{why}",
                h.at,
                h.actor
                    .as_deref()
                    .unwrap_or(lang.pick("系统", "系統", "system")),
                h.title,
                changes.join("; ")
            );
        }
    }
}

impl Human for CasePage {
    fn human(&self, lang: Lang) {
        for c in &self.rows {
            println!(
                "{}  {}  {:<6} {:<8} {:<10} {:<12} {}",
                c.number,
                c.received_at,
                label(c.kind.as_str(), lang),
                label(c.status.as_str(), lang),
                short(&c.complainant_name, 8),
                short(&c.location(), 12),
                short(&c.content, 24)
            );
        }
        println!(
            "{} {}{} / {}",
            lang.pick("共", "共", "total"),
            self.total,
            if self.total_capped { "+" } else { "" },
            self.rows.len()
        );
    }
}

impl Human for DueView {
    fn human(&self, lang: Lang) {
        for d in &self.items {
            let flag = if d.overdue {
                lang.pick("已逾期", "已逾期", "OVERDUE")
            } else {
                lang.pick("即将到期", "即將到期", "due")
            };
            println!(
                "{}  [{flag}] {}  {}  {}",
                d.number, d.label, d.due, d.explanation
            );
        }
        println!(
            "{}: {}  {}: {}",
            lang.pick("逾期", "逾期", "overdue"),
            self.counts.overdue,
            lang.pick("即将到期", "即將到期", "due soon"),
            self.counts.due_soon
        );
    }
}

impl Human for Timeliness {
    fn human(&self, lang: Lang) {
        for (title, map) in [
            ("step", &self.by_step),
            ("department", &self.by_department),
            ("staff", &self.by_staff),
        ] {
            println!("{}", field_label(title, lang));
            for (k, s) in map {
                println!(
                    "  {:<20} on time {:>5}  late {:>5}  overdue {:>5}  pending {:>5}",
                    k, s.on_time, s.late, s.overdue, s.pending
                );
            }
        }
    }
}

impl Human for YearView {
    fn human(&self, lang: Lang) {
        if !self.covered {
            println!(
                "{}",
                lang.pick(
                    "警告：该年没有节假日数据，只按周末计算",
                    "警告：該年沒有節假日資料，只按週末計算",
                    "WARNING: no holiday data for this year; only weekends are known"
                )
            );
        }
        let kind = |k: desk_calendar::DayKind| label(k.as_str(), lang);
        let width = self
            .days
            .iter()
            .map(|d| kind(d.kind).chars().count())
            .max()
            .unwrap_or(0);
        for d in &self.days {
            println!("{}  {:<width$} {}", d.date, kind(d.kind), d.name_zh);
        }
        self.hours.human(lang);
        println!(
            "{} {}: {}",
            self.year,
            lang.pick("工作日", "工作日", "working days"),
            self.working_days
        );
    }
}

impl Human for OfficeHours {
    fn human(&self, lang: Lang) {
        let days = self.day_texts(lang);
        let width = days
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        for (name, periods) in days {
            println!("  {name:<width$} {periods}");
        }
    }
}

impl Human for DeadlinePolicy {
    fn human(&self, lang: Lang) {
        for (step, rule) in &self.steps {
            println!(
                "  {:<20} {:<16} {}",
                step,
                desk_ledger::deadlines::words(*rule, lang),
                desk_ledger::deadlines::step_label(step, lang)
            );
        }
    }
}

macro_rules! one_line {
    ($t:ty, |$s:ident, $lang:ident| $body:expr) => {
        impl Human for $t {
            fn human(&self, $lang: Lang) {
                let $s = self;
                println!("{}", $body);
            }
        }
        impl Human for Vec<$t> {
            fn human(&self, lang: Lang) {
                for x in self {
                    x.human(lang);
                }
            }
        }
    };
}

one_line!(Staff, |s, lang| format!(
    "{:<10} {:<10} {}{}",
    s.code,
    s.name,
    label(s.role.as_str(), lang),
    if s.active { "" } else { " ×" }
));
one_line!(Department, |d, _lang| format!(
    "{:<12} {}{}{}",
    d.code,
    d.name,
    if d.external { " (external)" } else { "" },
    if d.active { "" } else { " ×" }
));
one_line!(Category, |c, lang| format!(
    "{:<5} {:<4} {:<6} {}{}",
    c.code,
    c.parent_code.as_deref().unwrap_or(""),
    label(c.kind.as_str(), lang),
    c.name,
    if c.active { "" } else { " ×" }
));
one_line!(Channel, |c, _lang| format!(
    "{:<10} {}{}",
    c.code,
    c.name,
    if c.active { "" } else { " ×" }
));
one_line!(Unit, |u, _lang| format!(
    "{}{}{}  {}  {}",
    u.building, u.unit, u.room, u.owner_name, u.phones
));
one_line!(String, |s, _lang| s);
one_line!(desk_ledger::model::Attachment, |a, _lang| format!(
    "{}  {}  {} B  {}",
    a.added_at, a.file_name, a.size, a.stored_path
));

impl Human for Vec<(String, String)> {
    fn human(&self, _lang: Lang) {
        for (k, v) in self {
            println!("{k} = {v}");
        }
    }
}

impl Human for usize {
    fn human(&self, _lang: Lang) {
        println!("{self}");
    }
}

impl Human for () {
    fn human(&self, lang: Lang) {
        println!("{}", lang.pick("完成", "完成", "done"));
    }
}

impl Human for desk_ledger::DemoReport {
    fn human(&self, lang: Lang) {
        let (cases, slips, callbacks, units, from, to) = (
            self.cases,
            self.slips,
            self.callbacks,
            self.units,
            &self.from,
            &self.to,
        );
        println!(
            "{}",
            match lang {
                Lang::ZhCn => format!(
                    "已生成示例数据：{cases} 件个案、{slips} 张转交签认单、{callbacks} 次回访、{units} 户房屋资料，受理时间 {from} 至 {to}"
                ),
                Lang::ZhTw => format!(
                    "已產生示例資料：{cases} 件個案、{slips} 張轉交簽認單、{callbacks} 次回訪、{units} 戶房屋資料，受理時間 {from} 至 {to}"
                ),
                Lang::En => format!(
                    "Sample data made: {cases} cases, {slips} transfer slips, {callbacks} callbacks, {units} units, received {from} to {to}"
                ),
            }
        );
    }
}
