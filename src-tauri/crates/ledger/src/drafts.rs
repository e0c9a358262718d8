//! Unsaved forms kept per staff member, so a closed window or a crash loses nothing.
//! A dialog on a case keeps its draft as `<dialog>:<case number>` (e.g. `record:TS-202611-0001`).

use rusqlite::{params, OptionalExtension, Transaction};

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
        self.write_unrecorded(|tx| {
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
        self.write_unrecorded(|tx| {
            let who = actor(tx, by)?;
            tx.execute(
                "DELETE FROM drafts WHERE staff_id = ?1 AND form = ?2",
                params![who.id, form],
            )?;
            Ok(())
        })
    }
}

/// A case closed or voided offers no dialog any more: what was typed into its dialogs,
/// by anyone, is forgotten with it rather than kept (with the customer's details in it)
/// where nothing will ever open it again.
pub(crate) fn forget_case(tx: &Transaction, number: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM drafts WHERE substr(form, -length(?1) - 1) = ':' || ?1",
        [number],
    )?;
    Ok(())
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

    #[test]
    fn a_voided_case_takes_its_dialog_drafts_with_it_and_leaves_the_others() {
        let mut l = Ledger::in_memory().expect("ledger");
        l.init("", "东区管理处", "A01", "王芳").expect("init");
        let case = |content: &str| crate::NewCase {
            channel: "phone".into(),
            complainant_name: "王先生".into(),
            phones: "13812345678".into(),
            building: "3栋".into(),
            room: "1502".into(),
            content: content.into(),
            category: Some("B04".into()),
            ..Default::default()
        };
        let a = l.register("A01", &case("卫生间漏水")).expect("a").number;
        let b = l.register("A01", &case("楼道灯不亮")).expect("b").number;
        for form in [
            format!("record:{a}"),
            format!("edit:{a}"),
            format!("record:{b}"),
        ] {
            l.save_draft("A01", &form, r#"{"note":"已联系"}"#)
                .expect("save");
        }
        l.save_draft("A01", "register", r#"{"content":"电梯异响"}"#)
            .expect("save");
        l.void("A01", &a, "重复登记").expect("void");
        assert_eq!(l.draft("A01", &format!("record:{a}")).expect("read"), None);
        assert_eq!(l.draft("A01", &format!("edit:{a}")).expect("read"), None);
        assert!(l
            .draft("A01", &format!("record:{b}"))
            .expect("read")
            .is_some());
        assert!(l.draft("A01", "register").expect("read").is_some());
    }
}
