//! Complaint Desk workbooks (docs/month-end.md): the month-end summary of one office for a month
//! or any range, the company consolidation of several offices' summaries, a CSV export
//! of the ledger safe to open in a spreadsheet, and the unit-directory import.
//! Every figure comes from the core ([`desk_ledger::Summary`]); this crate lays it out.

mod access_export;
mod consolidate;
mod csv_export;
mod error;
mod export;
mod labels;
mod meta;
mod summary_book;
mod typical_sheet;
mod units_import;

pub use access_export::{access_log_csv, access_log_file_name};
pub use consolidate::consolidate;
pub use csv_export::{csv_cell, ledger_csv};
pub use error::{ReportError, Result};
pub use export::{export_period, period_csv, period_workbook, save_file, Period};
pub use meta::{read_meta, Meta, PRODUCT};
pub use summary_book::summary_workbook;
pub use units_import::{read_units, ImportPreview, RowProblem};
