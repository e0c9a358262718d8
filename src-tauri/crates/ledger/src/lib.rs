//! Complaint Desk core: the ledger of complaints and requests (docs/life-of-a-case.md and docs/classification.md).
//!
//! Every public method of [`Ledger`] that changes something is one SQLite transaction
//! that also writes the change's history. Nothing here depends on the desktop shell.

pub mod about;
mod access;
mod account;
mod attachments;
pub mod backup;
mod calendar_store;
mod cases;
mod db;
pub mod deadlines;
mod demo;
mod directory;
mod drafts;
mod due;
mod error;
mod figures;
mod history;
mod history_words;
pub mod i18n;
mod ledger;
mod major;
pub mod model;
mod notice;
mod numbering;
mod pin;
mod prints;
mod query;
mod rights;
pub mod rules;
mod seed_local;
mod summary;
#[cfg(feature = "testing")]
pub mod testing;
mod text_size;
mod texts;
mod thumbnails;
mod typical;
pub mod validate;
mod why;
mod workflow;

pub use about::About;
pub use access::{facts as access_facts, AccessEntry, AccessFilter, AccessPage, ACCESS_ACTIONS};
pub use account::system_account;
pub use backup::BackupInfo;
pub use calendar_store::{parse_periods, Ctx, YearView, CALENDAR_YEARS, SPAN_AMOUNTS};
pub use cases::{CaseEdit, NewCase};
pub use db::{
    db_path, pending_upgrade, schema_version, stored_language, PendingUpgrade, SCHEMA_VERSION,
};
pub use deadlines::{Deadline, DeadlinePolicy, DeadlineRule, DeadlineState, SpanUnit, StepRule};
pub use demo::{DemoOptions, DemoReport};
pub use desk_calendar::Lang;
pub use directory::{clean_unit, ImportCounts, NewUnit, SETTING_KEYS};
pub use due::{
    DueCounts, DueItem, StepStats, Timeliness, DASHBOARD_DUE_ITEMS, DUE_LIST_MAX, DUE_SOON_MINUTES,
};
pub use error::{LedgerError, Problem, Result};
pub use figures::{figures_of, DeskCounts, Figures, Rate, SummaryRow};
pub use history_words::{HistoryLine, HistoryWords};
pub use ledger::{data_dir_from, default_data_dir, Clock, Ledger};
pub use major::{MajorReport, MajorReportInput, ReportStatus};
pub use notice::{scrub, NoticeItem};
pub use pin::PIN_DIGITS;
pub use prints::{PrintLogEntry, Printing, Stamp};
pub use query::{CaseFilter, CasePage, Related, RelatedQuery, SEARCH_COUNT_CAP};
pub use rights::{Rights, StaffRights};
pub use summary::{anonymize, Breakdown, Common, Count, MajorRow, Recurring, Summary};
pub use texts::Text;
pub use thumbnails::{preview_of, ThumbnailJob, PREVIEW_PX, THUMBNAILS_DIR, THUMBNAIL_PX};
pub use typical::{TypicalCase, TYPICAL_MAX};
pub use why::Why;
pub use workflow::{slips_on, CallbackInput, TransferInput};
