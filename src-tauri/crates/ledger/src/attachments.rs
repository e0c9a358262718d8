//! Photos and scans attached to a case, stored as files in the data directory.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use crate::cases::{load, touch};
use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes, Entry};
use crate::ledger::{actor, Ledger};
use crate::model::Attachment;
use crate::texts::Text;
use crate::validate::{required_text, text};
use crate::why::Why;

/// Largest file accepted (a phone photo or a multi-page scan fits easily).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// An attachment's row (see `row`), then its case's id and number.
const SELECT: &str = "SELECT a.id, a.file_name, a.stored_path, a.size, s.name, a.added_at, a.note,
            a.withdrawn_at, w.name, a.withdrawn_reason, c.id, c.number
     FROM attachments a JOIN staff s ON s.id = a.added_by LEFT JOIN staff w ON w.id = a.withdrawn_by
     JOIN cases c ON c.id = a.case_id";

/// One attachment with its case's id and number, in one query.
fn find(conn: &Connection, id: i64) -> Result<(Attachment, i64, String)> {
    conn.query_row(&format!("{SELECT} WHERE a.id = ?1"), [id], |r| {
        Ok((row(r)?, r.get(10)?, r.get(11)?))
    })
    .optional()?
    .ok_or_else(|| invalid("attachment", Problem::Unknown, id.to_string()))
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        file_name: r.get(1)?,
        stored_path: r.get(2)?,
        size: r.get(3)?,
        added_by: r.get(4)?,
        added_at: r.get(5)?,
        note: r.get(6)?,
        withdrawn_at: r.get(7)?,
        withdrawn_by: r.get(8)?,
        withdrawn_reason: r.get(9)?,
    })
}

pub(crate) fn of_case(conn: &Connection, case_id: i64) -> Result<Vec<Attachment>> {
    let mut st = conn.prepare_cached(&format!("{SELECT} WHERE a.case_id = ?1 ORDER BY a.id"))?;
    let rows = st
        .query_map([case_id], row)?
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
        let mut added = self.attach_all(by, number, &[source.to_path_buf()], note)?;
        added
            .pop()
            .ok_or_else(|| invalid("file", Problem::Unknown, source.display().to_string()))
    }

    /// Copies the files into the data directory and records them on the case, all in
    /// one transaction with one note: the photos of one visit are added together or not
    /// at all. Every file is checked before any is copied; if the write fails the copies
    /// are removed again.
    pub fn attach_all(
        &mut self,
        by: &str,
        number: &str,
        sources: &[PathBuf],
        note: &str,
    ) -> Result<Vec<Attachment>> {
        let note = text(Text::Note, note)?;
        if sources.is_empty() {
            return Err(invalid("file", Problem::Required, ""));
        }
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
        let mut sizes = Vec::with_capacity(sources.len());
        for source in sources {
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
            sizes.push(meta.len());
        }
        let case = load(&self.conn, number)?;
        let before: i64 = self.conn.query_row(
            "SELECT count(*) FROM attachments WHERE case_id = ?1",
            [case.id],
            |r| r.get(0),
        )?;
        // (name as the clerk knew it, path under the data directory, size)
        let mut copied: Vec<(String, String, u64)> = Vec::with_capacity(sources.len());
        let remove_copies = |copied: &[(String, String, u64)]| {
            for (_, rel, _) in copied {
                let _ = std::fs::remove_file(data_dir.join(rel));
            }
        };
        for (i, (source, size)) in sources.iter().zip(sizes).enumerate() {
            let file_name = source
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let rel = format!(
                "attachments/{}/{}-{}",
                case.number,
                before + i as i64 + 1,
                safe_name(&file_name)
            );
            let dest = data_dir.join(&rel);
            let copy = dest
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::copy(source, &dest));
            if let Err(e) = copy {
                remove_copies(&copied);
                return Err(e.into());
            }
            copied.push((file_name, rel, size));
        }
        let at = self.now_text();
        let result = self.write(|tx| {
            let who = actor(tx, by)?;
            for (file_name, rel, size) in &copied {
                tx.execute(
                    "INSERT INTO attachments (case_id, file_name, stored_path, size, added_by, added_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![case.id, file_name, rel, *size as i64, who.id, at, note],
                )?;
                let mut ch = Changes::new();
                ch.set("attachment", file_name);
                history::write(tx, Entry { at: &at, actor_id: Some(who.id), entity: "case", entity_id: case.id, case_id: Some(case.id), action: "attach", reason: &note }, &ch)?;
            }
            touch(tx, case.id, &at)?;
            Ok(())
        });
        if let Err(e) = result {
            remove_copies(&copied);
            return Err(e);
        }
        let mut all = of_case(&self.conn, case.id)?;
        Ok(all.split_off(before as usize))
    }

    /// An attachment and its stored file's bytes, for showing it inside the app while
    /// its case is open (opening the case is the logged look-up).
    pub fn attachment_content(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let (a, path, _) = self.stored(id)?;
        let bytes = std::fs::read(&path).map_err(|_| missing(&a))?;
        Ok((a, bytes))
    }

    /// Copies an attachment into `folder` for another program to open, and logs that it
    /// left the app (查阅记录). The stored file itself is never handed out, so a viewer
    /// that saves or edits changes only its copy.
    pub fn open_attachment(&mut self, by: &str, id: i64, folder: &Path) -> Result<PathBuf> {
        let (a, path, number) = self.stored(id)?;
        std::fs::create_dir_all(folder)?;
        let copy = folder.join(format!("{number}-{}", safe_name(&a.file_name)));
        std::fs::copy(&path, &copy).map_err(|_| missing(&a))?;
        self.log_access(Some(by), "open_attachment", &number, &a.file_name)?;
        Ok(copy)
    }

    /// Withdraws an attachment added by mistake, with the reason: the case no longer shows
    /// or opens it, and its row and file are kept (nothing is deleted).
    pub fn withdraw_attachment(&mut self, by: &str, id: i64, reason: &str) -> Result<Attachment> {
        let reason = required_text(Text::Reason, reason)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let (a, case_id, _) = find(tx, id)?;
            if a.withdrawn_at.is_some() {
                return Err(withdrawn(&a));
            }
            tx.execute(
                "UPDATE attachments SET withdrawn_at = ?2, withdrawn_by = ?3, withdrawn_reason = ?4 WHERE id = ?1",
                params![id, at, who.id, reason],
            )?;
            touch(tx, case_id, &at)?;
            let mut ch = Changes::new();
            ch.set("attachment", &a.file_name);
            history::write(tx, Entry { at: &at, actor_id: Some(who.id), entity: "case", entity_id: case_id, case_id: Some(case_id), action: "withdraw_attachment", reason: &reason }, &ch)?;
            Ok(find(tx, id)?.0)
        })
    }

    /// The attachment, where its file is stored and its case's number; a withdrawn one
    /// is not handed out.
    fn stored(&self, id: i64) -> Result<(Attachment, PathBuf, String)> {
        let (a, _, number) = find(&self.conn, id)?;
        if a.withdrawn_at.is_some() {
            return Err(withdrawn(&a));
        }
        let path = self
            .data_dir()
            .map(|d| d.join(&a.stored_path))
            .ok_or_else(|| missing(&a))?;
        Ok((a, path, number))
    }
}

fn withdrawn(a: &Attachment) -> crate::error::LedgerError {
    invalid(
        "attachment",
        Problem::NotAllowed {
            why: Why::Withdrawn(a.file_name.clone()),
        },
        a.file_name.clone(),
    )
}

fn missing(a: &Attachment) -> crate::error::LedgerError {
    invalid(
        "attachment",
        Problem::NotAllowed {
            why: Why::FileMissing(a.file_name.clone()),
        },
        a.file_name.clone(),
    )
}
