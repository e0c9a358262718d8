//! The access log (查阅记录, docs/confidentiality.md): who saw or took residents' personal data, when
//! and what. Written in the same transaction as what it records where there is one;
//! read and exported only by supervisors; the product never changes a row (triggers).

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::db::CachedQuery;
use crate::error::Result;
use crate::i18n::fact_label;
use crate::ledger::{actor, Actor, Ledger};
use crate::model::CaseFile;
use crate::query::{CaseFilter, CasePage};
use crate::validate::optional;
use desk_calendar::Lang;

/// The actions the log knows, each with its label in the three languages (i18n).
pub const ACCESS_ACTIONS: &[&str] = &[
    "view_case",
    "search",
    "print_form",
    "save_form",
    "open_attachment",
    "open_withdrawn_attachment",
    "export",
    "backup",
    "restore",
    "sign_in",
    "sign_in_refused",
    "unlock",
    "view_access_log",
    "export_access_log",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccessEntry {
    pub id: i64,
    pub at: String,
    /// Staff code and name; empty for the automatic backup or the unnamed command line.
    pub staff_code: String,
    pub staff_name: String,
    /// The operating-system account the program ran under (who sat at the computer).
    pub account: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct AccessFilter {
    /// First and last day, `YYYY-MM-DD`, both included.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A staff code or name.
    pub staff: Option<String>,
    pub action: Option<String>,
    /// Newest first; 0 means 200.
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AccessPage {
    pub total: i64,
    pub rows: Vec<AccessEntry>,
}

/// A subject or detail made of named facts, stored as words (a JSON list of pairs) and
/// put in the reader's language when the log is read ([`render`]).
pub fn facts(pairs: &[(&str, String)]) -> String {
    serde_json::to_string(pairs).unwrap_or_default()
}

/// A logged subject or detail in `lang`: facts as "name：value" (an action named as a
/// value in words too); anything else (a case number, a search's text and count, rows
/// written before facts were) as it was written.
pub fn render(text: &str, lang: Lang) -> String {
    let Ok(pairs) = serde_json::from_str::<Vec<(String, String)>>(text) else {
        return text.to_string();
    };
    if pairs.is_empty() {
        return fact_label("all", lang);
    }
    let (colon, comma) = match lang {
        Lang::En => (": ", ", "),
        _ => ("：", "，"),
    };
    pairs
        .iter()
        .map(|(k, v)| {
            let value = if k == "action" {
                crate::i18n::label(v, lang)
            } else {
                fact_label(v, lang)
            };
            format!("{}{colon}{value}", fact_label(k, lang))
        })
        .collect::<Vec<_>>()
        .join(comma)
}

/// Writes one row inside the caller's transaction, with the account it was written under.
pub(crate) fn log_tx(
    tx: &Transaction,
    at: &str,
    who: Option<&Actor>,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO access_log (at, actor_id, action, subject, detail, account)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        at,
        who.map(|w| w.id),
        action,
        subject,
        detail,
        crate::account::system_account()
    ])?;
    Ok(())
}

impl Ledger {
    /// Records an access that has no transaction of its own (an export written by the
    /// reports crate, a refused sign-in). `by` None: the command line without `--as`.
    pub fn log_access(
        &mut self,
        by: Option<&str>,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<()> {
        let at = self.now_text();
        self.write_unrecorded(|tx| {
            let who = by.map(|b| actor(tx, b)).transpose()?;
            log_tx(tx, &at, who.as_ref(), action, subject, detail)
        })
    }

    /// A case's whole file, as a person is about to see it: the view is logged.
    pub fn view_case(&mut self, by: Option<&str>, number: &str) -> Result<CaseFile> {
        let file = self.case_file(number)?;
        self.log_look_up(by, "view_case", &file.case.number, "")?;
        Ok(file)
    }

    /// A ledger page; a free-text search (looking a person up) is logged with its text.
    pub fn search_cases(&mut self, by: Option<&str>, f: &CaseFilter) -> Result<CasePage> {
        let page = self.list(f)?;
        if let Some(text) = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            if f.page == 0 {
                let found = if page.total_capped {
                    format!("{}+", page.total)
                } else {
                    page.total.to_string()
                };
                self.log_look_up(by, "search", text, &found)?;
            }
        }
        Ok(page)
    }

    /// Logs a look-up (a case opened, a search) unless it repeats this person's last
    /// entry: re-sorting a search, or the case screen refreshing after each action on
    /// the case, is the same look-up, not a new one.
    fn log_look_up(
        &mut self,
        by: Option<&str>,
        action: &str,
        subject: &str,
        detail: &str,
    ) -> Result<()> {
        let at = self.now_text();
        // One transaction: the person is looked up once, and the check and the entry
        // cannot be split by another writer.
        self.write_unrecorded(|tx| {
            let who = by.map(|b| actor(tx, b)).transpose()?;
            let last: Option<(String, String)> = tx
                .prepare_cached_query_row(
                    "SELECT action, subject FROM access_log WHERE actor_id IS ?1 ORDER BY id DESC LIMIT 1",
                    [who.as_ref().map(|w| w.id)],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if last.is_some_and(|(a, s)| a == action && s == subject) {
                return Ok(());
            }
            log_tx(tx, &at, who.as_ref(), action, subject, detail)
        })
    }

    /// The log, newest first; reading it is itself logged. Supervisors only.
    /// Subjects and details are put in `lang`.
    pub fn access_log(&mut self, by: &str, f: &AccessFilter, lang: Lang) -> Result<AccessPage> {
        actor(&self.conn, by)?.require_for(crate::rights::Act::ViewAccessLog)?;
        let limit = if f.limit == 0 { 200 } else { f.limit };
        let page = self.access_rows(f, Some((limit, f.offset)), lang)?;
        self.log_access(Some(by), "view_access_log", &f.describe(), "")?;
        Ok(page)
    }

    /// Every row the filter selects, oldest first, for an export; logged. Supervisors only.
    pub fn access_log_export(
        &mut self,
        by: &str,
        f: &AccessFilter,
        lang: Lang,
    ) -> Result<Vec<AccessEntry>> {
        actor(&self.conn, by)?.require_for(crate::rights::Act::ExportAccessLog)?;
        let mut rows = self.access_rows(f, None, lang)?.rows;
        rows.reverse();
        self.log_access(
            Some(by),
            "export_access_log",
            &f.describe(),
            &rows.len().to_string(),
        )?;
        Ok(rows)
    }

    /// The rows the filter selects, newest first: one page (limit, offset) or all.
    fn access_rows(
        &self,
        f: &AccessFilter,
        page: Option<(usize, usize)>,
        lang: Lang,
    ) -> Result<AccessPage> {
        let from = optional("from", f.from.as_deref().unwrap_or(""), 10)?;
        let to = optional("to", f.to.as_deref().unwrap_or(""), 10)?;
        for (field, d) in [("from", &from), ("to", &to)] {
            if !d.is_empty() {
                crate::validate::date(field, d)?;
            }
        }
        let staff = match f.staff.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(actor(&self.conn, s)?.id),
            None => None,
        };
        let action = f.action.clone().unwrap_or_default();
        if !action.is_empty() && !ACCESS_ACTIONS.contains(&action.as_str()) {
            return Err(crate::error::invalid(
                "action",
                crate::error::Problem::BadChoice {
                    allowed: ACCESS_ACTIONS.join(", "),
                },
                action,
            ));
        }
        // `to` is a day: everything before the next day's start.
        let where_ = "WHERE (?1 = '' OR a.at >= ?1) AND (?2 = '' OR a.at < date(?2, '+1 day'))
                      AND (?3 IS NULL OR a.actor_id = ?3) AND (?4 = '' OR a.action = ?4)";
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM access_log a {where_}"),
            params![from, to, staff, action],
            |r| r.get(0),
        )?;
        // SQLite reads LIMIT -1 as no limit.
        let (limit, offset) = page.map_or((-1, 0), |(l, o)| (l as i64, o as i64));
        let mut st = self.conn.prepare(&format!(
            "SELECT a.id, a.at, coalesce(s.code, ''), coalesce(s.name, ''), a.action, a.subject, a.detail,
                    a.account
             FROM access_log a LEFT JOIN staff s ON s.id = a.actor_id {where_}
             ORDER BY a.id DESC LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = st
            .query_map(params![from, to, staff, action, limit, offset], |r| {
                Ok(AccessEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    staff_code: r.get(2)?,
                    staff_name: r.get(3)?,
                    action: r.get(4)?,
                    subject: render(&r.get::<_, String>(5)?, lang),
                    detail: render(&r.get::<_, String>(6)?, lang),
                    account: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(AccessPage { total, rows })
    }
}

impl AccessFilter {
    /// What was asked for, in a few words, for the log's own entry.
    /// What the filter selected, as facts (none: the whole log).
    fn describe(&self) -> String {
        let pairs: Vec<(&str, String)> = [
            ("from", &self.from),
            ("to", &self.to),
            ("staff", &self.staff),
            ("action", &self.action),
        ]
        .into_iter()
        .filter_map(|(k, v)| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (k, v.to_string()))
        })
        .collect();
        facts(&pairs)
    }
}
