//! Complaint Desk's printable forms as A4 PDFs (docs/life-of-a-case.md, docs/levels-and-escalation.md, docs/month-end.md):
//! the registration form, the transfer slip, the callback record, the major-complaint
//! report, the monthly public notice, and all slips of a day in one file.
//!
//! Set in Noto Sans CJK, subset into each PDF. The same content renders to the same
//! bytes: dates and IDs come from the document and its first printing, not the clock.

pub mod doc;
mod error;
pub mod fonts;
mod forms;
mod job;
mod labels;
mod sheet;
pub mod spool;
pub mod text;

pub use doc::{Block, Field, FormDoc};
pub use error::{FormError, Result};
pub use fonts::Script;
pub use forms::{callback_record, major_report, public_notice, registration, transfer_slip};
pub use job::{doc_key, prepare, record, script_of, send_to_printer, FormKind, Prepared};
pub use sheet::{render, Masthead, Rendered};
pub use spool::Handed;

/// The PDF's dates: the first printing's minute, read as written (office time).
pub(crate) fn stamp_time(at: &str) -> printpdf::OffsetDateTime {
    let secs = desk_ledger::validate::parse_minute(at)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    printpdf::OffsetDateTime::from_unix_timestamp(secs)
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch"))
}
