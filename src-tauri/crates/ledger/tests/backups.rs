//! Backups: a verified copy with its counts, once a day, rotated; restore from a copy
//! after checking it, with the current file kept aside; a damaged copy is refused.

use desk_ledger::backup::{self, backup_dir, list, restore, verify, KEEP_DAILY, KEEP_MONTHLY};
use desk_ledger::{Clock, Ledger};

mod common;
use common::{at, complaint as case};

fn cases_in(l: &Ledger) -> i64 {
    l.connection()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_backup_is_verified_and_counted_and_made_once_a_day() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    l.register("admin", &case()).expect("register");
    let first = l.daily_backup().expect("backup").expect("made today");
    assert!(first.integrity_ok);
    assert_eq!((first.cases, first.reason.as_str()), (1, "daily"));
    assert!(l.daily_backup().expect("again").is_none(), "one a day");
    l.set_clock(at("2026-11-24 08:30"));
    assert!(l.daily_backup().expect("next day").is_some());
    assert_eq!(list(&backup_dir(dir.path())).expect("list").len(), 2);
    // Each is in the access log, by no staff member: the desk's own copies.
    let log = l
        .access_log("admin", &Default::default(), desk_ledger::Lang::ZhCn)
        .expect("log");
    assert_eq!(log.rows.iter().filter(|r| r.action == "backup").count(), 2);

    // On demand, to a chosen folder (a USB stick).
    let usb = tempfile::tempdir().expect("usb");
    let copy = l.backup_to(usb.path(), "manual").expect("manual");
    assert_eq!(
        verify(std::path::Path::new(&copy.file))
            .expect("verify")
            .cases,
        1
    );
}

#[test]
fn rotation_keeps_fourteen_days_and_the_first_of_twelve_months() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for d in 0..500 {
        let day = start + chrono::Days::new(d);
        l.set_clock(Clock::Fixed(day.and_hms_opt(9, 0, 0).expect("time")));
        l.daily_backup().expect("backup");
    }
    let kept = list(&backup_dir(dir.path())).expect("list");
    assert_eq!(kept.len(), KEEP_DAILY + KEEP_MONTHLY);
    // The newest fourteen days are all there; older ones are each the 1st of a month.
    assert!(kept[..KEEP_DAILY]
        .iter()
        .all(|b| b.made_at.starts_with("2026-05")));
    assert!(kept[KEEP_DAILY..]
        .iter()
        .all(|b| b.made_at.get(8..10) == Some("01")));
}

#[test]
fn restore_brings_back_the_copy_and_keeps_the_current_file_aside() {
    let dir = tempfile::tempdir().expect("dir");
    let l = {
        let mut l = common::office_in(dir.path());
        l.register("admin", &case()).expect("one");
        l
    };
    let copy = l
        .backup_to(&backup_dir(dir.path()), "manual")
        .expect("backup");
    let mut l = l;
    l.register("admin", &case()).expect("two, after the backup");
    drop(l);

    let (info, aside) = restore(dir.path(), std::path::Path::new(&copy.file)).expect("restore");
    assert_eq!(info.cases, 1);
    let aside = aside.expect("the current file was kept");
    assert_eq!(verify(&aside).expect("kept file").cases, 2);
    let mut l = Ledger::open(dir.path()).expect("reopen");
    assert_eq!(cases_in(&l), 1);

    // The access log says, in the reader's language, what each copy held and where the
    // replaced ledger went.
    l.log_backup(Some("admin"), "backup", &copy)
        .expect("log the backup");
    l.log_restore(Some("admin"), info, Some(&aside))
        .expect("log the restore");
    let log = l
        .access_log("admin", &Default::default(), desk_ledger::Lang::ZhCn)
        .expect("log");
    let detail = |action: &str| {
        let row = log.rows.iter().find(|r| r.action == action);
        row.expect(action).detail.clone()
    };
    assert_eq!(detail("backup"), "个案数：1，备份方式：手动");
    assert_eq!(
        detail("restore"),
        format!("个案数：1，原台账另存为：{}", aside.display())
    );
}

#[test]
fn the_file_kept_aside_by_a_restore_is_named_in_the_office_time_zone() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    // An office far from this computer's own zone, whatever that is.
    let zone = if chrono::Local::now().offset().local_minus_utc() > 0 {
        "America/Los_Angeles"
    } else {
        "Asia/Tokyo"
    };
    l.set_setting("admin", "timezone", zone).expect("zone");
    let copy = l
        .backup_to(&backup_dir(dir.path()), "manual")
        .expect("backup");
    drop(l);
    let (_, aside) = restore(dir.path(), std::path::Path::new(&copy.file)).expect("restore");
    let name = aside
        .expect("kept")
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    let stamp = name
        .trim_start_matches("ledger.before-restore-")
        .trim_end_matches(".sqlite");
    let named = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").expect(&name);
    let office_now = chrono::Utc::now()
        .with_timezone(&zone.parse::<chrono_tz::Tz>().expect("tz"))
        .naive_local();
    assert!(
        (office_now - named).num_seconds().abs() < 120,
        "{name} is not the office's time ({office_now})"
    );
}

#[test]
fn a_damaged_backup_is_refused_and_nothing_is_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    l.register("admin", &case()).expect("one");
    let copy = l
        .backup_to(&backup_dir(dir.path()), "manual")
        .expect("backup");
    drop(l);
    // Cut the copy short: what a yanked USB stick leaves behind.
    let bytes = std::fs::read(&copy.file).expect("read");
    std::fs::write(&copy.file, &bytes[..bytes.len() / 3]).expect("damage");
    let err = restore(dir.path(), std::path::Path::new(&copy.file)).expect_err("refused");
    assert_eq!(err.field(), Some("backup"));
    let junk = dir.path().join("notes.txt");
    std::fs::write(&junk, "这不是数据库").expect("junk");
    assert!(backup::verify(&junk).is_err());
    // The ledger is untouched.
    let l = Ledger::open(dir.path()).expect("reopen");
    assert_eq!(cases_in(&l), 1);
}

#[test]
fn a_damaged_ledger_is_reported_with_the_latest_good_backup_and_not_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    l.register("admin", &case()).expect("one");
    let good = l.daily_backup().expect("backup").expect("made");
    drop(l);
    let db = desk_ledger::db_path(dir.path());
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[..100].copy_from_slice(&[0x5a; 100]);
    std::fs::write(&db, &bytes).expect("damage");

    let err = Ledger::open(dir.path()).err().expect("refused");
    match &err {
        desk_ledger::LedgerError::Damaged { backup, .. } => {
            assert_eq!(backup.as_deref(), Some(good.file.as_str()))
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    // The command line is told the command; the app points to its list of backups.
    let cli = err.localized(desk_ledger::Lang::ZhCn);
    assert!(cli.contains("restore") && cli.contains(&good.file), "{cli}");
    let app = err.localized_in_app(desk_ledger::Lang::ZhCn);
    assert!(app.contains(&good.file) && app.contains("下方"), "{app}");
    assert!(!app.contains("complaint-desk"), "{app}");
    // The damaged file is still there, untouched, for whoever looks at it.
    assert_eq!(std::fs::read(&db).expect("still there"), bytes);
    restore(dir.path(), std::path::Path::new(&good.file)).expect("restore");
    assert!(Ledger::open(dir.path()).is_ok());
}

#[test]
fn damage_inside_the_file_is_found_by_the_start_up_check_not_only_a_bad_header() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    for _ in 0..40 {
        l.register("admin", &case()).expect("register");
    }
    let good = l.daily_backup().expect("backup").expect("made");
    assert!(l.quick_check().is_ok(), "a sound ledger passes");
    drop(l);
    desk_ledger::testing::damage_the_cases_page(dir.path()).expect("damage");

    let l = Ledger::open(dir.path()).expect("the file still opens");
    match l.quick_check() {
        Err(desk_ledger::LedgerError::Damaged { backup, .. }) => {
            assert_eq!(backup.as_deref(), Some(good.file.as_str()))
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
}

#[test]
fn a_copy_cut_short_long_ago_is_removed_by_the_next_copy_but_one_being_written_is_not() {
    let dir = tempfile::tempdir().expect("dir");
    let l = common::office_in(dir.path());
    let folder = backup_dir(dir.path());
    std::fs::create_dir_all(&folder).expect("folder");
    let abandoned = folder.join("pre-migration-v4-20261120-090000.partial");
    let writing = folder.join("ledger-20261123-085959-manual.partial");
    std::fs::write(&abandoned, b"half a copy").expect("abandoned");
    std::fs::write(&writing, b"a copy under way").expect("writing");
    let yesterday = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    std::fs::File::options()
        .write(true)
        .open(&abandoned)
        .and_then(|f| f.set_modified(yesterday))
        .expect("age it");

    l.backup_to(&folder, "manual").expect("backup");
    assert!(!abandoned.exists(), "the abandoned copy is gone");
    assert!(writing.exists(), "a copy written now is left alone");
    assert_eq!(list(&folder).expect("list").len(), 1);
}

#[test]
fn a_copy_on_a_usb_stick_takes_the_photos_along_and_brings_them_back() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    let n = l.register("admin", &case()).expect("register").number;
    let desk = tempfile::tempdir().expect("desktop");
    let photo = desk.path().join("漏水.jpg");
    std::fs::write(&photo, b"jpeg bytes").expect("photo");
    let a = l.attach("admin", &n, &photo, "").expect("attach");

    // The daily copy in the data directory leaves the photos where they are.
    l.daily_backup().expect("daily").expect("made");
    assert!(!backup_dir(dir.path()).join("attachments").exists());

    let usb = tempfile::tempdir().expect("usb");
    let copy = l.backup_to(usb.path(), "manual").expect("manual");
    assert_eq!(
        std::fs::read(usb.path().join(&a.stored_path)).expect("photo on the stick"),
        b"jpeg bytes"
    );
    // A second copy to the same stick copies nothing again and keeps what is there.
    l.backup_to(usb.path(), "manual").expect("again");
    drop(l);

    // The front-desk PC is replaced: the stick's copy is restored onto a fresh one.
    let fresh = tempfile::tempdir().expect("new pc");
    restore(fresh.path(), std::path::Path::new(&copy.file)).expect("restore");
    let mut back = Ledger::open(fresh.path()).expect("open");
    back.set_clock(at("2026-11-23 09:30"));
    let file = back.case_file(&n).expect("file");
    let (_, bytes) = back
        .attachment_content(file.attachments[0].id)
        .expect("the photo came back");
    assert_eq!(bytes, b"jpeg bytes");
}

/// Every history id of the ledger, in order.
fn change_numbers(l: &Ledger) -> Vec<i64> {
    let mut st = l
        .connection()
        .prepare("SELECT id FROM history ORDER BY id")
        .expect("query");
    st.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("ids")
}

#[test]
fn after_restoring_an_older_copy_the_change_numbers_go_on_above_any_used_before() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir.path());
    l.register("admin", &case()).expect("one");
    let copy = l
        .backup_to(&dir.path().join("usb"), "manual")
        .expect("backup");
    l.register("admin", &case()).expect("two, after the backup");
    l.register("admin", &case()).expect("three");
    let used = *change_numbers(&l).last().expect("changes");
    drop(l);

    let (info, aside) = restore(dir.path(), std::path::Path::new(&copy.file)).expect("restore");
    let mut l = Ledger::open(dir.path()).expect("reopen");
    assert!(change_numbers(&l).last() < Some(&used), "the copy is older");
    l.log_restore(Some("admin"), info, aside.as_deref())
        .expect("log the restore");
    let restored = l.register("admin", &case()).expect("after the restore");
    let numbers = change_numbers(&l);
    let resumed: Vec<_> = numbers.iter().filter(|n| **n > used).collect();
    assert!(!resumed.is_empty(), "nothing above {used}: {numbers:?}");
    assert_eq!(
        *resumed[0],
        used + 1,
        "the numbers go on from the highest used"
    );
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    let history = l.history(&restored.number).expect("history");
    assert!(history.iter().all(|h| h.id > used), "{history:?}");

    // A damaged current ledger: its numbers come from the copies in the backups folder.
    drop(l);
    let dir2 = tempfile::tempdir().expect("dir");
    let mut l = common::office_in(dir2.path());
    let old = l
        .backup_to(&dir2.path().join("usb"), "manual")
        .expect("old copy");
    l.register("admin", &case()).expect("one");
    l.daily_backup().expect("daily").expect("made");
    l.register("admin", &case()).expect("two");
    let in_daily = *change_numbers(&l).last().expect("changes") - 1;
    drop(l);
    std::fs::write(dir2.path().join("ledger.sqlite"), b"rubbish").expect("damage");
    let (info, aside) = restore(dir2.path(), std::path::Path::new(&old.file)).expect("restore");
    let mut l = Ledger::open(dir2.path()).expect("reopen");
    l.log_restore(None, info, aside.as_deref()).expect("log");
    assert!(
        change_numbers(&l).iter().any(|n| *n > in_daily),
        "{:?}",
        change_numbers(&l)
    );
}
