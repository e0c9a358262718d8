//! The five forms, each built from the ledger's records into a [`FormDoc`].

mod callback;
mod major;
mod notice;
mod registration;
mod slip;

pub use callback::callback_record;
pub use major::major_report;
pub use notice::public_notice;
pub use registration::registration;
pub use slip::transfer_slip;

use desk_ledger::model::Case;

use crate::fonts::Script;
use crate::labels::t;

/// The complainant as printed: the name, or 匿名 for an anonymous complaint.
fn complainant(c: &Case, script: Script) -> String {
    if c.anonymous || c.complainant_name.trim().is_empty() {
        t(script, "匿名", "匿名").to_string()
    } else {
        c.complainant_name.clone()
    }
}

fn category(c: &Case) -> String {
    match (&c.category_parent, &c.category_name) {
        (Some(p), Some(n)) if p != n => format!("{p} / {n}"),
        (_, Some(n)) => n.clone(),
        _ => String::new(),
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}
