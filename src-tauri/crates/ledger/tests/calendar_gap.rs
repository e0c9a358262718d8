//! A year without holiday data: from December the dashboard asks for next year's
//! holidays (deadlines set then run into January), and an administrator who typed them
//! in by hand says so, which the calendar's log keeps.

use desk_ledger::{Lang, Ledger};

mod common;
use common::at;

fn office(now: &str) -> Ledger {
    let mut l = common::office_at(now);
    l.add_staff("admin", "c1", "王芳", "clerk").expect("clerk");
    l
}

fn gap(l: &Ledger) -> Option<i32> {
    l.desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts")
        .calendar_gap
}

#[test]
fn next_years_holidays_are_asked_for_in_december_until_an_administrator_confirms_them() {
    // November: this year's holidays are bundled, next year is still far off.
    let mut l = office("2026-11-23 09:00");
    assert_eq!(gap(&l), None);

    // December: deadlines of days run into 2027, which has no holidays yet.
    l.set_clock(at("2026-12-03 09:00"));
    assert_eq!(gap(&l), Some(2027));
    assert!(!l.calendar_year(2027).expect("2027").covered);

    // One holiday typed in is not the whole year.
    l.set_calendar_day("admin", "2027-01-01", "holiday", "元旦")
        .expect("day");
    assert_eq!(gap(&l), Some(2027));

    // A clerk may not say the calendar is complete; an administrator may.
    assert!(l.confirm_calendar_year("c1", 2027).is_err());
    assert_eq!(gap(&l), Some(2027));
    let year = l.confirm_calendar_year("admin", 2027).expect("confirm");
    assert!(year.covered);
    assert_eq!(gap(&l), None);
    // Saying it twice changes nothing and logs nothing more.
    l.confirm_calendar_year("admin", 2027).expect("again");
    let log = l
        .list_history_in("calendar", "", Lang::ZhCn)
        .expect("calendar log");
    let confirmed: Vec<_> = log.iter().filter(|e| e.action == "confirm_year").collect();
    assert_eq!(confirmed.len(), 1, "{log:?}");
    assert_eq!(confirmed[0].title, "确认全年节假日已录入");
    assert_eq!(confirmed[0].actor.as_deref(), Some("管理员"));
    assert!(
        confirmed[0]
            .lines
            .iter()
            .any(|line| line.label == "年份" && line.value == "2027"),
        "{:?}",
        confirmed[0].lines
    );

    // Through the year the calendar is complete; the next New Year is asked for again,
    // and a year the office is already in without holidays is asked for at once.
    l.set_clock(at("2027-06-01 09:00"));
    assert_eq!(gap(&l), None);
    l.set_clock(at("2027-12-01 09:00"));
    assert_eq!(gap(&l), Some(2028));
    l.set_clock(at("2028-01-05 09:00"));
    assert_eq!(gap(&l), Some(2028));
}

#[test]
fn a_year_out_of_range_is_refused_naming_the_year() {
    let mut l = office("2026-12-03 09:00");
    let e = l
        .confirm_calendar_year("admin", 20270)
        .expect_err("refused");
    assert_eq!(e.field(), Some("year"), "{e}");
}

#[test]
fn an_imported_holiday_calendar_covers_its_year_and_a_missing_file_is_named() {
    let mut l = office("2026-12-03 09:00");
    let dir = tempfile::tempdir().expect("dir");
    let ics = dir.path().join("2027节假日.ics");
    // As a phone or mail program writes it: CRLF lines, all-day events, a make-up day.
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
         BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:元旦\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270104\r\nSUMMARY:元旦补班\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .expect("ics");
    assert_eq!(gap(&l), Some(2027));
    assert_eq!(l.import_ics_file("admin", &ics).expect("import"), 4);
    assert_eq!(gap(&l), None);
    let year = l.calendar_year(2027).expect("2027");
    assert!(year.covered);
    assert_eq!(year.days.len(), 4, "{:?}", year.days);

    let e = l
        .import_ics_file("admin", &dir.path().join("没有这个文件.ics"))
        .expect_err("no such file");
    assert_eq!(e.field(), Some("file"), "{e}");
    assert!(
        e.localized(Lang::ZhCn).contains("没有这个文件.ics"),
        "{}",
        e.localized(Lang::ZhCn)
    );
}

#[test]
fn a_calendar_file_in_another_encoding_or_a_folder_is_refused_saying_what_to_do() {
    let mut l = office("2026-12-03 09:00");
    let dir = tempfile::tempdir().expect("dir");
    // 元旦 in GBK, as an older Windows editor saves it: importing it would garble the
    // holiday names, so nothing is imported and the clerk is told to save it as UTF-8.
    let gbk = dir.path().join("节假日GBK.ics");
    let mut bytes =
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:".to_vec();
    bytes.extend_from_slice(b"\xd4\xaa\xb5\xa9");
    bytes.extend_from_slice(b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    std::fs::write(&gbk, bytes).expect("gbk");
    let e = l.import_ics_file("admin", &gbk).expect_err("not utf-8");
    assert_eq!(e.field(), Some("file"), "{e}");
    let text = e.localized(Lang::ZhCn);
    assert!(
        text.starts_with("文件：") && text.contains("另存为 UTF-8"),
        "{text}"
    );
    assert!(e.localized(Lang::En).contains("save it as UTF-8"), "{e}");
    assert!(l.calendar_year(2027).expect("2027").days.is_empty());
    assert_eq!(gap(&l), Some(2027));

    // A folder picked by mistake is named as not a file.
    let e = l.import_ics_file("admin", dir.path()).expect_err("folder");
    assert!(e.localized(Lang::ZhCn).contains("不是文件"), "{e}");
}
