//! Exports that leave the office (docs/confidentiality.md): the anonymized workbook, the anonymized
//! CSV and the consolidated company summary made from anonymized workbooks are scanned
//! for every complainant's name and phone in the whole ledger — every month, voided
//! cases and the unit directory's owners included — not only the exported month's.

use desk_ledger::{Lang, Ledger};
use desk_reports::{consolidate, export_period, Period};

mod common;
use common::all_text;

/// Every name (two characters or more) and phone the ledger holds.
fn personal_data(l: &Ledger) -> (Vec<String>, Vec<String>) {
    let c = l.connection();
    let mut names = Vec::new();
    let mut phones = Vec::new();
    for sql in [
        "SELECT complainant_name, complainant_phones FROM cases",
        "SELECT owner_name, phones FROM units",
    ] {
        let mut st = c.prepare(sql).expect("query");
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .expect("rows");
        for row in rows {
            let (name, phone) = row.expect("row");
            if name.chars().count() >= 2 && !["匿名", "业主"].contains(&name.as_str()) {
                names.push(name);
            }
            phones.extend(
                phone
                    .split([',', '，', ' ', '、'])
                    .filter(|p| p.chars().filter(char::is_ascii_digit).count() >= 7)
                    .map(String::from),
            );
        }
    }
    names.sort();
    names.dedup();
    phones.sort();
    phones.dedup();
    (names, phones)
}

fn leaks(text: &str, names: &[String], phones: &[String]) -> Vec<String> {
    names
        .iter()
        .chain(phones)
        .filter(|p| text.contains(p.as_str()))
        .cloned()
        .collect()
}

#[test]
fn nothing_that_leaves_the_office_carries_a_name_or_phone_of_the_ledger() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut files = Vec::new();
    let mut all_names = Vec::new();
    let mut all_phones = Vec::new();
    for (i, office) in ["东区管理处", "西区管理处"].iter().enumerate() {
        let mut l = common::demo_office(500, 3, 40 + i as u64);
        l.set_setting("admin", "office_name", office).expect("name");
        let (names, phones) = personal_data(&l);
        assert!(
            names.len() > 50 && phones.len() > 50,
            "a ledger with people in it"
        );
        let month = l.now().format("%Y-%m").to_string();
        let first = (l.now() - chrono::Duration::days(62))
            .format("%Y-%m")
            .to_string();
        for (period, csv) in [
            (Period::months(&month, &month), false),
            (Period::months(&first, &month), true),
        ] {
            let p = period.expect("period");
            let path = dir.path().join(format!(
                "{i}-{}.{}",
                p.slug(),
                if csv { "csv" } else { "xlsx" }
            ));
            export_period(&mut l, Some("admin"), &p, csv, Lang::ZhCn, true, &path).expect("export");
            let text = if csv {
                std::fs::read_to_string(&path).expect("csv")
            } else {
                files.push(path.clone());
                all_text(&path)
            };
            let leaked = leaks(&text, &names, &phones);
            assert!(leaked.is_empty(), "{}: {leaked:?}", path.display());
        }
        // The same export without anonymizing does carry them: the scan can see a leak.
        let plain = dir.path().join(format!("{i}-plain.xlsx"));
        let p = Period::months(&month, &month).expect("period");
        export_period(&mut l, Some("admin"), &p, false, Lang::ZhCn, false, &plain).expect("plain");
        assert!(!leaks(&all_text(&plain), &names, &phones).is_empty());
        all_names.extend(names);
        all_phones.extend(phones);
    }
    let (bytes, _) = consolidate(&files, Lang::ZhCn).expect("consolidate");
    let company = dir.path().join("company.xlsx");
    std::fs::write(&company, bytes).expect("write");
    let leaked = leaks(&all_text(&company), &all_names, &all_phones);
    assert!(leaked.is_empty(), "consolidated: {leaked:?}");
}
