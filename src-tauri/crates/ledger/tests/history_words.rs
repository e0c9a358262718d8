//! The change log read in the clerk's words: every action a desk takes is named, every
//! field it changes has a label and its stored words, codes and amounts read as the
//! screens write them, in each of the three languages; and a complainant who asked not
//! to be named is not named by the log either.

use desk_ledger::model::HistoryEntry;
use desk_ledger::{CaseEdit, HistoryLine, Lang, Ledger, MajorReportInput, Printing, TransferInput};

mod common;
use common::complaint;

fn worded(
    l: &Ledger,
    mut entries: Vec<HistoryEntry>,
    lang: Lang,
    anonymous: bool,
) -> Vec<HistoryEntry> {
    l.history_words(lang)
        .expect("words")
        .word(&mut entries, anonymous);
    entries
}

fn line<'a>(e: &'a HistoryEntry, field: &str) -> &'a HistoryLine {
    e.lines
        .iter()
        .find(|l| l.field == field)
        .unwrap_or_else(|| panic!("{} has no {field} line: {:?}", e.action, e.lines))
}

/// A complaint taken through its whole life, corrected on the way, plus the office's
/// settings, staff, directory, calendar and deadlines changed once each.
fn a_busy_office() -> (Ledger, String) {
    let mut l = common::office_with_clerk();
    let mut c = complaint();
    c.amount = "1200.50".into();
    let n = l.register("c1", &c).expect("registered").number;
    let edit = CaseEdit {
        channel: Some("visit".into()),
        relation: Some("tenant".into()),
        media: Some(true),
        validity: Some("valid".into()),
        amount: Some("80".into()),
        received_at: Some("2026-11-23 08:40".into()),
        ..Default::default()
    };
    l.edit("c1", &n, &edit, "来电时间记错").expect("edited");
    l.transfer(
        "c1",
        &n,
        &TransferInput {
            to_department: "engineering".into(),
            summary: "卫生间漏水".into(),
            ..Default::default()
        },
    )
    .expect("transferred");
    let slip = l.case_file(&n).expect("file").slips[0].number.clone();
    l.sign("c1", &slip, "李工", None).expect("signed");
    l.slip_feedback("c1", &slip, "已约业主上门", None)
        .expect("feedback");
    l.record_printing(
        "c1",
        &Printing {
            form: "slip".into(),
            doc_key: format!("slip:{slip}"),
            subject: slip.clone(),
            revision: 1,
            pages: 1,
            personal: true,
            cases: vec![n.clone()],
            output: "print".into(),
        },
    )
    .expect("printed");
    l.record("c1", &n, "已上门", "换密封圈", None)
        .expect("recorded");
    l.pause("c1", &n, "等待配件").expect("paused");
    l.resume("c1", &n, "").expect("resumed");
    l.set_level("admin", &n, "major", "业主投诉至媒体")
        .expect("level");
    l.save_major_report(
        "c1",
        &n,
        &MajorReportInput {
            cause: "密封圈老化".into(),
            process: "更换密封圈".into(),
            lessons: "定期检查".into(),
            measures: "每季巡检".into(),
            submit: true,
        },
    )
    .expect("report");
    l.approve_major_report("admin", &n).expect("approved");
    l.finish("c1", &n, "已修复").expect("finished");
    let called = common::satisfied();
    l.callback("c1", &n, &called).expect("called back");
    l.close("c1", &n, "").expect("closed");
    let wrong = l.register("c1", &complaint()).expect("registered").number;
    l.void("admin", &wrong, "重复登记").expect("voided");

    l.set_setting("admin", "hotline", "0571-88886666")
        .expect("setting");
    l.set_setting("admin", "idle_lock_minutes", "5")
        .expect("setting");
    l.add_staff("admin", "c2", "李娜", "clerk").expect("staff");
    l.update_staff("admin", "c2", None, Some("supervisor"), Some(false))
        .expect("staff changed");
    l.set_pin("admin", "c1", None, Some("1234")).expect("pin");
    l.add_department("admin", "garden", "绿化部", true)
        .expect("dept");
    l.set_office_hours("admin", &[7], "09:00-12:00")
        .expect("hours");
    l.set_calendar_day("admin", "2026-12-24", "holiday", "公司年会")
        .expect("day");
    l.confirm_calendar_year("admin", 2027)
        .expect("year confirmed");
    l.set_deadline_rule("admin", "verify", 6, "working_hours")
        .expect("deadline");
    (l, n)
}

fn every_entry(l: &mut Ledger, n: &str) -> Vec<HistoryEntry> {
    let mut all = l.history(n).expect("case log");
    let voided = l
        .search_cases(None, &Default::default())
        .expect("cases")
        .rows;
    for c in voided.iter().filter(|c| c.number != n) {
        all.extend(l.history(&c.number).expect("case log"));
    }
    for (table, code) in [
        ("staff", "c2"),
        ("staff", "c1"),
        ("department", "garden"),
        ("settings", ""),
        ("calendar", ""),
    ] {
        all.extend(l.list_history(table, code).expect("log"));
    }
    all
}

#[test]
fn every_action_and_field_of_a_busy_day_reads_in_each_language() {
    let (mut l, n) = a_busy_office();
    let mut unnamed = Vec::new();
    for lang in [Lang::ZhCn, Lang::ZhTw, Lang::En] {
        let all = every_entry(&mut l, &n);
        for e in worded(&l, all, lang, false) {
            // English may name an action by its key (feedback); the Chinese scripts never.
            if (e.title == e.action && lang != Lang::En) || e.title.contains('_') {
                unnamed.push(format!("{lang:?} action {}", e.action));
            }
            assert!(!e.lines.is_empty() || e.changes.is_empty(), "{}", e.action);
            for x in &e.lines {
                let is_date = x.field.len() == 10 && x.field.as_bytes()[4] == b'-';
                if !is_date && x.label == x.field {
                    unnamed.push(format!("{lang:?} field {} of {}", x.field, e.action));
                }
            }
            if lang != Lang::En {
                // Stored words never show through in the Chinese scripts.
                let text: String = e
                    .lines
                    .iter()
                    .map(|x| format!("{} {}\n", x.label, x.value))
                    .collect();
                for stored in [
                    "in_progress",
                    "awaiting_callback",
                    "tenant",
                    "true",
                    "false",
                    "working_hours",
                    "engineering",
                    "supervisor",
                    "holiday",
                ] {
                    assert!(
                        !text.contains(stored),
                        "{lang:?} {}: {stored} in\n{text}",
                        e.action
                    );
                }
            }
        }
    }
    unnamed.dedup();
    assert!(
        unnamed.is_empty(),
        "without a name:\n{}",
        unnamed.join("\n")
    );
}

#[test]
fn values_read_as_the_screens_write_them() {
    let (mut l, n) = a_busy_office();
    let all = every_entry(&mut l, &n);
    let log = worded(&l, all, Lang::ZhCn, false);
    let first = |action: &str| {
        log.iter()
            .find(|e| e.action == action)
            .unwrap_or_else(|| panic!("no {action}"))
    };

    let edit = first("edit");
    assert_eq!(edit.title, "更正");
    assert_eq!(line(edit, "amount").value, "1200.50 → 80.00");
    assert_eq!(line(edit, "relation").value, "业主 → 租户");
    assert_eq!(line(edit, "media").value, "否 → 是");
    assert_eq!(
        line(edit, "received_at").value,
        "2026年11月23日 09:00 → 2026年11月23日 08:40"
    );
    assert_eq!(line(first("issue"), "to_department").value, "工程部");
    assert_eq!(
        line(edit, "level").value,
        "一般 → 重大",
        "media attention makes it major"
    );
    assert_eq!(line(first("register"), "category").value, "B04 排污排水管");

    let staff: Vec<_> = log.iter().filter(|e| e.entity == "staff").collect();
    let retired = staff
        .iter()
        .find(|e| e.changes.iter().any(|c| c.field == "active"))
        .expect("retired");
    assert_eq!(line(retired, "active").value, "在用 → 已停用");
    assert_eq!(line(retired, "role").value, "接待员 → 主管");
    let pin = staff
        .iter()
        .find(|e| e.action == "set_pin")
        .expect("pin set");
    assert!(!line(pin, "pin").value.contains("1234"));
    assert_eq!(line(pin, "pin").value, "未设置 → 已设置");

    let hours = first("set_hours");
    assert_eq!(
        hours.lines.len(),
        1,
        "only Sunday changed: {:?}",
        hours.lines
    );
    assert_eq!(hours.lines[0].label, "办公时间 · 周日");
    assert_eq!(hours.lines[0].value, "— → 09:00-12:00");
    assert_eq!(
        line(first("set_day"), "2026-12-24").value,
        "节假日 公司年会"
    );
    let deadline = first("set_deadline");
    assert_eq!(
        (
            deadline.lines[0].label.as_str(),
            deadline.lines[0].value.as_str()
        ),
        ("现场核实", "4个有效工作时 → 6个有效工作时")
    );

    let en = worded(
        &l,
        l.list_history("calendar", "").expect("log"),
        Lang::En,
        false,
    );
    let deadline = en
        .iter()
        .find(|e| e.action == "set_deadline")
        .expect("deadline");
    assert_eq!(deadline.lines[0].value, "4 working hours → 6 working hours");
    assert_eq!(deadline.title, "deadline changed");
}

#[test]
fn a_complainant_who_asked_not_to_be_named_is_not_named_by_the_log() {
    let mut l = common::office_with_clerk();
    let n = l.register("c1", &complaint()).expect("registered").number;
    let hide = CaseEdit {
        anonymous: Some(true),
        ..Default::default()
    };
    l.edit("c1", &n, &hide, "顾客要求匿名").expect("anonymous");
    let mut file = l.case_file(&n).expect("file");
    l.history_words(Lang::ZhCn)
        .expect("words")
        .word_file(&mut file);
    let text: String = file
        .history
        .iter()
        .flat_map(|e| &e.lines)
        .map(|x| format!("{} {}\n", x.label, x.value))
        .collect();
    assert!(!text.contains("王先生"), "{text}");
    assert!(text.contains("投诉人 匿名"), "{text}");
    assert!(text.contains("匿名 否 → 是"), "{text}");
    // The phones stay: the desk still calls the customer back.
    assert!(text.contains("13812345678"), "{text}");
    // Stored as it was: the log itself loses nothing.
    assert!(file.history[0]
        .changes
        .iter()
        .any(|c| c.new.as_deref() == Some("王先生")));
}

#[test]
fn the_first_versions_deadline_entries_still_read_in_words() {
    let mut l = common::office_with_clerk();
    l.set_deadline_rule("admin", "verify", 6, "working_hours")
        .expect("deadline");
    let mut log = l.list_history("calendar", "").expect("log");
    let e = log
        .iter_mut()
        .find(|e| e.action == "set_deadline")
        .expect("entry");
    e.changes[0].old = Some("4 WorkingHours".into());
    let log = worded(&l, log, Lang::ZhTw, false);
    assert_eq!(
        log[log.len() - 1].lines[0].value,
        "4個有效工作時 → 6個有效工作時"
    );
}
