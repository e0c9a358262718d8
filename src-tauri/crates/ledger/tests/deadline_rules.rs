//! The deadline rules of docs/deadlines.md as an office changes them: each step with what is in
//! force and the procedures' default, in words; a change moves the open cases'
//! deadlines, is kept in the calendar's history, and bad spans are refused by name.

use desk_ledger::{Lang, Ledger, LedgerError};

mod common;
use common::complaint;

fn verify_due(l: &Ledger, number: &str) -> (String, String) {
    let d = l
        .deadlines(number, Lang::ZhCn)
        .expect("deadlines")
        .into_iter()
        .find(|d| d.step == "verify")
        .expect("a verify deadline");
    (d.due, d.explanation)
}

#[test]
fn every_step_is_listed_in_the_procedures_order_with_its_default_in_words() {
    let l = common::office_with_clerk();
    let rules = l.deadline_policy().expect("policy").rules(Lang::ZhCn);
    assert_eq!(rules.first().map(|r| r.label.as_str()), Some("录入系统"));
    assert_eq!(rules.last().map(|r| r.label.as_str()), Some("回访"));
    let verify = rules.iter().find(|r| r.step == "verify").expect("verify");
    assert_eq!(verify.label, "现场核实");
    assert_eq!(verify.shown, "4个有效工作时");
    assert_eq!(verify.rule, verify.default);
    let en = l.deadline_policy().expect("policy").rules(Lang::En);
    assert!(en
        .iter()
        .any(|r| r.shown == "3 calendar days" && r.step == "callback"));
}

#[test]
fn a_longer_span_moves_an_open_cases_deadline_and_the_calendar_log_keeps_both() {
    let mut l = common::office_with_clerk();
    let case = l.register("c1", &complaint()).expect("registered");
    // 09:00 on a Monday with 08:30–12:00 and 13:30–17:30: four working hours is 14:30.
    assert_eq!(verify_due(&l, &case.number).0, "2026-11-23 14:30");

    l.set_deadline_rule("admin", "verify", 6, "working_hours")
        .expect("changed");
    let (due, why) = verify_due(&l, &case.number);
    assert_eq!(due, "2026-11-23 16:30");
    assert!(why.contains("6个有效工作时"), "{why}");
    let rules = l.deadline_policy().expect("policy").rules(Lang::ZhCn);
    let verify = rules.iter().find(|r| r.step == "verify").expect("verify");
    assert_eq!(
        (verify.shown.as_str(), verify.default_shown.as_str()),
        ("6个有效工作时", "4个有效工作时")
    );

    let log = l.list_history("calendar", "").expect("history");
    let change = log
        .iter()
        .find(|e| e.action == "set_deadline")
        .and_then(|e| e.changes.first())
        .expect("logged");
    assert_eq!(change.field, "verify");
    assert_eq!(change.old.as_deref(), Some("4 working_hours"));
    assert_eq!(change.new.as_deref(), Some("6 working_hours"));
}

#[test]
fn a_span_out_of_range_an_unknown_unit_or_a_clerk_is_refused() {
    let mut l = common::office_with_clerk();
    let field = |e: LedgerError| e.field().unwrap_or("-").to_string();
    let e = l
        .set_deadline_rule("admin", "verify", 0, "working_hours")
        .expect_err("0");
    assert_eq!(field(e), "span");
    let e = l
        .set_deadline_rule("admin", "verify", 4, "weeks")
        .expect_err("weeks");
    assert_eq!(field(e), "span_unit");
    let e = l
        .set_deadline_rule("admin", "tea_break", 4, "hours")
        .expect_err("no such step");
    assert_eq!(field(e), "deadline_step");
    let e = l
        .set_deadline_rule("c1", "verify", 6, "working_hours")
        .expect_err("a clerk");
    assert!(matches!(e, LedgerError::Forbidden { .. }), "{e:?}");
    let rules = l.deadline_policy().expect("policy").rules(Lang::ZhCn);
    assert!(rules.iter().all(|r| r.rule == r.default), "nothing changed");
}

/// The month's "entered in time" rate: numerator and denominator.
fn entered_in_time(l: &Ledger) -> (i64, i64) {
    let f = l.month_figures("2026-11").expect("figures");
    let r = f
        .rates
        .iter()
        .find(|r| r.key == "entered_in_time")
        .expect("the rate");
    (r.numerator, r.denominator)
}

#[test]
fn the_entered_in_time_rate_counts_the_registration_step_in_force() {
    let mut l = common::office_with_clerk();
    // Received at 08:40, typed in at 09:00: twenty minutes, late against 15.
    let late = desk_ledger::NewCase {
        received_at: Some("2026-11-23 08:40".into()),
        ..complaint()
    };
    l.register("c1", &late).expect("register");
    assert_eq!(entered_in_time(&l), (0, 1));
    // The office allows 30 minutes: the same case was entered in time, as its screen says.
    l.set_deadline_rule("admin", "registration", 30, "minutes")
        .expect("lengthen");
    assert_eq!(entered_in_time(&l), (1, 1));
}

#[test]
fn a_step_or_stored_rule_the_program_does_not_know_is_refused_not_given_a_default() {
    let policy = desk_ledger::DeadlinePolicy::default();
    let err = policy.rule("tea_break").expect_err("no such step");
    assert_eq!(err.field(), Some("deadline_step"));
    assert!(policy.rule("verify").is_ok());

    let mut l = common::office_with_clerk();
    let case = l.register("c1", &complaint()).expect("register");
    // The office's rules as a newer version or a damaged page left them: not read as
    // the procedures' defaults, which would silently undo the office's spans.
    for stored in [
        r#"{"steps":{"tea_break":{"amount":1,"unit":"working_days"}}}"#,
        "{not json",
    ] {
        l.connection()
            .execute(
                "INSERT INTO settings (key, value) VALUES ('deadlines', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [stored],
            )
            .expect("tamper");
        l.connection()
            .execute(
                "INSERT INTO settings (key, value) VALUES ('calendar_rev', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [stored],
            )
            .expect("a new revision, so the cached rules are read again");
        let err = l
            .deadlines(&case.number, Lang::ZhCn)
            .expect_err("damaged rules");
        assert!(matches!(err, LedgerError::StoredWord { .. }), "{err:?}");
        assert_eq!(err.kind(), "damaged");
    }
}
