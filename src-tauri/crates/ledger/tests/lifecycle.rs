//! The status machine under random sequences of actions, on an in-memory ledger,
//! plus storage guarantees (all-or-nothing, immutable history, schema versions).

use desk_ledger::model::{Kind, Status};
use desk_ledger::{CallbackInput, CaseFilter, Ledger, LedgerError, NewCase, TransferInput};
use proptest::prelude::*;

fn ledger() -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init("", "测试管理处", "admin", "管理员").expect("init");
    l.add_staff("admin", "zl", "张丽", "clerk").expect("staff");
    l
}

fn new_case(kind: Kind) -> NewCase {
    NewCase {
        kind: kind.as_str().into(),
        channel: "phone".into(),
        complainant_name: "王先生".into(),
        phones: "13812345678".into(),
        building: "3栋".into(),
        room: "1502".into(),
        content: "卫生间漏水".into(),
        category: Some(if kind == Kind::Complaint { "B04" } else { "Q1" }.into()),
        ..Default::default()
    }
}

#[derive(Debug, Clone)]
enum Act {
    Transfer,
    SignFirst,
    Record,
    Pause,
    Resume,
    Finish,
    Callback(u8),
    Close,
    Void,
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        Just(Act::Transfer),
        Just(Act::SignFirst),
        Just(Act::Record),
        Just(Act::Pause),
        Just(Act::Resume),
        Just(Act::Finish),
        (0u8..7).prop_map(Act::Callback),
        Just(Act::Close),
        Just(Act::Void),
    ]
}

fn apply(l: &mut Ledger, n: &str, a: &Act) -> Result<(), LedgerError> {
    match a {
        Act::Transfer => l
            .transfer(
                "zl",
                n,
                &TransferInput {
                    to_department: "engineering".into(),
                    summary: "处理".into(),
                    ..Default::default()
                },
            )
            .map(|_| ()),
        Act::SignFirst => {
            let file = l.case_file(n)?;
            match file.slips.iter().find(|s| s.signed_at.is_none()) {
                Some(s) => l.sign("zl", &s.number, "李工", None).map(|_| ()),
                None => Ok(()),
            }
        }
        Act::Record => l.record("zl", n, "已处理", "", None).map(|_| ()),
        Act::Pause => l.pause("zl", n, "等待配件").map(|_| ()),
        Act::Resume => l.resume("zl", n, "").map(|_| ()),
        Act::Finish => l.finish("zl", n, "完成").map(|_| ()),
        Act::Callback(k) => {
            let (outcome, sat) = match k {
                0 => ("unreachable", None),
                1 => ("declined", None),
                2 => ("reached", Some("dissatisfied")),
                3 => ("reached", Some("very_dissatisfied")),
                4 => ("reached", Some("neutral")),
                5 => ("reached", Some("satisfied")),
                _ => ("reached", Some("very_satisfied")),
            };
            let c = CallbackInput {
                outcome: outcome.into(),
                satisfaction: sat.map(str::to_string),
                ..Default::default()
            };
            l.callback("zl", n, &c).map(|_| ())
        }
        Act::Close => l.close("zl", n, "").map(|_| ()),
        Act::Void => l.void("admin", n, "登记错误").map(|_| ()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn status_machine_invariants_hold_for_any_sequence(kind in prop_oneof![Just(Kind::Complaint), Just(Kind::Request)], acts in prop::collection::vec(act(), 1..25)) {
        let mut l = ledger();
        let n = l.register("zl", &new_case(kind)).expect("register").number;
        let mut history_len = l.history(&n).expect("h").len();
        for a in &acts {
            let before = l.case_file(&n).expect("file");
            let result = apply(&mut l, &n, a);
            let after = l.case_file(&n).expect("file");
            match result {
                Ok(()) => prop_assert!(after.history.len() >= history_len),
                Err(e) => {
                    // A refused action changes nothing at all.
                    prop_assert!(e.is_user_error(), "{e}");
                    prop_assert_eq!(after.history.len(), before.history.len());
                    prop_assert_eq!(&after.case, &before.case);
                    prop_assert_eq!(after.slips.len(), before.slips.len());
                }
            }
            history_len = after.history.len();
            let c = &after.case;
            // Terminal states are final.
            if !before.case.status.is_open() {
                prop_assert_eq!(c.status, before.case.status);
            }
            // A closed complaint was confirmed by its latest callback.
            if c.status == Status::Closed && c.kind == Kind::Complaint {
                prop_assert!(after.callbacks.last().is_some_and(|cb| cb.confirms()));
            }
            // Awaiting signature means a slip awaits signature.
            if c.status == Status::Transferred {
                prop_assert!(after.slips.iter().any(|s| s.signed_at.is_none()));
            }
            if c.status == Status::Paused {
                prop_assert!(c.paused_from.is_some());
                prop_assert!(c.next_due.is_none(), "a paused case's clock stands still");
            }
            // A dissatisfied latest callback always leaves the case open for follow-up.
            if after.callbacks.last().is_some_and(|cb| !cb.confirms()) && after.callbacks.len() > before.callbacks.len() {
                prop_assert_eq!(c.status, Status::Reopened);
            }
            // The ledger's "to call" and "to close" lists (the dashboard's callback
            // tiles) judge the case as its page does.
            let listed = |done: bool| {
                let f = CaseFilter { called_back: Some(done), ..Default::default() };
                l.list(&f).expect("list").rows.iter().any(|r| r.number == n)
            };
            prop_assert_eq!(listed(true), after.called_back());
            prop_assert_eq!(listed(false), c.status == Status::AwaitingCallback && !after.called_back());
            prop_assert_eq!(&c.number, &n);
        }
    }
}

#[test]
fn a_failed_transfer_leaves_no_slip_number_used_and_no_trace() {
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let bad = TransferInput {
        to_department: "nowhere".into(),
        summary: "x".into(),
        ..Default::default()
    };
    let err = l.transfer("zl", &n, &bad).expect_err("unknown department");
    assert_eq!(err.field(), Some("to_department"));
    assert_eq!(l.case(&n).expect("case").status, Status::Registered);
    let good = TransferInput {
        to_department: "工程部".into(),
        summary: "x".into(),
        ..Default::default()
    };
    assert!(l
        .transfer("zl", &n, &good)
        .expect("slip")
        .number
        .ends_with("-0001"));
}

#[test]
fn a_slip_keeps_the_reply_by_time_printed_on_it_when_the_rule_changes_later() {
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let t = TransferInput {
        to_department: "工程部".into(),
        summary: "上门维修".into(),
        ..Default::default()
    };
    let slip = l.transfer("zl", &n, &t).expect("slip");
    let printed = slip.reply_due.clone().expect("a reply-by time is printed");
    let feedback = |l: &Ledger| {
        l.deadlines(&n, desk_ledger::Lang::ZhCn)
            .expect("deadlines")
            .into_iter()
            .find(|d| d.step == format!("slip_feedback:{}", slip.number))
            .expect("the slip's deadline")
    };
    let before = feedback(&l);
    assert_eq!(before.due, printed);
    assert!(
        before.explanation.contains("工作"),
        "{}",
        before.explanation
    );
    // The office allows more time from now on; the slip already went out.
    l.set_deadline_rule("admin", "slip_feedback", 40, "working_hours")
        .expect("rule");
    let after = feedback(&l);
    assert_eq!(after.due, printed, "the printed time still holds");
    assert_eq!(after.explanation, "按转交单上写明的回复时限");
}

#[test]
fn history_rows_and_cases_cannot_be_deleted_even_with_sql() {
    let mut l = ledger();
    l.register("zl", &new_case(Kind::Complaint))
        .expect("register");
    let conn = l.connection();
    assert!(conn.execute("DELETE FROM history", []).is_err());
    assert!(conn.execute("UPDATE history SET reason = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM cases", []).is_err());
}

#[test]
fn a_newer_schema_is_refused_and_reopening_the_same_version_is_fine() {
    let dir = tempfile::tempdir().expect("dir");
    drop(Ledger::open(dir.path()).expect("create"));
    drop(Ledger::open(dir.path()).expect("reopen"));
    desk_ledger::testing::as_written_by_a_newer_version(dir.path()).expect("bump");
    match Ledger::open(dir.path()) {
        Err(LedgerError::SchemaTooNew { found: 99, .. }) => {}
        Err(other) => panic!("wrong error {other}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
}

#[test]
fn defaults_are_seeded_once_and_editable() {
    let mut l = ledger();
    assert!(l
        .categories(false)
        .expect("c")
        .iter()
        .any(|c| c.code == "B04" && c.parent_code.as_deref() == Some("B")));
    assert_eq!(l.channels(false).expect("ch").len(), 8);
    l.set_active("admin", "channel", "letter", false)
        .expect("disable");
    assert_eq!(l.channels(false).expect("ch").len(), 7);
    let mut nc = new_case(Kind::Complaint);
    nc.channel = "letter".into();
    assert_eq!(
        l.register("zl", &nc).expect_err("inactive").field(),
        Some("channel")
    );
    // A clerk may not edit settings.
    assert!(matches!(
        l.set_setting("zl", "office_name", "x"),
        Err(LedgerError::Forbidden { .. })
    ));
    l.set_setting("admin", "prefix_complaint", "KS")
        .expect("prefix");
    assert!(l
        .register("zl", &new_case(Kind::Complaint))
        .expect("r")
        .number
        .starts_with("KS-"));
}

#[test]
fn requests_take_no_complaint_only_fields() {
    let mut l = ledger();
    let mut r = new_case(Kind::Request);
    r.level = Some("major".into());
    assert_eq!(
        l.register("zl", &r).expect_err("level").field(),
        Some("level")
    );
    let r = new_case(Kind::Request);
    let case = l.register("zl", &r).expect("request");
    assert!(case.level.is_none() && case.number.starts_with("XQ-"));
    l.finish("zl", &case.number, "已答复").expect("finish");
    l.close("zl", &case.number, "")
        .expect("a request closes without a callback");
}

#[test]
fn the_receivers_feedback_is_offered_once_a_slip_is_signed_until_it_is_recorded() {
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let offered = |l: &Ledger| l.case_file(&n).expect("file").offered_actions();
    let t = TransferInput {
        to_department: "工程部".into(),
        summary: "上门维修".into(),
        ..Default::default()
    };
    let slip = l.transfer("zl", &n, &t).expect("slip").number;
    assert!(
        !offered(&l).contains(&"feedback"),
        "not before it is signed"
    );
    l.sign("zl", &slip, "李师傅", None).expect("sign");
    let now = offered(&l);
    assert!(now.contains(&"feedback"), "{now:?}");
    l.slip_feedback("zl", &slip, "已更换角阀，试水无渗漏", None)
        .expect("feedback");
    assert!(!offered(&l).contains(&"feedback"), "recorded once");
    let met = l
        .deadlines(&n, desk_ledger::Lang::ZhCn)
        .expect("deadlines")
        .into_iter()
        .find(|d| d.step == format!("slip_feedback:{slip}"))
        .expect("the slip's deadline");
    assert!(met.met_at.is_some(), "{met:?}");
}

#[test]
fn only_a_supervisor_is_offered_and_allowed_to_void() {
    use desk_ledger::model::Role;
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let file = l.case_file(&n).expect("file");
    assert!(!file.offered_actions_for(Role::Clerk).contains(&"void"));
    assert!(file.offered_actions_for(Role::Supervisor).contains(&"void"));
    let err = l.void("zl", &n, "登记错误").expect_err("a clerk");
    assert_eq!(err.kind(), "forbidden");
    assert_eq!(l.case(&n).expect("case").status, Status::Registered);
    l.void("admin", &n, "登记错误").expect("an administrator");
}

#[test]
fn a_page_of_the_ledger_names_its_overdue_rows_on_the_office_clock() {
    let mut l = ledger();
    l.set_clock(desk_ledger::Clock::Fixed(
        chrono::NaiveDateTime::parse_from_str("2026-11-02 09:00", "%Y-%m-%d %H:%M").expect("t"),
    ));
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let page = l.list(&Default::default()).expect("list");
    assert!(page.overdue.is_empty());
    l.set_clock(desk_ledger::Clock::Fixed(
        chrono::NaiveDateTime::parse_from_str("2026-11-20 09:00", "%Y-%m-%d %H:%M").expect("t"),
    ));
    let page = l.list(&Default::default()).expect("list");
    assert_eq!(page.overdue, vec![n]);
}

#[test]
fn only_a_confirming_callback_leaves_just_the_closing() {
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    let called = |l: &Ledger, n: &str| l.case_file(n).expect("file").called_back();
    let callback = |sat: &str| CallbackInput {
        outcome: "reached".into(),
        satisfaction: Some(sat.into()),
        ..Default::default()
    };
    l.finish("zl", &n, "已修好").expect("finish");
    assert!(!called(&l, &n), "finished, not yet called back");
    l.callback("zl", &n, &callback("dissatisfied"))
        .expect("callback");
    assert!(!called(&l, &n), "reopened");
    l.finish("zl", &n, "再次处理").expect("finish again");
    let counts = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    assert_eq!(
        (counts.awaiting_callback, counts.called_back),
        (1, 0),
        "after a dissatisfied callback it is to be called again"
    );
    assert!(
        !called(&l, &n),
        "the latest callback is the dissatisfied one"
    );
    l.callback("zl", &n, &callback("satisfied"))
        .expect("callback");
    assert!(called(&l, &n));
    let counts = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    assert_eq!(
        (counts.awaiting_callback, counts.called_back),
        (0, 1),
        "called back: no longer to call, left to close"
    );
    l.close("zl", &n, "").expect("close");
    assert!(!called(&l, &n), "closed");
    // A request may be closed without a callback, but it has not been called back.
    let r = l
        .register("zl", &new_case(Kind::Request))
        .expect("request")
        .number;
    l.finish("zl", &r, "已办理").expect("finish");
    let file = l.case_file(&r).expect("file");
    assert!(file.offered_actions().contains(&"close"));
    assert!(!file.called_back());
}

#[test]
fn a_refused_closing_is_said_wholly_in_the_clerks_language() {
    use desk_ledger::Lang;
    let mut l = ledger();
    let n = l
        .register("zl", &new_case(Kind::Complaint))
        .expect("register")
        .number;
    l.finish("zl", &n, "已修好").expect("finish");
    let err = l.close("zl", &n, "").expect_err("not called back");
    assert_eq!(err.field(), Some("callback"));
    let (cn, tw, en) = (
        err.localized(Lang::ZhCn),
        err.localized(Lang::ZhTw),
        err.localized(Lang::En),
    );
    assert!(cn.contains("投诉须经回访确认"), "{cn}");
    assert!(
        tw.contains("投訴須經回訪確認") && !tw.contains("投诉"),
        "{tw}"
    );
    assert!(tw.chars().all(|c| !c.is_ascii_alphabetic()), "{tw}");
    assert!(
        en.contains("closes only after a callback") && !en.contains('投'),
        "{en}"
    );
}
