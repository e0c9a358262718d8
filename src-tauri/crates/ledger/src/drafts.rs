//! Unsaved forms kept per staff member, so a closed window or a crash loses nothing.

use rusqlite::{params, OptionalExtension};

use crate::error::{invalid, Problem, Result};
use crate::ledger::{actor, Ledger};

/// A draft larger than this is not a form a clerk typed.
const DRAFT_MAX: usize = 64 * 1024;

impl Ledger {
    /// Keeps `body` (the form's fields as JSON) as `by`'s draft of `form`.
    pub fn save_draft(&mut self, by: &str, form: &str, body: &str) -> Result<()> {
        if body.len() > DRAFT_MAX {
            return Err(invalid("draft", Problem::TooLong { max: DRAFT_MAX }, ""));
        }
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            tx.execute(
                "INSERT INTO drafts (staff_id, form, body, saved_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (staff_id, form) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
                params![who.id, form, body, at],
            )?;
            Ok(())
        })
    }

    /// The kept draft of `form`, if any.
    pub fn draft(&self, by: &str, form: &str) -> Result<Option<String>> {
        let who = actor(&self.conn, by)?;
        Ok(self
            .conn
            .query_row(
                "SELECT body FROM drafts WHERE staff_id = ?1 AND form = ?2",
                params![who.id, form],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Forgets the draft once the form was saved or deliberately cancelled.
    pub fn discard_draft(&mut self, by: &str, form: &str) -> Result<()> {
        self.write(|tx| {
            let who = actor(tx, by)?;
            tx.execute(
                "DELETE FROM drafts WHERE staff_id = ?1 AND form = ?2",
                params![who.id, form],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Ledger;

    #[test]
    fn a_draft_survives_reopening_and_is_kept_per_staff_member() {
        let dir = tempfile::tempdir().expect("temp dir");
        {
            let mut l = Ledger::open(dir.path()).expect("open");
            l.init("", "东区管理处", "A01", "王芳").expect("init");
            l.add_staff("A01", "A02", "李雷", "clerk").expect("staff");
            l.save_draft("A01", "register", r#"{"content":"电梯异响"}"#)
                .expect("save");
        }
        let mut l = Ledger::open(dir.path()).expect("reopen");
        assert_eq!(
            l.draft("A01", "register").expect("read").as_deref(),
            Some(r#"{"content":"电梯异响"}"#)
        );
        assert_eq!(l.draft("A02", "register").expect("read"), None);
        l.discard_draft("A01", "register").expect("discard");
        assert_eq!(l.draft("A01", "register").expect("read"), None);
    }
}
