//! The change log: who, when, what (old → new), why. Written in the same
//! transaction as the change it describes.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::{FieldChange, HistoryEntry};

/// Collects field changes of one action.
#[derive(Debug, Default)]
pub struct Changes(pub Vec<FieldChange>);

impl Changes {
    pub fn new() -> Self {
        Changes(Vec::new())
    }

    /// Records a field only if it really changed.
    pub fn diff(&mut self, field: &str, old: Option<String>, new: Option<String>) -> &mut Self {
        if old != new {
            self.0.push(FieldChange {
                field: field.into(),
                old,
                new,
            });
        }
        self
    }

    pub fn set(&mut self, field: &str, new: impl Into<String>) -> &mut Self {
        self.diff(field, None, Some(new.into()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub struct Entry<'a> {
    pub at: &'a str,
    pub actor_id: Option<i64>,
    pub entity: &'a str,
    pub entity_id: i64,
    pub case_id: Option<i64>,
    pub action: &'a str,
    pub reason: &'a str,
}

pub fn write(conn: &Connection, e: Entry<'_>, changes: &Changes) -> Result<()> {
    let json = serde_json::to_string(&changes.0).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO history (at, actor_id, entity, entity_id, case_id, action, changes, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        e.at,
        e.actor_id,
        e.entity,
        e.entity_id,
        e.case_id,
        e.action,
        json,
        e.reason
    ])?;
    Ok(())
}

/// After a restore: the office's change sequence (history ids) continues above `high`,
/// the highest number the replaced ledger or any copy beside it had used, so that no
/// number is given twice to two different changes. Writes the entry that says so (at
/// `high` + 1, the next number taking it from there) unless the ledger is past it.
pub fn resume_after(conn: &Connection, at: &str, high: i64) -> Result<bool> {
    let last = crate::db::last_change(conn)?;
    if last >= high {
        return Ok(false);
    }
    let mut ch = Changes::new();
    ch.diff(
        "sequence",
        Some(last.to_string()),
        Some((high + 1).to_string()),
    );
    let json = serde_json::to_string(&ch.0).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO history (id, at, actor_id, entity, entity_id, case_id, action, changes, reason)
         VALUES (?1, ?2, NULL, 'ledger', 0, NULL, 'sequence_resumed', ?3, '')",
        params![high + 1, at, json],
    )?;
    Ok(true)
}

fn map(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    let changes: String = r.get(6)?;
    Ok(HistoryEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        action: r.get(5)?,
        changes: serde_json::from_str(&changes).unwrap_or_default(),
        reason: r.get(7)?,
        title: String::new(),
        lines: Vec::new(),
    })
}

const SELECT: &str =
    "SELECT h.id, h.at, s.name, h.entity, h.entity_id, h.action, h.changes, h.reason
    FROM history h LEFT JOIN staff s ON s.id = h.actor_id";

/// Everything that happened to a case and its slips, records and callbacks, in order.
pub fn for_case(conn: &Connection, case_id: i64) -> Result<Vec<HistoryEntry>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE h.case_id = ?1 ORDER BY h.id"))?;
    let rows = st
        .query_map([case_id], map)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn for_entity(conn: &Connection, entity: &str, id: i64) -> Result<Vec<HistoryEntry>> {
    let mut st = conn.prepare_cached(&format!(
        "{SELECT} WHERE h.entity = ?1 AND h.entity_id = ?2 ORDER BY h.id"
    ))?;
    let rows = st
        .query_map(params![entity, id], map)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The history entry of a change that belongs to no case: settings, the directory, the
/// calendar, backups. `who` is None for what the program does by itself.
#[allow(clippy::too_many_arguments)]
pub fn log(
    conn: &Connection,
    at: &str,
    who: Option<&crate::ledger::Actor>,
    entity: &str,
    id: i64,
    action: &str,
    ch: &Changes,
    reason: &str,
) -> Result<()> {
    write(
        conn,
        Entry {
            at,
            actor_id: who.map(|a| a.id),
            entity,
            entity_id: id,
            case_id: None,
            action,
            reason,
        },
        ch,
    )
}
