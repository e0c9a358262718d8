//! Correcting a registered case: what the correction form sends and what history keeps.

use desk_ledger::{CaseEdit, Ledger};

mod common;

fn office() -> (Ledger, String) {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(common::at("2026-11-23 09:00"));
    l.init("", "测试管理处", "admin", "管理员").expect("init");
    let c = l.register("admin", &common::complaint()).expect("register");
    (l, c.number)
}

fn edits(l: &Ledger, number: &str) -> Vec<desk_ledger::model::HistoryEntry> {
    let h = l.history(number).expect("history");
    h.into_iter().filter(|e| e.action == "edit").collect()
}

#[test]
fn a_correction_that_names_the_same_channel_by_code_changes_only_what_differs() {
    let (mut l, n) = office();
    // The case shows its channel by name (电话); the form picks it by code (phone).
    let e = CaseEdit {
        channel: Some("phone".into()),
        category: Some("B04".into()),
        phones: Some("0571-87654321".into()),
        ..Default::default()
    };
    l.edit("admin", &n, &e, "客户更正电话").expect("edit");
    let kept = edits(&l, &n);
    assert_eq!(kept.len(), 1);
    let fields: Vec<&str> = kept[0].changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["complainant_phones"]);
}

#[test]
fn a_new_channel_is_kept_by_name_on_both_sides() {
    let (mut l, n) = office();
    let e = CaseEdit {
        channel: Some("visit".into()),
        ..Default::default()
    };
    let case = l.edit("admin", &n, &e, "其实是来访").expect("edit");
    let change = &edits(&l, &n)[0].changes[0];
    assert_eq!(change.field, "channel");
    assert_eq!(change.old.as_deref(), Some("电话"));
    assert_eq!(change.new.as_deref(), Some(case.channel.as_str()));
    assert_ne!(case.channel, "电话");
}

#[test]
fn a_correction_that_changes_nothing_leaves_no_history() {
    let (mut l, n) = office();
    let e = CaseEdit {
        channel: Some("电话".into()),
        room: Some("1502".into()),
        ..Default::default()
    };
    l.edit("admin", &n, &e, "核对").expect("edit");
    assert!(edits(&l, &n).is_empty());
}

#[test]
fn a_customer_who_asks_not_to_be_named_is_made_anonymous_and_named_again_only_with_a_name() {
    let (mut l, n) = office();
    let anonymous = |on: bool, name: Option<&str>| CaseEdit {
        anonymous: Some(on),
        complainant_name: name.map(str::to_string),
        ..Default::default()
    };
    let case = l
        .edit("admin", &n, &anonymous(true, Some("")), "客户要求匿名")
        .expect("anonymous, the name taken off");
    assert!(case.anonymous);
    assert_eq!(case.complainant_name, "");
    let mut fields: Vec<String> = edits(&l, &n)[0]
        .changes
        .iter()
        .map(|c| c.field.clone())
        .collect();
    fields.sort();
    assert_eq!(fields, ["anonymous", "complainant_name"]);
    // Named again: not without the name, and a refusal changes nothing.
    let err = l
        .edit("admin", &n, &anonymous(false, None), "客户同意留名")
        .expect_err("no name");
    assert_eq!(err.field(), Some("complainant_name"));
    assert!(l.case(&n).expect("case").anonymous);
    let case = l
        .edit(
            "admin",
            &n,
            &anonymous(false, Some("王先生")),
            "客户同意留名",
        )
        .expect("named");
    assert!(!case.anonymous);
    assert_eq!(case.complainant_name, "王先生");
}

#[test]
fn once_transferred_only_a_supervisor_changes_the_category_or_department() {
    use desk_ledger::model::Role;
    let (mut l, n) = office();
    l.add_staff("admin", "zl", "张丽", "clerk").expect("clerk");
    let recategorize = CaseEdit {
        category: Some("B01".into()),
        ..Default::default()
    };
    // At the desk, before anyone else has it, the clerk may.
    assert!(l.case_file(&n).expect("file").may_reclassify(Role::Clerk));
    l.edit("zl", &n, &recategorize, "分类选错")
        .expect("clerk, registered");
    let t = desk_ledger::TransferInput {
        to_department: "工程部".into(),
        summary: "上门".into(),
        ..Default::default()
    };
    l.transfer("zl", &n, &t).expect("transfer");
    let file = l.case_file(&n).expect("file");
    assert!(!file.may_reclassify(Role::Clerk));
    assert!(file.may_reclassify(Role::Supervisor));
    let back = CaseEdit {
        category: Some("B04".into()),
        ..Default::default()
    };
    let err = l
        .edit("zl", &n, &back, "分类选错")
        .expect_err("a clerk, transferred");
    assert!(
        matches!(err, desk_ledger::LedgerError::Forbidden { .. }),
        "{err:?}"
    );
    assert_eq!(
        l.case(&n).expect("case").category_code.as_deref(),
        Some("B01")
    );
    l.edit("admin", &n, &back, "分类选错")
        .expect("the supervisor");
    assert_eq!(
        l.case(&n).expect("case").category_code.as_deref(),
        Some("B04")
    );
}

/// The month's review finds a closed complaint filed under the wrong category: a
/// supervisor corrects it, with the reason kept; a clerk is refused and told why; a
/// voided case stays as it was.
#[test]
fn a_closed_case_is_corrected_by_a_supervisor_only() {
    use desk_ledger::model::{Role, Status};
    let (mut l, n) = office();
    l.add_staff("admin", "zl", "张丽", "clerk").expect("clerk");
    l.add_staff("admin", "chen", "陈静", "supervisor")
        .expect("supervisor");
    l.record("zl", &n, "上门疏通", "", None)
        .expect("in progress");
    l.finish("zl", &n, "已疏通").expect("finished");
    let called = common::satisfied();
    l.callback("zl", &n, &called).expect("called back");
    l.close("zl", &n, "").expect("closed");

    let file = l.case_file(&n).expect("file");
    assert_eq!(file.case.status, Status::Closed);
    assert!(file.offered_actions_for(Role::Clerk).is_empty());
    assert_eq!(
        file.offered_actions_for(Role::Supervisor),
        ["edit", "set_level"]
    );
    assert!(file.may_reclassify(Role::Supervisor) && !file.may_reclassify(Role::Clerk));

    let recategorize = CaseEdit {
        category: Some("B01".into()),
        phones: Some("13900001111".into()),
        ..Default::default()
    };
    let err = l
        .edit("zl", &n, &recategorize, "月末复核：分类错误")
        .expect_err("a clerk, closed");
    assert_eq!(err.kind(), "forbidden");
    assert_eq!(
        err.localized(desk_ledger::Lang::ZhCn),
        "只有主管可以更正已结案的个案"
    );
    assert!(edits(&l, &n).is_empty(), "nothing written for the clerk");

    let case = l
        .edit("chen", &n, &recategorize, "月末复核：分类错误")
        .expect("a supervisor, closed");
    assert_eq!(case.status, Status::Closed, "still closed");
    assert_eq!(case.category_code.as_deref(), Some("B01"));
    assert_eq!(case.complainant_phones, "13900001111");
    let kept = edits(&l, &n);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].reason, "月末复核：分类错误");

    let wrong = l
        .register("zl", &common::complaint())
        .expect("register")
        .number;
    l.void("admin", &wrong, "重复登记").expect("voided");
    assert!(l
        .case_file(&wrong)
        .expect("file")
        .offered_actions_for(Role::Admin)
        .is_empty());
    let err = l
        .edit("admin", &wrong, &recategorize, "改")
        .expect_err("voided");
    assert_eq!(err.kind(), "transition");
}

/// The month's classification accuracy (docs/month-end.md): the share of its cases whose
/// category and validity stood as first given.
fn classified_right(l: &Ledger) -> (i64, i64) {
    let f = l.month_figures("2026-11").expect("figures");
    let r = f
        .rates
        .iter()
        .find(|r| r.key == "classified")
        .expect("classification rate");
    assert_eq!(r.target, Some(0.98));
    (r.numerator, r.denominator)
}

#[test]
fn a_changed_category_or_validity_counts_against_classification_and_a_first_validity_does_not() {
    let (mut l, _untouched) = office();
    let validated = l.register("admin", &common::complaint()).expect("b").number;
    let recategorised = l.register("admin", &common::complaint()).expect("c").number;
    assert_eq!(classified_right(&l), (3, 3));

    // Judging the validity after registration completes the case; it corrects nothing.
    let valid = CaseEdit {
        validity: Some("valid".into()),
        ..Default::default()
    };
    l.edit("admin", &validated, &valid, "核实后判定")
        .expect("validity");
    // Filed under drains, it was the water supply pipe.
    let pipe = CaseEdit {
        category: Some("B03".into()),
        ..Default::default()
    };
    l.edit("admin", &recategorised, &pipe, "分类有误")
        .expect("category");
    assert_eq!(classified_right(&l), (2, 3));

    // Changing a validity once given is a correction like any other.
    let invalid = CaseEdit {
        validity: Some("invalid".into()),
        ..Default::default()
    };
    l.edit("admin", &validated, &invalid, "属开发商遗留问题")
        .expect("validity again");
    assert_eq!(classified_right(&l), (1, 3));
}

#[test]
fn a_supervisor_raises_a_closed_complaints_level_and_the_month_lists_it_among_its_majors() {
    let (mut l, n) = office();
    l.add_staff("admin", "c1", "李娜", "clerk").expect("clerk");
    l.finish("admin", &n, "已修好").expect("finish");
    let satisfied = common::satisfied();
    l.callback("admin", &n, &satisfied).expect("callback");
    l.close("admin", &n, "").expect("close");

    // The month's review finds the owner had gone to the newspaper: a major complaint.
    let refused = l
        .set_level("c1", &n, "major", "业主已向报社反映")
        .expect_err("a clerk may not");
    assert_eq!(refused.kind(), "forbidden");
    let case = l
        .set_level("admin", &n, "major", "业主已向报社反映")
        .expect("a supervisor may");
    assert_eq!(case.status.as_str(), "closed", "still closed");
    assert_eq!(case.level.map(|v| v.as_str()), Some("major"));
    let history = l.history(&n).expect("history");
    let last = history.last().expect("an entry");
    assert_eq!(
        (last.action.as_str(), last.reason.as_str()),
        ("set_level", "业主已向报社反映")
    );
    // Its month lists it among the major complaints, its report not yet begun; nothing
    // is due on the closed case, so it does not come back to the desk's lists.
    let s = l
        .summary("2026-11-01", "2026-12-01", desk_ledger::Lang::ZhCn, false)
        .expect("summary");
    let major = s.majors.iter().find(|m| m.number == n).expect("listed");
    assert_eq!(major.report_status, None);
    assert_eq!(l.desk_counts(240).expect("tiles").open_major, 0);

    // A voided case stays as it was.
    let voided = l.register("admin", &common::complaint()).expect("b").number;
    l.void("admin", &voided, "重复登记").expect("void");
    let err = l
        .set_level("admin", &voided, "important", "复核")
        .expect_err("voided");
    assert_eq!(err.kind(), "transition");
}
