//! What the ledger's test files share: a fixed clock, a complete complaint and an
//! in-memory office filled with demo cases.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use desk_ledger::{Clock, DemoOptions, Ledger, NewCase};

/// The office clock stopped at `2026-11-23 09:00`.
pub fn at(s: &str) -> Clock {
    Clock::Fixed(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time"))
}

/// A complaint with every required field: 王先生, 3栋1502, a leaking bathroom (B04).
pub fn complaint() -> NewCase {
    NewCase {
        kind: "complaint".into(),
        channel: "phone".into(),
        complainant_name: "王先生".into(),
        phones: "13812345678".into(),
        building: "3栋".into(),
        room: "1502".into(),
        content: "卫生间漏水".into(),
        category: Some("B04".into()),
        ..Default::default()
    }
}

/// An in-memory office with `cases` demo cases over the three months up to
/// `2026-11-23 09:00` (`seed` picks them). The clock is fixed so that "this month" has
/// three weeks of cases whatever day the tests run (on the 1st it would have one day's).
pub fn demo(cases: usize, seed: u64) -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(at("2026-11-23 09:00"));
    l.demo(&DemoOptions {
        cases,
        months: 3,
        seed,
    })
    .expect("demo");
    l
}

/// A callback that reached the customer, who was satisfied: the case may close.
pub fn satisfied() -> desk_ledger::CallbackInput {
    desk_ledger::CallbackInput {
        outcome: "reached".into(),
        satisfaction: Some("satisfied".into()),
        ..Default::default()
    }
}
