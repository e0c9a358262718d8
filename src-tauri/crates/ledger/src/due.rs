//! Deadlines in use: the stored next deadline of each case, automatic escalation, and
//! the due / overdue / on-time queries behind the dashboard and the month-end rates.

use crate::db::CachedQuery;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use desk_calendar::Lang;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::calendar_store::ctx;
use crate::cases::{case_row, case_select, load, rule_reason, set_level_tx};
use crate::deadlines::{self, compute, Deadline, DeadlineState, Facts};
use crate::error::Result;
use crate::ledger::{Actor, Ledger};
use crate::model::{Case, Level, Role, Status};
use crate::rules::LevelRule;
use crate::validate::{fmt_minute, parse_minute as parse};
use crate::workflow::{callbacks_of, records_of, slips_of};

thread_local! {
    static DIRTY: RefCell<BTreeSet<i64>> = const { RefCell::new(BTreeSet::new()) };
}

pub(crate) fn mark_dirty(id: i64) {
    DIRTY.with(|d| d.borrow_mut().insert(id));
}

/// Marks every open case: their stored next deadlines depend on the calendar and policy.
pub(crate) fn mark_open_dirty(conn: &Connection) -> Result<()> {
    let mut st = conn.prepare_cached(&format!(
        "SELECT id FROM cases WHERE {}",
        Status::open_sql("status")
    ))?;
    let ids = st
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    DIRTY.with(|d| d.borrow_mut().extend(ids));
    Ok(())
}

pub(crate) fn take_dirty() -> BTreeSet<i64> {
    DIRTY.with(|d| std::mem::take(&mut *d.borrow_mut()))
}

fn report_submitted(conn: &Connection, case_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT submitted_at FROM major_reports WHERE case_id = ?1",
            [case_id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// All deadlines of one case as of `now`.
pub(crate) fn deadlines_of(
    conn: &Connection,
    case: &Case,
    now: NaiveDateTime,
    lang: Option<Lang>,
) -> Result<Vec<Deadline>> {
    let c = ctx(conn)?;
    let records = records_of(conn, case.id)?;
    let slips = slips_of(conn, case.id)?;
    let callbacks = callbacks_of(conn, case.id)?;
    let report = report_submitted(conn, case.id)?;
    let facts = Facts {
        records: &records,
        slips: &slips,
        callbacks: &callbacks,
        report_submitted_at: report.as_deref(),
    };
    compute(case, &facts, &c.calendar, &c.policy, now, lang)
}

/// Stores the case's earliest open deadline; none while paused (its clock stands still).
pub(crate) fn refresh(conn: &Connection, id: i64) -> Result<()> {
    let case = crate::cases::load_by_id(conn, id)?;
    let (due, step) = if case.status.is_open() && case.status != Status::Paused {
        // `now` only matters for open pauses, which a non-paused case does not have.
        let now = parse(&case.received_at).unwrap_or_default();
        let all = deadlines_of(conn, &case, now, None)?;
        match all.into_iter().find(|d| d.met_at.is_none()) {
            Some(d) => (Some(d.due), Some(d.step)),
            None => (None, None),
        }
    } else {
        (None, None)
    };
    conn.execute(
        "UPDATE cases SET next_due = ?2, next_step = ?3 WHERE id = ?1",
        params![id, due, step],
    )?;
    Ok(())
}

/// The next deadline of a case just registered: nothing has happened to it yet, so
/// there are no records, slips or callbacks to load (registration is the hot path).
pub(crate) fn store_first_due(conn: &Connection, case: &Case) -> Result<()> {
    let c = ctx(conn)?;
    let facts = Facts {
        records: &[],
        slips: &[],
        callbacks: &[],
        report_submitted_at: None,
    };
    let now = parse(&case.received_at).unwrap_or_default();
    let next = compute(case, &facts, &c.calendar, &c.policy, now, None)?
        .into_iter()
        .find(|d| d.met_at.is_none());
    conn.prepare_cached("UPDATE cases SET next_due = ?2, next_step = ?3 WHERE id = ?1")?
        .execute(params![
            case.id,
            next.as_ref().map(|d| &d.due),
            next.as_ref().map(|d| &d.step)
        ])?;
    Ok(())
}

/// Working minutes ahead that count as "due soon" on the dashboard: half a working day
/// (the CLI's `due` defaults to the same 4h).
pub const DUE_SOON_MINUTES: i64 = 240;

/// The dashboard lists the most urgent of what is due; its tiles count them all and open
/// the whole list in the ledger. (A backlog of thousands drawn in a small card helps
/// nobody and weighs on the window.)
pub const DASHBOARD_DUE_ITEMS: usize = 50;

/// The most a due list returns (the CLI's `due`).
pub const DUE_LIST_MAX: usize = 1000;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueItem {
    pub number: String,
    pub status: Status,
    pub level: Option<Level>,
    pub department: Option<String>,
    pub received_by: String,
    pub step: String,
    pub label: String,
    pub due: String,
    pub overdue: bool,
    pub explanation: String,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueCounts {
    pub overdue: i64,
    pub due_soon: i64,
}

/// On time / late counts for one step in one group (department or staff member).
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StepStats {
    pub on_time: i64,
    pub late: i64,
    pub overdue: i64,
    pub pending: i64,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timeliness {
    pub by_step: BTreeMap<String, StepStats>,
    pub by_department: BTreeMap<String, StepStats>,
    pub by_staff: BTreeMap<String, StepStats>,
}

impl Ledger {
    /// Every deadline of a case, explained in `lang`.
    pub fn deadlines(&self, number: &str, lang: Lang) -> Result<Vec<Deadline>> {
        let case = load(&self.conn, number)?;
        deadlines_of(&self.conn, &case, self.now(), Some(lang))
    }

    /// The moment `within_minutes` working minutes from now.
    fn horizon(&self, within_minutes: i64) -> Result<String> {
        let c = ctx(&self.conn)?;
        let t = c
            .calendar
            .add_working_minutes(self.now(), within_minutes, &[])?;
        Ok(fmt_minute(t))
    }

    /// Dashboard counts: overdue now, and falling due within the next working minutes.
    /// Served from the indexed `next_due` column.
    pub fn due_counts(&self, within_minutes: i64) -> Result<DueCounts> {
        let now = fmt_minute(self.now());
        let horizon = self.horizon(within_minutes)?;
        let (overdue, due_soon) = self.conn.prepare_cached_query_row(
            "SELECT count(*) FILTER (WHERE next_due < ?1), count(*) FILTER (WHERE next_due >= ?1 AND next_due <= ?2)
             FROM cases WHERE next_due IS NOT NULL AND next_due <= ?2",
            params![now, horizon],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(DueCounts { overdue, due_soon })
    }

    /// Cases whose next deadline is overdue (if `overdue_only`) or falls within the horizon,
    /// soonest first, optionally for one department or staff member.
    pub fn due_list(
        &self,
        within_minutes: i64,
        overdue_only: bool,
        department: Option<&str>,
        staff: Option<&str>,
        lang: Lang,
        most: usize,
    ) -> Result<Vec<DueItem>> {
        let now = self.now();
        let now_s = fmt_minute(now);
        let limit = if overdue_only {
            now_s.clone()
        } else {
            self.horizon(within_minutes)?
        };
        let mut st = self.conn.prepare_cached(&format!(
            "{} WHERE c.next_due IS NOT NULL AND c.next_due <= ?1 AND (?2 IS NULL OR d.code = ?2 OR d.name = ?2)
             AND (?3 IS NULL OR s.code = ?3 OR s.name = ?3) ORDER BY c.next_due LIMIT ?4",
            case_select()
        ))?;
        let cases = st
            .query_map(
                params![limit, department, staff, most.min(DUE_LIST_MAX) as i64],
                case_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::new();
        for case in cases {
            let ds = deadlines_of(&self.conn, &case, now, Some(lang))?;
            let Some(d) = ds.into_iter().find(|d| d.met_at.is_none()) else {
                continue;
            };
            out.push(DueItem {
                number: case.number.clone(),
                status: case.status,
                level: case.level,
                department: case.department_name.clone(),
                received_by: case.received_by.clone(),
                overdue: d.due < now_s,
                step: d.step,
                label: d.label,
                due: d.due,
                explanation: d.explanation,
            });
        }
        Ok(out)
    }

    /// On time / late per step, department and staff member over cases received in
    /// [from, to) (dates 'YYYY-MM-DD').
    pub fn timeliness(&self, from: &str, to: &str) -> Result<Timeliness> {
        let now = self.now();
        let mut st = self.conn.prepare_cached(&format!(
            "{} WHERE c.received_at >= ?1 AND c.received_at < ?2 AND c.status <> 'voided'",
            case_select()
        ))?;
        let cases = st
            .query_map(params![from, to], case_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut t = Timeliness {
            by_step: BTreeMap::new(),
            by_department: BTreeMap::new(),
            by_staff: BTreeMap::new(),
        };
        for case in cases {
            for d in deadlines_of(&self.conn, &case, now, None)? {
                let step = d.step.split(':').next().unwrap_or("").to_string();
                let dept = case.department_name.clone().unwrap_or_else(|| "-".into());
                for s in [
                    t.by_step.entry(step).or_default(),
                    t.by_department.entry(dept).or_default(),
                    t.by_staff.entry(case.received_by.clone()).or_default(),
                ] {
                    match d.state {
                        DeadlineState::OnTime => s.on_time += 1,
                        DeadlineState::Late => s.late += 1,
                        DeadlineState::Overdue => s.overdue += 1,
                        DeadlineState::Pending => s.pending += 1,
                    }
                }
            }
        }
        Ok(t)
    }

    /// Escalates general complaints that passed their resolution deadline with no final
    /// solution to major, once each, with the reason in history. Returns their numbers.
    /// Safe to run any number of times: a second run finds nothing to do.
    pub fn escalate(&mut self) -> Result<Vec<String>> {
        let now = self.now();
        let at = self.now_text();
        let c = ctx(&self.conn)?;
        let latest_start =
            fmt_minute(now - chrono::Duration::minutes(c.policy.min_resolve_minutes()));
        self.write(|tx| {
            let mut st = tx.prepare_cached(&format!(
                "{} WHERE c.kind = 'complaint' AND c.level = 'general' AND c.escalated_at IS NULL
                 AND {} AND c.received_at <= ?1",
                case_select(),
                Status::open_sql("c.status")
            ))?;
            let candidates = st
                .query_map([&latest_start], case_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let system = Actor {
                id: 0,
                name: "system".into(),
                role: Role::Supervisor,
            };
            let mut escalated = Vec::new();
            for case in candidates {
                let ds = deadlines_of(tx, &case, now, Some(Lang::ZhCn))?;
                let step = deadlines::resolve_step(&case);
                let Some(d) = ds.iter().find(|d| d.step == step) else {
                    continue;
                };
                if d.met_at.is_some() || parse(&d.due).is_none_or(|due| now <= due) {
                    continue;
                }
                let why = format!(
                    "{}（{} {}）",
                    LevelRule::Overdue.label(Lang::ZhCn),
                    d.label,
                    d.due
                );
                set_level_tx(
                    tx,
                    &system,
                    &case,
                    Level::Major,
                    &rule_reason(&[LevelRule::Overdue]),
                    &why,
                    &at,
                )?;
                tx.execute(
                    "UPDATE cases SET escalated_at = ?2 WHERE id = ?1",
                    params![case.id, at],
                )?;
                escalated.push(case.number);
            }
            Ok(escalated)
        })
    }
}
