//! Every workbook read back with calamine and checked against the ledger it came from.

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use desk_calendar::Lang;
use desk_ledger::model::Kind;
use desk_ledger::{CallbackInput, Ledger, NewCase};
use desk_reports::{consolidate, ledger_csv, read_units, summary_workbook};

const ZH: Lang = Lang::ZhCn;

mod common;
use common::all_text;

fn cells(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).expect("open workbook");
    let range = wb.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn case(kind: Kind, room: &str) -> NewCase {
    NewCase {
        kind: kind.as_str().into(),
        channel: "phone".into(),
        complainant_name: "王先生".into(),
        phones: "13812345678".into(),
        building: "3栋".into(),
        room: room.into(),
        content: "卫生间漏水".into(),
        category: Some(if kind == Kind::Complaint { "B04" } else { "Q1" }.into()),
        received_at: Some("2026-11-02 09:00".into()),
        ..Default::default()
    }
}

fn callback(outcome: &str, satisfaction: Option<&str>) -> CallbackInput {
    CallbackInput {
        method: "phone".into(),
        outcome: outcome.into(),
        satisfaction: satisfaction.map(String::from),
        ..Default::default()
    }
}

/// Four cases with rates worked out by hand (docs/month-end.md).
fn known_month() -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(common::at("2026-11-02 09:05"));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    let a = l
        .register("admin", &case(Kind::Complaint, "101"))
        .expect("a")
        .number;
    let b = l
        .register("admin", &case(Kind::Complaint, "102"))
        .expect("b")
        .number;
    let c = l
        .register("admin", &case(Kind::Request, "103"))
        .expect("c")
        .number;
    let d = l
        .register("admin", &case(Kind::Complaint, "104"))
        .expect("d")
        .number;
    // B was filed under the wrong category and put right: three of four classified
    // right first time.
    let recategorised = desk_ledger::CaseEdit {
        category: Some("B01".into()),
        ..Default::default()
    };
    l.edit("admin", &b, &recategorised, "分类有误")
        .expect("reclassify b");
    for n in [&a, &b, &c, &d] {
        l.finish("admin", n, "已处理").expect("finish");
    }
    l.callback("admin", &a, &callback("reached", Some("satisfied")))
        .expect("cb a");
    l.callback("admin", &b, &callback("unreachable", None))
        .expect("cb b");
    l.callback("admin", &c, &callback("reached", Some("neutral")))
        .expect("cb c");
    // D: dissatisfied, followed up again, then satisfied.
    l.callback("admin", &d, &callback("reached", Some("dissatisfied")))
        .expect("cb d");
    l.finish("admin", &d, "二次跟进已处理").expect("finish d");
    l.callback("admin", &d, &callback("reached", Some("satisfied")))
        .expect("cb d again");
    l.close("admin", &a, "").expect("close a");
    l.close("admin", &b, "").expect("close b");
    l
}

#[test]
fn a_hand_made_month_shows_the_rates_worked_out_by_hand() {
    let l = known_month();
    let dir = tempfile::tempdir().expect("tmp");
    let s = l
        .summary("2026-11-01", "2026-12-01", ZH, false)
        .expect("summary");
    let path = save(
        dir.path(),
        "m.xlsx",
        &summary_workbook(&s, &[], ZH).expect("workbook"),
    );
    let rates = cells(&path, "指标");
    let find = |name: &str| -> (String, String) {
        let r = rates
            .iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no {name}"));
        (r[1].clone(), r[2].clone())
    };
    // Four finished; B's only callback was unreachable (exempt): 3 of 3 called back.
    assert_eq!(find("回访率"), ("3".into(), "3".into()));
    // Reached callbacks: A satisfied, C neutral, D dissatisfied and then satisfied.
    assert_eq!(find("满意率"), ("2".into(), "4".into()));
    // Cases called back, by their last answer: A and D satisfied, C neutral.
    assert_eq!(find("满意解决率"), ("2".into(), "3".into()));
    assert_eq!(find("分类准确率"), ("3".into(), "4".into()));
    // Each rate says what it divides by what, so offices count alike.
    assert_eq!(rates[0][6], "计算口径");
    let basis = |name: &str| rates.iter().find(|r| r[0] == name).map(|r| r[6].clone());
    assert!(basis("满意率").is_some_and(|b| b.contains("每次回访都计")));
    assert!(basis("满意解决率").is_some_and(|b| b.contains("最后一次回访满意")));
    // A and B closed of four.
    assert_eq!(find("结案率"), ("2".into(), "4".into()));

    let ledger = cells(&path, "台账");
    assert_eq!(ledger.len(), 5, "a header and four cases");
    assert_eq!(ledger[0][0], "编号");
    // The ledger sheet names the fields as the case screen and the timeline do.
    for field in ["channel", "location", "category", "validity"] {
        let name = desk_ledger::i18n::field_label(field, Lang::ZhCn).to_string();
        assert!(
            ledger[0].contains(&name),
            "{name} missing from {:?}",
            ledger[0]
        );
    }
    assert!(
        ledger[0].contains(&"投诉性质".to_string()),
        "{:?}",
        ledger[0]
    );
    let stats = cells(&path, "统计");
    let kinds: Vec<_> = stats
        .iter()
        .skip(1)
        .take(2)
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("投诉".to_string(), "3".to_string()),
            ("需求".into(), "1".into())
        ]
    );
}

#[test]
fn a_demo_month_agrees_with_the_ledger_and_anonymized_copies_carry_no_personal_data() {
    let l = common::demo_office(600, 2, 5);
    let month = l.now().format("%Y-%m").to_string();
    let (from, to) = desk_ledger::validate::month_range("month", &month).expect("month");
    let (from, to) = (from.to_string(), to.to_string());
    let dir = tempfile::tempdir().expect("tmp");
    let s = l.summary(&from, &to, ZH, false).expect("summary");
    let plain = save(
        dir.path(),
        "plain.xlsx",
        &summary_workbook(&s, &[], ZH).expect("wb"),
    );

    // Independent count from the ledger's own list: the month's cases by status.
    let listed = l
        .list(&desk_ledger::CaseFilter {
            month: Some(month.clone()),
            page_size: 500,
            ..Default::default()
        })
        .expect("list");
    let not_voided = listed
        .rows
        .iter()
        .filter(|c| c.status.as_str() != "voided")
        .count();
    assert_eq!(cells(&plain, "台账").len() - 1, not_voided);
    let closed = listed
        .rows
        .iter()
        .filter(|c| c.status.as_str() == "closed")
        .count();
    let rates = cells(&plain, "指标");
    let closed_row = rates
        .iter()
        .find(|r| r[0] == "结案率")
        .expect("closed rate");
    assert_eq!(closed_row[1], closed.to_string());
    assert_eq!(closed_row[2], not_voided.to_string());

    let anon = l.summary(&from, &to, ZH, true).expect("summary");
    let path = save(
        dir.path(),
        "anon.xlsx",
        &summary_workbook(&anon, &[], ZH).expect("wb"),
    );
    let text = all_text(&path);
    let mut checked = 0;
    for c in listed.rows.iter().filter(|c| c.status.as_str() != "voided") {
        if c.complainant_name.chars().count() >= 2 {
            assert!(
                !text.contains(&c.complainant_name),
                "name {} leaked",
                c.complainant_name
            );
            checked += 1;
        }
        for p in c
            .complainant_phones
            .split([',', '，', ' '])
            .filter(|p| p.len() >= 7)
        {
            assert!(!text.contains(p), "phone {p} leaked");
        }
        if !c.room.is_empty() {
            assert!(
                !text.contains(&format!("{}{}{}", c.building, c.unit, c.room)),
                "room leaked"
            );
        }
    }
    assert!(checked > 10, "the month had named complainants to hide");
    assert!(all_text(&plain).contains(&listed.rows[0].complainant_phones));
}

fn office(name: &str, code: &str, seed: u64) -> Ledger {
    let mut l = common::demo_office(300, 1, seed);
    l.set_setting("admin", "office_name", name).expect("name");
    l.set_setting("admin", "office_code", code).expect("code");
    l
}

#[test]
fn three_offices_consolidate_and_bad_files_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut files = Vec::new();
    let mut expected_total = 0;
    let month = {
        let l = office("x", "x", 1);
        l.now().format("%Y-%m").to_string()
    };
    let (from, to) = desk_ledger::validate::month_range("month", &month).expect("month");
    let (from, to) = (from.to_string(), to.to_string());
    for (i, (name, code)) in [
        ("东区管理处", "E"),
        ("西区管理处", "W"),
        ("南区管理处", "S"),
    ]
    .iter()
    .enumerate()
    {
        let l = office(name, code, 10 + i as u64);
        let s = l.summary(&from, &to, ZH, true).expect("summary");
        expected_total += s.figures.total;
        files.push(save(
            dir.path(),
            &format!("{code}.xlsx"),
            &summary_workbook(&s, &[], ZH).expect("wb"),
        ));
    }
    let (bytes, metas) = consolidate(&files, ZH).expect("consolidate");
    assert_eq!(metas.len(), 3);
    let out = save(dir.path(), "company.xlsx", &bytes);
    let sheet = cells(&out, "各管理处汇总");
    assert_eq!(
        sheet[0][1..],
        ["东区管理处", "西区管理处", "南区管理处", "合计"]
    );
    let total_row = &sheet[1];
    let sum: i64 = total_row[1..4]
        .iter()
        .map(|v| v.parse::<i64>().expect("number"))
        .sum();
    assert_eq!(sum, expected_total);
    assert_eq!(total_row[4], expected_total.to_string());

    let twice = consolidate(&[files[0].clone(), files[1].clone(), files[0].clone()], ZH)
        .expect_err("same office twice");
    assert!(
        twice.to_string().contains("E.xlsx") && twice.to_string().contains("东区管理处"),
        "{twice}"
    );

    let other = office("北区管理处", "N", 20);
    let prev = desk_ledger::validate::month_range("month", "2026-01").expect("month");
    let s = other
        .summary(&prev.0.to_string(), &prev.1.to_string(), ZH, true)
        .expect("summary");
    let jan = save(
        dir.path(),
        "N-jan.xlsx",
        &summary_workbook(&s, &[], ZH).expect("wb"),
    );
    let e = consolidate(&[files[0].clone(), jan], ZH).expect_err("another month");
    assert!(
        e.to_string().contains("N-jan.xlsx") && e.to_string().contains("同一期间"),
        "{e}"
    );

    let mut foreign = rust_xlsxwriter::Workbook::new();
    foreign
        .add_worksheet()
        .write_string(0, 0, "hello")
        .expect("cell");
    let foreign = save(
        dir.path(),
        "foreign.xlsx",
        &foreign.save_to_buffer().expect("bytes"),
    );
    let e = consolidate(&[foreign], ZH).expect_err("not ours");
    assert!(
        e.to_string().contains("foreign.xlsx") && e.to_string().contains("不是本系统"),
        "{e}"
    );
}

#[test]
fn the_unit_directory_imports_all_or_nothing_and_reimports_as_updates() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 5]; 5] = [
        ["楼栋", "单元", "房号", "业主姓名", "联系电话"],
        ["3栋", "2单元", "1502", "王建国", "13812345678"],
        ["3栋", "2单元", "1503", "李红", "12345"],
        ["3栋", "2单元", "1502", "王建国", "13812345678"],
        ["5栋", "", "201", "赵敏", "0571-87654321"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    let path = save(
        dir.path(),
        "units.xlsx",
        &wb.save_to_buffer().expect("bytes"),
    );
    let p = read_units(&path, &[], "", ZH).expect("read");
    let problems: Vec<(usize, String)> = p
        .problems
        .iter()
        .map(|x| (x.row, x.column.clone()))
        .collect();
    assert_eq!(
        problems,
        [(3, "联系电话".to_string()), (4, "房号".to_string())]
    );
    assert!(
        p.problems[0].reason.contains("12345"),
        "{}",
        p.problems[0].reason
    );
    assert!(
        p.problems[1].reason.contains('2'),
        "names the first row: {}",
        p.problems[1].reason
    );
    assert_eq!(p.units.len(), 2);

    let mut l = Ledger::in_memory().expect("ledger");
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    // All or nothing: the core refuses the whole list when one unit is bad.
    let mut with_bad: Vec<_> = p.units.iter().map(|u| u.1.clone()).collect();
    with_bad.push(desk_ledger::NewUnit {
        building: "9栋".into(),
        room: "".into(),
        ..Default::default()
    });
    assert!(l.import_units("admin", &with_bad).is_err());
    assert!(
        l.units("", 50).expect("units").is_empty(),
        "nothing was written"
    );

    let good: Vec<_> = p.units.iter().map(|u| u.1.clone()).collect();
    let first = l.import_units("admin", &good).expect("import");
    assert_eq!((first.added, first.updated, first.unchanged), (2, 0, 0));
    let mut changed = good.clone();
    changed[0].phones = "13900001111".into();
    let again = l.import_units("admin", &changed).expect("reimport");
    assert_eq!((again.added, again.updated, again.unchanged), (0, 1, 1));
    assert_eq!(l.units("", 50).expect("units").len(), 2, "no duplicates");

    let csv = dir.path().join("units.csv");
    std::fs::write(
        &csv,
        "\u{feff}building,room,owner,phones\r\n7栋,301,钱多,13511112222\r\n",
    )
    .expect("csv");
    let p = read_units(&csv, &[], "", ZH).expect("csv read");
    assert_eq!(p.units.len(), 1);
    assert_eq!(p.units[0].1.room, "301");
}

#[test]
fn the_csv_export_neutralizes_formulas() {
    let mut l = known_month();
    let mut evil = case(Kind::Complaint, "105");
    evil.content = "=HYPERLINK(\"http://x\",\"点我\")".into();
    l.register("admin", &evil).expect("register");
    let rows = l.summary_rows("2026-11-01", "2026-12-01").expect("rows");
    let csv = ledger_csv(&rows, ZH);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "no cell starts with =");
    assert_eq!(csv.matches("\r\n").count(), rows.len() + 1);
}

#[test]
fn a_customer_who_asked_not_to_be_named_is_anonymous_in_the_workbook_and_the_csv() {
    let mut l = known_month();
    // The desk knows the name, but the customer asked not to be named.
    let mut quiet = case(Kind::Complaint, "106");
    quiet.complainant_name = "钱某某".into();
    quiet.anonymous = true;
    l.register("admin", &quiet).expect("register");
    let dir = tempfile::tempdir().expect("dir");
    let s = l
        .summary("2026-11-01", "2026-12-01", ZH, false)
        .expect("summary");
    let path = save(
        dir.path(),
        "m.xlsx",
        &summary_workbook(&s, &[], ZH).expect("workbook"),
    );
    let ledger = cells(&path, "台账");
    let row = ledger
        .iter()
        .find(|r| r.iter().any(|c| c.contains("106")))
        .expect("the case's row");
    assert_eq!(row[4], "匿名", "{row:?}");
    assert!(!all_text(&path).contains("钱某某"));
    let csv = ledger_csv(
        &l.summary_rows("2026-11-01", "2026-12-01").expect("rows"),
        Lang::En,
    );
    assert!(
        csv.contains(",anonymous,") && !csv.contains("钱某某"),
        "{csv}"
    );
}

/// A quarter's workbook names its typical complaints: the rule's choice, most telling
/// first, each with why; an ordinary complaint is not among them, and a month's
/// workbook has no such sheet.
#[test]
fn a_ranges_workbook_lists_its_typical_complaints_most_telling_first() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(common::at("2026-11-20 09:00"));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    let at = |day: &str| Some(format!("{day} 09:00"));
    let costly = NewCase {
        amount: "2000".into(),
        received_at: at("2026-10-05"),
        ..case(Kind::Complaint, "201")
    };
    let costly = l.register("admin", &costly).expect("costly").number;
    let in_the_news = NewCase {
        media: true,
        received_at: at("2026-11-03"),
        ..case(Kind::Complaint, "202")
    };
    let in_the_news = l.register("admin", &in_the_news).expect("news").number;
    let unhappy = NewCase {
        received_at: at("2026-10-10"),
        ..case(Kind::Complaint, "203")
    };
    let unhappy = l.register("admin", &unhappy).expect("unhappy").number;
    l.finish("admin", &unhappy, "已处理").expect("finish");
    l.callback(
        "admin",
        &unhappy,
        &callback("reached", Some("dissatisfied")),
    )
    .expect("dissatisfied");
    let ordinary = NewCase {
        received_at: at("2026-10-12"),
        ..case(Kind::Complaint, "204")
    };
    let ordinary = l.register("admin", &ordinary).expect("ordinary").number;

    let dir = tempfile::tempdir().expect("dir");
    let quarter = desk_reports::Period::months("2026-10", "2026-11").expect("range");
    let bytes = desk_reports::period_workbook(&l, &quarter, ZH, false).expect("workbook");
    let path = save(dir.path(), "quarter.xlsx", &bytes);
    let rows = cells(&path, "典型案例");
    assert_eq!(rows[0][0], "编号");
    let listed: Vec<&str> = rows[1..4].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(listed, [&in_the_news, &costly, &unhappy]);
    // Why, the standing-out reasons first (lateness, weeks on, adds to them).
    assert!(
        rows[1][8].starts_with("重大投诉；媒体曝光"),
        "{}",
        rows[1][8]
    );
    assert!(
        rows[3][8].starts_with("回访不满意，二次跟进"),
        "{}",
        rows[3][8]
    );
    assert_eq!(rows[3][7], "不满意");
    assert!(
        rows.iter().all(|r| r[0] != ordinary),
        "an ordinary complaint listed"
    );
    assert!(rows[5][0].starts_with("按规则选取"), "{:?}", rows[5]);

    let month = desk_reports::Period::months("2026-10", "2026-10").expect("month");
    let bytes = desk_reports::period_workbook(&l, &month, ZH, false).expect("workbook");
    let path = save(dir.path(), "month.xlsx", &bytes);
    let wb = open_workbook_auto(&path).expect("open");
    assert!(!wb.sheet_names().iter().any(|n| n == "典型案例"));
}
