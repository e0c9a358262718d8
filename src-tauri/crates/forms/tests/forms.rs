//! Every form rendered from a real ledger and read back with `pdftotext`: the fields,
//! labels and signature captions are there in order, re-renders are byte-identical,
//! long text continues on a new page, and the public notice carries no personal data.

use std::path::Path;
use std::process::Command;

use desk_forms::{prepare, record, FormKind, Prepared};
use desk_ledger::{CallbackInput, Clock, Ledger, MajorReportInput, NewCase, TransferInput};

const PHONE: &str = "13812345678";

fn at(s: &str) -> Clock {
    Clock::Fixed(chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time"))
}

fn office() -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(at("2026-11-20 09:05"));
    l.init("华信物业服务有限公司", "东区管理处", "admin", "管理员")
        .expect("init");
    l.add_staff("admin", "c1", "李接待", "clerk")
        .expect("clerk");
    l.add_staff("admin", "s1", "周主管", "supervisor")
        .expect("supervisor");
    l
}

fn complaint(room: &str, name: &str, content: &str) -> NewCase {
    NewCase {
        kind: "complaint".into(),
        channel: "phone".into(),
        complainant_name: name.into(),
        phones: PHONE.into(),
        building: "3栋".into(),
        unit: "2单元".into(),
        room: room.into(),
        content: content.into(),
        demand: "尽快修复并赔偿损失".into(),
        category: Some("B04".into()),
        received_at: Some("2026-11-20 09:00".into()),
        ..Default::default()
    }
}

fn transferred(l: &mut Ledger) -> (String, String) {
    let case = l
        .register(
            "c1",
            &complaint("1502", "王建国", "卫生间天花板漏水，楼上1602住户不在家。"),
        )
        .expect("register")
        .number;
    let slip = l
        .transfer(
            "c1",
            &case,
            &TransferInput {
                to_department: "engineering".into(),
                summary: "1502卫生间天花板漏水".into(),
                requirement: "今日上门查看楼上管道并回复处理方案".into(),
                ..Default::default()
            },
        )
        .expect("transfer")
        .number;
    (case, slip)
}

/// `FORMS_OUT=/some/dir cargo test -p desk-forms` keeps every PDF the tests read, to
/// look at (`pdftoppm -png`).
fn keep(pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("FORMS_OUT") {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "{}-{:02}.pdf",
            std::thread::current()
                .name()
                .unwrap_or("form")
                .replace("::", "-"),
            N.fetch_add(1, Ordering::SeqCst)
        );
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(Path::new(&dir).join(name), pdf).expect("keep");
    }
}

fn text_of(pdf: &[u8]) -> String {
    keep(pdf);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("form.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by the test command");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Asserts the words appear in this order in the text (ignoring the layout's spaces).
fn in_order(text: &str, words: &[&str]) {
    let flat: String = text.split_whitespace().collect();
    let mut from = 0;
    for w in words {
        let w: String = w.split_whitespace().collect();
        match flat[from..].find(&w) {
            Some(i) => from += i + w.len(),
            None => panic!("{w:?} missing or out of order in:\n{text}"),
        }
    }
}

fn pages(p: &Prepared) -> usize {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("f.pdf");
    std::fs::write(&path, &p.bytes).expect("write");
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

#[test]
fn transfer_slip_carries_every_field_and_signature_line_in_order() {
    let mut l = office();
    let (case, slip) = transferred(&mut l);
    let p = prepare(&l, "c1", FormKind::Slip, &slip).expect("slip");
    assert!(
        p.bytes.len() < 100_000,
        "a one-page slip is {} bytes",
        p.bytes.len()
    );
    assert_eq!(pages(&p), 1);
    let text = text_of(&p.bytes);
    in_order(
        &text,
        &[
            "华信物业服务有限公司",
            "东区管理处",
            "顾客投诉转交签认单",
            "KS-02",
            &slip,
            "第1版",
            "转交单号",
            &slip,
            "个案编号",
            &case,
            "投诉人",
            "王建国",
            "联系电话",
            PHONE,
            "位置",
            "3栋2单元1502",
            "投诉内容",
            "卫生间天花板漏水，楼上1602住户不在家。",
            "转交事项",
            "处理要求",
            "今日上门查看楼上管道并回复处理方案",
            "转出部门/转交人",
            "接收部门",
            "工程部",
            "转交时间",
            "2026-11-20 09:05",
            "回复期限",
            "转交人（签名）",
            "日期/时间",
            "接收人签认",
            "日期/时间",
            "处理结果回馈",
            "回馈人",
            "打印",
            "2026-11-20 09:05",
            "李接待",
            "第 1 页 / 共 1 页",
        ],
    );
}

#[test]
fn registration_form_has_the_case_and_its_processing_records() {
    let mut l = office();
    let (case, _) = transferred(&mut l);
    l.record(
        "c1",
        &case,
        "工程部上门检查，更换楼上排水管接头",
        "已止漏",
        None,
    )
    .expect("record");
    let p = prepare(&l, "c1", FormKind::Registration, &case).expect("registration");
    let text = text_of(&p.bytes);
    in_order(
        &text,
        &[
            "顾客投诉处理登记表",
            "KS-01",
            "个案编号",
            &case,
            "受理时间",
            "2026-11-20 09:00",
            "投诉人",
            "王建国",
            "投诉内容",
            "客户诉求",
            "尽快修复并赔偿损失",
            "分类与定级",
            "转交记录",
            "工程部",
            "处理记录",
            "更换楼上排水管接头",
            "已止漏",
            "回访记录",
            "处理结果",
            "接待员",
            "管理处主任",
        ],
    );
}

#[test]
fn same_revision_prints_byte_identical_and_a_change_prints_a_new_revision() {
    let mut l = office();
    let (case, _) = transferred(&mut l);
    let first = prepare(&l, "c1", FormKind::Registration, &case).expect("first");
    record(&mut l, "c1", &first, "print").expect("record");
    // Later, by someone else: the same record at the same revision is the same document.
    l.set_clock(at("2026-11-21 16:40"));
    let again = prepare(&l, "s1", FormKind::Registration, &case).expect("again");
    assert_eq!(
        first.bytes, again.bytes,
        "a re-print must be byte-identical"
    );
    assert!(!String::from_utf8_lossy(&first.bytes).contains("2026-11-21"));

    let revision = l.case(&case).expect("case").revision;
    l.record("c1", &case, "回复客户处理方案", "", None)
        .expect("record");
    let changed = prepare(&l, "s1", FormKind::Registration, &case).expect("changed");
    assert_ne!(first.bytes, changed.bytes);
    let text = text_of(&changed.bytes);
    assert!(text.contains(&format!("第{}版", revision + 1)), "{text}");
    assert!(text.contains("2026-11-21 16:40") && text.contains("周主管"));

    // Each printing is in the case's history; printing changes no revision.
    record(&mut l, "s1", &changed, "save").expect("record");
    let history = l.history(&case).expect("history");
    let prints: Vec<_> = history
        .iter()
        .filter(|h| h.action == "print_form" || h.action == "save_form")
        .collect();
    assert_eq!(prints.len(), 2);
    assert_eq!(prints[0].actor.as_deref(), Some("李接待"));
    assert_eq!(l.case(&case).expect("case").revision, revision + 1);
}

#[test]
fn a_three_thousand_character_complaint_continues_on_a_second_page() {
    let mut l = office();
    let long: String = "业主反映地下车库B区排水沟堵塞，雨天积水严重，车辆无法通行。"
        .chars()
        .cycle()
        .take(3000)
        .collect();
    let case = l
        .register("c1", &complaint("1502", "王建国", &long))
        .expect("register")
        .number;
    let p = prepare(&l, "c1", FormKind::Registration, &case).expect("registration");
    assert!(p.pages >= 2, "3,000 characters fit on {} page(s)", p.pages);
    assert_eq!(pages(&p), p.pages);
    let text = text_of(&p.bytes);
    // The header repeats on the next page, the label says the field continues, and
    // not a character is lost.
    assert!(text.matches("顾客投诉处理登记表").count() >= 2);
    in_order(&text, &["投诉内容", "第 1 页", "投诉内容", "（续）"]);
    in_order(&text, &[&format!("第 2 页 / 共 {} 页", p.pages)]);
    let flat: String = text.split_whitespace().collect();
    // (Counted by a character only the complaint has: a phrase may straddle the break.)
    assert_eq!(flat.matches('沟').count(), long.matches('沟').count());
}

#[test]
fn public_notice_has_the_public_area_complaints_and_no_personal_data() {
    let mut l = office();
    let mut lobby = complaint(
        "",
        "赵丽华",
        "大堂电梯故障，赵丽华女士致电13900001111反映，1502业主也受影响",
    );
    lobby.room = String::new();
    lobby.unit = String::new();
    lobby.public_area = "大堂电梯".into();
    let public = l.register("c1", &lobby).expect("lobby").number;
    let (private, _) = transferred(&mut l);
    let p = prepare(&l, "c1", FormKind::Notice, "2026-11").expect("notice");
    let text = text_of(&p.bytes);
    in_order(
        &text,
        &[
            "投诉公布",
            "2026-11",
            "大堂电梯",
            "大堂电梯故障",
            "不含业主及住户个人信息",
        ],
    );
    for personal in ["赵丽华", "王建国", "13900001111", PHONE, "1502", &private] {
        assert!(
            !text.contains(personal),
            "{personal} leaked into the notice:\n{text}"
        );
    }
    assert!(!p.printing.personal);
    assert!(p.printing.cases.is_empty());
    let _ = public;
}

#[test]
fn callback_record_and_major_report() {
    let mut l = office();
    let (case, slip) = transferred(&mut l);
    l.sign("c1", &slip, "张工", None).expect("sign");
    l.finish("c1", &case, "更换排水管接头，已修复")
        .expect("finish");
    l.callback(
        "c1",
        &case,
        &CallbackInput {
            method: "phone".into(),
            outcome: "reached".into(),
            satisfaction: Some("satisfied".into()),
            person_reached: "王建国".into(),
            relation: "本人".into(),
            comments: "维修及时".into(),
            ..Default::default()
        },
    )
    .expect("callback");
    let p = prepare(&l, "c1", FormKind::Callback, &case).expect("callback record");
    in_order(
        &text_of(&p.bytes),
        &[
            "访问顾客记录表",
            "KS-03",
            &case,
            "处理结果",
            "更换排水管接头",
            "回访 1",
            "回访时间",
            "电话",
            "接受回访人",
            "王建国",
            "满意",
            "意见和建议",
            "维修及时",
            "回访人",
        ],
    );

    // Not major: no report to print.
    let err = prepare(&l, "c1", FormKind::MajorReport, &case).expect_err("not major");
    assert_eq!(err.field(), Some("level"));
    l.set_level("s1", &case, "major", "业主投诉至媒体")
        .expect("major");
    l.save_major_report(
        "c1",
        &case,
        &MajorReportInput {
            cause: "楼上排水管接头老化".into(),
            process: "当日更换接头，修复天花板".into(),
            lessons: "老旧管道需定期巡检".into(),
            measures: "每季度巡检排水管".into(),
            submit: true,
        },
    )
    .expect("report");
    let err = l
        .approve_major_report("c1", &case)
        .expect_err("a clerk cannot approve");
    assert_eq!(err.kind(), "forbidden");
    l.approve_major_report("s1", &case).expect("approve");
    let p = prepare(&l, "c1", FormKind::MajorReport, &case).expect("major report");
    in_order(
        &text_of(&p.bytes),
        &[
            "重大投诉报告",
            "KS-04",
            "产生原因",
            "楼上排水管接头老化",
            "处理过程及结果",
            "经验教训",
            "纠正预防措施",
            "每季度巡检排水管",
            "已批准",
            "周主管",
            "管理者代表（批准）",
        ],
    );
}

#[test]
fn the_days_slips_in_one_file_each_numbered_on_its_own() {
    let mut l = office();
    let (_, a) = transferred(&mut l);
    let (_, b) = transferred(&mut l);
    let p = prepare(&l, "c1", FormKind::SlipsOfDay, "2026-11-20").expect("day");
    assert_eq!(p.pages, 2);
    let text = text_of(&p.bytes);
    in_order(&text, &[&a, "第 1 页 / 共 1 页", &b, "第 1 页 / 共 1 页"]);
    let err = prepare(&l, "c1", FormKind::SlipsOfDay, "2026-11-19").expect_err("none");
    assert_eq!(err.kind(), "not_found");
}

#[test]
fn traditional_script_by_setting() {
    let mut l = office();
    let (_, slip) = transferred(&mut l);
    l.set_setting("admin", "form_script", "traditional")
        .expect("setting");
    let text = text_of(
        &prepare(&l, "c1", FormKind::Slip, &slip)
            .expect("slip")
            .bytes,
    );
    in_order(
        &text,
        &[
            "顧客投訴轉交簽認單",
            "轉交單號",
            // The same field names as the Traditional screens and timeline.
            "聯絡電話",
            "位置",
            "轉交事項",
            "接收人簽認",
            "處理結果回饋",
            "第 1 頁 / 共 1 頁",
        ],
    );
}

#[test]
fn a_character_the_font_lacks_is_marked_and_reported() {
    let mut l = office();
    // U+1F9EA (test tube) is not in Noto Sans CJK.
    let case = l
        .register(
            "c1",
            &complaint("1502", "王建国", "水质异常\u{1F9EA}请检测"),
        )
        .expect("register")
        .number;
    let p = prepare(&l, "c1", FormKind::Registration, &case).expect("registration");
    assert_eq!(p.missing, vec!['\u{1F9EA}']);
    assert!(text_of(&p.bytes).contains("水质异常〓请检测"));
}

#[test]
fn the_lp_spooler_hands_the_file_to_the_print_command() {
    use desk_forms::spool::{Lp, Spooler};
    let dir = tempfile::tempdir().expect("dir");
    let fake = dir.path().join("lp");
    let log = dir.path().join("args");
    std::fs::write(
        &fake,
        format!("#!/bin/sh\necho \"$@\" > {}\n", log.display()),
    )
    .expect("script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let pdf = dir.path().join("slip.pdf");
    std::fs::write(&pdf, b"%PDF").expect("pdf");
    std::env::set_var("COMPLAINT_DESK_LP", &fake);
    Lp.print(&pdf, Some("front-desk")).expect("print");
    let args = std::fs::read_to_string(&log).expect("args");
    assert_eq!(args.trim(), format!("-d front-desk -- {}", pdf.display()));
    let _ = Path::new(&pdf);
}

#[test]
fn the_notice_of_a_demo_month_has_no_name_or_phone_of_the_whole_ledger() {
    let mut l = Ledger::in_memory().expect("ledger");
    // A fixed clock: on the 1st of a month "this month" would hold one day's cases.
    l.set_clock(at("2026-11-23 09:00"));
    l.demo(&desk_ledger::DemoOptions {
        cases: 600,
        months: 2,
        seed: 11,
    })
    .expect("demo");
    let month = l.now().format("%Y-%m").to_string();
    let p = prepare(&l, "wangfang", FormKind::Notice, &month).expect("notice");
    let text: String = text_of(&p.bytes).split_whitespace().collect();
    assert!(text.contains("投诉公布"));
    let mut personal: Vec<String> = Vec::new();
    let conn = l.connection();
    for sql in [
        "SELECT complainant_name FROM cases",
        "SELECT complainant_phones FROM cases",
        "SELECT owner_name FROM units",
        "SELECT phones FROM units",
    ] {
        let mut st = conn.prepare(sql).expect("sql");
        let rows = st.query_map([], |r| r.get::<_, String>(0)).expect("rows");
        for v in rows.flatten() {
            personal.extend(
                v.split([',', '，', ' ', '/', ';', '、'])
                    .map(str::trim)
                    .filter(|w| w.chars().count() >= 2)
                    .map(String::from),
            );
        }
    }
    personal.sort();
    personal.dedup();
    assert!(personal.len() > 100, "the demo has residents");
    let leaked: Vec<_> = personal
        .iter()
        .filter(|w| text.contains(w.as_str()))
        .collect();
    assert!(leaked.is_empty(), "personal data on the notice: {leaked:?}");
}
