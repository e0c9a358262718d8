//! The figures of docs/month-end.md (the figures and the targets): what the dashboard charts and the
//! month-end workbook both show, computed once here.

use std::collections::HashSet;

use rusqlite::params;
use serde::Serialize;

use crate::cases::{case_row, case_select};
use crate::db::CachedQuery;
use crate::deadlines::{compute, DeadlineState, Facts};
use crate::error::{invalid, Problem, Result};
use crate::ledger::Ledger;
use crate::model::{Callback, CallbackOutcome, Case, Kind, Satisfaction, Status};
use crate::workflow::{facts_received_between, FactsByCase};

/// One rate with its parts, and the target the procedures set (docs/month-end.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rate {
    /// entered_in_time, on_time, overdue, closed, classified, callback, satisfaction,
    /// resolved_satisfied
    pub key: String,
    pub numerator: i64,
    pub denominator: i64,
    /// None when there is nothing to count yet.
    pub value: Option<f64>,
    pub target: Option<f64>,
    /// false for rates that should stay below their target (overdue).
    pub higher_is_better: bool,
    pub meets_target: Option<bool>,
}

/// The target of docs/month-end.md for a rate, and whether higher is better.
pub fn rate_target(key: &str) -> (Option<f64>, bool) {
    match key {
        "entered_in_time" => (Some(1.0), true),
        "on_time" => (Some(0.95), true),
        "overdue" => (Some(0.05), false),
        "callback" | "satisfaction" => (Some(0.90), true),
        "classified" => (Some(0.98), true),
        "resolved_satisfied" => (Some(0.95), true),
        _ => (None, true),
    }
}

impl Rate {
    /// A rate with the target the procedures set for `key`.
    pub fn of(key: &str, numerator: i64, denominator: i64) -> Rate {
        let (target, higher) = rate_target(key);
        Rate::new(key, numerator, denominator, target, higher)
    }

    fn new(key: &str, numerator: i64, denominator: i64, target: Option<f64>, higher: bool) -> Rate {
        let value = (denominator > 0).then(|| numerator as f64 / denominator as f64);
        let meets_target = match (value, target) {
            (Some(v), Some(t)) if higher => Some(v >= t),
            (Some(v), Some(t)) => Some(v <= t),
            _ => None,
        };
        Rate {
            key: key.into(),
            numerator,
            denominator,
            value,
            target,
            higher_is_better: higher,
            meets_target,
        }
    }
}

/// Cases received in [from, to), voided ones left out, and their rates.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figures {
    pub from: String,
    pub to: String,
    pub total: i64,
    pub complaints: i64,
    pub requests: i64,
    pub closed: i64,
    pub rates: Vec<Rate>,
}

/// What the dashboard's tiles count, each a click away from its list.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeskCounts {
    /// The office's date the counts are of (its time zone, not the computer's): the
    /// day the "today's new" tile lists.
    pub today: String,
    pub today_new: i64,
    pub due_soon: i64,
    pub overdue: i64,
    /// Everything the due list holds: overdue and due soon.
    pub due_total: i64,
    pub awaiting_signature: i64,
    /// Handled and still to be called back (none made yet, or the last one did not
    /// confirm the result).
    pub awaiting_callback: i64,
    /// Called back with the result confirmed: left to close.
    pub called_back: i64,
    pub open_major: i64,
    /// A year deadlines run into whose holidays are not entered (see `calendar_gap`).
    pub calendar_gap: Option<i32>,
}

/// One case as the month-end summary sees it (docs/month-end.md).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SummaryRow {
    pub case: Case,
    /// Handling finished (是否完成).
    pub completed: bool,
    /// Every deadline decided so far was met; None while none is decided.
    pub on_time: Option<bool>,
    /// The latest callback's outcome and satisfaction.
    pub callback: Option<CallbackOutcome>,
    pub satisfaction: Option<Satisfaction>,
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    entered_in_time: bool,
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    callbacks: Vec<Callback>,
    /// Its category or validity was changed after it had been given one: classified
    /// wrongly at first (docs/month-end.md's classification accuracy).
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    reclassified: bool,
}

/// Below this many cases, judging them on more threads costs more than it saves.
const PARALLEL_FROM: usize = 2000;

impl Ledger {
    /// Cases received in [from, to) (dates 'YYYY-MM-DD'), voided ones left out, each
    /// with its deadlines and callbacks judged as of now.
    pub fn summary_rows(&self, from: &str, to: &str) -> Result<Vec<SummaryRow>> {
        let now = self.now();
        let cases = self
            .conn
            .prepare_cached(&format!(
                "{} WHERE c.received_at >= ?1 AND c.received_at < ?2 AND c.status <> 'voided' ORDER BY c.received_at, c.id",
                case_select()
            ))?
            .query_map(params![from, to], case_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let facts = facts_received_between(&self.conn, from, to)?;
        let reclassified = reclassified_between(&self.conn, from, to)?;
        let ctx = crate::calendar_store::ctx(&self.conn)?;
        // Judging deadlines is pure arithmetic on loaded facts: spread it over the cores
        // when there is enough of it (a month-end workbook of a large office is tens of
        // thousands of cases); the dashboard's day of a few dozen is judged in place.
        if cases.len() < PARALLEL_FROM {
            return judge(&cases, &facts, &reclassified, &ctx, now);
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = cases.len().div_ceil(threads).max(1);
        let judged: Vec<Result<Vec<SummaryRow>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = cases
                .chunks(chunk)
                .map(|part| scope.spawn(|| judge(part, &facts, &reclassified, &ctx, now)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut rows = Vec::with_capacity(cases.len());
        for part in judged {
            rows.extend(part?);
        }
        Ok(rows)
    }

    /// The month's (or any range's) figures against the targets of docs/month-end.md.
    /// `from` and `to` are dates 'YYYY-MM-DD', `to` exclusive.
    ///
    /// Counted a day at a time: a month of a large office is tens of thousands of cases
    /// with their slips, records and callbacks, and the dashboard asks for it every ten
    /// minutes; holding them all at once left the app process 100 MB larger for good.
    pub fn figures(&self, from: &str, to: &str) -> Result<Figures> {
        let day = |field: &'static str, s: &str| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| invalid(field, Problem::BadTime, s))
        };
        let (first, end) = (day("from", from)?, day("to", to)?);
        let mut tally = Tally::default();
        let mut d = first;
        while d < end {
            let next = d + chrono::Days::new(1);
            for r in self.summary_rows(&d.to_string(), &next.to_string())? {
                tally.add(&r);
            }
            d = next;
        }
        Ok(tally.figures(from, to))
    }

    /// The figures of `month` ("2026-11"), or of the office's current month when empty.
    pub fn month_figures(&self, month: &str) -> Result<Figures> {
        let month = match month.trim() {
            "" => self.today()[..7].to_string(),
            m => m.to_string(),
        };
        let (from, to) = crate::validate::month_range("month", &month)?;
        self.figures(&from.to_string(), &to.to_string())
    }

    /// The dashboard tiles. `within_minutes`: working minutes ahead counted as due soon.
    pub fn desk_counts(&self, within_minutes: i64) -> Result<DeskCounts> {
        let due = self.due_counts(within_minutes)?;
        let today = self.today();
        let (today_new, awaiting, called_back, open_major) = self.conn.prepare_cached_query_row(
            &format!("SELECT (SELECT count(*) FROM cases WHERE received_at >= ?1 AND status <> 'voided'),
                    (SELECT count(*) FROM cases WHERE status = 'awaiting_callback'),
                    (SELECT count(*) FROM cases WHERE status = 'awaiting_callback' AND callback_confirmed = 1),
                    (SELECT count(*) FROM cases WHERE level = 'major' AND {})", crate::model::Status::open_sql("status")),
            params![today],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get(3)?)),
        )?;
        let awaiting_signature = self.conn.prepare_cached_query_row(
            "SELECT count(DISTINCT case_id) FROM slips WHERE status = 'issued'",
            [],
            |r| r.get(0),
        )?;
        Ok(DeskCounts {
            today,
            today_new,
            due_soon: due.due_soon,
            overdue: due.overdue,
            due_total: due.overdue + due.due_soon,
            awaiting_signature,
            awaiting_callback: awaiting - called_back,
            called_back,
            open_major,
            calendar_gap: self.calendar_gap()?,
        })
    }
}

/// Each case's deadlines and callbacks as the summary reports them.
fn judge(
    cases: &[Case],
    facts: &FactsByCase,
    reclassified: &HashSet<i64>,
    ctx: &crate::calendar_store::Ctx,
    now: chrono::NaiveDateTime,
) -> Result<Vec<SummaryRow>> {
    let none = Vec::new();
    cases
        .iter()
        .map(|case| {
            let callbacks = facts.callbacks.get(&case.id).unwrap_or(&none);
            let deadlines = compute(
                case,
                &Facts {
                    records: facts.records.get(&case.id).map_or(&[], Vec::as_slice),
                    slips: facts.slips.get(&case.id).map_or(&[], Vec::as_slice),
                    callbacks,
                    report_submitted_at: facts.reports.get(&case.id).map(String::as_str),
                },
                &ctx.calendar,
                &ctx.policy,
                now,
                None,
            )?;
            // Entered in time: the registration step met, with its span in force (15
            // minutes unless Settings → 期限 says otherwise), as the case screen shows it.
            let entered_in_time = deadlines
                .iter()
                .any(|d| d.step == "registration" && d.state == DeadlineState::OnTime);
            let states: Vec<DeadlineState> = deadlines.into_iter().map(|d| d.state).collect();
            let decided = states.iter().any(|s| *s != DeadlineState::Pending);
            let late = states
                .iter()
                .any(|s| matches!(s, DeadlineState::Late | DeadlineState::Overdue));
            let last = callbacks.last();
            Ok(SummaryRow {
                completed: case.finished_at.is_some(),
                on_time: decided.then_some(!late),
                callback: last.map(|c| c.outcome),
                satisfaction: last.and_then(|c| c.satisfaction),
                entered_in_time,
                callbacks: callbacks.clone(),
                reclassified: reclassified.contains(&case.id),
                case: case.clone(),
            })
        })
        .collect()
}

/// The rates of docs/month-end.md over these rows; the one definition the dashboard, the
/// workbooks and the consolidation share.
pub fn figures_of(from: &str, to: &str, rows: &[SummaryRow]) -> Figures {
    let mut tally = Tally::default();
    rows.iter().for_each(|r| tally.add(r));
    tally.figures(from, to)
}

/// The counts behind the rates, added up row by row, so a long range can be counted a
/// day at a time without holding all its rows.
#[derive(Default)]
struct Tally {
    total: i64,
    complaints: i64,
    closed: i64,
    /// Cases whose deadlines are decided (met or missed), and of them the late ones.
    decided: i64,
    late: i64,
    in_time: i64,
    /// Completed cases, and of them those whose every callback was exempt.
    finished: i64,
    exempt_only: i64,
    called: i64,
    reached: i64,
    satisfied: i64,
    /// Cases given a category, and of them those whose category or validity was
    /// changed afterwards.
    classified: i64,
    reclassified: i64,
    /// Called-back cases whose latest reached callback was satisfied.
    resolved_satisfied: i64,
}

impl Tally {
    fn add(&mut self, r: &SummaryRow) {
        self.total += 1;
        if r.case.kind == Kind::Complaint {
            self.complaints += 1;
        }
        if r.case.status == Status::Closed {
            self.closed += 1;
        }
        match r.on_time {
            Some(true) => self.decided += 1,
            Some(false) => {
                self.decided += 1;
                self.late += 1;
            }
            None => {}
        }
        if r.entered_in_time {
            self.in_time += 1;
        }
        if r.case.category_code.is_some() {
            self.classified += 1;
            if r.reclassified {
                self.reclassified += 1;
            }
        }
        if !r.completed {
            return;
        }
        self.finished += 1;
        let reached_here: Vec<_> = r
            .callbacks
            .iter()
            .filter(|c| c.outcome == CallbackOutcome::Reached)
            .collect();
        if reached_here.is_empty() {
            if !r.callbacks.is_empty() {
                self.exempt_only += 1;
            }
            return;
        }
        self.called += 1;
        self.reached += reached_here.len() as i64;
        let satisfied = |c: &Callback| c.satisfaction.is_some_and(|s| s.is_satisfied());
        self.satisfied += reached_here.iter().filter(|c| satisfied(c)).count() as i64;
        // A case reopened on a dissatisfied callback and settled at the second follow-up
        // counts as resolved to the customer's satisfaction; the satisfaction rate
        // above still counts its first, dissatisfied answer.
        if reached_here.last().is_some_and(|c| satisfied(c)) {
            self.resolved_satisfied += 1;
        }
    }

    fn figures(&self, from: &str, to: &str) -> Figures {
        Figures {
            from: from.into(),
            to: to.into(),
            total: self.total,
            complaints: self.complaints,
            requests: self.total - self.complaints,
            closed: self.closed,
            rates: vec![
                Rate::of("entered_in_time", self.in_time, self.total),
                Rate::of("on_time", self.decided - self.late, self.decided),
                Rate::of("overdue", self.late, self.decided),
                Rate::of("closed", self.closed, self.total),
                Rate::of(
                    "classified",
                    self.classified - self.reclassified,
                    self.classified,
                ),
                Rate::of("callback", self.called, self.finished - self.exempt_only),
                Rate::of("satisfaction", self.satisfied, self.reached),
                Rate::of("resolved_satisfied", self.resolved_satisfied, self.called),
            ],
        }
    }
}

/// The cases received in [from, to) whose category or validity was changed after they
/// had one. Giving a case its first category or validity is completing it, not
/// correcting it; the history keeps both, told apart by the change's old value.
fn reclassified_between(conn: &rusqlite::Connection, from: &str, to: &str) -> Result<HashSet<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT rc.id FROM cases rc
           JOIN history h ON h.case_id = rc.id AND h.entity = 'case'
           JOIN json_each(h.changes) j
         WHERE rc.received_at >= ?1 AND rc.received_at < ?2
           AND json_extract(j.value, '$.field') IN ('category', 'validity')
           AND json_extract(j.value, '$.old') IS NOT NULL",
    )?;
    let ids = st
        .query_map(params![from, to], |r| r.get(0))?
        .collect::<rusqlite::Result<HashSet<i64>>>()?;
    Ok(ids)
}
