//! Opening a ledger an older version wrote: a copy first, then the migrations, and the
//! cases all there with the newer indexes filled; a ledger another program is writing
//! is waited for, not copied again on every try.

use desk_ledger::backup;
use desk_ledger::testing::as_written_by_schema_4;
use desk_ledger::{pending_upgrade, CaseFilter, Ledger, LedgerError, SCHEMA_VERSION};

mod common;
use common::{at, complaint};

/// An office with two cases, then turned into what schema version 4 wrote.
fn older_office(dir: &std::path::Path) {
    let mut l = Ledger::open(dir).expect("open");
    l.set_clock(at("2026-11-23 09:00"));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    l.set_setting("admin", "language", "zh-TW")
        .expect("language");
    l.register("admin", &complaint()).expect("register");
    let mut other = complaint();
    other.content = "楼道灯不亮".into();
    let called = l.register("admin", &other).expect("register").number;
    // Handled and called back (satisfied) before the upgrade: only closing is left.
    l.finish("admin", &called, "已修好").expect("finish");
    let satisfied = common::satisfied();
    l.callback("admin", &called, &satisfied).expect("callback");
    drop(l);
    as_written_by_schema_4(dir).expect("schema 4");
}

fn copies(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join("backups")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("pre-migration-v4-") && n.ends_with(".sqlite"))
        })
        .collect()
}

fn found(l: &Ledger, text: &str) -> usize {
    l.list(&CaseFilter {
        text: Some(text.into()),
        page_size: 50,
        ..Default::default()
    })
    .expect("search")
    .rows
    .len()
}

#[test]
fn an_older_ledger_is_copied_then_upgraded_with_every_case_and_index() {
    let dir = tempfile::tempdir().expect("dir");
    older_office(dir.path());
    let pending = pending_upgrade(dir.path()).expect("an upgrade is pending");
    assert_eq!((pending.from, pending.to), (4, SCHEMA_VERSION));
    assert_eq!(
        pending.language, "zh-TW",
        "the waiting screen speaks the office's language"
    );
    assert!(copies(dir.path()).is_empty());

    let l = Ledger::open(dir.path()).expect("upgraded");
    assert_eq!(
        desk_ledger::schema_version(l.connection()).expect("v"),
        SCHEMA_VERSION
    );
    assert_eq!(pending_upgrade(dir.path()), None, "nothing left to upgrade");
    // The two-character index the upgrade added holds the cases written before it.
    assert_eq!(found(&l, "漏水"), 1);
    assert_eq!(found(&l, "灯不亮"), 1);
    // And single characters, each the start of one of that index's tokens.
    assert_eq!(found(&l, "亮"), 1);
    assert_eq!(found(&l, "漏"), 1);
    // The case called back before the upgrade counts as left to close.
    let counts = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    assert_eq!((counts.called_back, counts.awaiting_callback), (1, 0));

    // The copy is the ledger as it was, still at version 4, with both cases, and the
    // backup list offers it (so the way back can restore it if an upgrade fails).
    let copy = copies(dir.path());
    assert_eq!(copy.len(), 1, "one copy before the upgrade: {copy:?}");
    let listed = backup::list(&backup::backup_dir(dir.path())).expect("list");
    let listed: Vec<_> = listed.iter().filter(|b| b.reason == "migration").collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(std::path::Path::new(&listed[0].file), copy[0]);
    let again = backup::verify(&copy[0]).expect("the copy verifies");
    assert!(again.integrity_ok);
    assert_eq!((again.schema_version, again.cases), (4, 2));
}

#[test]
fn a_ledger_another_program_is_writing_is_waited_for_and_copied_once() {
    let dir = tempfile::tempdir().expect("dir");
    older_office(dir.path());
    let other = rusqlite::Connection::open(desk_ledger::db_path(dir.path())).expect("other");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("the other program writes");

    let waited = Ledger::open(dir.path());
    assert!(
        matches!(waited, Err(LedgerError::Busy)),
        "got {:?}",
        waited.err()
    );
    assert!(
        copies(dir.path()).is_empty(),
        "no copy while the file is held"
    );
    assert!(pending_upgrade(dir.path()).is_some(), "still to do");

    other
        .execute_batch("COMMIT")
        .expect("the other program is done");
    let l = Ledger::open(dir.path()).expect("upgraded once the file is free");
    assert_eq!(found(&l, "漏水"), 1);
    assert_eq!(copies(dir.path()).len(), 1);
}

#[test]
fn a_new_or_current_ledger_has_nothing_to_upgrade() {
    let dir = tempfile::tempdir().expect("dir");
    assert_eq!(pending_upgrade(dir.path()), None, "no file yet");
    drop(Ledger::open(dir.path()).expect("new"));
    assert_eq!(
        pending_upgrade(dir.path()),
        None,
        "made at the current version"
    );
}

#[test]
fn a_ledger_that_cannot_be_opened_still_tells_its_language() {
    let tmp = tempfile::tempdir().expect("tmp");
    older_office(tmp.path());
    Ledger::open(tmp.path()).expect("upgraded");
    // A newer version wrote the file since: this program refuses it, but the screen
    // saying so speaks the office's language.
    desk_ledger::testing::as_written_by_a_newer_version(tmp.path()).expect("newer");
    assert!(matches!(
        Ledger::open(tmp.path()),
        Err(LedgerError::SchemaTooNew { .. })
    ));
    assert_eq!(
        desk_ledger::stored_language(tmp.path()).as_deref(),
        Some("zh-TW")
    );

    let garbage = tempfile::tempdir().expect("tmp");
    std::fs::write(desk_ledger::db_path(garbage.path()), "not a ledger").expect("write");
    assert_eq!(desk_ledger::stored_language(garbage.path()), None);
    let empty = tempfile::tempdir().expect("tmp");
    assert_eq!(desk_ledger::stored_language(empty.path()), None);
    assert!(
        !desk_ledger::db_path(empty.path()).exists(),
        "nothing created"
    );
}

#[test]
fn phones_an_earlier_version_kept_as_typed_are_found_after_the_upgrade_and_say_why() {
    let dir = tempfile::tempdir().expect("dir");
    let (typed, odd) = {
        let mut l = Ledger::open(dir.path()).expect("open");
        l.set_clock(at("2026-11-23 09:00"));
        l.init("", "东区管理处", "admin", "管理员").expect("init");
        let typed = l.register("admin", &complaint()).expect("a").number;
        let odd = l.register("admin", &complaint()).expect("b").number;
        let unit = desk_ledger::NewUnit {
            building: "3栋".into(),
            room: "1502".into(),
            owner_name: "王先生".into(),
            phones: "13900001111".into(),
            ..Default::default()
        };
        l.upsert_unit("admin", &unit).expect("unit");
        (typed, odd)
    };
    // What the earlier version kept: the mobile as the clerk typed it, and a field today's
    // rules would refuse.
    desk_ledger::testing::as_written_by_schema_9(
        dir.path(),
        &format!(
            "UPDATE cases SET complainant_phones = '+86 138 1234 5678，0571-87654321' WHERE number = '{typed}';
             UPDATE cases SET complainant_phones = '12345' WHERE number = '{odd}';
             UPDATE units SET phones = '139-0000-1111' WHERE room = '1502'"
        ),
    )
    .expect("schema 9");
    let l = Ledger::open(dir.path()).expect("upgraded");
    // Kept as registration keeps it now, so the mobile typed either way finds the case.
    let case = l.case(&typed).expect("case");
    assert_eq!(case.complainant_phones, "13812345678, 0571-87654321");
    assert_eq!(found(&l, "13812345678"), 1);
    let history = l.history(&typed).expect("history");
    let last = history.last().expect("an entry");
    assert_eq!(last.action, "normalise_phones");
    assert_eq!(last.actor, None, "the upgrade did it, not a staff member");
    assert_eq!(
        last.changes[0].old.as_deref(),
        Some("+86 138 1234 5678，0571-87654321")
    );
    // A field the rules would refuse today is the clerk's to correct, not the upgrade's.
    assert_eq!(l.case(&odd).expect("odd").complainant_phones, "12345");
    assert!(l
        .history(&odd)
        .expect("history")
        .iter()
        .all(|e| e.action != "normalise_phones"));
    let units = l.units("1502", 5).expect("units");
    assert_eq!(units[0].phones, "13900001111");
}
