//! What the reports' test files share: a workbook read back as text.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;

use calamine::{open_workbook_auto, Reader};

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
