//! The ledger list: filters, free-text search (Chinese substrings included), paging.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::cases::{case_row, case_select};
use crate::db::CachedQuery;
use crate::error::{invalid, Problem, Result};
use crate::ledger::Ledger;
use crate::model::{Case, Kind, Level, Status};
use crate::validate::fmt_minute;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct CaseFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    /// A first-level code includes its second-level items.
    pub category: Option<String>,
    pub level: Option<String>,
    /// "2026-11"
    pub month: Option<String>,
    pub department: Option<String>,
    pub text: Option<String>,
    /// Only cases whose next deadline has passed.
    pub overdue: bool,
    /// Only cases received on this day ("2026-11-23").
    pub day: Option<String>,
    /// Only cases not yet closed or voided.
    pub open: bool,
    /// Only cases with a transfer slip still awaiting signature.
    pub awaiting_signature: bool,
    /// Only cases awaiting their callback: Some(false) those still to be called (none
    /// made since handling ended, or the last one did not confirm the result),
    /// Some(true) those called back and left to close.
    pub called_back: Option<bool>,
    pub sort: Option<String>,
    pub descending: Option<bool>,
    pub page: usize,
    pub page_size: usize,
}

/// A free-text search stops counting here: "1000+" tells the clerk to narrow it down,
/// and a million-case ledger answers a common word as fast as a rare one.
pub const SEARCH_COUNT_CAP: i64 = 1000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CasePage {
    pub total: i64,
    /// The search matched more than `total` cases; they were not all counted.
    pub total_capped: bool,
    pub page: usize,
    pub page_size: usize,
    pub rows: Vec<Case>,
    /// The numbers of the rows whose next deadline has passed, on the office's clock
    /// (the same judgement as the `overdue` filter).
    pub overdue: Vec<String>,
}

#[derive(Default)]
struct Where {
    conds: Vec<String>,
    args: Vec<Value>,
    /// A condition names the joined category or department tables.
    joins: bool,
}

impl Where {
    /// Adds a condition; every `?N` in it refers to the value added with it.
    fn add(&mut self, sql: &str, v: Value) {
        self.args.push(v);
        self.conds
            .push(sql.replace("?N", &format!("?{}", self.args.len())));
    }
}

fn some(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The search text as an FTS5 phrase: quotes doubled so any input is literal.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// How far back the recurring-problem warning looks among a customer's or room's cases.
const RECURRING_LOOK_BACK: usize = 200;

/// What the clerk has typed so far that earlier cases are looked up by.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RelatedQuery {
    pub phone: String,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub public_area: String,
    pub category: String,
}

/// A customer's or room's earlier cases, newest first, and how many of them were the same
/// problem at the same place as the one being registered.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Related {
    pub cases: Vec<Case>,
    pub recurring: usize,
}

impl Ledger {
    pub fn list(&self, f: &CaseFilter) -> Result<CasePage> {
        let mut w = Where::default();
        if let Some(k) = some(&f.kind) {
            w.add(
                "c.kind = ?N",
                Kind::parse_for("kind", k)?.as_str().to_string().into(),
            );
        }
        if let Some(s) = some(&f.status) {
            w.add(
                "c.status = ?N",
                Status::parse_for("status", s)?.as_str().to_string().into(),
            );
        }
        if let Some(l) = some(&f.level) {
            w.add(
                "c.level = ?N",
                Level::parse_for("level", l)?.as_str().to_string().into(),
            );
        }
        if let Some(c) = some(&f.category) {
            w.add(
                "(cat.code = ?N OR parent.code = ?N OR cat.name = ?N)",
                c.to_string().into(),
            );
            w.joins = true;
        }
        if let Some(d) = some(&f.department) {
            w.add("(d.code = ?N OR d.name = ?N)", d.to_string().into());
            w.joins = true;
        }
        // The received period (a month, a day, or both), for the search index below.
        let mut period: Option<(String, String)> = None;
        let mut within = |start: String, end: String| {
            period = Some(match period.take() {
                Some((s, e)) => (s.max(start), e.min(end)),
                None => (start, end),
            });
        };
        if let Some(m) = some(&f.month) {
            let (start, end) = crate::validate::month_range("month", m)?;
            w.add("c.received_at >= ?N", start.to_string().into());
            w.add("c.received_at < ?N", end.to_string().into());
            within(start.to_string(), end.to_string());
        }
        if let Some(d) = some(&f.day) {
            let day = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| invalid("day", Problem::BadTime, d))?;
            let end = (day + chrono::Days::new(1)).to_string();
            w.add("c.received_at >= ?N", day.to_string().into());
            w.add("c.received_at < ?N", end.clone().into());
            within(day.to_string(), end);
        }
        if f.open {
            w.conds.push(crate::model::Status::open_sql("c.status"));
        }
        if f.awaiting_signature {
            w.add(
                "c.id IN (SELECT case_id FROM slips WHERE status = ?N)",
                "issued".to_string().into(),
            );
        }
        if let Some(done) = f.called_back {
            w.add(
                // Kept by the ledger as each callback is recorded (migration 7).
                "c.status = 'awaiting_callback' AND c.callback_confirmed = ?N",
                i64::from(done).into(),
            );
        }
        if f.overdue {
            w.add("c.next_due < ?N", fmt_minute(self.now()).into());
        }
        // What the clerk typed is checked like any field: a control character cannot be
        // searched for and would break the index's query syntax.
        // A mobile number searched for is looked for as the ledger keeps it (its 11
        // digits), however it was typed.
        let text = some(&f.text)
            .map(|t| crate::validate::optional("text", t, 100))
            .transpose()?
            .map(|t| match crate::validate::mobile_digits(&t) {
                Some(mobile) => mobile,
                None => t,
            });
        // The search index, what its rows must satisfy (the column and the test) and
        // the value, when there is a text.
        let mut indexed: Option<(&str, &str, &str, String)> = None;
        if let Some(t) = text.as_deref() {
            let short = crate::db::short_token(t);
            indexed = Some(if t.chars().count() >= 3 {
                ("case_search", "case_search", "MATCH ?N", fts_phrase(t))
            } else if let Some(pair) = short.as_ref().filter(|s| s.chars().count() == 2) {
                // Two characters (most names): a token of the pair index.
                ("case_bigrams", "case_bigrams", "MATCH ?N", fts_phrase(pair))
            } else if let Some(one) = short {
                // One (a surname, a building's digit): the start of a token.
                let first = format!("{}*", fts_phrase(&one));
                ("case_bigrams", "case_bigrams", "MATCH ?N", first)
            } else {
                // Punctuation (alone or beside a character), or a character that
                // lower-cases to more than one: the indexed text is read.
                let like = format!(
                    "%{}%",
                    t.replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                );
                ("case_search", "body", "LIKE ?N ESCAPE '\\'", like)
            });
        }
        // A search on its own is driven by the index, newest match first, so counting
        // stops at the cap and the first page stops after a page instead of gathering
        // every match (a common phrase in a million cases: 3 ms instead of 30; a common
        // punctuation mark: the newest texts read up to the cap instead of all). With
        // other filters the index is asked once for its matches and the filters' own
        // indexes lead: driving from the index would check every match's row.
        let driven = indexed
            .as_ref()
            .filter(|_| w.conds.is_empty())
            .map(|(t, ..)| *t);
        if let Some((table, column, test, value)) = indexed {
            match driven {
                Some(_) => w.add(&format!("hit.{column} {test}"), value.into()),
                None => {
                    // Within a month or a day the index is asked only for the cases
                    // registered from the period's first to its last: a common word in
                    // this month no longer gathers its matches of every year first.
                    let mut range = String::new();
                    if let Some((start, end)) = &period {
                        let (first, last) = self.ids_received(start, end)?;
                        w.args.push(first.into());
                        w.args.push(last.into());
                        let n = w.args.len();
                        range = format!(" AND rowid BETWEEN ?{} AND ?{n}", n - 1);
                    }
                    w.add(
                        &format!(
                            "c.id IN (SELECT rowid FROM {table} WHERE {column} {test}{range})"
                        ),
                        value.into(),
                    )
                }
            }
        }
        // CROSS JOIN keeps the index first whatever the planner estimates.
        let cases_from = match driven {
            Some(table) => format!("FROM {table} hit CROSS JOIN cases c ON c.id = hit.rowid"),
            None => "FROM cases c".to_string(),
        };
        let (conds, args, needs_joins) = (w.conds, w.args, w.joins);
        let wh = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        let sort = match some(&f.sort).unwrap_or("received_at") {
            "number" => "c.number",
            "received_at" => "c.received_at",
            "level" => "c.level",
            "status" => "c.status",
            "next_due" => "c.next_due",
            "category" => "cat.code",
            "department" => "d.code",
            other => {
                return Err(invalid(
                    "sort",
                    Problem::BadChoice {
                        allowed:
                            "number, received_at, level, status, next_due, category, department"
                                .into(),
                    },
                    other,
                ))
            }
        };
        let dir = if f.descending.unwrap_or(true) {
            "DESC"
        } else {
            "ASC"
        };
        let page_size = if f.page_size == 0 {
            50
        } else {
            f.page_size.min(500)
        };
        let searching = some(&f.text).is_some();
        // Counting a million rows through the joins costs ten times counting the table:
        // join only when a filter needs the joined names.
        let joins = if needs_joins {
            " LEFT JOIN categories cat ON cat.id = c.category_id
             LEFT JOIN categories parent ON parent.id = cat.parent_id LEFT JOIN departments d ON d.id = c.department_id"
        } else {
            ""
        };
        let from = format!("{cases_from}{joins}{wh}");
        let sql_count = if searching {
            format!(
                "SELECT count(*) FROM (SELECT 1 {from} LIMIT {})",
                SEARCH_COUNT_CAP + 1
            )
        } else {
            format!("SELECT count(*) {from}")
        };
        let counted: i64 = self
            .conn
            .prepare_cached(&sql_count)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        let total_capped = searching && counted > SEARCH_COUNT_CAP;
        let total = counted.min(if searching {
            SEARCH_COUNT_CAP
        } else {
            i64::MAX
        });
        // Sorting every match of a broad search by time means reading them all; in
        // registration order the newest page comes straight off the index.
        // (The index hands out matches in rowid order only when that is the whole
        // ORDER BY; a tie-breaker would sort them all again.)
        let order = match (total_capped && sort == "c.received_at", driven) {
            (true, Some(_)) => format!("hit.rowid {dir}"),
            (true, None) => format!("c.id {dir}"),
            (false, _) => format!("{sort} {dir}, c.id {dir}"),
        };
        let sql = format!(
            "{}{wh} ORDER BY {order} LIMIT {page_size} OFFSET {}",
            case_select().replacen("FROM cases c", &cases_from, 1),
            f.page * page_size
        );
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), case_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let now = fmt_minute(self.now());
        let overdue = rows
            .iter()
            .filter(|c| c.next_due.as_deref().is_some_and(|d| d < now.as_str()))
            .map(|c| c.number.clone())
            .collect();
        Ok(CasePage {
            total,
            total_capped,
            page: f.page,
            page_size,
            rows,
            overdue,
        })
    }

    /// The first and last case ids received in [start, end): none if there are none.
    fn ids_received(&self, start: &str, end: &str) -> Result<(Option<i64>, Option<i64>)> {
        Ok(self.conn.prepare_cached_query_row(
            "SELECT min(id), max(id) FROM cases WHERE received_at >= ?1 AND received_at < ?2",
            [start, end],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// Earlier cases of the same phone or room, newest first (shown while registering).
    /// The earlier cases of the customer or room being typed at the desk (`related_cases`,
    /// `limit` of them), and how many of those were the same problem (`category`) at
    /// the same place: the warning of a recurring problem.
    pub fn related(&self, at: &RelatedQuery, limit: usize) -> Result<Related> {
        let mut cases = self.related_cases(
            &at.phone,
            &at.building,
            &at.unit,
            &at.room,
            RECURRING_LOOK_BACK,
        )?;
        let place = crate::model::location_of(&at.building, &at.unit, &at.room, &at.public_area);
        let category = at.category.trim();
        let recurring = if category.is_empty() || place.is_empty() {
            0
        } else {
            cases
                .iter()
                .filter(|c| c.category_code.as_deref() == Some(category) && c.location() == place)
                .count()
        };
        cases.truncate(limit);
        Ok(Related { cases, recurring })
    }

    pub fn related_cases(
        &self,
        phone: &str,
        building: &str,
        unit: &str,
        room: &str,
        limit: usize,
    ) -> Result<Vec<Case>> {
        // The same customer's number however it was typed (the ledger keeps a mobile as
        // its 11 digits).
        let phone = crate::validate::phone_lookup(phone, &self.setting("area_code")?);
        let phone = phone.as_str();
        let room_key = format!("{}{}{}", building.trim(), unit.trim(), room.trim());
        if phone.len() < 5 && room.trim().is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "{} WHERE (?1 <> '' AND instr(c.complainant_phones, ?1) > 0) OR (?2 <> '' AND c.building = ?3 AND c.unit = ?4 AND c.room = ?5)
             ORDER BY c.received_at DESC LIMIT ?6",
            case_select()
        );
        let has_room = if room.trim().is_empty() {
            ""
        } else {
            room_key.as_str()
        };
        let rows = self
            .conn
            .prepare_cached(&sql)?
            .query_map(
                rusqlite::params![
                    phone,
                    has_room,
                    building.trim(),
                    unit.trim(),
                    room.trim(),
                    limit as i64
                ],
                case_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
