//! A staff member's own text size for the screens: theirs to choose, whatever their
//! role, kept with them and in the history like any change to their entry.

use rusqlite::params;

use crate::error::Result;
use crate::history::{self, Changes};
use crate::ledger::{actor, staff_by_id, Ledger};
use crate::model::{Staff, TextSize};

impl Ledger {
    /// Sets `by`'s own text size ("standard", "large", "larger" or their labels).
    pub fn set_text_size(&mut self, by: &str, size: &str) -> Result<Staff> {
        let size = TextSize::parse_for("text_size", size)?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let me = staff_by_id(tx, who.id)?;
            if me.text_size == size {
                return Ok(me);
            }
            tx.execute(
                "UPDATE staff SET text_size = ?2 WHERE id = ?1",
                params![who.id, size],
            )?;
            let mut ch = Changes::new();
            ch.diff(
                "text_size",
                Some(me.text_size.as_str().into()),
                Some(size.as_str().into()),
            );
            history::log(tx, &at, Some(&who), "staff", who.id, "update", &ch, "")?;
            Ok(Staff {
                text_size: size,
                ..me
            })
        })
    }
}
