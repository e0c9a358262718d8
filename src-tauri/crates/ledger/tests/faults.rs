//! Storage faults on the core: another program holding the ledger, a full database.
//! Each gives a translated error of its own kind, and nothing half-written remains.
//! (A real full disk and a read-only folder are tested through the CLI, in
//! crates/cli/tests/faults.rs.)

use desk_ledger::{Lang, Ledger, LedgerError, NewCase};

mod common;

fn case(content: &str) -> NewCase {
    NewCase {
        content: content.into(),
        ..common::complaint()
    }
}

fn count(l: &Ledger, table: &str) -> i64 {
    l.connection()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_ledger_locked_by_another_program_is_reported_and_works_again_after() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = Ledger::open(dir.path()).expect("open");
    l.init("", "东区管理处", "a", "管理员").expect("init");
    let first = l.register("a", &case("卫生间漏水")).expect("first");

    // Another program takes the write lock and keeps it.
    let other = rusqlite::Connection::open(dir.path().join("ledger.sqlite")).expect("other");
    other.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    let err = l.register("a", &case("楼道灯不亮")).expect_err("locked");
    assert!(matches!(err, LedgerError::Busy), "{err:?}");
    assert_eq!(err.kind(), "busy");
    assert!(err.localized(Lang::ZhCn).contains("另一个程序"));
    assert!(err.localized(Lang::ZhTw).contains("另一個程式"));
    other.execute_batch("ROLLBACK").expect("unlock");

    let second = l
        .register("a", &case("楼道灯不亮"))
        .expect("after the lock");
    assert_eq!(count(&l, "cases"), 2);
    // The refused attempt took no number.
    let n = |s: &str| s[s.len() - 4..].parse::<u32>().expect("serial");
    assert_eq!(n(&second.number), n(&first.number) + 1);
}

#[test]
fn a_full_database_is_reported_as_a_full_disk_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = Ledger::open(dir.path()).expect("open");
    l.init("", "东区管理处", "a", "管理员").expect("init");
    // SQLite's own ceiling stands in for the disk here (the CLI test fills a real one).
    let pages: i64 = l
        .connection()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("pages");
    l.connection()
        .query_row(
            &format!("PRAGMA max_page_count = {}", pages + 40),
            [],
            |_| Ok(()),
        )
        .expect("ceiling");
    let long = "污水从下水道反冒，".repeat(200);
    let mut saved = Vec::new();
    let err = loop {
        match l.register("a", &case(&long)) {
            Ok(c) => saved.push(c.number),
            Err(e) => break e,
        }
        assert!(saved.len() < 10_000, "the ceiling never came");
    };
    assert!(matches!(err, LedgerError::DiskFull), "{err:?}");
    assert!(err.localized(Lang::ZhCn).starts_with("磁盘已满"));
    assert!(!saved.is_empty());
    assert_eq!(
        count(&l, "cases"),
        saved.len() as i64,
        "nothing half-written"
    );
    let ok: String = l
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    for n in &saved {
        l.case_file(n).expect("every saved case is there");
    }
}

#[test]
fn a_stored_word_the_program_does_not_know_is_reported_as_damage_not_read_as_another() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init("", "东区管理处", "a", "管理员").expect("init");
    let case = l.register("a", &case("卫生间漏水")).expect("register");
    // Another program (or a damaged page) left a status this version never writes.
    l.connection()
        .execute(
            "UPDATE cases SET status = 'archived' WHERE id = ?1",
            [case.id],
        )
        .expect("tamper");
    let err = l
        .view_case(Some("a"), &case.number)
        .expect_err("an unknown status");
    assert!(
        matches!(&err, LedgerError::StoredWord { what: "Status", word } if word == "archived"),
        "{err:?}"
    );
    assert_eq!(err.kind(), "damaged");
    assert!(err.localized(Lang::ZhCn).contains("“archived”"));
    assert!(err.restore_helps());
}
