//! The print log: every form printed or saved, who, when, what. Printing changes no
//! record (the case keeps its revision); it adds a history entry to each case printed.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::cases::load;
use crate::error::Result;
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Ledger};

/// When and by whom a document was first printed: what its footer shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Minute precision, `2026-11-23 14:05`.
    pub at: String,
    pub by: String,
}

/// One printing (or saving) of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printing {
    /// The form's code word: registration, slip, callback, major_report, notice, slips_of_day.
    pub form: String,
    pub doc_key: String,
    /// The case or slip number, the day or the month printed.
    pub subject: String,
    pub revision: i64,
    pub pages: i64,
    pub personal: bool,
    /// Cases whose history records the printing.
    pub cases: Vec<String>,
    /// "print" or "save".
    pub output: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrintLogEntry {
    pub at: String,
    pub by: String,
    pub form: String,
    pub subject: String,
    pub revision: i64,
    pub pages: i64,
    pub personal: bool,
    pub output: String,
}

impl Ledger {
    /// The stamp a document shows: its first printing's, or now and `by` for a new one.
    pub fn print_stamp(&self, by: &str, doc_key: &str) -> Result<Stamp> {
        let first = self
            .conn
            .query_row(
                "SELECT p.at, s.name FROM prints p JOIN staff s ON s.id = p.actor_id
                 WHERE p.doc_key = ?1 ORDER BY p.id LIMIT 1",
                [doc_key],
                |r| {
                    Ok(Stamp {
                        at: r.get(0)?,
                        by: r.get(1)?,
                    })
                },
            )
            .optional()?;
        match first {
            Some(s) => Ok(s),
            None => Ok(Stamp {
                at: self.now_minute(),
                by: actor(&self.conn, by)?.name,
            }),
        }
    }

    /// Records a printing in the print log and in each printed case's history.
    pub fn record_printing(&mut self, by: &str, p: &Printing) -> Result<()> {
        let now = self.now_text();
        let minute = self.now_minute();
        // The print log is the record of a printing (a month's notice names no case);
        // each case printed also gets its history entry below.
        self.write_unrecorded(|tx| {
            let who = actor(tx, by)?;
            tx.execute(
                "INSERT INTO prints (at, actor_id, form, doc_key, subject, revision, pages, personal, output)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![minute, who.id, p.form, p.doc_key, p.subject, p.revision, p.pages, p.personal, p.output],
            )?;
            let id = tx.last_insert_rowid();
            if p.personal {
                let action = if p.output == "save" { "save_form" } else { "print_form" };
                let detail = crate::access::facts(&[("form", p.form.clone()), ("pages", p.pages.to_string())]);
                crate::access::log_tx(tx, &now, Some(&who), action, &p.subject, &detail)?;
            }
            for number in &p.cases {
                let case = load(tx, number)?;
                let mut ch = Changes::new();
                ch.set("form", &p.form)
                    .set("document", &p.subject)
                    .set("revision", p.revision.to_string())
                    .set("pages", p.pages.to_string());
                history::write(
                    tx,
                    Entry {
                        at: &now,
                        actor_id: Some(who.id),
                        entity: "print",
                        entity_id: id,
                        case_id: Some(case.id),
                        action: if p.output == "save" { "save_form" } else { "print_form" },
                        reason: "",
                    },
                    &ch,
                )?;
            }
            Ok(())
        })
    }

    /// The print log, newest first.
    pub fn print_log(&self, limit: usize) -> Result<Vec<PrintLogEntry>> {
        let mut st = self.conn.prepare_cached(
            "SELECT p.at, s.name, p.form, p.subject, p.revision, p.pages, p.personal, p.output
             FROM prints p JOIN staff s ON s.id = p.actor_id ORDER BY p.id DESC LIMIT ?1",
        )?;
        let rows = st
            .query_map([limit as i64], |r| {
                Ok(PrintLogEntry {
                    at: r.get(0)?,
                    by: r.get(1)?,
                    form: r.get(2)?,
                    subject: r.get(3)?,
                    revision: r.get(4)?,
                    pages: r.get(5)?,
                    personal: r.get(6)?,
                    output: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
