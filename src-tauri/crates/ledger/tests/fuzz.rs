//! Bad input (issue: nothing lost): 100,000 random inputs across the commands the CLI
//! and the app's IPC payloads reach (registration, correction, transfer, signature,
//! progress, callback, the ledger's filters and search). Strings mix control
//! characters, emoji, rare CJK (extension B and beyond), combining marks, over-long
//! text and real codes. Every call must return, never panic; every refusal must be a
//! user error naming a field the clerk has a label for; a refused call must leave
//! every table as it was; accepted text must be stored exactly (after the documented
//! trimming and CRLF → LF).

use std::sync::{Mutex, OnceLock};

use desk_ledger::i18n::field_label;
use desk_ledger::{
    CallbackInput, CaseEdit, CaseFilter, Lang, Ledger, LedgerError, NewCase, TransferInput,
};
use proptest::prelude::*;

mod common;

/// One ledger for all cases: a fresh one per input would spend the time on migrations.
fn ledger() -> std::sync::MutexGuard<'static, Ledger> {
    static L: OnceLock<Mutex<Ledger>> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Ledger::in_memory().expect("ledger");
        l.init("", "东区管理处", "a", "管理员").expect("init");
        let c = l.register("a", &common::complaint()).expect("seed case");
        l.transfer(
            "a",
            &c.number,
            &TransferInput {
                to_department: "engineering".into(),
                summary: "疏通".into(),
                ..Default::default()
            },
        )
        .expect("seed slip");
        Mutex::new(l)
    })
    .lock()
    .unwrap_or_else(|p| p.into_inner())
}

/// Rows in every table a command writes: a refused command must leave them all alone.
fn footprint(l: &Ledger) -> Vec<i64> {
    common::counts(
        l,
        &[
            "cases",
            "history",
            "slips",
            "records",
            "callbacks",
            "case_search",
            "staff",
            "units",
        ],
    )
}

const TRICKY: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{7}铃",
    "\r\n",
    "a\rb",
    "\t缩进",
    "漏水😡👍🏽👨‍👩‍👧",
    "𠀋𡈼𪚥𰻞𰻝",
    "e\u{301}\u{308}",
    "\u{200b}\u{200d}\u{feff}",
    "\u{202e}倒序",
    "=1+1",
    "'; DROP TABLE cases; --",
    "%_\\",
    "B04",
    "A",
    "phone",
    "engineering",
    "developer",
    "complaint",
    "request",
    "dissatisfied",
    "satisfied",
    "reached",
    "13812345678",
    "0571-87654321",
    "+852 9123 4567",
    "1381234567",
    "2026-11-23 14:30",
    "2026-02-30 25:61",
    "-5",
    "1999.999",
    "2000",
    "中",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(TRICKY).prop_map(String::from),
        3 => "\\PC{0,30}",
        2 => ".{0,12}",
        1 => (proptest::sample::select(TRICKY), 1usize..700).prop_map(|(s, n)| s.repeat(n)),
        1 => (0usize..3, 1990usize..2100).prop_map(|(c, n)| ["漏", "𠀋", "😡"][c].repeat(n)),
    ]
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// The stored form of accepted text (validate::optional's documented normalisation).
fn stored(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// A refusal must be the clerk's to fix and name a labelled field.
fn check_refusal(e: &LedgerError, before: &[i64], l: &Ledger) -> Result<(), TestCaseError> {
    prop_assert!(e.is_user_error(), "not a user error: {e:?}");
    if let Some(f) = e.field() {
        prop_assert!(field_label(f, Lang::ZhCn) != f, "field {f} has no label");
        prop_assert!(!e.localized(Lang::ZhCn).is_empty());
    } else {
        let invalid = matches!(e, LedgerError::Invalid { .. });
        prop_assert!(!invalid, "an invalid value without its field");
    }
    prop_assert_eq!(before, &footprint(l)[..], "a refused call wrote something");
    Ok(())
}

fn cases(n: u32) -> ProptestConfig {
    // FUZZ_SCALE=0.01 for a quick local run; the test command runs the full 100,000.
    let scale: f64 = std::env::var("FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    ProptestConfig {
        cases: ((n as f64) * scale).max(1.0) as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

prop_compose! {
    // Grouped so the generated strategy stays small enough for a test thread's stack.
    fn who_and_where()(name in text(), phones in text(), building in text(), unit in text(),
        room in text(), public_area in text()) -> [String; 6] {
        [name, phones, building, unit, room, public_area]
    }
}

prop_compose! {
    fn what()(content in prop_oneof![3 => Just("卫生间漏水".to_string()), 7 => text()],
        demand in text(), category in opt_text(), level in opt_text(), amount in text())
        -> (String, String, Option<String>, Option<String>, String) {
        (content, demand, category, level, amount)
    }
}

prop_compose! {
    fn registration_input()(
        kind in prop_oneof![Just("complaint".to_string()), Just("request".to_string()), text()],
        channel in prop_oneof![Just("phone".to_string()), text()],
        [name, phones, building, unit, room, public_area] in who_and_where(),
        (content, demand, category, level, amount) in what(),
        received_at in opt_text(), relation in opt_text(), department in opt_text(),
        flags in any::<(bool, bool, bool, bool)>(),
    ) -> NewCase {
        NewCase {
            kind, channel, complainant_name: name, phones, building, unit, room, public_area,
            content, demand, category, level, amount, received_at, relation, department,
            anonymous: flags.0, media: flags.1, lawsuit: flags.2, group_action: flags.3,
            ..Default::default()
        }
    }
}

proptest! {
    #![proptest_config(cases(40_000))]
    #[test]
    fn registration(input in registration_input()) {
        let mut l = ledger();
        let before = footprint(&l);
        match l.register("a", &input) {
            Ok(c) => {
                prop_assert_eq!(&c.content, &stored(&input.content));
                prop_assert_eq!(&c.demand, &stored(&input.demand));
                let again = l.case_file(&c.number).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(again.case.content, stored(&input.content));
            }
            Err(e) => check_refusal(&e, &before, &l)?,
        }
    }
}

proptest! {
    #![proptest_config(cases(15_000))]
    #[test]
    fn correction_and_level(
        number in prop_oneof![Just("TS-".to_string()), text()],
        content in opt_text(), name in opt_text(), phones in opt_text(), category in opt_text(),
        amount in opt_text(), level in text(), reason in text(),
    ) {
        let mut l = ledger();
        // Most inputs aim at a real case so the checks behind the number are reached.
        let number = if number == "TS-" { latest(&l) } else { number };
        let before = footprint(&l);
        let e = CaseEdit { content, complainant_name: name, phones, category, amount, ..Default::default() };
        if let Err(err) = l.edit("a", &number, &e, &reason) {
            check_refusal(&err, &before, &l)?;
        }
        let before = footprint(&l);
        if let Err(err) = l.set_level("a", &number, &level, &reason) {
            check_refusal(&err, &before, &l)?;
        }
    }
}

fn latest(l: &Ledger) -> String {
    l.connection()
        .query_row(
            "SELECT number FROM cases ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a case")
}

proptest! {
    #![proptest_config(cases(15_000))]
    #[test]
    fn transfer_sign_and_progress(
        to in prop_oneof![Just("engineering".to_string()), Just("developer".to_string()), text()],
        person in text(), summary in text(), requirement in text(), at in opt_text(),
        signer in text(), action in text(), result in text(),
    ) {
        let mut l = ledger();
        let number = latest(&l);
        let before = footprint(&l);
        let t = TransferInput { to_department: to, to_person: person, summary, requirement, transferred_at: at.clone(), ..Default::default() };
        match l.transfer("a", &number, &t) {
            Ok(slip) => {
                prop_assert_eq!(&slip.summary, &stored(&t.summary));
                let before = footprint(&l);
                if let Err(e) = l.sign("a", &slip.number, &signer, at.as_deref()) {
                    check_refusal(&e, &before, &l)?;
                }
            }
            Err(e) => check_refusal(&e, &before, &l)?,
        }
        let before = footprint(&l);
        match l.record("a", &number, &action, &result, at.as_deref()) {
            Ok(r) => prop_assert_eq!(&r.action, &stored(&action)),
            Err(e) => check_refusal(&e, &before, &l)?,
        }
    }
}

proptest! {
    #![proptest_config(cases(15_000))]
    #[test]
    fn finish_callback_pause_void(
        method in prop_oneof![Just("phone".to_string()), text()],
        outcome in prop_oneof![Just("reached".to_string()), text()],
        satisfaction in prop_oneof![Just(Some("satisfied".to_string())), Just(Some("dissatisfied".to_string())), opt_text()],
        person in text(), comments in text(), at in opt_text(), result in text(), reason in text(),
    ) {
        let mut l = ledger();
        let number = latest(&l);
        let before = footprint(&l);
        if let Err(e) = l.finish("a", &number, &result) {
            check_refusal(&e, &before, &l)?;
        }
        let before = footprint(&l);
        let c = CallbackInput { at, method, person_reached: person, relation: String::new(), outcome, satisfaction, comments };
        if let Err(e) = l.callback("a", &number, &c) {
            check_refusal(&e, &before, &l)?;
        }
        let before = footprint(&l);
        if let Err(e) = l.pause("a", &number, &reason) {
            check_refusal(&e, &before, &l)?;
        }
        let before = footprint(&l);
        if let Err(e) = l.void("a", &number, &reason) {
            check_refusal(&e, &before, &l)?;
        }
    }
}

proptest! {
    #![proptest_config(cases(15_000))]
    #[test]
    fn ledger_filters_and_search(
        kind in opt_text(), status in opt_text(), category in opt_text(), level in opt_text(),
        month in opt_text(), department in opt_text(), text_ in opt_text(), day in opt_text(),
        sort in opt_text(), page in 0usize..1_000_000, page_size in 0usize..10_000,
    ) {
        let mut l = ledger();
        let f = CaseFilter { kind, status, category, level, month, department, text: text_, day, sort, page, page_size, ..Default::default() };
        match l.search_cases(Some("a"), &f) {
            Ok(p) => prop_assert!(p.rows.len() <= 500),
            Err(e) => {
                prop_assert!(e.is_user_error(), "not a user error: {:?}", e);
                prop_assert!(e.field().is_some(), "refusal without a field: {:?}", e);
            }
        }
    }
}
