//! What the ledger's test files share: a fixed clock, a complete complaint and an
//! in-memory office filled with demo cases.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use desk_ledger::{Clock, DemoOptions, Ledger, NewCase};

/// The office clock stopped at `2026-11-23 09:00`.
pub fn at(s: &str) -> Clock {
    Clock::Fixed(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time"))
}

/// The moment the tests' offices stand at (a Monday).
pub const NOW: &str = "2026-11-23 09:00";

/// A new office in memory, 东区管理处, its administrator `admin` (管理员), the clock at `now`.
pub fn office_at(now: &str) -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(at(now));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    l
}

/// [`office_at`] at [`NOW`].
pub fn office() -> Ledger {
    office_at(NOW)
}

/// [`office`] with a clerk, `c1` (王芳).
pub fn office_with_clerk() -> Ledger {
    let mut l = office();
    l.add_staff("admin", "c1", "王芳", "clerk").expect("clerk");
    l
}

/// The same office in a data directory (backups, attachments and thumbnails need files).
pub fn office_in(dir: &std::path::Path) -> Ledger {
    let mut l = Ledger::open(dir).expect("open");
    l.set_clock(at(NOW));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    l
}

/// Rows in each of `tables`, to tell that nothing was deleted or that a refusal wrote
/// nothing.
pub fn counts(l: &Ledger, tables: &[&str]) -> Vec<i64> {
    tables
        .iter()
        .map(|t| {
            l.connection()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect(t)
        })
        .collect()
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
