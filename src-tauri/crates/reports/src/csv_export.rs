//! The ledger as CSV for any spreadsheet: UTF-8 with a byte-order mark (so Excel reads
//! the Chinese), CRLF line ends, and every cell that a spreadsheet would take for a
//! formula neutralized.

use desk_calendar::Lang;
use desk_ledger::SummaryRow;

use crate::labels::{ledger_columns, word, yes_no};

/// One cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front so
/// it is shown as text and never run; quoted when it holds a comma, quote or line break.
pub fn csv_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The ledger rows with the summary's columns.
pub fn ledger_csv(rows: &[SummaryRow], lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    let head: Vec<String> = ledger_columns(lang)
        .iter()
        .map(|(h, _)| csv_cell(h))
        .collect();
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for r in rows {
        let c = &r.case;
        let cells = [
            c.number.clone(),
            c.received_at.clone(),
            word(c.kind.as_str(), lang),
            c.channel.clone(),
            c.complainant_shown(lang),
            c.complainant_phones.clone(),
            c.location(),
            c.content.clone(),
            c.category_parent
                .clone()
                .or(c.category_name.clone())
                .unwrap_or_default(),
            if c.category_parent.is_some() {
                c.category_name.clone().unwrap_or_default()
            } else {
                String::new()
            },
            c.validity
                .map(|v| word(v.as_str(), lang))
                .unwrap_or_default(),
            c.judgement.clone(),
            c.level.map(|l| word(l.as_str(), lang)).unwrap_or_default(),
            c.department_name.clone().unwrap_or_default(),
            word(c.status.as_str(), lang),
            yes_no(r.completed, lang).into(),
            c.finished_at.clone().unwrap_or_default(),
            r.on_time
                .map(|v| yes_no(v, lang).to_string())
                .unwrap_or_default(),
            r.callback
                .map(|o| word(o.as_str(), lang))
                .unwrap_or_default(),
            r.satisfaction
                .map(|s| word(s.as_str(), lang))
                .unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|s| csv_cell(s)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn formula_starts_are_neutralized_and_quotes_kept() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+8613812345678"), "'+8613812345678");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("3号楼, 2单元"), "\"3号楼, 2单元\"");
        assert_eq!(csv_cell("电梯异响"), "电梯异响");
    }
}
