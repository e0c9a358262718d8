//! The major-complaint report (docs/levels-and-escalation.md): drafted and submitted by the desk within
//! one working day of the case becoming major, approved by a supervisor (管理者代表).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::cases::{load, touch};
use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Ledger};
use crate::texts::Text;
use crate::validate::text;
use crate::why::Why;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Submitted,
    Approved,
}

impl ReportStatus {
    fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Submitted => "submitted",
            ReportStatus::Approved => "approved",
        }
    }
    /// None for a word this program never writes: the reader reports it as damage.
    fn from_db(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(ReportStatus::Draft),
            "submitted" => Some(ReportStatus::Submitted),
            "approved" => Some(ReportStatus::Approved),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MajorReport {
    pub case_number: String,
    /// 产生原因
    pub cause: String,
    /// 处理过程及结果
    pub process: String,
    /// 经验教训
    pub lessons: String,
    /// 纠正预防措施
    pub measures: String,
    pub status: ReportStatus,
    pub submitted_at: Option<String>,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
    pub revision: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MajorReportInput {
    pub cause: String,
    pub process: String,
    pub lessons: String,
    pub measures: String,
    /// Submit to the quality department now (otherwise kept as a draft).
    pub submit: bool,
}

pub(crate) fn report_of(conn: &Connection, case_id: i64) -> Result<Option<MajorReport>> {
    Ok(conn
        .query_row(
            "SELECT c.number, m.cause, m.process, m.lessons, m.measures, m.status, m.submitted_at,
                    s.name, m.approved_at, m.revision
             FROM major_reports m JOIN cases c ON c.id = m.case_id
             LEFT JOIN staff s ON s.id = m.approved_by WHERE m.case_id = ?1",
            [case_id],
            |r| {
                Ok(MajorReport {
                    case_number: r.get(0)?,
                    cause: r.get(1)?,
                    process: r.get(2)?,
                    lessons: r.get(3)?,
                    measures: r.get(4)?,
                    status: {
                        let word: String = r.get(5)?;
                        ReportStatus::from_db(&word).ok_or_else(|| {
                            rusqlite::Error::FromSqlConversionFailure(
                                5,
                                rusqlite::types::Type::Text,
                                Box::new(crate::error::UnknownWord {
                                    what: "ReportStatus",
                                    word,
                                }),
                            )
                        })?
                    },
                    submitted_at: r.get(6)?,
                    approved_by: r.get(7)?,
                    approved_at: r.get(8)?,
                    revision: r.get(9)?,
                })
            },
        )
        .optional()?)
}

/// The report's history entry, on the case's timeline.
fn log(
    tx: &Connection,
    actor: i64,
    case_id: i64,
    now: &str,
    action: &str,
    ch: &Changes,
) -> Result<()> {
    let id: i64 = tx.query_row(
        "SELECT id FROM major_reports WHERE case_id = ?1",
        [case_id],
        |r| r.get(0),
    )?;
    history::write(
        tx,
        Entry {
            at: now,
            actor_id: Some(actor),
            entity: "major_report",
            entity_id: id,
            case_id: Some(case_id),
            action,
            reason: "",
        },
        ch,
    )
}

fn not_allowed(field: &'static str, why: Why) -> crate::error::LedgerError {
    invalid(field, Problem::NotAllowed { why }, "")
}

impl Ledger {
    pub fn major_report(&self, number: &str) -> Result<Option<MajorReport>> {
        let case = load(&self.conn, number)?;
        report_of(&self.conn, case.id)
    }

    /// Writes (or rewrites) the report of a major complaint. An approved report is
    /// final; a submitted one may still be corrected until it is approved.
    pub fn save_major_report(
        &mut self,
        by: &str,
        number: &str,
        input: &MajorReportInput,
    ) -> Result<MajorReport> {
        let cause = text(Text::Cause, &input.cause)?;
        let process = text(Text::Process, &input.process)?;
        let lessons = text(Text::Lessons, &input.lessons)?;
        let measures = text(Text::Measures, &input.measures)?;
        if input.submit {
            for (field, text) in [
                ("cause", &cause),
                ("process", &process),
                ("measures", &measures),
            ] {
                if text.is_empty() {
                    return Err(invalid(field, Problem::Required, ""));
                }
            }
        }
        let now = self.now_text();
        let minute = self.now_minute();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            if !case.owes_major_report() {
                return Err(not_allowed(
                    "level",
                    Why::OnlyMajorHasReport,
                ));
            }
            let old = report_of(tx, case.id)?;
            if old.as_ref().is_some_and(|r| r.status == ReportStatus::Approved) {
                return Err(not_allowed(
                    "status",
                    Why::ReportApproved,
                ));
            }
            let status = match (input.submit, &old) {
                (true, _) => ReportStatus::Submitted,
                (false, Some(r)) => r.status,
                (false, None) => ReportStatus::Draft,
            };
            let submitted_at = match &old {
                Some(MajorReport {
                    submitted_at: Some(at),
                    ..
                }) => Some(at.clone()),
                _ if input.submit => Some(minute.clone()),
                _ => None,
            };
            let mut ch = Changes::new();
            let was = |f: fn(&MajorReport) -> &String| old.as_ref().map(|r| f(r).clone());
            ch.diff("cause", was(|r| &r.cause), Some(cause.clone()))
                .diff("process", was(|r| &r.process), Some(process.clone()))
                .diff("lessons", was(|r| &r.lessons), Some(lessons.clone()))
                .diff("measures", was(|r| &r.measures), Some(measures.clone()))
                .diff(
                    "status",
                    old.as_ref().map(|r| r.status.as_str().to_string()),
                    Some(status.as_str().to_string()),
                );
            if ch.is_empty() {
                return Ok(old.expect("unchanged only when it exists"));
            }
            tx.execute(
                "INSERT INTO major_reports (case_id, cause, process, lessons, measures, status, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (case_id) DO UPDATE SET cause = excluded.cause, process = excluded.process,
                   lessons = excluded.lessons, measures = excluded.measures, status = excluded.status,
                   submitted_at = excluded.submitted_at, revision = revision + 1",
                params![case.id, cause, process, lessons, measures, status.as_str(), submitted_at],
            )?;
            log(tx, who.id, case.id, &now, if input.submit { "submit_report" } else { "draft_report" }, &ch)?;
            touch(tx, case.id, &now)?;
            Ok(report_of(tx, case.id)?.expect("just written"))
        })
    }

    /// The supervisor (管理者代表) approves a submitted report; it is final afterwards.
    pub fn approve_major_report(&mut self, by: &str, number: &str) -> Result<MajorReport> {
        let now = self.now_text();
        let minute = self.now_minute();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::ApproveReport)?;
            let case = load(tx, number)?;
            let Some(old) = report_of(tx, case.id)? else {
                return Err(not_allowed("status", Why::NoReportYet));
            };
            if old.status != ReportStatus::Submitted {
                return Err(not_allowed("status", Why::ReportNotSubmitted));
            }
            tx.execute(
                "UPDATE major_reports SET status = 'approved', approved_by = ?2, approved_at = ?3,
                   revision = revision + 1 WHERE case_id = ?1",
                params![case.id, who.id, minute],
            )?;
            let mut ch = Changes::new();
            ch.diff("status", Some("submitted".into()), Some("approved".into()));
            log(tx, who.id, case.id, &now, "approve_report", &ch)?;
            touch(tx, case.id, &now)?;
            Ok(report_of(tx, case.id)?.expect("just written"))
        })
    }
}
