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
use crate::labels::{lang, word};

/// The complainant as printed: as the ledger's documents name them
/// (`Case::complainant_shown`), and 匿名 where no name was given.
fn complainant(c: &Case, script: Script) -> String {
    match c.complainant_shown(lang(script)) {
        name if name.trim().is_empty() => word(script, "anonymous"),
        name => name,
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
