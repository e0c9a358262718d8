//! Registering cases, reading them, correcting them, and their level.

use crate::db::CachedQuery;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::attachments::{remove, Incoming};
use crate::error::{invalid, LedgerError, Problem, Result};
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Actor, Ledger};
use crate::model::{Case, CaseFile, Kind, Level, Relation, RepairSize, Validity};
use crate::rules::{level_floor, LevelRule};
use crate::texts::Text;
use crate::validate::{amount_fen, fmt_minute, phones, required_text, text, time};
use crate::why::Why;
use crate::{numbering, workflow};

/// What the registration form sends. Words may be stored words or labels (投诉 / complaint).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct NewCase {
    pub kind: String,
    pub received_at: Option<String>,
    pub channel: String,
    pub complainant_name: String,
    pub phones: String,
    pub relation: Option<String>,
    pub anonymous: bool,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub public_area: String,
    pub content: String,
    pub demand: String,
    pub category: Option<String>,
    pub validity: Option<String>,
    pub judgement: String,
    pub level: Option<String>,
    pub amount: String,
    pub media: bool,
    pub lawsuit: bool,
    pub group_action: bool,
    pub repair_size: Option<String>,
    pub complex: bool,
    pub department: Option<String>,
    pub handler: String,
    /// Files that came with the complaint (photos, scans), copied in with the case in the
    /// same write: the case is not registered without them, nor they without it.
    pub attachments: Vec<String>,
}

/// A correction: only the fields that are `Some` change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct CaseEdit {
    pub received_at: Option<String>,
    pub channel: Option<String>,
    pub complainant_name: Option<String>,
    /// The customer asked not to be named (then the name may be left empty).
    pub anonymous: Option<bool>,
    pub phones: Option<String>,
    pub relation: Option<String>,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub room: Option<String>,
    pub public_area: Option<String>,
    pub content: Option<String>,
    pub demand: Option<String>,
    pub category: Option<String>,
    pub validity: Option<String>,
    pub judgement: Option<String>,
    pub amount: Option<String>,
    pub media: Option<bool>,
    pub lawsuit: Option<bool>,
    pub group_action: Option<bool>,
    pub repair_size: Option<String>,
    pub complex: Option<bool>,
    pub department: Option<String>,
    pub handler: Option<String>,
}

pub(crate) const CASE_SELECT: &str = "SELECT c.id, c.number, c.kind, c.received_at, ch.name, s.name, c.complainant_name,
    c.complainant_phones, c.relation, c.anonymous, c.building, c.unit, c.room, c.public_area, c.content, c.demand,
    cat.code, cat.name, parent.name, c.validity, c.judgement, c.level, c.level_reason, c.major_since, c.escalated_at,
    c.amount_fen, c.media, c.lawsuit, c.group_action, c.repair_size, c.complex, d.code, d.name, c.handler, c.status,
    c.paused_from, c.followups, c.result, c.finished_at, c.closed_at, c.voided_at, c.void_reason, c.revision,
    c.created_at, c.next_due, c.next_step
    FROM cases c JOIN channels ch ON ch.id = c.channel_id JOIN staff s ON s.id = c.received_by
    LEFT JOIN categories cat ON cat.id = c.category_id LEFT JOIN categories parent ON parent.id = cat.parent_id
    LEFT JOIN departments d ON d.id = c.department_id";

pub(crate) fn case_select() -> &'static str {
    CASE_SELECT
}

pub(crate) fn case_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Case> {
    Ok(Case {
        id: r.get(0)?,
        number: r.get(1)?,
        kind: r.get(2)?,
        received_at: r.get(3)?,
        channel: r.get(4)?,
        received_by: r.get(5)?,
        complainant_name: r.get(6)?,
        complainant_phones: r.get(7)?,
        relation: r.get(8)?,
        anonymous: r.get(9)?,
        building: r.get(10)?,
        unit: r.get(11)?,
        room: r.get(12)?,
        public_area: r.get(13)?,
        content: r.get(14)?,
        demand: r.get(15)?,
        category_code: r.get(16)?,
        category_name: r.get(17)?,
        category_parent: r.get(18)?,
        validity: r.get(19)?,
        judgement: r.get(20)?,
        level: r.get(21)?,
        level_reason: r.get(22)?,
        major_since: r.get(23)?,
        escalated_at: r.get(24)?,
        amount_fen: r.get(25)?,
        media: r.get(26)?,
        lawsuit: r.get(27)?,
        group_action: r.get(28)?,
        repair_size: r.get(29)?,
        complex: r.get(30)?,
        department: r.get(31)?,
        department_name: r.get(32)?,
        handler: r.get(33)?,
        status: r.get(34)?,
        paused_from: r.get(35)?,
        followups: r.get(36)?,
        result: r.get(37)?,
        finished_at: r.get(38)?,
        closed_at: r.get(39)?,
        voided_at: r.get(40)?,
        void_reason: r.get(41)?,
        revision: r.get(42)?,
        created_at: r.get(43)?,
        next_due: r.get(44)?,
        next_step: r.get(45)?,
        location: String::new(),
        complainant_shown: None,
    }
    .derived())
}

pub(crate) fn load_by_id(conn: &Connection, id: i64) -> Result<Case> {
    Ok(conn.prepare_cached_query_row(&format!("{CASE_SELECT} WHERE c.id = ?1"), [id], case_row)?)
}

pub(crate) fn load(conn: &Connection, number: &str) -> Result<Case> {
    let number = number.trim();
    conn.prepare_cached_query_row(
        &format!("{CASE_SELECT} WHERE c.number = ?1"),
        [number],
        case_row,
    )
    .optional()?
    .ok_or_else(|| LedgerError::NotFound {
        what: "case",
        key: number.to_string(),
    })
}

fn lookup(tx: &Connection, sql: &str, field: &'static str, key: &str) -> Result<i64> {
    let key = key.trim();
    tx.prepare_cached_query_row(sql, [key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| invalid(field, Problem::Unknown, key))
}

pub(crate) fn channel_id(tx: &Connection, key: &str) -> Result<i64> {
    if key.trim().is_empty() {
        return Err(invalid("channel", Problem::Required, ""));
    }
    lookup(
        tx,
        "SELECT id FROM channels WHERE (code = ?1 OR name = ?1) AND active = 1",
        "channel",
        key,
    )
}

pub(crate) fn department_id(tx: &Connection, field: &'static str, key: &str) -> Result<i64> {
    lookup(
        tx,
        "SELECT id FROM departments WHERE (code = ?1 OR name = ?1) AND active = 1",
        field,
        key,
    )
}

fn category_id(tx: &Connection, kind: Kind, key: &str) -> Result<i64> {
    let key = key.trim();
    tx.prepare_cached_query_row(
        "SELECT id FROM categories WHERE (code = ?1 OR name = ?1) AND kind = ?2 AND active = 1 ORDER BY parent_id IS NOT NULL, code LIMIT 1",
        params![key, kind],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| invalid("category", Problem::Unknown, key))
}

fn opt_word<T>(v: &Option<String>, f: impl Fn(&str) -> Result<T>) -> Result<Option<T>> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => f(s).map(Some),
    }
}

fn complaint_only(kind: Kind, field: &'static str, given: bool) -> Result<()> {
    if kind == Kind::Request && given {
        return Err(invalid(
            field,
            Problem::NotAllowed {
                why: Why::ComplaintsOnly,
            },
            "",
        ));
    }
    Ok(())
}

/// Joins rule codes into the stored `level_reason`.
pub(crate) fn rule_reason(rules: &[LevelRule]) -> String {
    rules
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Ledger {
    pub fn register(&mut self, by: &str, input: &NewCase) -> Result<Case> {
        let kind = Kind::parse_for(
            "kind",
            if input.kind.trim().is_empty() {
                "complaint"
            } else {
                &input.kind
            },
        )?;
        let now = self.now();
        let received = match input
            .received_at
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => time("received_at", s)?,
            None => now,
        };
        if received > now + chrono::Duration::minutes(5) {
            return Err(invalid(
                "received_at",
                Problem::NotAllowed { why: Why::InFuture },
                fmt_minute(received),
            ));
        }
        let name = text(Text::ComplainantName, &input.complainant_name)?;
        if name.is_empty() && !input.anonymous {
            return Err(invalid("complainant_name", Problem::Required, ""));
        }
        let phone_list = phones("phone", &input.phones, &self.setting("area_code")?)?;
        let relation = opt_word(&input.relation, |s| Relation::parse_for("relation", s))?
            .unwrap_or(Relation::Owner);
        let building = text(Text::Building, &input.building)?;
        let unit = text(Text::Unit, &input.unit)?;
        let room = text(Text::Room, &input.room)?;
        let public_area = text(Text::PublicArea, &input.public_area)?;
        if building.is_empty() && room.is_empty() && public_area.is_empty() {
            return Err(invalid("location", Problem::Required, ""));
        }
        let content = required_text(Text::Content, &input.content)?;
        let demand = text(Text::Demand, &input.demand)?;
        let judgement = text(Text::Judgement, &input.judgement)?;
        let handler = text(Text::Handler, &input.handler)?;
        let amount = amount_fen("amount", &input.amount)?;
        let validity = opt_word(&input.validity, |s| Validity::parse_for("validity", s))?;
        let asked_level = opt_word(&input.level, |s| Level::parse_for("level", s))?;
        let repair = opt_word(&input.repair_size, |s| {
            RepairSize::parse_for("repair_size", s)
        })?;
        complaint_only(kind, "validity", validity.is_some())?;
        complaint_only(kind, "level", asked_level.is_some())?;
        complaint_only(kind, "media", input.media)?;
        complaint_only(kind, "lawsuit", input.lawsuit)?;
        complaint_only(kind, "group_action", input.group_action)?;

        let (level, level_reason) = if kind == Kind::Complaint {
            let (floor, rules) =
                level_floor(input.media, input.lawsuit, input.group_action, amount);
            let level = asked_level.unwrap_or(floor);
            if level < floor {
                return Err(invalid(
                    "level",
                    Problem::NotAllowed {
                        why: Why::RulesMakeMajor(rules),
                    },
                    level.as_str(),
                ));
            }
            (Some(level), rule_reason(&rules))
        } else {
            (None, String::new())
        };
        let files: Vec<std::path::PathBuf> = input
            .attachments
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .map(Into::into)
            .collect();
        let incoming = (!files.is_empty())
            .then(|| Incoming::check(self.data_dir(), &files))
            .transpose()?;
        let at = self.now_text();
        let month = now.format("%Y%m").to_string();
        let mut copied = Vec::new();
        let result = self.write(|tx| {
            let who = actor(tx, by)?;
            let channel = channel_id(tx, &input.channel)?;
            let category = match input.category.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(c) => Some(category_id(tx, kind, c)?),
                None => return Err(invalid("category", Problem::Required, "")),
            };
            let department = match input.department.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(d) => Some(department_id(tx, "department", d)?),
                None => None,
            };
            let unit_id: Option<i64> = tx
                .prepare_cached_query_row(
                    "SELECT id FROM units WHERE building = ?1 AND unit = ?2 AND room = ?3 AND active = 1",
                    params![building, unit, room],
                    |r| r.get(0),
                )
                .optional()?;
            let prefix_key = if kind == Kind::Complaint { "prefix_complaint" } else { "prefix_request" };
            let prefix: String = tx.prepare_cached_query_row("SELECT value FROM settings WHERE key = ?1", [prefix_key], |r| r.get(0))?;
            let number = numbering::next(tx, &prefix, &month)?;
            let major_since = (level == Some(Level::Major)).then(|| at.clone());
            // Cached: preparing this insert also compiles its search-index triggers,
            // which cost more than the insert itself.
            tx.prepare_cached(
                "INSERT INTO cases (number, kind, received_at, channel_id, received_by, complainant_name, complainant_phones,
                    relation, anonymous, unit_id, building, unit, room, public_area, content, demand, category_id, validity,
                    judgement, level, level_reason, major_since, amount_fen, media, lawsuit, group_action, repair_size, complex,
                    department_id, handler, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                    ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, 'registered', ?31, ?31)",
            )?
            .execute(params![
                    number, kind, fmt_minute(received), channel, who.id, name, phone_list, relation, input.anonymous, unit_id,
                    building, unit, room, public_area, content, demand, category, validity, judgement, level, level_reason,
                    major_since, amount, input.media, input.lawsuit, input.group_action, repair, input.complex, department,
                    handler, at
                ])?;
            let id = tx.last_insert_rowid();
            let case = load_by_id(tx, id)?;
            crate::due::store_first_due(tx, &case)?;
            let mut ch = Changes::new();
            snapshot(&case, &mut ch);
            history::write(tx, Entry { at: &at, actor_id: Some(who.id), entity: "case", entity_id: id, case_id: Some(id), action: "register", reason: "" }, &ch)?;
            if let Some(files) = &incoming {
                files.store(tx, (id, &case.number), (who.id, &at), "", &mut copied)?;
            }
            Ok(case)
        });
        result.inspect_err(|_| remove(&copied))
    }

    pub fn case(&self, number: &str) -> Result<Case> {
        load(&self.conn, number)
    }

    /// The case with its slips, records, callbacks and whole history.
    pub fn case_file(&self, number: &str) -> Result<CaseFile> {
        let case = load(&self.conn, number)?;
        Ok(CaseFile {
            slips: workflow::slips_of(&self.conn, case.id)?,
            records: workflow::records_of(&self.conn, case.id)?,
            callbacks: workflow::callbacks_of(&self.conn, case.id)?,
            attachments: crate::attachments::of_case(&self.conn, case.id)?,
            history: history::for_case(&self.conn, case.id)?,
            major_report: crate::major::report_of(&self.conn, case.id)?,
            case,
        })
    }

    pub fn history(&self, number: &str) -> Result<Vec<crate::model::HistoryEntry>> {
        let case = load(&self.conn, number)?;
        history::for_case(&self.conn, case.id)
    }

    /// Corrects fields of a case, keeping the earlier values in history with the reason.
    pub fn edit(&mut self, by: &str, number: &str, e: &CaseEdit, reason: &str) -> Result<Case> {
        let reason = required_text(Text::Reason, reason)?;
        let at = self.now_text();
        let area = self.setting("area_code")?;
        self.write(|tx| {
            let who = actor(tx, by)?;
            let old = load(tx, number)?;
            if !crate::rules::correctable(old.status) {
                return Err(LedgerError::Transition { action: "edit", number: old.number, status: old.status });
            }
            who.require_for(crate::rules::edit_action(old.status))?;
            let mut ch = Changes::new();
            let mut sets: Vec<(&str, rusqlite::types::Value)> = Vec::new();
            macro_rules! text {
                ($f:ident, $t:expr, $req:expr) => {
                    if let Some(v) = &e.$f {
                        let v = if $req { required_text($t, v)? } else { text($t, v)? };
                        ch.diff(stringify!($f), Some(old.$f.clone()), Some(v.clone()));
                        sets.push((stringify!($f), v.into()));
                    }
                };
            }
            text!(content, Text::Content, true);
            text!(demand, Text::Demand, false);
            text!(complainant_name, Text::ComplainantName, false);
            let anonymous = e.anonymous.unwrap_or(old.anonymous);
            ch.diff("anonymous", Some(old.anonymous.to_string()), Some(anonymous.to_string()));
            sets.push(("anonymous", anonymous.into()));
            // Named unless anonymous, as at registration: unticking anonymity needs a name.
            let name = e.complainant_name.as_deref().map_or(old.complainant_name.as_str(), str::trim);
            if name.is_empty() && !anonymous {
                return Err(invalid("complainant_name", Problem::Required, ""));
            }
            text!(building, Text::Building, false);
            text!(unit, Text::Unit, false);
            text!(room, Text::Room, false);
            text!(public_area, Text::PublicArea, false);
            text!(judgement, Text::Judgement, false);
            text!(handler, Text::Handler, false);
            if let Some(p) = &e.phones {
                let v = phones("phone", p, &area)?;
                ch.diff("complainant_phones", Some(old.complainant_phones.clone()), Some(v.clone()));
                sets.push(("complainant_phones", v.into()));
            }
            if let Some(r) = &e.relation {
                let v = Relation::parse_for("relation", r)?;
                ch.diff("relation", Some(old.relation.as_str().into()), Some(v.as_str().into()));
                sets.push(("relation", v.as_str().to_string().into()));
            }
            if let Some(t) = &e.received_at {
                let v = fmt_minute(time("received_at", t)?);
                ch.diff("received_at", Some(old.received_at.clone()), Some(v.clone()));
                sets.push(("received_at", v.into()));
            }
            if let Some(c) = &e.channel {
                // Given by code or name; the history keeps names on both sides, so the
                // same channel given by its code is no change.
                let id = channel_id(tx, c)?;
                let name: String = tx.prepare_cached_query_row("SELECT name FROM channels WHERE id = ?1", [id], |r| r.get(0))?;
                if name != old.channel {
                    ch.diff("channel", Some(old.channel.clone()), Some(name));
                    sets.push(("channel_id", id.into()));
                }
            }
            if let Some(c) = &e.category {
                let id = category_id(tx, old.kind, c)?;
                let new_code: String = tx.prepare_cached_query_row("SELECT code FROM categories WHERE id = ?1", [id], |r| r.get(0))?;
                if old.category_code.as_deref() != Some(new_code.as_str()) {
                    who.require(crate::rules::reclassify_role(old.status), "reclassify")?;
                    ch.diff("category", old.category_code.clone(), Some(new_code));
                    sets.push(("category_id", id.into()));
                }
            }
            if let Some(d) = &e.department {
                let id = department_id(tx, "department", d)?;
                let code: String = tx.prepare_cached_query_row("SELECT code FROM departments WHERE id = ?1", [id], |r| r.get(0))?;
                if old.department.as_deref() != Some(code.as_str()) {
                    who.require(crate::rules::reclassify_role(old.status), "reclassify")?;
                    ch.diff("department", old.department.clone(), Some(code));
                    sets.push(("department_id", id.into()));
                }
            }
            if let Some(v) = &e.validity {
                complaint_only(old.kind, "validity", true)?;
                let v = Validity::parse_for("validity", v)?;
                ch.diff("validity", old.validity.map(|x| x.as_str().into()), Some(v.as_str().into()));
                sets.push(("validity", v.as_str().to_string().into()));
            }
            if let Some(r) = &e.repair_size {
                let v = opt_word(&Some(r.clone()), |s| RepairSize::parse_for("repair_size", s))?;
                ch.diff("repair_size", old.repair_size.map(|x| x.as_str().into()), v.map(|x| x.as_str().into()));
                sets.push(("repair_size", v.map(|x| x.as_str().to_string()).into()));
            }
            let amount = match &e.amount {
                Some(a) => amount_fen("amount", a)?,
                None => old.amount_fen,
            };
            let media = e.media.unwrap_or(old.media);
            let lawsuit = e.lawsuit.unwrap_or(old.lawsuit);
            let group = e.group_action.unwrap_or(old.group_action);
            let complex = e.complex.unwrap_or(old.complex);
            for (f, o, n) in [("media", old.media, media), ("lawsuit", old.lawsuit, lawsuit), ("group_action", old.group_action, group), ("complex", old.complex, complex)] {
                ch.diff(f, Some(o.to_string()), Some(n.to_string()));
                sets.push((f, n.into()));
            }
            ch.diff("amount", Some(old.amount_fen.to_string()), Some(amount.to_string()));
            sets.push(("amount_fen", amount.into()));
            if old.kind == Kind::Request && (media || lawsuit || group) {
                complaint_only(old.kind, "amount", true)?;
            }
            if ch.is_empty() {
                return Ok(old);
            }
            for (col, val) in &sets {
                tx.execute(&format!("UPDATE cases SET {col} = ?2 WHERE id = ?1"), params![old.id, val])?;
            }
            // A correction that makes a rule hold raises the level to its floor.
            if old.kind == Kind::Complaint {
                let (floor, rules) = level_floor(media, lawsuit, group, amount);
                if old.level.is_some_and(|l| l < floor) {
                    ch.diff("level", old.level.map(|l| l.as_str().into()), Some(floor.as_str().into()));
                    tx.execute(
                        "UPDATE cases SET level = ?2, level_reason = ?3, major_since = ?4 WHERE id = ?1",
                        params![old.id, floor, rule_reason(&rules), at],
                    )?;
                }
            }
            touch(tx, old.id, &at)?;
            history::write(tx, Entry { at: &at, actor_id: Some(who.id), entity: "case", entity_id: old.id, case_id: Some(old.id), action: "edit", reason: &reason }, &ch)?;
            load(tx, number)
        })
    }

    /// A supervisor changes the level. Raising needs only the reason; lowering below what
    /// the rules give is allowed with a reason, which is kept with the level. A closed
    /// complaint's level is changed as its category and department are (docs/classification.md: the
    /// month's review finds it); a voided case stays as it was.
    pub fn set_level(&mut self, by: &str, number: &str, level: &str, reason: &str) -> Result<Case> {
        let level = Level::parse_for("level", level)?;
        let reason = required_text(Text::Reason, reason)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let old = load(tx, number)?;
            complaint_only(old.kind, "level", true)?;
            if !crate::rules::correctable(old.status) {
                return Err(LedgerError::Transition {
                    action: "set_level",
                    number: old.number,
                    status: old.status,
                });
            }
            who.require_for(crate::rights::Act::SetLevel)?;
            set_level_tx(
                tx,
                &who,
                &old,
                level,
                &format!("{}: {reason}", who.name),
                &reason,
                &at,
            )?;
            load(tx, number)
        })
    }
}

/// Writes a level change with its history; `stored_reason` goes into `level_reason`.
pub(crate) fn set_level_tx(
    tx: &Transaction,
    who: &Actor,
    old: &Case,
    level: Level,
    stored_reason: &str,
    why: &str,
    at: &str,
) -> Result<()> {
    if old.level == Some(level) {
        return Ok(());
    }
    let major_since = match (old.major_since.as_deref(), level) {
        (Some(s), Level::Major) => Some(s.to_string()),
        (None, Level::Major) => Some(at.to_string()),
        _ => None,
    };
    tx.execute(
        "UPDATE cases SET level = ?2, level_reason = ?3, major_since = ?4 WHERE id = ?1",
        params![old.id, level, stored_reason, major_since],
    )?;
    touch(tx, old.id, at)?;
    let mut ch = Changes::new();
    ch.diff(
        "level",
        old.level.map(|l| l.as_str().into()),
        Some(level.as_str().into()),
    );
    // Id 0 is the system itself (automatic escalation): no staff row, no actor.
    let actor_id = (who.id != 0).then_some(who.id);
    history::write(
        tx,
        Entry {
            at,
            actor_id,
            entity: "case",
            entity_id: old.id,
            case_id: Some(old.id),
            action: "set_level",
            reason: why,
        },
        &ch,
    )
}

/// Every change bumps the revision, so a changed record prints as a new revision.
/// It also marks the case for a deadline refresh before the transaction commits.
pub(crate) fn touch(tx: &Connection, id: i64, at: &str) -> Result<()> {
    tx.execute(
        "UPDATE cases SET revision = revision + 1, updated_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    crate::due::mark_dirty(id);
    Ok(())
}

fn snapshot(c: &Case, ch: &mut Changes) {
    let mut put = |f: &str, v: String| {
        if !v.is_empty() {
            ch.set(f, v);
        }
    };
    put("number", c.number.clone());
    put("kind", c.kind.as_str().into());
    put("received_at", c.received_at.clone());
    put("channel", c.channel.clone());
    put("complainant_name", c.complainant_name.clone());
    put("complainant_phones", c.complainant_phones.clone());
    put("location", c.location());
    put("content", c.content.clone());
    put("demand", c.demand.clone());
    put("category", c.category_code.clone().unwrap_or_default());
    put(
        "validity",
        c.validity
            .map(|v| v.as_str().to_string())
            .unwrap_or_default(),
    );
    put(
        "level",
        c.level.map(|v| v.as_str().to_string()).unwrap_or_default(),
    );
    put("level_reason", c.level_reason.clone());
    if c.amount_fen > 0 {
        put("amount", c.amount_fen.to_string());
    }
    put("department", c.department.clone().unwrap_or_default());
    put("handler", c.handler.clone());
}
