//! Photos and scans attached to a case, stored as files in the data directory.

use std::path::Path;

use rusqlite::{params, Connection};

use crate::cases::{load, touch};
use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Ledger};
use crate::model::Attachment;
use crate::validate::optional;
use crate::why::Why;

/// Largest file accepted (a phone photo or a multi-page scan fits easily).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

pub(crate) fn of_case(conn: &Connection, case_id: i64) -> Result<Vec<Attachment>> {
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.file_name, a.stored_path, a.size, s.name, a.added_at, a.note
         FROM attachments a JOIN staff s ON s.id = a.added_by WHERE a.case_id = ?1 ORDER BY a.id",
    )?;
    let rows = st
        .query_map([case_id], |r| {
            Ok(Attachment {
                id: r.get(0)?,
                file_name: r.get(1)?,
                stored_path: r.get(2)?,
                size: r.get(3)?,
                added_by: r.get(4)?,
                added_at: r.get(5)?,
                note: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Keeps letters (any script), digits, dot, dash and underscore: safe on Windows and Linux.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_start_matches('.');
    if trimmed.is_empty() {
        "file".into()
    } else {
        trimmed.chars().take(80).collect()
    }
}

impl Ledger {
    /// Copies `source` into the data directory and records it on the case. If the
    /// database write fails the copied file is removed again.
    pub fn attach(
        &mut self,
        by: &str,
        number: &str,
        source: &Path,
        note: &str,
    ) -> Result<Attachment> {
        let note = optional("note", note, 200)?;
        let data_dir = self
            .data_dir()
            .ok_or_else(|| {
                invalid(
                    "file",
                    Problem::NotAllowed {
                        why: Why::NoDataDirectory,
                    },
                    "",
                )
            })?
            .to_path_buf();
        let meta = std::fs::metadata(source)
            .map_err(|_| invalid("file", Problem::Unknown, source.display().to_string()))?;
        if !meta.is_file() || meta.len() > MAX_BYTES {
            return Err(invalid(
                "file",
                Problem::NotAllowed {
                    why: Why::NotAFileOrTooBig,
                },
                source.display().to_string(),
            ));
        }
        let case = load(&self.conn, number)?;
        let file_name = source
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM attachments WHERE case_id = ?1",
            [case.id],
            |r| r.get(0),
        )?;
        let rel = format!(
            "attachments/{}/{}-{}",
            case.number,
            n + 1,
            safe_name(&file_name)
        );
        let dest = data_dir.join(&rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(source, &dest)?;
        let at = self.now_text();
        let result = self.write(|tx| {
            let who = actor(tx, by)?;
            tx.execute(
                "INSERT INTO attachments (case_id, file_name, stored_path, size, added_by, added_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![case.id, file_name, rel, meta.len() as i64, who.id, at, note],
            )?;
            touch(tx, case.id, &at)?;
            let mut ch = Changes::new();
            ch.set("attachment", &file_name);
            history::write(tx, Entry { at: &at, actor_id: Some(who.id), entity: "case", entity_id: case.id, case_id: Some(case.id), action: "attach", reason: &note }, &ch)?;
            Ok(())
        });
        if let Err(e) = result {
            let _ = std::fs::remove_file(&dest);
            return Err(e);
        }
        of_case(&self.conn, case.id)?
            .pop()
            .ok_or_else(|| invalid("file", Problem::Unknown, file_name))
    }
}
