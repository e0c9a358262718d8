//! What the reports' test files share: a workbook read back as text.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;

use calamine::{open_workbook_auto, Reader};
use desk_ledger::{Clock, DemoOptions, Ledger};

/// The office clock stopped at `s` ("2026-11-23 09:00").
pub fn at(s: &str) -> Clock {
    Clock::Fixed(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time"))
}

/// An in-memory office with `cases` demo cases over the `months` months up to
/// `2026-11-23 09:00`. The clock is fixed so that the current month has three weeks of
/// cases whatever day the tests run (on the 1st it would have one day's).
pub fn demo_office(cases: usize, months: u32, seed: u64) -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(at("2026-11-23 09:00"));
    l.demo(&DemoOptions {
        cases,
        months,
        seed,
    })
    .expect("demo");
    l
}

/// Every cell of every sheet, tab-separated, a line per row.
pub fn all_text(path: &Path) -> String {
    let mut wb = open_workbook_auto(path).expect("open workbook");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            for c in row {
                out.push_str(&c.to_string());
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}
