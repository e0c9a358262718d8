//! The life of a case (docs/life-of-a-case.md): transfer slips, signatures, processing records,
//! pauses, finishing, callbacks, closing and voiding.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::cases::{department_id, load, load_by_id, touch};
use crate::error::{invalid, LedgerError, Problem, Result};
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Actor, Ledger};
use crate::model::{
    Callback, CallbackMethod, CallbackOutcome, Case, Record, RecordKind, Satisfaction, Slip,
    SlipStatus, Status,
};
use crate::rules::{next_slip_status, next_status, Action, Refusal, SlipStep};
use crate::texts::Text;
use crate::validate::{fmt_minute, required_text, text, time};
use crate::why::Why;
use crate::{deadlines, numbering};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct TransferInput {
    pub to_department: String,
    pub to_person: String,
    pub from_department: Option<String>,
    pub summary: String,
    pub requirement: String,
    pub transferred_at: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct CallbackInput {
    pub at: Option<String>,
    pub method: String,
    pub person_reached: String,
    pub relation: String,
    pub outcome: String,
    pub satisfaction: Option<String>,
    pub comments: String,
}

fn at_or_now(field: &'static str, given: Option<&str>, now: NaiveDateTime) -> Result<String> {
    match given.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Ok(fmt_minute(time(field, s)?)),
        None => Ok(fmt_minute(now)),
    }
}

/// Applies a status-machine action to a case and writes the status change to history.
fn step(
    tx: &Transaction,
    who: &Actor,
    case: &Case,
    action: Action,
    at: &str,
    reason: &str,
    mut ch: Changes,
) -> Result<Status> {
    let next =
        next_status(case.kind, case.status, case.paused_from, action).map_err(|r| match r {
            Refusal::State => LedgerError::Transition {
                action: action.word(),
                number: case.number.clone(),
                status: case.status,
            },
            Refusal::NeedsCallback => invalid(
                "callback",
                Problem::NotAllowed {
                    why: Why::NeedsCallback,
                },
                case.number.clone(),
            ),
        })?;
    // A paused case remembers where it returns to, also across notes recorded meanwhile.
    let paused_from = match (next, action) {
        (Status::Paused, Action::Pause) => Some(case.status),
        (Status::Paused, _) => case.paused_from,
        _ => None,
    };
    tx.execute(
        "UPDATE cases SET status = ?2, paused_from = ?3 WHERE id = ?1",
        params![case.id, next, paused_from],
    )?;
    match next {
        Status::Closed => tx.execute(
            "UPDATE cases SET closed_at = ?2 WHERE id = ?1",
            params![case.id, at],
        )?,
        Status::Voided => tx.execute(
            "UPDATE cases SET voided_at = ?2, void_reason = ?3 WHERE id = ?1",
            params![case.id, at, reason],
        )?,
        Status::Reopened => tx.execute(
            "UPDATE cases SET followups = followups + 1, finished_at = NULL WHERE id = ?1",
            [case.id],
        )?,
        _ => 0,
    };
    if !next.is_open() {
        crate::drafts::forget_case(tx, &case.number)?;
    }
    touch(tx, case.id, at)?;
    ch.diff(
        "status",
        Some(case.status.as_str().into()),
        Some(next.as_str().into()),
    );
    history::write(
        tx,
        Entry {
            at,
            actor_id: Some(who.id),
            entity: "case",
            entity_id: case.id,
            case_id: Some(case.id),
            action: action.word(),
            reason,
        },
        &ch,
    )?;
    Ok(next)
}

fn add_record(
    tx: &Transaction,
    who: &Actor,
    case_id: i64,
    at: &str,
    kind: RecordKind,
    action: &str,
    result: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO records (case_id, at, recorded_by, kind, action, result) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![case_id, at, who.id, kind, action, result],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The columns of a slip its state changes need: id, case, status, transferred at.
fn slip_by_number(tx: &Connection, number: &str) -> Result<(i64, i64, SlipStatus, String)> {
    tx.query_row(
        "SELECT id, case_id, status, transferred_at FROM slips WHERE number = ?1",
        [number.trim()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?
    .ok_or_else(|| LedgerError::NotFound {
        what: "slip",
        key: number.trim().to_string(),
    })
}

impl Ledger {
    /// Issues a transfer slip to a department or outside party; the case awaits signature.
    pub fn transfer(&mut self, by: &str, number: &str, t: &TransferInput) -> Result<Slip> {
        let summary = required_text(Text::Summary, &t.summary)?;
        let requirement = text(Text::Requirement, &t.requirement)?;
        let to_person = text(Text::ToPerson, &t.to_person)?;
        if t.to_department.trim().is_empty() {
            return Err(invalid("to_department", Problem::Required, ""));
        }
        let now = self.now_text();
        let at = at_or_now("transferred_at", t.transferred_at.as_deref(), self.now())?;
        let month = self.now().format("%Y%m").to_string();
        let ctx = self.calendar()?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let to = department_id(tx, "to_department", &t.to_department)?;
            let from = match t.from_department.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(d) => Some(department_id(tx, "from_department", d)?),
                None => tx.query_row("SELECT id FROM departments WHERE code = 'desk'", [], |r| r.get(0)).optional()?,
            };
            let mut ch = Changes::new();
            step(tx, &who, &case, Action::Transfer, &now, "", Changes::new())?;
            let prefix: String = tx.query_row("SELECT value FROM settings WHERE key = 'prefix_slip'", [], |r| r.get(0))?;
            let slip_no = numbering::next(tx, &prefix, &month)?;
            let external: bool = tx.query_row("SELECT external FROM departments WHERE id = ?1", [to], |r| r.get(0))?;
            let due = deadlines::slip_reply_due(&ctx.calendar, &ctx.policy, &at, external)?;
            tx.execute(
                "INSERT INTO slips (number, case_id, from_department_id, from_person, to_department_id, to_person,
                    transferred_at, summary, requirement, reply_due, status, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'issued', ?11)",
                params![slip_no, case.id, from, who.name, to, to_person, at, summary, requirement, due, who.id],
            )?;
            let slip_id = tx.last_insert_rowid();
            // The receiving department becomes the responsible one if none was set.
            if case.department.is_none() {
                tx.execute("UPDATE cases SET department_id = ?2 WHERE id = ?1", params![case.id, to])?;
            }
            ch.set("slip", &slip_no).set("to_department", t.to_department.trim()).set("summary", &summary);
            if let Some(d) = &due {
                ch.set("reply_due", d);
            }
            history::write(tx, Entry { at: &now, actor_id: Some(who.id), entity: "slip", entity_id: slip_id, case_id: Some(case.id), action: "issue", reason: "" }, &ch)?;
            slip_by_id(tx, slip_id)
        })
    }

    /// Records the receiver's signature on a slip (簽認).
    pub fn sign(
        &mut self,
        by: &str,
        slip_number: &str,
        signed_by: &str,
        signed_at: Option<&str>,
    ) -> Result<Slip> {
        let signer = required_text(Text::SignedBy, signed_by)?;
        let now = self.now_text();
        let at = at_or_now("signed_at", signed_at, self.now())?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let (slip_id, case_id, status, issued_at) = slip_by_number(tx, slip_number)?;
            let case = load_by_id(tx, case_id)?;
            let next = next_slip_status(status, SlipStep::Sign)
                .map_err(|why| invalid("slip", Problem::NotAllowed { why }, slip_number.trim()))?;
            if at < issued_at {
                return Err(invalid("signed_at", Problem::NotAllowed { why: Why::BeforeSlipIssued }, at));
            }
            tx.execute("UPDATE slips SET status = ?4, signed_by = ?2, signed_at = ?3, revision = revision + 1 WHERE id = ?1", params![slip_id, signer, at, next])?;
            let unsigned: i64 = tx.query_row("SELECT count(*) FROM slips WHERE case_id = ?1 AND status = 'issued'", [case_id], |r| r.get(0))?;
            let mut ch = Changes::new();
            ch.set("signed_by", &signer).set("signed_at", &at);
            history::write(tx, Entry { at: &now, actor_id: Some(who.id), entity: "slip", entity_id: slip_id, case_id: Some(case_id), action: "sign", reason: "" }, &ch)?;
            if case.status == Status::Transferred {
                step(tx, &who, &case, Action::Sign { unsigned_left: unsigned as usize }, &now, "", Changes::new())?;
            } else {
                touch(tx, case_id, &now)?;
            }
            slip_by_id(tx, slip_id)
        })
    }

    /// The receiver's report of the result (处理结果回馈) on a signed slip.
    pub fn slip_feedback(
        &mut self,
        by: &str,
        slip_number: &str,
        feedback: &str,
        at: Option<&str>,
    ) -> Result<Slip> {
        let feedback = required_text(Text::Feedback, feedback)?;
        let now = self.now_text();
        let at = at_or_now("feedback_at", at, self.now())?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let (slip_id, case_id, status, _) = slip_by_number(tx, slip_number)?;
            let next = next_slip_status(status, SlipStep::Feedback)
                .map_err(|why| invalid("slip", Problem::NotAllowed { why }, slip_number.trim()))?;
            tx.execute("UPDATE slips SET status = ?4, feedback = ?2, feedback_at = ?3, revision = revision + 1 WHERE id = ?1", params![slip_id, feedback, at, next])?;
            touch(tx, case_id, &now)?;
            let mut ch = Changes::new();
            ch.set("feedback", &feedback).set("feedback_at", &at);
            history::write(tx, Entry { at: &now, actor_id: Some(who.id), entity: "slip", entity_id: slip_id, case_id: Some(case_id), action: "feedback", reason: "" }, &ch)?;
            slip_by_id(tx, slip_id)
        })
    }

    /// A processing record (what was done, result). Starts handling of a registered or
    /// reopened case.
    pub fn record(
        &mut self,
        by: &str,
        number: &str,
        action: &str,
        result: &str,
        at: Option<&str>,
    ) -> Result<Record> {
        let action_text = required_text(Text::Action, action)?;
        let result = text(Text::Result, result)?;
        let now = self.now_text();
        let at = at_or_now("at", at, self.now())?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let mut ch = Changes::new();
            ch.set("action", &action_text);
            if !result.is_empty() {
                ch.set("result", &result);
            }
            step(tx, &who, &case, Action::Record, &now, "", ch)?;
            let id = add_record(
                tx,
                &who,
                case.id,
                &at,
                RecordKind::Progress,
                &action_text,
                &result,
            )?;
            record_by_id(tx, id)
        })
    }

    /// Pauses a case in progress; its working-hour clock stops until it is resumed.
    pub fn pause(&mut self, by: &str, number: &str, reason: &str) -> Result<Case> {
        let reason = required_text(Text::Reason, reason)?;
        let now = self.now_text();
        let minute = self.now_minute();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            step(
                tx,
                &who,
                &case,
                Action::Pause,
                &now,
                &reason,
                Changes::new(),
            )?;
            add_record(tx, &who, case.id, &minute, RecordKind::Pause, &reason, "")?;
            load(tx, number)
        })
    }

    pub fn resume(&mut self, by: &str, number: &str, note: &str) -> Result<Case> {
        let note = text(Text::Reason, note)?;
        let now = self.now_text();
        let minute = self.now_minute();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            step(tx, &who, &case, Action::Resume, &now, &note, Changes::new())?;
            add_record(tx, &who, case.id, &minute, RecordKind::Resume, &note, "")?;
            load(tx, number)
        })
    }

    /// Handling finished with a result; the case now awaits the customer's callback.
    pub fn finish(&mut self, by: &str, number: &str, result: &str) -> Result<Case> {
        let result = required_text(Text::Result, result)?;
        let now = self.now_text();
        let minute = self.now_minute();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let mut ch = Changes::new();
            ch.diff("result", Some(case.result.clone()), Some(result.clone()));
            step(tx, &who, &case, Action::Finish, &now, "", ch)?;
            tx.execute(
                "UPDATE cases SET result = ?2, finished_at = ?3 WHERE id = ?1",
                params![case.id, result, &minute],
            )?;
            add_record(tx, &who, case.id, &minute, RecordKind::Finish, &result, "")?;
            load(tx, number)
        })
    }

    /// Records a callback. A dissatisfied one reopens the case for a second follow-up.
    pub fn callback(
        &mut self,
        by: &str,
        number: &str,
        c: &CallbackInput,
    ) -> Result<(Callback, Case)> {
        let method = CallbackMethod::parse_for(
            "method",
            if c.method.trim().is_empty() {
                "phone"
            } else {
                &c.method
            },
        )?;
        let outcome = CallbackOutcome::parse_for(
            "outcome",
            if c.outcome.trim().is_empty() {
                "reached"
            } else {
                &c.outcome
            },
        )?;
        let satisfaction = match c
            .satisfaction
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => Some(Satisfaction::parse_for("satisfaction", s)?),
            None => None,
        };
        if outcome == CallbackOutcome::Reached && satisfaction.is_none() {
            return Err(invalid("satisfaction", Problem::Required, ""));
        }
        if outcome != CallbackOutcome::Reached && satisfaction.is_some() {
            return Err(invalid(
                "satisfaction",
                Problem::NotAllowed {
                    why: Why::SatisfactionOnlyWhenReached,
                },
                "",
            ));
        }
        let person = text(Text::PersonReached, &c.person_reached)?;
        let relation = text(Text::RelationReached, &c.relation)?;
        let comments = text(Text::Comments, &c.comments)?;
        let now = self.now_text();
        let minute = self.now_minute();
        let at = at_or_now("callback_at", c.at.as_deref(), self.now())?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let dissatisfied = satisfaction.is_some_and(Satisfaction::is_dissatisfied);
            let mut ch = Changes::new();
            ch.set("method", method.as_str()).set("outcome", outcome.as_str());
            if let Some(s) = satisfaction {
                ch.set("satisfaction", s.as_str());
            }
            if !comments.is_empty() {
                ch.set("comments", &comments);
            }
            step(tx, &who, &case, Action::Callback { dissatisfied }, &now, "", ch)?;
            tx.execute(
                "INSERT INTO callbacks (case_id, at, method, by_staff, person_reached, relation, outcome, satisfaction, comments)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![case.id, at, method, who.id, person, relation, outcome, satisfaction, comments],
            )?;
            let id = tx.last_insert_rowid();
            if dissatisfied {
                add_record(tx, &who, case.id, &minute, RecordKind::Reopen, "回访不满意，二次跟进", &comments)?;
            }
            Ok((callback_by_id(tx, id)?, load(tx, number)?))
        })
    }

    pub fn close(&mut self, by: &str, number: &str, note: &str) -> Result<Case> {
        let note = text(Text::Reason, note)?;
        let now = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let confirmed = callbacks_of(tx, case.id)?
                .last()
                .is_some_and(Callback::confirms);
            step(
                tx,
                &who,
                &case,
                Action::Close { confirmed },
                &now,
                &note,
                Changes::new(),
            )?;
            load(tx, number)
        })
    }

    /// Voids a case registered in error (a supervisor). It keeps its number; the reason
    /// is required.
    pub fn void(&mut self, by: &str, number: &str, reason: &str) -> Result<Case> {
        let reason = required_text(Text::Reason, reason)?;
        let now = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            // A case registered in error disappears from the figures: the office head decides.
            who.require_for(crate::rights::Act::Void)?;
            let case = load(tx, number)?;
            step(tx, &who, &case, Action::Void, &now, &reason, Changes::new())?;
            load(tx, number)
        })
    }

    pub fn slip(&self, number: &str) -> Result<Slip> {
        let (id, ..) = slip_by_number(&self.conn, number)?;
        slip_by_id(&self.conn, id)
    }
}

const SLIP_SELECT: &str = "SELECT s.id, s.number, c.number, fd.name, s.from_person, td.code, td.name, s.to_person,
    s.transferred_at, s.summary, s.requirement, s.reply_due, s.status, s.signed_by, s.signed_at, s.feedback,
    s.feedback_at, s.revision, td.external
    FROM slips s JOIN cases c ON c.id = s.case_id JOIN departments td ON td.id = s.to_department_id
    LEFT JOIN departments fd ON fd.id = s.from_department_id";

fn slip_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Slip> {
    Ok(Slip {
        id: r.get(0)?,
        number: r.get(1)?,
        case_number: r.get(2)?,
        from_department: r.get(3)?,
        from_person: r.get(4)?,
        to_department: r.get(5)?,
        to_department_name: r.get(6)?,
        to_person: r.get(7)?,
        transferred_at: r.get(8)?,
        summary: r.get(9)?,
        requirement: r.get(10)?,
        reply_due: r.get(11)?,
        status: r.get(12)?,
        signed_by: r.get(13)?,
        signed_at: r.get(14)?,
        feedback: r.get(15)?,
        feedback_at: r.get(16)?,
        revision: r.get(17)?,
        to_external: r.get(18)?,
    })
}

fn slip_by_id(conn: &Connection, id: i64) -> Result<Slip> {
    Ok(conn.query_row(&format!("{SLIP_SELECT} WHERE s.id = ?1"), [id], slip_row)?)
}

pub(crate) fn slips_of(conn: &Connection, case_id: i64) -> Result<Vec<Slip>> {
    let mut st =
        conn.prepare_cached(&format!("{SLIP_SELECT} WHERE s.case_id = ?1 ORDER BY s.id"))?;
    let rows = st
        .query_map([case_id], slip_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Slips issued on one day, for the day's batch print.
pub fn slips_on(conn: &Connection, date: &str) -> Result<Vec<Slip>> {
    let mut st = conn.prepare_cached(&format!("{SLIP_SELECT} WHERE s.transferred_at >= ?1 AND s.transferred_at < ?1 || 'z' ORDER BY s.number"))?;
    let rows = st
        .query_map([date], slip_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn record_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        id: r.get(0)?,
        at: r.get(1)?,
        recorded_by: r.get(2)?,
        kind: r.get(3)?,
        action: r.get(4)?,
        result: r.get(5)?,
    })
}

const RECORD_SELECT: &str = "SELECT r.id, r.at, s.name, r.kind, r.action, r.result FROM records r JOIN staff s ON s.id = r.recorded_by";

fn record_by_id(conn: &Connection, id: i64) -> Result<Record> {
    Ok(conn.query_row(
        &format!("{RECORD_SELECT} WHERE r.id = ?1"),
        [id],
        record_row,
    )?)
}

pub(crate) fn records_of(conn: &Connection, case_id: i64) -> Result<Vec<Record>> {
    let mut st = conn.prepare_cached(&format!(
        "{RECORD_SELECT} WHERE r.case_id = ?1 ORDER BY r.id"
    ))?;
    let rows = st
        .query_map([case_id], record_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn callback_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Callback> {
    Ok(Callback {
        id: r.get(0)?,
        at: r.get(1)?,
        method: r.get(2)?,
        by_staff: r.get(3)?,
        person_reached: r.get(4)?,
        relation: r.get(5)?,
        outcome: r.get(6)?,
        satisfaction: r.get(7)?,
        comments: r.get(8)?,
    })
}

const CALLBACK_SELECT: &str = "SELECT b.id, b.at, b.method, s.name, b.person_reached, b.relation, b.outcome, b.satisfaction, b.comments
    FROM callbacks b JOIN staff s ON s.id = b.by_staff";

fn callback_by_id(conn: &Connection, id: i64) -> Result<Callback> {
    Ok(conn.query_row(
        &format!("{CALLBACK_SELECT} WHERE b.id = ?1"),
        [id],
        callback_row,
    )?)
}

pub(crate) fn callbacks_of(conn: &Connection, case_id: i64) -> Result<Vec<Callback>> {
    let mut st = conn.prepare_cached(&format!(
        "{CALLBACK_SELECT} WHERE b.case_id = ?1 ORDER BY b.id"
    ))?;
    let rows = st
        .query_map([case_id], callback_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Everything deadlines depend on for all cases received in [from, to), loaded with one
/// query per table instead of several per case (month-end summaries read thousands).
#[derive(Default)]
pub(crate) struct FactsByCase {
    pub records: HashMap<i64, Vec<Record>>,
    pub slips: HashMap<i64, Vec<Slip>>,
    pub callbacks: HashMap<i64, Vec<Callback>>,
    pub reports: HashMap<i64, String>,
}

pub(crate) fn facts_received_between(
    conn: &Connection,
    from: &str,
    to: &str,
) -> Result<FactsByCase> {
    fn load<T>(
        conn: &Connection,
        select: &str,
        alias: &str,
        columns: usize,
        from: &str,
        to: &str,
        row: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<HashMap<i64, Vec<T>>> {
        let sql = format!(
            "{} JOIN cases rc ON rc.id = {alias}.case_id WHERE rc.received_at >= ?1 AND rc.received_at < ?2 ORDER BY {alias}.id",
            select.replacen(" FROM ", &format!(", {alias}.case_id FROM "), 1)
        );
        let mut st = conn.prepare(&sql)?;
        let mut out: HashMap<i64, Vec<T>> = HashMap::new();
        let mut rows = st.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            out.entry(r.get(columns)?).or_default().push(row(r)?);
        }
        Ok(out)
    }
    let mut reports = HashMap::new();
    let mut st = conn.prepare(
        "SELECT m.case_id, m.submitted_at FROM major_reports m JOIN cases rc ON rc.id = m.case_id
         WHERE rc.received_at >= ?1 AND rc.received_at < ?2 AND m.submitted_at IS NOT NULL",
    )?;
    let mut rows = st.query(params![from, to])?;
    while let Some(r) = rows.next()? {
        reports.insert(r.get(0)?, r.get(1)?);
    }
    Ok(FactsByCase {
        records: load(conn, RECORD_SELECT, "r", 6, from, to, record_row)?,
        slips: load(conn, SLIP_SELECT, "s", 19, from, to, slip_row)?,
        callbacks: load(conn, CALLBACK_SELECT, "b", 9, from, to, callback_row)?,
        reports,
    })
}
