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

/// Every attachment not withdrawn, in the whole ledger.
pub(crate) fn in_use(conn: &Connection) -> Result<Vec<Attachment>> {
    let mut st = conn.prepare(&format!("{SELECT} WHERE a.withdrawn_at IS NULL"))?;
    let rows = st
        .query_map([], row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
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
        return "file".into();
    }
    // Shortened within the stem: the extension is how the computer's viewer knows what
    // a copy opened from here is.
    let ext = trimmed
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.is_empty() && e.chars().count() <= 10)
        .map_or(String::new(), |e| format!(".{e}"));
    let stem = &trimmed[..trimmed.len() - ext.len()];
    let room = SAFE_NAME_CHARS - ext.chars().count();
    stem.chars().take(room).chain(ext.chars()).collect()
}

/// The longest stored or handed-out name, in characters: 80 Chinese characters are 240
/// bytes, near the 255 most file systems allow.
const SAFE_NAME_CHARS: usize = 80;

/// Files to attach, checked before anything is copied or written: each one exists, is
/// a file and is small enough.
pub(crate) struct Incoming {
    data_dir: PathBuf,
    files: Vec<(PathBuf, u64)>,
}

impl Incoming {
    pub(crate) fn check(data_dir: Option<&Path>, sources: &[PathBuf]) -> Result<Incoming> {
        let data_dir = data_dir
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
        let mut files = Vec::with_capacity(sources.len());
        for source in sources {
            let meta = std::fs::metadata(source).map_err(|_| gone(source))?;
            if !meta.is_file() || meta.len() > MAX_BYTES {
                return Err(invalid(
                    "file",
                    Problem::NotAllowed {
                        why: Why::NotAFileOrTooBig,
                    },
                    source.display().to_string(),
                ));
            }
            files.push((source.clone(), meta.len()));
        }
        Ok(Incoming { data_dir, files })
    }

    /// Copies each file into the case's folder and records it with its history entry,
    /// inside the caller's transaction. Each copy made is pushed onto `copied` first, so
    /// a write that fails later can take them away again (`remove`). Returns the new ids.
    pub(crate) fn store(
        &self,
        tx: &Connection,
        (case_id, number): (i64, &str),
        (who, at): (i64, &str),
        note: &str,
        copied: &mut Vec<PathBuf>,
    ) -> Result<Vec<i64>> {
        // Counted in the transaction: the next file number follows every one already kept.
        let before: i64 = tx.query_row(
            "SELECT count(*) FROM attachments WHERE case_id = ?1",
            [case_id],
            |r| r.get(0),
        )?;
        let mut ids = Vec::with_capacity(self.files.len());
        for (i, (source, size)) in self.files.iter().enumerate() {
            let file_name = source
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let rel = format!(
                "attachments/{number}/{}-{}",
                before + i as i64 + 1,
                safe_name(&file_name)
            );
            let dest = self.data_dir.join(&rel);
            if let Some(folder) = dest.parent() {
                std::fs::create_dir_all(folder)?;
            }
            // Listed before copying: a copy cut short (disk full) is taken away too.
            copied.push(dest.clone());
            std::fs::copy(source, &dest)?;
            tx.execute(
                "INSERT INTO attachments (case_id, file_name, stored_path, size, added_by, added_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![case_id, file_name, rel, *size as i64, who, at, note],
            )?;
            ids.push(tx.last_insert_rowid());
            let mut ch = Changes::new();
            ch.set("attachment", &file_name);
            history::write(
                tx,
                Entry {
                    at,
                    actor_id: Some(who),
                    entity: "case",
                    entity_id: case_id,
                    case_id: Some(case_id),
                    action: "attach",
                    reason: note,
                },
                &ch,
            )?;
        }
        Ok(ids)
    }
}

/// Takes away the copies of a write that did not happen.
pub(crate) fn remove(copied: &[PathBuf]) {
    for path in copied {
        let _ = std::fs::remove_file(path);
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
        let incoming = Incoming::check(self.data_dir(), sources)?;
        let at = self.now_text();
        let mut copied = Vec::new();
        let result = self.write(|tx| {
            let who = actor(tx, by)?;
            let case = load(tx, number)?;
            let ids = incoming.store(
                tx,
                (case.id, &case.number),
                (who.id, &at),
                &note,
                &mut copied,
            )?;
            touch(tx, case.id, &at)?;
            Ok((case.id, ids))
        });
        let (case_id, ids) = result.inspect_err(|_| remove(&copied))?;
        let mut all = of_case(&self.conn, case_id)?;
        all.retain(|a| ids.contains(&a.id));
        Ok(all)
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
    /// that saves or edits changes only its copy. A withdrawn one is opened only for a
    /// supervisor checking what was withdrawn, and logged as such.
    pub fn open_attachment(&mut self, by: &str, id: i64, folder: &Path) -> Result<PathBuf> {
        let (a, _, number) = find(&self.conn, id)?;
        let action = if a.withdrawn_at.is_some() {
            let who = actor(&self.conn, by)?;
            if who.role < crate::rights::role_for(crate::rights::Act::OpenWithdrawnAttachment) {
                return Err(withdrawn(&a));
            }
            "open_withdrawn_attachment"
        } else {
            "open_attachment"
        };
        let path = self.file_of(&a)?;
        std::fs::create_dir_all(folder)?;
        let copy = folder.join(format!("{number}-{}", safe_name(&a.file_name)));
        std::fs::copy(&path, &copy).map_err(|_| missing(&a))?;
        self.log_access(Some(by), action, &number, &a.file_name)?;
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
        .inspect(|a| self.forget_thumbnail(a))
    }

    /// The attachment, where its file is stored and its case's number; a withdrawn one
    /// is not handed out.
    pub(crate) fn stored(&self, id: i64) -> Result<(Attachment, PathBuf, String)> {
        let (a, _, number) = find(&self.conn, id)?;
        if a.withdrawn_at.is_some() {
            return Err(withdrawn(&a));
        }
        let path = self.file_of(&a)?;
        Ok((a, path, number))
    }

    /// Where an attachment's file is kept in the data directory.
    fn file_of(&self, a: &Attachment) -> Result<PathBuf> {
        self.data_dir()
            .map(|d| d.join(&a.stored_path))
            .ok_or_else(|| missing(a))
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

/// A file picked to be added that is no longer where it was picked.
pub(crate) fn gone(source: &Path) -> crate::error::LedgerError {
    picked_file_refused(source, Why::PickedFileGone)
}

/// A file the clerk picked, refused for `why`, which names it by its file name (its
/// whole path is the error's value).
pub(crate) fn picked_file_refused(
    source: &Path,
    why: impl FnOnce(String) -> Why,
) -> crate::error::LedgerError {
    let shown = source.display().to_string();
    let name = source
        .file_name()
        .map_or(shown.clone(), |n| n.to_string_lossy().into_owned());
    invalid("file", Problem::NotAllowed { why: why(name) }, shown)
}

pub(crate) fn missing(a: &Attachment) -> crate::error::LedgerError {
    invalid(
        "attachment",
        Problem::NotAllowed {
            why: Why::FileMissing(a.file_name.clone()),
        },
        a.file_name.clone(),
    )
}
