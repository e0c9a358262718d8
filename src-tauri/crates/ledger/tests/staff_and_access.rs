//! PINs (hashed, checked at sign-in, changed only by their owner or an administrator)
//! and the access log (every view, search, print with personal data and backup; read
//! and exported only by supervisors; never changed).

use desk_ledger::{AccessFilter, CaseFilter, Lang, Ledger, LedgerError, NewCase, Printing};

const ZH: Lang = Lang::ZhCn;

mod common;
use common::at;

fn case() -> NewCase {
    NewCase {
        complainant_name: "赵大海".into(),
        phones: "13912345678".into(),
        ..common::complaint()
    }
}

fn office() -> Ledger {
    let mut l = common::office_with_clerk();
    l.add_staff("admin", "s1", "李强", "supervisor")
        .expect("supervisor");
    l
}

fn field(e: LedgerError) -> String {
    e.field().unwrap_or("-").to_string()
}

#[test]
fn a_pin_is_stored_hashed_and_checked_at_sign_in() {
    let mut l = office();
    assert!(
        l.sign_in("c1", None).is_ok(),
        "no PIN yet: picking the name is enough"
    );
    let s = l.set_pin("c1", "c1", None, Some("2580")).expect("own PIN");
    assert!(s.has_pin);
    let stored: String = l
        .connection()
        .query_row("SELECT pin_hash FROM staff WHERE code = 'c1'", [], |r| {
            r.get(0)
        })
        .expect("hash");
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert!(!stored.contains("2580"));
    let history: String = l
        .connection()
        .query_row(
            "SELECT group_concat(changes) FROM history WHERE action = 'set_pin'",
            [],
            |r| r.get(0),
        )
        .expect("history");
    assert!(history.contains("pin"), "{history}");
    assert!(!history.contains("2580"), "history must not hold the PIN");

    assert_eq!(field(l.sign_in("c1", None).expect_err("no PIN")), "pin");
    let wrong = l.sign_in("c1", Some("1111")).expect_err("wrong PIN");
    assert_eq!(wrong.localized(desk_ledger::Lang::ZhCn), "PIN码：不正确");
    assert_eq!(field(wrong), "pin");
    assert_eq!(l.sign_in("c1", Some("2580")).expect("right PIN").code, "c1");
    assert!(l.unlock("c1", Some("2580")).is_ok());

    // Changing one's own PIN needs the current one; another's needs an administrator.
    assert_eq!(
        field(
            l.set_pin("c1", "c1", Some("0000"), Some("1234"))
                .expect_err("wrong current")
        ),
        "current_pin"
    );
    l.set_pin("c1", "c1", Some("2580"), Some("1234"))
        .expect("changed");
    assert!(matches!(
        l.set_pin("s1", "c1", None, None),
        Err(LedgerError::Forbidden { .. })
    ));
    assert_eq!(
        field(
            l.set_pin("c1", "c1", Some("1234"), Some("12a4"))
                .expect_err("digits")
        ),
        "pin"
    );
    l.set_pin("admin", "c1", None, None)
        .expect("admin clears it");
    assert!(l.sign_in("c1", None).is_ok());

    let log = l
        .access_log("s1", &AccessFilter::default(), ZH)
        .expect("log");
    let actions: Vec<&str> = log.rows.iter().map(|r| r.action.as_str()).collect();
    assert!(actions.contains(&"sign_in_refused"), "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "sign_in").count(), 3);
}

#[test]
fn views_searches_and_personal_prints_are_logged_and_only_supervisors_read_the_log() {
    let mut l = office();
    let c = l.register("c1", &case()).expect("register");
    l.set_clock(at("2026-11-23 10:15"));
    l.view_case(Some("c1"), &c.number).expect("view");
    let f = CaseFilter {
        text: Some("赵大海".into()),
        ..Default::default()
    };
    assert_eq!(l.search_cases(Some("c1"), &f).expect("search").total, 1);
    // Paging through the same search is one look-up.
    l.search_cases(
        Some("c1"),
        &CaseFilter {
            page: 1,
            ..f.clone()
        },
    )
    .expect("page 2");
    l.search_cases(
        Some("c1"),
        &CaseFilter {
            text: None,
            ..f.clone()
        },
    )
    .expect("no text");
    for personal in [true, false] {
        l.record_printing(
            "c1",
            &Printing {
                form: if personal { "slip" } else { "notice" }.into(),
                doc_key: format!("k{personal}"),
                subject: if personal {
                    c.number.clone()
                } else {
                    "2026-11".into()
                },
                revision: 1,
                pages: 1,
                personal,
                cases: vec![],
                output: "print".into(),
            },
        )
        .expect("print");
    }
    l.log_access(None, "export", "2026-11 xlsx", "")
        .expect("cli export");

    assert!(matches!(
        l.access_log("c1", &AccessFilter::default(), ZH),
        Err(LedgerError::Forbidden { .. })
    ));
    assert!(matches!(
        l.access_log_export("c1", &AccessFilter::default(), ZH),
        Err(LedgerError::Forbidden { .. })
    ));
    let log = l
        .access_log("s1", &AccessFilter::default(), ZH)
        .expect("log");
    let seen: Vec<(String, String, String)> = log
        .rows
        .iter()
        .rev()
        .map(|r| (r.staff_name.clone(), r.action.clone(), r.subject.clone()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("王芳".into(), "view_case".into(), c.number.clone()),
            ("王芳".into(), "search".into(), "赵大海".into()),
            ("王芳".into(), "print_form".into(), c.number.clone()),
            ("".into(), "export".into(), "2026-11 xlsx".into()),
        ]
    );
    // What was printed reads in the reader's language.
    let printed = |log: &desk_ledger::AccessPage| {
        let row = log.rows.iter().find(|r| r.action == "print_form");
        row.expect("the print").detail.clone()
    };
    assert_eq!(printed(&log), "表单：转交签认单，页数：1");
    assert!(
        log.rows[0].at.starts_with("2026-11-23 10:15"),
        "{}",
        log.rows[0].at
    );

    // Filters, and the reading itself is in the log.
    let only = l
        .access_log(
            "s1",
            &AccessFilter {
                staff: Some("c1".into()),
                action: Some("search".into()),
                ..Default::default()
            },
            ZH,
        )
        .expect("filtered");
    assert_eq!(only.total, 1);
    let bad = l
        .access_log(
            "s1",
            &AccessFilter {
                action: Some("delete".into()),
                ..Default::default()
            },
            ZH,
        )
        .expect_err("unknown action");
    assert_eq!(field(bad), "action");
    let exported = l
        .access_log_export(
            "s1",
            &AccessFilter {
                from: Some("2026-11-23".into()),
                to: Some("2026-11-23".into()),
                ..Default::default()
            },
            ZH,
        )
        .expect("export");
    assert_eq!(
        exported.first().map(|r| r.action.as_str()),
        Some("view_case"),
        "oldest first"
    );
    let none = l
        .access_log_export(
            "s1",
            &AccessFilter {
                from: Some("2026-11-24".into()),
                ..Default::default()
            },
            ZH,
        )
        .expect("export");
    assert!(none.is_empty());
    let last = l
        .access_log("s1", &AccessFilter::default(), ZH)
        .expect("log");
    let count = |a: &str| last.rows.iter().filter(|r| r.action == a).count();
    assert_eq!(last.rows[0].action, "export_access_log");
    // Which part of the log was read or exported, in words.
    assert_eq!(last.rows[0].subject, "起：2026-11-24");
    assert_eq!(last.rows[1].subject, "起：2026-11-23，止：2026-11-23");
    let english = l
        .access_log("s1", &AccessFilter::default(), Lang::En)
        .expect("log");
    assert_eq!(printed(&english), "form: transfer slip, pages: 1");
    assert_eq!(english.rows[0].subject, "all", "the log read whole");
    assert_eq!(english.rows[1].subject, "from: 2026-11-24");
    assert_eq!(
        (count("view_access_log"), count("export_access_log")),
        (2, 2)
    );

    // The log cannot be changed, even from SQL.
    for sql in [
        "UPDATE access_log SET subject = 'x'",
        "DELETE FROM access_log",
    ] {
        assert!(l.connection().execute(sql, []).is_err(), "{sql}");
    }
}

#[test]
fn a_supervisor_renames_a_department_and_its_cases_show_the_new_name() {
    let mut l = office();
    let n = l.register("c1", &case()).expect("register").number;
    let slip = desk_ledger::TransferInput {
        to_department: "engineering".into(),
        summary: "卫生间漏水".into(),
        ..Default::default()
    };
    l.transfer("c1", &n, &slip).expect("transfer");
    // A clerk may not; an empty name names its field; nothing changed meanwhile.
    assert!(matches!(
        l.rename("c1", "department", "engineering", "工程维修部"),
        Err(LedgerError::Forbidden { .. })
    ));
    assert_eq!(
        field(
            l.rename("s1", "department", "engineering", " ")
                .expect_err("empty")
        ),
        "name"
    );
    l.rename("s1", "department", "engineering", "工程维修部")
        .expect("rename");
    let file = l.case_file(&n).expect("file");
    assert_eq!(file.case.department_name.as_deref(), Some("工程维修部"));
    let dept = l
        .departments(true)
        .expect("departments")
        .into_iter()
        .find(|d| d.code == "engineering")
        .expect("engineering");
    let h = l.entity_history("department", dept.id).expect("history");
    let last = h.last().expect("an entry");
    assert_eq!(last.actor.as_deref(), Some("李强"));
    assert_eq!(
        (
            last.changes[0].old.as_deref(),
            last.changes[0].new.as_deref()
        ),
        (Some("工程部"), Some("工程维修部"))
    );
}

#[test]
fn settings_retires_and_renames_staff_through_the_same_buttons_as_the_lists() {
    let mut l = office();
    // Staff are the administrator's: a supervisor may not retire a clerk.
    assert!(matches!(
        l.set_active("s1", "staff", "c1", false),
        Err(LedgerError::Forbidden { .. })
    ));
    l.rename("admin", "staff", "c1", "王芳芳").expect("rename");
    l.set_active("admin", "staff", "c1", false).expect("retire");
    assert!(
        l.sign_in("c1", None).is_err(),
        "a retired clerk no longer signs in"
    );
    let names: Vec<String> = l
        .staff(false)
        .expect("staff")
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(!names.contains(&"王芳芳".to_string()), "{names:?}");
    let h = l.list_history("staff", "c1").expect("history");
    let actions: Vec<(&str, &str)> = h
        .iter()
        .flat_map(|e| {
            e.changes
                .iter()
                .map(move |c| (e.action.as_str(), c.field.as_str()))
        })
        .filter(|(_, f)| *f == "name" || *f == "active")
        .collect();
    assert_eq!(
        actions,
        [("create", "name"), ("update", "name"), ("update", "active")]
    );
    assert_eq!(
        field(l.list_history("staff", "nobody").expect_err("unknown")),
        "code"
    );
}

#[test]
fn an_administrator_cannot_retire_or_demote_themselves() {
    let mut l = office();
    let e = l
        .set_active("admin", "staff", "admin", false)
        .expect_err("own retirement");
    let said = e.localized(ZH);
    assert!(said.contains("不能停用自己"), "{said}");
    assert_eq!(field(e), "active");
    let e = l
        .update_staff("admin", "admin", None, Some("clerk"), None)
        .expect_err("own demotion");
    assert_eq!(field(e), "role");
    // Their name is theirs to correct; another administrator may retire them.
    l.rename("admin", "staff", "admin", "张主任")
        .expect("own name");
    l.add_staff("admin", "a2", "陈静", "admin")
        .expect("second admin");
    l.set_active("a2", "staff", "admin", false)
        .expect("retired by another");
    assert!(l.sign_in("admin", None).is_err());
}

#[test]
fn a_department_history_is_found_by_its_code() {
    let mut l = office();
    l.set_active("s1", "department", "engineering", false)
        .expect("retire");
    l.set_active("s1", "department", "engineering", true)
        .expect("restore");
    let h = l
        .list_history("department", "engineering")
        .expect("history");
    let last = h.last().expect("entries");
    assert_eq!(last.actor.as_deref(), Some("李强"));
    assert_eq!(
        (
            last.changes[0].field.as_str(),
            last.changes[0].new.as_deref()
        ),
        ("active", Some("true"))
    );
    assert_eq!(
        field(
            l.list_history("room", "engineering")
                .expect_err("no such list")
        ),
        "kind"
    );
}

#[test]
fn a_pins_history_tells_a_first_pin_from_a_changed_one_and_never_holds_it() {
    let mut l = office();
    l.set_pin("admin", "c1", None, Some("2580")).expect("first");
    l.set_pin("admin", "c1", None, Some("1357"))
        .expect("changed");
    l.set_pin("admin", "c1", None, None).expect("cleared");
    let pins: Vec<(String, String)> = l
        .list_history("staff", "c1")
        .expect("history")
        .into_iter()
        .filter(|e| e.action == "set_pin")
        .map(|e| {
            (
                e.changes[0].old.clone().unwrap_or_default(),
                e.changes[0].new.clone().unwrap_or_default(),
            )
        })
        .collect();
    let words: Vec<(&str, &str)> = pins.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        words,
        [("none", "set"), ("set", "set (changed)"), ("set", "none")]
    );
}

/// The office above with a clerk who has a PIN and a retired clerk.
fn office_with_pins() -> Ledger {
    let mut l = office();
    l.set_pin("c1", "c1", None, Some("2580")).expect("PIN");
    l.add_staff("admin", "r1", "赵敏", "clerk").expect("clerk");
    l.update_staff("admin", "r1", None, None, Some(false))
        .expect("retired");
    l
}

/// Whether the ledger lets `by` do `what` to the staff member `code` (an action that
/// does not apply to them, such as retiring the retired, counts as not allowed).
fn attempt(l: &mut Ledger, what: &str, by: &str, code: &str, current: Option<&str>) -> bool {
    let other_role = if code == "s1" { "clerk" } else { "supervisor" };
    match what {
        "rename" => l.update_staff(by, code, Some("新名字"), None, None).is_ok(),
        "change_role" => l
            .update_staff(by, code, None, Some(other_role), None)
            .is_ok(),
        "retire" => code != "r1" && l.update_staff(by, code, None, None, Some(false)).is_ok(),
        "restore" => code == "r1" && l.update_staff(by, code, None, None, Some(true)).is_ok(),
        "set_pin" => l.set_pin(by, code, current, Some("1357")).is_ok(),
        "clear_pin" => code == "c1" && l.set_pin(by, code, current, None).is_ok(),
        _ => unreachable!("{what}"),
    }
}

/// Settings offers on each staff row what the ledger then allows, and nothing else:
/// every right of every staff member over every row is tried on an office of its own.
#[test]
fn the_staff_rights_offered_are_exactly_what_the_ledger_allows() {
    let rows = ["admin", "c1", "s1", "r1"];
    for by in ["admin", "s1", "c1"] {
        let rights = office_with_pins().staff_rights(by).expect("rights");
        assert_eq!(rights.len(), rows.len(), "retired staff too");
        for r in &rights {
            let code = r.code.as_str();
            let current = (code == "c1").then_some("2580");
            let offers = [
                ("rename", r.rename),
                ("change_role", r.change_role),
                ("retire", r.retire),
                ("restore", r.restore),
                ("set_pin", r.set_pin),
                ("clear_pin", r.clear_pin),
            ];
            for (what, offered) in offers {
                let allowed = attempt(&mut office_with_pins(), what, by, code, current);
                assert_eq!(
                    offered, allowed,
                    "{by} may {what} {code}: offered {offered}, allowed {allowed}"
                );
            }
            if r.current_pin_needed {
                let mut l = office_with_pins();
                let e = l
                    .set_pin(by, code, None, Some("1357"))
                    .expect_err("no current PIN");
                assert_eq!(field(e), "current_pin");
            }
        }
    }
}

/// What the case screen offers a clerk is what a clerk may do: changing the level is a
/// supervisor's, so it is not offered to a clerk (it used to be, and was then refused).
#[test]
fn a_clerk_is_not_offered_the_level_change_a_supervisor_makes() {
    let mut l = office();
    let c = l.register("c1", &case()).expect("registered");
    let file = l.case_file(&c.number).expect("file");
    let for_clerk = file.offered_actions_for(desk_ledger::model::Role::Clerk);
    let for_supervisor = file.offered_actions_for(desk_ledger::model::Role::Supervisor);
    assert!(for_supervisor.contains(&"set_level"), "{for_supervisor:?}");
    assert!(!for_clerk.contains(&"set_level"), "{for_clerk:?}");
    let refused = l.set_level("c1", &c.number, "important", "客户情绪激动");
    assert!(
        matches!(refused, Err(LedgerError::Forbidden { .. })),
        "{refused:?}"
    );
}

#[test]
fn each_staff_member_keeps_their_own_text_size_and_the_change_is_in_their_history() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(common::at("2026-11-23 09:00"));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    l.add_staff("admin", "A02", "李娜", "clerk").expect("clerk");
    // A clerk chooses for herself, by word or by the label the screen shows.
    let me = l.set_text_size("A02", "特大").expect("larger");
    assert_eq!(me.text_size.as_str(), "larger");
    let sizes = |l: &Ledger| -> Vec<(String, &'static str)> {
        l.staff(false)
            .expect("staff")
            .into_iter()
            .map(|s| (s.code, s.text_size.as_str()))
            .collect()
    };
    assert_eq!(
        sizes(&l),
        [("A02".to_string(), "larger"), ("admin".into(), "standard")]
    );
    assert_eq!(
        l.staff_member("A02").expect("signed in").text_size.as_str(),
        "larger"
    );
    let err = l.set_text_size("A02", "huge").expect_err("not a size");
    assert_eq!(err.field(), Some("text_size"));
    let log = l.list_history_in("staff", "A02", Lang::ZhCn).expect("log");
    let last = log.last().expect("an entry");
    assert_eq!(last.lines[0].label, "字号");
    assert_eq!(last.lines[0].value, "标准 → 特大");
}
