//! Whole stories through the real `complaint-desk` binary on a temporary data directory.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod common;

/// The binary the stories run: the one cargo built, or the one `COMPLAINT_DESK_CLI`
/// names (`scripts/check-windows.sh --run` gives the Windows build, run under Wine).
fn bin() -> std::ffi::OsString {
    std::env::var_os("COMPLAINT_DESK_CLI")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_complaint-desk-cli").into())
}

struct Desk {
    dir: tempfile::TempDir,
    now: Option<String>,
}

impl Desk {
    fn new() -> Desk {
        let d = Desk {
            dir: tempfile::tempdir().expect("tempdir"),
            now: None,
        };
        d.ok(
            &[
                "init",
                "--office",
                "锦绣花园管理处",
                "--staff-code",
                "admin",
                "--staff-name",
                "管理员",
            ],
            None,
        );
        d.ok(&["staff", "add", "zl", "张丽"], Some("admin"));
        d.ok(
            &["staff", "add", "boss", "陈主管", "--role", "supervisor"],
            Some("admin"),
        );
        d
    }

    fn run(&self, args: &[&str], who: Option<&str>) -> Output {
        run_in(self.dir.path(), args, who, self.now.as_deref())
    }

    fn ok(&self, args: &[&str], who: Option<&str>) -> Value {
        let out = self.run(args, who);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }

    /// Runs a command that must be refused; returns (exit code, error object).
    fn refused(&self, args: &[&str], who: Option<&str>) -> (i32, Value) {
        let out = self.run(args, who);
        assert!(!out.status.success(), "{args:?} should have been refused");
        let err: Value = serde_json::from_slice(&out.stderr).expect("json error on stderr");
        (out.status.code().unwrap_or(-1), err["error"].clone())
    }

    fn register(&self, extra: &[&str]) -> String {
        let mut args = vec![
            "register",
            "--name",
            "王先生",
            "--phone",
            "13812345678",
            "--building",
            "3栋",
            "--unit",
            "2单元",
            "--room",
            "1502",
            "--content",
            "卫生间下水道堵塞，污水反冒",
            "--category",
            "B04",
        ];
        args.extend_from_slice(extra);
        self.ok(&args, Some("zl"))["number"]
            .as_str()
            .expect("number")
            .to_string()
    }

    /// What a person reads: the command's output without --json, in `lang`.
    fn human(&self, lang: &str, args: &[&str]) -> String {
        let out = Command::new(bin())
            .env("COMPLAINT_DESK_DATA_DIR", self.dir.path())
            .env("COMPLAINT_DESK_LANG", lang)
            .env_remove("COMPLAINT_DESK_AS")
            .env_remove("COMPLAINT_DESK_NOW")
            .args(args)
            .output()
            .expect("run complaint-desk");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
    }

    fn status(&self, number: &str) -> String {
        self.ok(&["show", number], None)["case"]["status"]
            .as_str()
            .expect("status")
            .to_string()
    }
}

fn run_in(dir: &Path, args: &[&str], who: Option<&str>, now: Option<&str>) -> Output {
    command_in(dir, args, who, now)
        .output()
        .expect("run complaint-desk")
}

/// The path of a file a command names, as this test reads it. The Windows build under
/// Wine joins the temporary folder's path to a file name with `\\`, which Linux reads as
/// part of a name.
fn local(shown: &str) -> String {
    shown.replace('\\', "/")
}

fn shown_exists(shown: &str) -> bool {
    Path::new(&local(shown)).exists()
}

/// The command [`run_in`] runs, for a test to add to its environment.
fn command_in(dir: &Path, args: &[&str], who: Option<&str>, now: Option<&str>) -> Command {
    let mut c = Command::new(bin());
    c.env("COMPLAINT_DESK_DATA_DIR", dir)
        .env("COMPLAINT_DESK_LANG", "zh-CN")
        .env_remove("COMPLAINT_DESK_AS")
        .arg("--json")
        .args(args);
    if let Some(w) = who {
        c.args(["--as", w]);
    }
    match now {
        Some(n) => c.env("COMPLAINT_DESK_NOW", n),
        None => c.env_remove("COMPLAINT_DESK_NOW"),
    };
    c
}

#[test]
fn register_transfer_sign_record_finish_callback_close() {
    let d = Desk::new();
    let n = d.register(&[]);
    assert!(n.starts_with("TS-") && n.ends_with("-0001"), "{n}");
    let slip = d.ok(
        &[
            "transfer",
            &n,
            "--to",
            "工程部",
            "--summary",
            "上门疏通下水道",
        ],
        Some("zl"),
    );
    assert_eq!(d.status(&n), "transferred");
    let slip_no = slip["number"].as_str().expect("slip");
    assert!(slip_no.starts_with("ZJ-") && slip["reply_due"].is_string());
    d.ok(&["sign", slip_no, "--signed-by", "李工"], Some("zl"));
    assert_eq!(d.status(&n), "in_progress");
    d.ok(
        &[
            "record",
            &n,
            "--action",
            "已上门核实",
            "--result",
            "确认排污管堵塞",
        ],
        Some("zl"),
    );
    d.ok(&["feedback", slip_no, "--text", "已疏通"], Some("zl"));
    d.ok(&["finish", &n, "--result", "已疏通排污管"], Some("zl"));
    assert_eq!(d.status(&n), "awaiting_callback");
    d.ok(
        &[
            "callback",
            &n,
            "--satisfaction",
            "satisfied",
            "--person",
            "王先生",
        ],
        Some("zl"),
    );
    // Called back: no longer among the calls to make, but among the cases to close.
    let numbers = |flag: &str| {
        let page = d.ok(&["list", flag], None);
        let rows = page["rows"].as_array().cloned().unwrap_or_default();
        rows.iter()
            .map(|r| r["number"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(numbers("--to-close"), std::slice::from_ref(&n));
    assert!(numbers("--to-call").is_empty());
    d.ok(&["close", &n], Some("zl"));
    let file = d.ok(&["show", &n], None);
    assert_eq!(file["case"]["status"], "closed");
    let actions: Vec<&str> = file["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|h| h["action"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        actions,
        [
            "register", "transfer", "issue", "sign", "sign", "record", "feedback", "finish",
            "callback", "close"
        ]
    );
    assert!(file["history"]
        .as_array()
        .expect("h")
        .iter()
        .all(|h| h["actor"] == "张丽"));
    assert_eq!(file["slips"][0]["status"], "feedback");
}

#[test]
fn dissatisfied_callback_reopens_and_the_case_closes_after_second_follow_up() {
    let d = Desk::new();
    let n = d.register(&[]);
    d.ok(&["record", &n, "--action", "已上门"], Some("zl"));
    d.ok(&["finish", &n, "--result", "已处理"], Some("zl"));
    d.ok(
        &[
            "callback",
            &n,
            "--satisfaction",
            "不满意",
            "--comments",
            "还是堵",
        ],
        Some("zl"),
    );
    assert_eq!(d.status(&n), "reopened");
    let (code, err) = d.refused(&["close", &n], Some("zl"));
    assert_eq!((code, err["kind"].as_str()), (2, Some("transition")));
    d.ok(
        &["record", &n, "--action", "二次上门，更换管道"],
        Some("zl"),
    );
    assert_eq!(d.status(&n), "in_progress");
    d.ok(&["finish", &n, "--result", "已更换管道"], Some("zl"));
    d.ok(
        &["callback", &n, "--satisfaction", "very_satisfied"],
        Some("zl"),
    );
    d.ok(&["close", &n], Some("zl"));
    let file = d.ok(&["show", &n], None);
    assert_eq!(file["case"]["followups"], 1);
    assert_eq!(file["case"]["status"], "closed");
}

#[test]
fn a_complaint_cannot_close_without_a_confirming_callback_but_an_exempt_outcome_counts() {
    let d = Desk::new();
    let n = d.register(&[]);
    d.ok(&["finish", &n, "--result", "电话解释清楚"], Some("zl"));
    let (code, err) = d.refused(&["close", &n], Some("zl"));
    assert_eq!((code, err["field"].as_str()), (2, Some("callback")));
    d.ok(&["callback", &n, "--outcome", "unreachable"], Some("zl"));
    d.ok(&["close", &n], Some("zl"));
    assert_eq!(d.status(&n), "closed");
}

#[test]
fn pause_and_resume_are_recorded_with_their_reason() {
    let d = Desk::new();
    let n = d.register(&[]);
    d.ok(&["record", &n, "--action", "已上门"], Some("zl"));
    d.ok(&["pause", &n, "--reason", "业主出差，无法入户"], Some("zl"));
    assert_eq!(d.status(&n), "paused");
    d.refused(&["finish", &n, "--result", "x"], Some("zl"));
    d.ok(&["resume", &n, "--note", "业主已回"], Some("zl"));
    assert_eq!(d.status(&n), "in_progress");
    let file = d.ok(&["show", &n], None);
    let kinds: Vec<&str> = file["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["progress", "pause", "resume"]);
    assert!(file["history"]
        .as_array()
        .expect("h")
        .iter()
        .any(|h| h["action"] == "pause" && h["reason"] == "业主出差，无法入户"));
}

#[test]
fn a_voided_case_keeps_its_number_and_numbers_are_never_reused() {
    let d = Desk::new();
    let a = d.register(&[]);
    d.refused(&["void", &a, "--reason", ""], Some("boss"));
    let (_, err) = d.refused(&["void", &a, "--reason", "重复登记"], Some("zl"));
    assert_eq!(err["kind"], "forbidden", "only a supervisor voids");
    d.ok(&["void", &a, "--reason", "重复登记"], Some("boss"));
    let b = d.register(&[]);
    assert!(a.ends_with("-0001") && b.ends_with("-0002"), "{a} {b}");
    let file = d.ok(&["show", &a], None);
    assert_eq!(
        (
            file["case"]["status"].as_str(),
            file["case"]["void_reason"].as_str()
        ),
        (Some("voided"), Some("重复登记"))
    );
    let r = d.ok(
        &[
            "register",
            "--kind",
            "request",
            "--name",
            "李女士",
            "--building",
            "1栋",
            "--room",
            "101",
            "--content",
            "咨询物业费",
            "--category",
            "Q1",
            "--repair-size",
            "中修",
        ],
        Some("zl"),
    );
    let number = r["number"].as_str().expect("n");
    assert!(number.starts_with("XQ-") && number.ends_with("-0001"));
    // A word goes out as the word it came in as (and as the app's drop-down offers it).
    let shown = d.ok(&["show", number], None);
    assert_eq!(shown["case"]["repair_size"], "medium_repair");
}

#[test]
fn every_forbidden_transition_is_refused_and_changes_nothing() {
    let d = Desk::new();
    let n = d.register(&[]);
    // From registered: no sign target, no pause, no callback, no close.
    for args in [
        vec!["pause", &n, "--reason", "x"],
        vec!["resume", &n],
        vec!["callback", &n, "--satisfaction", "satisfied"],
        vec!["close", &n],
    ] {
        let (code, err) = d.refused(&args, Some("zl"));
        assert_eq!(
            (code, err["kind"].as_str()),
            (2, Some("transition")),
            "{args:?}"
        );
    }
    d.ok(
        &["transfer", &n, "--to", "engineering", "--summary", "处理"],
        Some("zl"),
    );
    for args in [
        vec!["finish", &n, "--result", "x"],
        vec!["pause", &n, "--reason", "x"],
        vec!["close", &n],
    ] {
        d.refused(&args, Some("zl"));
    }
    d.ok(&["void", &n, "--reason", "登记错误"], Some("boss"));
    for args in [
        vec!["record", &n, "--action", "x"],
        vec!["void", &n, "--reason", "x"],
        vec!["transfer", &n, "--to", "engineering", "--summary", "x"],
    ] {
        d.refused(&args, Some("zl"));
    }
    let hist = d.ok(&["history", &n], None);
    assert_eq!(
        hist.as_array().expect("h").len(),
        4,
        "register, transfer, issue, void only"
    );
}

#[test]
fn bad_input_names_the_field_and_saves_nothing() {
    let d = Desk::new();
    let out = d.run(
        &[
            "register",
            "--name",
            "王先生",
            "--phone",
            "12345",
            "--building",
            "3栋",
            "--room",
            "1502",
            "--content",
            "漏水",
            "--category",
            "B04",
        ],
        Some("zl"),
    );
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).expect("json");
    assert_eq!(err["error"]["field"], "phone");
    assert!(err["error"]["message"]
        .as_str()
        .expect("m")
        .contains("联系电话"));
    for (args, field) in [
        (vec!["--content", "", "--category", "B04"], "content"),
        (vec!["--content", "x", "--category", "Z9"], "category"),
        (
            vec!["--content", "x", "--category", "B04", "--amount=-5"],
            "amount",
        ),
        (
            vec!["--content", "x", "--category", "B04", "--channel", "fax"],
            "channel",
        ),
    ] {
        let mut a = vec![
            "register",
            "--name",
            "王先生",
            "--building",
            "3栋",
            "--room",
            "1502",
        ];
        a.extend(args);
        let (_, err) = d.refused(&a, Some("zl"));
        assert_eq!(err["field"], field);
    }
    let (_, err) = d.refused(
        &[
            "register",
            "--name",
            "x",
            "--building",
            "1",
            "--room",
            "1",
            "--content",
            "x",
            "--category",
            "B04",
        ],
        Some("nobody"),
    );
    assert_eq!(err["field"], "staff");
    assert_eq!(d.ok(&["list"], None)["total"], 0);
    // The failed attempts used no numbers.
    assert!(d.register(&[]).ends_with("-0001"));
}

#[test]
fn english_messages_when_asked() {
    let d = Desk::new();
    let out = Command::new(bin())
        .env("COMPLAINT_DESK_DATA_DIR", d.dir.path())
        .args([
            "--lang",
            "en",
            "--as",
            "zl",
            "register",
            "--name",
            "x",
            "--phone",
            "999",
            "--building",
            "1",
            "--room",
            "1",
            "--content",
            "x",
            "--category",
            "B04",
        ])
        .output()
        .expect("run");
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(
        msg.contains("Phone") && msg.contains("is not a phone number"),
        "{msg}"
    );
}

#[test]
fn rules_make_a_complaint_major_and_only_a_supervisor_lowers_it_with_a_reason() {
    let d = Desk::new();
    let n = d.register(&["--amount", "2000"]);
    let case = d.ok(&["show", &n], None)["case"].clone();
    assert_eq!(
        (case["level"].as_str(), case["level_reason"].as_str()),
        (Some("major"), Some("rule:amount"))
    );
    let (_, err) = d.refused(
        &[
            "register",
            "--name",
            "x",
            "--building",
            "1",
            "--room",
            "1",
            "--content",
            "x",
            "--category",
            "B04",
            "--media",
            "--level",
            "general",
        ],
        Some("zl"),
    );
    assert_eq!(err["field"], "level");
    let (code, err) = d.refused(
        &["set-level", &n, "general", "--reason", "金额核实有误"],
        Some("zl"),
    );
    assert_eq!((code, err["kind"].as_str()), (2, Some("forbidden")));
    d.refused(&["set-level", &n, "general", "--reason", ""], Some("boss"));
    d.ok(
        &["set-level", &n, "general", "--reason", "金额核实有误"],
        Some("boss"),
    );
    let h = d.ok(&["history", &n], None);
    let last = h.as_array().expect("h").last().expect("last").clone();
    assert_eq!(
        (
            last["action"].as_str(),
            last["reason"].as_str(),
            last["actor"].as_str()
        ),
        (Some("set_level"), Some("金额核实有误"), Some("陈主管"))
    );
}

#[test]
fn the_history_reads_in_the_clerks_language_and_never_names_an_anonymous_complainant() {
    let d = Desk::new();
    let n = d.register(&[]);
    d.ok(
        &[
            "edit",
            &n,
            "--anonymous",
            "true",
            "--reason",
            "顾客要求匿名",
        ],
        Some("zl"),
    );
    let text = d.human("zh-TW", &["history", &n]);
    for shown in [
        "登記",
        "更正",
        "投訴人: 匿名",
        "匿名: 否 → 是",
        "(顾客要求匿名)",
        "张丽",
    ] {
        assert!(text.contains(shown), "{shown} missing in\n{text}");
    }
    assert!(!text.contains("王先生"), "{text}");
    // The JSON keeps the stored values beside the words, for scripts.
    let json = d.ok(&["history", &n], None);
    assert_eq!(json[1]["title"], "更正");
    assert_eq!(json[1]["changes"][0]["field"], "anonymous");
}

#[test]
fn corrections_keep_the_earlier_value_and_the_reason() {
    let d = Desk::new();
    let n = d.register(&[]);
    d.refused(
        &["edit", &n, "--phone", "0571-87654321", "--reason", ""],
        Some("zl"),
    );
    d.ok(
        &[
            "edit",
            &n,
            "--phone",
            "0571-87654321",
            "--reason",
            "客户更正电话",
        ],
        Some("zl"),
    );
    let h = d.ok(&["history", &n], None);
    let edit = h
        .as_array()
        .expect("h")
        .iter()
        .find(|e| e["action"] == "edit")
        .expect("edit")
        .clone();
    assert_eq!(edit["changes"][0]["old"], "13812345678");
    assert_eq!(edit["changes"][0]["new"], "0571-87654321");
    assert_eq!(edit["reason"], "客户更正电话");
    // Changing the category of a transferred case needs a supervisor.
    d.ok(
        &["transfer", &n, "--to", "engineering", "--summary", "x"],
        Some("zl"),
    );
    let (_, err) = d.refused(
        &["edit", &n, "--category", "B03", "--reason", "分类错误"],
        Some("zl"),
    );
    assert_eq!(err["kind"], "forbidden");
    d.ok(
        &["edit", &n, "--category", "B03", "--reason", "分类错误"],
        Some("boss"),
    );
}

#[test]
fn chinese_substring_search_and_filters() {
    let d = Desk::new();
    let a = d.register(&[]);
    d.ok(
        &[
            "register",
            "--name",
            "李女士",
            "--phone",
            "13900001111",
            "--building",
            "5栋",
            "--room",
            "301",
            "--content",
            "楼道感应灯不亮",
            "--category",
            "B01",
        ],
        Some("zl"),
    );
    let hit = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list"];
        a.extend_from_slice(args);
        d.ok(&a, None)["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["number"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(hit(&["--text", "下水道"]), vec![a.clone()]);
    assert_eq!(hit(&["--text", "污水"]).len(), 1, "two-character search");
    assert_eq!(hit(&["--text", "13900001111"]).len(), 1);
    assert_eq!(hit(&["--text", "李女士"]).len(), 1);
    assert_eq!(hit(&["--text", "5栋301"]).len(), 1);
    assert_eq!(
        hit(&["--category", "B"]).len(),
        2,
        "first level includes second"
    );
    assert_eq!(hit(&["--category", "B01"]).len(), 1);
    let month = format!("{}-{}", &a[3..7], &a[7..9]);
    assert_eq!(hit(&["--status", "registered", "--month", &month]).len(), 2);
    assert_eq!(hit(&["--status", "closed", "--month", &month]).len(), 0);
    assert!(hit(&["--month", "2020-01"]).is_empty());
    // After an edit the search follows the new text.
    d.ok(
        &[
            "edit",
            &a,
            "--content",
            "厨房水管爆裂",
            "--reason",
            "记录有误",
        ],
        Some("zl"),
    );
    assert!(hit(&["--text", "下水道"]).is_empty());
    assert_eq!(hit(&["--text", "水管爆裂"]), vec![a]);
}

#[test]
fn two_processes_registering_at_once_get_distinct_gap_free_numbers() {
    let d = Desk::new();
    let dir = d.dir.path().to_path_buf();
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut got = Vec::new();
                for i in 0..100 {
                    let content = format!("并发登记测试 {w}-{i}");
                    let out = run_in(
                        &dir,
                        &[
                            "register",
                            "--name",
                            "测试",
                            "--building",
                            "1栋",
                            "--room",
                            "101",
                            "--content",
                            &content,
                            "--category",
                            "B01",
                        ],
                        Some("zl"),
                        None,
                    );
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
                    got.push(v["number"].as_str().expect("n").to_string());
                }
                got
            })
        })
        .collect();
    let mut all: Vec<String> = workers
        .into_iter()
        .flat_map(|h| h.join().expect("worker"))
        .collect();
    all.sort();
    let mut seqs: Vec<u32> = all
        .iter()
        .map(|n| {
            n.rsplit('-')
                .next()
                .and_then(|s| s.parse().ok())
                .expect("seq")
        })
        .collect();
    seqs.dedup();
    assert_eq!(seqs, (1..=200).collect::<Vec<u32>>());
}

#[test]
fn overdue_general_complaint_escalates_once_with_its_reason() {
    let mut d = Desk::new();
    d.now = Some("2026-11-23 09:00".into());
    let n = d.register(&["--received-at", "2026-11-23 08:50"]);
    d.ok(&["record", &n, "--action", "已上门核实"], Some("zl"));
    // 48 hours later it is still not resolved.
    d.now = Some("2026-11-25 10:00".into());
    assert_eq!(d.ok(&["escalate"], None), serde_json::json!([n]));
    assert_eq!(d.ok(&["escalate"], None), serde_json::json!([]));
    let file = d.ok(&["show", &n], None);
    assert_eq!(
        (
            file["case"]["level"].as_str(),
            file["case"]["level_reason"].as_str()
        ),
        (Some("major"), Some("rule:overdue"))
    );
    let esc = file["history"]
        .as_array()
        .expect("h")
        .iter()
        .find(|h| h["action"] == "set_level")
        .expect("escalation")
        .clone();
    assert!(esc["actor"].is_null() && esc["reason"].as_str().expect("r").contains("超期"));
    // A major-complaint report falls due one working day later.
    let report = file["deadlines"]
        .as_array()
        .expect("d")
        .iter()
        .find(|x| x["step"] == "major_report")
        .expect("report")
        .clone();
    assert_eq!(report["due"], "2026-11-26 10:00");
    let due = d.ok(&["due", "--within", "1d"], None);
    assert!(due["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["number"] == n.as_str()));
    // A span the command cannot read is said in the office's language, with the field.
    let (_, err) = d.refused(&["due", "--within", "一天"], None);
    assert_eq!(err["field"], "within");
    let msg = err["message"].as_str().expect("message");
    assert!(msg.contains("请写成 4h、90m 或 2d"), "{msg}");
}

#[test]
fn deadlines_explain_themselves_and_honour_make_up_days() {
    let mut d = Desk::new();
    d.now = Some("2026-02-13 16:40".into());
    let n = d.register(&["--received-at", "2026-02-13 16:30"]);
    let dl = d.ok(&["show", &n], None)["deadlines"].clone();
    let verify = dl
        .as_array()
        .expect("d")
        .iter()
        .find(|x| x["step"] == "verify")
        .expect("verify")
        .clone();
    // Fri 16:30 + 4 working hours: Sat 14 Feb 2026 is a make-up working day.
    assert_eq!(verify["due"], "2026-02-14 11:30");
    assert!(verify["explanation"].as_str().expect("e").contains("调休"));
    let out = d.ok(&["calendar", "show", "2031"], None);
    assert_eq!(out["covered"], false);
}

#[test]
fn the_calendar_reads_in_the_clerks_language_weekdays_and_days_alike() {
    let d = Desk::new();
    d.ok(
        &["calendar", "set-hours", "--days", "6", "09:00-12:00"],
        Some("admin"),
    );
    let human = |lang: &str| d.human(lang, &["calendar", "show", "2026"]);
    let cn = human("zh-CN");
    for line in [
        "2026-10-01  节假日",
        "2026-10-10  调休上班 国庆节",
        "  周六 09:00-12:00",
        "  周日 —",
    ] {
        assert!(cn.contains(line), "{line:?} missing from\n{cn}");
    }
    assert!(!cn.contains("holiday") && !cn.contains("workday"), "{cn}");
    let en = human("en");
    for line in [
        "make-up working day",
        "  Saturday  09:00-12:00",
        "  Monday    08:30-12:00, 13:30-17:30",
    ] {
        assert!(en.contains(line), "{line:?} missing from\n{en}");
    }
}

#[test]
fn schema_newer_than_the_program_is_refused_clearly() {
    let d = Desk::new();
    let db = d.dir.path().join("ledger.sqlite");
    let st = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA user_version = 99;")
        .status();
    if st.map(|s| !s.success()).unwrap_or(true) {
        eprintln!("sqlite3 not available; covered by the ledger crate's own test");
        return;
    }
    let (code, err) = d.refused(&["list"], None);
    assert_eq!((code, err["kind"].as_str()), (1, Some("schema_too_new")));
}

#[test]
fn attachments_are_copied_into_the_data_directory_and_recorded() {
    let d = Desk::new();
    let n = d.register(&[]);
    let photo = d.dir.path().join("现场照片.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFF fake jpeg").expect("write");
    let a = d.ok(
        &[
            "attach",
            &n,
            photo.to_str().expect("path"),
            "--note",
            "业主提供",
        ],
        Some("zl"),
    );
    let stored = d
        .dir
        .path()
        .join(a[0]["stored_path"].as_str().expect("path"));
    assert_eq!(
        std::fs::read(stored).expect("copied"),
        std::fs::read(&photo).expect("orig")
    );
    let file = d.ok(&["show", &n], None);
    assert_eq!(file["attachments"][0]["file_name"], "现场照片.jpg");
    assert!(file["history"]
        .as_array()
        .expect("h")
        .iter()
        .any(|h| h["action"] == "attach"));
    let (_, err) = d.refused(&["attach", &n, "/no/such/file.jpg"], Some("zl"));
    assert_eq!(err["field"], "file");

    // Withdrawn as attached by mistake: kept, marked, with who and why.
    let id = a[0]["id"].as_i64().expect("id").to_string();
    let w = d.ok(
        &["withdraw-attachment", &id, "--reason", "传错照片"],
        Some("zl"),
    );
    assert_eq!(w["withdrawn_reason"], "传错照片");
    let file = d.ok(&["show", &n], None);
    assert_eq!(file["attachments"][0]["withdrawn_by"], "张丽");

    // Registered with the photos the customer brought: one command, both files on it.
    let second = d.dir.path().join("楼下.png");
    std::fs::write(&second, b"png").expect("write");
    let with = d.register(&[
        "--attach",
        photo.to_str().expect("path"),
        "--attach",
        second.to_str().expect("path"),
    ]);
    let file = d.ok(&["show", &with], None);
    assert_eq!(file["attachments"][1]["file_name"], "楼下.png");
    assert_eq!(file["attachments"].as_array().map(Vec::len), Some(2));
}

#[test]
fn month_end_export_consolidation_and_unit_import() {
    let east = Desk::new();
    east.register(&["--received-at", "2026-11-03 10:00"]);
    east.register(&["--received-at", "2026-11-04 10:00", "--demand", "尽快处理"]);
    let west = Desk::new();
    west.ok(
        &["settings", "set", "office_name", "西区管理处"],
        Some("admin"),
    );
    west.register(&["--received-at", "2026-11-05 10:00"]);
    let files = tempfile::tempdir().expect("tmp");
    let path = |n: &str| files.path().join(n).display().to_string();

    let e = east.ok(
        &[
            "export",
            "month",
            "2026-11",
            "-o",
            &path("east.xlsx"),
            "--anonymized",
        ],
        None,
    );
    assert_eq!(e["period"], "2026-11");
    let bytes = std::fs::read(path("east.xlsx")).expect("workbook written");
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    west.ok(
        &[
            "export",
            "month",
            "2026-11",
            "-o",
            &path("west.xlsx"),
            "--anonymized",
        ],
        None,
    );
    let merged = east.ok(
        &[
            "consolidate",
            &path("east.xlsx"),
            &path("west.xlsx"),
            "-o",
            &path("company.xlsx"),
        ],
        None,
    );
    assert_eq!(
        merged["offices"],
        serde_json::json!(["锦绣花园管理处", "西区管理处"])
    );
    let (code, err) = east.refused(
        &[
            "consolidate",
            &path("east.xlsx"),
            &path("east.xlsx"),
            "-o",
            &path("x.xlsx"),
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(
        err["message"].as_str().unwrap_or("").contains("east.xlsx"),
        "{err}"
    );

    east.ok(
        &[
            "export",
            "range",
            "2026-09",
            "2026-11",
            "-o",
            &path("q.xlsx"),
        ],
        None,
    );
    east.ok(&["export", "csv", "2026-11", "-o", &path("m.csv")], None);
    let csv = std::fs::read_to_string(path("m.csv")).expect("csv");
    assert_eq!(csv.lines().count(), 3, "a header and two cases");

    std::fs::write(
        path("units.csv"),
        "楼栋,单元,房号,业主,电话\n3栋,2单元,1502,王建国,13812345678\n3栋,2单元,1503,李红,12345\n",
    )
    .expect("csv");
    let (code, err) = east.refused(&["import", "units", &path("units.csv")], Some("zl"));
    assert_eq!(code, 2);
    let message = err["message"].as_str().unwrap_or("");
    assert!(
        message.contains("第3行") && message.contains("12345"),
        "{err}"
    );
    assert_eq!(
        east.ok(&["unit", "list"], None).as_array().map(Vec::len),
        Some(0),
        "nothing imported"
    );
    std::fs::write(
        path("units.csv"),
        "楼栋,单元,房号,业主,电话\n3栋,2单元,1502,王建国,13812345678\n",
    )
    .expect("csv");
    let n = east.ok(&["import", "units", &path("units.csv")], Some("zl"));
    assert_eq!(n["added"], 1);
    let n = east.ok(&["import", "units", &path("units.csv")], Some("zl"));
    assert_eq!(
        (n["added"].as_i64(), n["unchanged"].as_i64()),
        (Some(0), Some(1))
    );
}

#[test]
fn the_sample_data_is_reported_in_words() {
    let d = Desk::new();
    let said = d.human("zh-CN", &["demo", "--cases", "40", "--months", "1"]);
    assert!(said.starts_with("已生成示例数据："), "{said}");
    let n = d.ok(&["list", "--page-size", "100"], None);
    let cases = n["total"].as_i64().expect("total");
    assert!(
        said.contains(&format!("{cases} 件个案")),
        "{said} ({cases} cases listed)"
    );
    assert!(!said.contains('{') && !said.contains("cases:"), "{said}");
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let d = Desk::new();
    d.ok(&["demo", "--cases", "300", "--months", "1"], None);
    let mut child = Command::new(bin())
        .env("COMPLAINT_DESK_DATA_DIR", d.dir.path())
        .args(["list", "--page-size", "300"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // The reader goes away at once, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{:?} {err}", out.status);
}

#[test]
fn print_forms_to_files_and_the_days_slips_in_one() {
    let mut d = Desk::new();
    d.now = Some("2026-11-22 10:00".into());
    let a = d.register(&[]);
    let b = d.register(&[]);
    for n in [&a, &b] {
        d.ok(
            &[
                "transfer",
                n,
                "--to",
                "engineering",
                "--summary",
                "下水道堵塞",
            ],
            Some("zl"),
        );
    }
    let out = d.dir.path().join("out");
    let slip = out.join("slip.pdf");
    let v = d.ok(
        &["print", "slip", &a, "-o", slip.to_str().expect("path")],
        Some("zl"),
    );
    assert_eq!(v["pages"], 1);
    assert_eq!(v["output"], "save");
    let first = std::fs::read(&slip).expect("slip written");
    assert!(first.starts_with(b"%PDF"));

    // The same slip printed again later is the same file; the print log has both.
    d.now = Some("2026-11-23 08:30".into());
    d.ok(
        &["print", "slip", &a, "-o", slip.to_str().expect("path")],
        Some("boss"),
    );
    assert_eq!(std::fs::read(&slip).expect("again"), first);
    let history = d.ok(&["history", &a], None);
    let printed = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|h| h["action"] == "save_form")
        .count();
    assert_eq!(printed, 2);

    let day = out.join("day.pdf");
    let v = d.ok(
        &[
            "print",
            "slips",
            "--date",
            "2026-11-22",
            "-o",
            day.to_str().expect("path"),
        ],
        Some("zl"),
    );
    assert_eq!(v["pages"], 2);

    // A form that does not apply is refused naming the field.
    let (code, err) = d.refused(&["print", "major", &a, "-o", "x.pdf"], Some("zl"));
    assert_eq!((code, err["field"].as_str()), (2, Some("level")));
    let (_, err) = d.refused(&["print", "leaflet", &a], Some("zl"));
    assert_eq!(err["field"], "form");
}

/// Printing without `-o` hands the PDF to the system's spooler (`lp` here, stood in for
/// by a script that keeps what it was given).
#[test]
fn printing_hands_the_pdf_to_the_spooler() {
    let d = Desk::new();
    let b = d.register(&[]);
    let spooled = d.dir.path().join("spooled");
    let fake = d.dir.path().join("lp.sh");
    std::fs::write(
        &fake,
        format!(
            "#!/bin/sh\nfor a; do last=$a; done\ncp \"$last\" {}\n",
            spooled.display()
        ),
    )
    .expect("lp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let st = Command::new(bin())
        .env("COMPLAINT_DESK_DATA_DIR", d.dir.path())
        .env("COMPLAINT_DESK_LP", &fake)
        .env_remove("COMPLAINT_DESK_NOW")
        .args(["--json", "--as", "zl", "print", "registration", &b])
        .output()
        .expect("print");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    assert!(std::fs::read(&spooled)
        .expect("spooled")
        .starts_with(b"%PDF"));
}

#[test]
fn a_new_pc_with_no_office_set_up_restores_the_old_pcs_backup_without_a_staff_member() {
    let old = Desk::new();
    old.register(&[]);
    let usb = old.dir.path().join("usb");
    let made = old.ok(&["backup", "--to", usb.to_str().expect("path")], Some("zl"));
    let file = local(made["file"].as_str().expect("file"));
    let new = Desk {
        dir: tempfile::tempdir().expect("tempdir"),
        now: None,
    };
    let done = new.ok(&["restore", &file], None);
    assert_eq!(done["restored"]["cases"], 1);
    // The restored ledger is the old office's: its staff sign in, a clerk cannot restore.
    assert_eq!(new.ok(&["list"], Some("zl"))["total"], 1);
    let (code, _) = new.refused(&["restore", &file], Some("zl"));
    assert_eq!(code, 2);
}

#[test]
fn backup_to_a_folder_and_restore_keeping_the_current_ledger_aside() {
    let d = Desk::new();
    let first = d.register(&[]);
    let usb = d.dir.path().join("usb");
    let made = d.ok(&["backup", "--to", usb.to_str().expect("path")], Some("zl"));
    assert_eq!(made["integrity_ok"], true);
    assert_eq!(made["cases"], 1);
    let file = local(made["file"].as_str().expect("file"));
    let listed = d.ok(
        &["backup", "list", "--dir", usb.to_str().expect("path")],
        None,
    );
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let second = d.register(&[]);
    assert_ne!(first, second);

    // A clerk may not restore; a supervisor may.
    let (code, err) = d.refused(&["restore", &file], Some("zl"));
    assert_eq!((code, err["kind"].as_str()), (2, Some("forbidden")));
    let done = d.ok(&["restore", &file], Some("boss"));
    assert_eq!(done["restored"]["cases"], 1);
    let previous = done["previous"].as_str().expect("kept aside");
    assert!(shown_exists(previous), "{previous}");
    let (_, err) = d.refused(&["show", &second], None);
    assert_eq!(err["kind"], "not_found");
    d.ok(&["show", &first], None);

    // While the app holds the data directory, a restore is refused. (Not for the Windows
    // build under Wine: its programs lock files through Wine's own server, so they do not
    // see a lock this Linux test takes.)
    if std::env::var_os("COMPLAINT_DESK_CLI").is_none() {
        let lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(d.dir.path().join("complaint-desk.lock"))
            .expect("lock file");
        lock.lock().expect("lock");
        let (_, err) = d.refused(&["restore", &file], Some("boss"));
        assert_eq!(err["field"], "backup");
        drop(lock);
    }

    // A damaged copy is refused.
    let bytes = std::fs::read(&file).expect("read");
    std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("damage");
    let (_, err) = d.refused(&["backup", "verify", &file], None);
    assert_eq!(err["field"], "backup");
}

#[test]
fn backup_check_finds_a_damaged_page_and_names_the_good_backup() {
    let d = Desk::new();
    d.register(&[]);
    let made = d.ok(&["backup"], Some("zl"));
    assert_eq!(d.ok(&["backup", "check"], None)["ok"], true);
    desk_ledger::testing::damage_the_cases_page(d.dir.path()).expect("damage");
    let (code, err) = d.refused(&["backup", "check"], None);
    assert_eq!((code, err["kind"].as_str()), (1, Some("damaged")), "{err}");
    let named = made["file"].as_str().expect("file");
    assert!(
        err["message"].as_str().unwrap_or_default().contains(named),
        "{err}"
    );
}

#[test]
fn a_pin_guards_the_staff_member_and_supervisors_read_and_export_the_access_log() {
    let d = Desk::new();
    let number = d.register(&[]);
    d.ok(&["staff", "pin", "zl", "--new", "4821"], Some("admin"));
    // Acting as zl now needs the PIN.
    let (code, err) = d.refused(&["show", &number], Some("zl"));
    assert_eq!((code, err["field"].as_str()), (2, Some("pin")));
    let (_, err) = d.refused(&["show", &number, "--pin", "1111"], Some("zl"));
    assert_eq!(err["message"], "PIN码：不正确");
    d.ok(&["show", &number, "--pin", "4821"], Some("zl"));
    d.ok(&["list", "--text", "王先生", "--pin", "4821"], Some("zl"));
    let out = d.dir.path().join("month.xlsx");
    let month = d.ok(&["show", &number], None)["case"]["received_at"]
        .as_str()
        .expect("received")[..7]
        .to_string();
    d.ok(
        &["export", "month", &month, "-o", out.to_str().expect("path")],
        Some("boss"),
    );
    // A clerk may not read the log; a supervisor may, and may export it.
    let (_, err) = d.refused(&["access-log", "--pin", "4821"], Some("zl"));
    assert_eq!(err["kind"], "forbidden");
    let log = d.ok(&["access-log"], Some("boss"));
    let rows = log["rows"].as_array().expect("rows");
    let has = |who: &str, action: &str| {
        rows.iter()
            .any(|r| r["staff_code"] == who && r["action"] == action)
    };
    assert!(has("zl", "view_case"), "{rows:?}");
    assert!(has("zl", "search"));
    assert!(has("zl", "sign_in_refused"));
    assert!(has("boss", "export"));
    let csv = d.dir.path().join("access.csv");
    d.ok(
        &[
            "access-log",
            "--staff",
            "zl",
            "--csv",
            csv.to_str().expect("path"),
        ],
        Some("boss"),
    );
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.contains("查看个案") && text.contains(&number),
        "{text}"
    );
    assert!(!text.contains("陈主管"), "only zl's entries");
    // The PIN is never in the ledger file in clear.
    let db = std::fs::read(d.dir.path().join("ledger.sqlite")).expect("db");
    assert!(!db.windows(4).any(|w| w == b"4821"));
}

#[test]
fn a_look_up_from_the_command_line_without_a_staff_member_names_the_computer_account() {
    let d = Desk::new();
    let number = d.register(&[]);
    // USERNAME is Windows' name for it and is read first; USER is Linux's.
    let out = command_in(d.dir.path(), &["show", &number], None, None)
        // Windows says USERNAME, Linux USER.
        .env("USERNAME", "qiantai-pc1")
        .env("USER", "qiantai-pc1")
        .output()
        .expect("run complaint-desk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = d.ok(&["access-log", "--action", "view_case"], Some("boss"));
    let unnamed: Vec<&Value> = log["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["subject"] == number.as_str() && r["staff_code"] == "")
        .collect();
    assert_eq!(unnamed.len(), 1, "{log}");
    assert_eq!(unnamed[0]["account"], "qiantai-pc1");
    // The exported log carries it too.
    let csv = d.dir.path().join("access.csv");
    d.ok(
        &["access-log", "--csv", csv.to_str().expect("path")],
        Some("boss"),
    );
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.contains("系统账户") && text.contains("qiantai-pc1"),
        "{text}"
    );
}

/// Where a command put its ledger under `root`.
fn ledgers_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.file_name().is_some_and(|n| n == "ledger.sqlite") {
                found.push(p);
            }
        }
    }
    found
}

#[test]
fn the_data_directory_is_the_flag_then_a_set_variable_then_the_users_own() {
    let home = tempfile::tempdir().expect("home");
    let chosen = home.path().join("chosen");
    let named = home.path().join("named");
    let run = |env_dir: &str, extra: &[&str]| {
        let out = Command::new(bin())
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("xdg"))
            .env("COMPLAINT_DESK_DATA_DIR", env_dir)
            .args(extra)
            .args(common::INIT_OFFICE)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // The flag wins over the variable.
    run(
        named.to_str().expect("path"),
        &["--data-dir", chosen.to_str().expect("path")],
    );
    assert!(chosen.join("ledger.sqlite").exists());
    assert!(!named.exists());
    // A set variable is used.
    run(named.to_str().expect("path"), &[]);
    assert!(named.join("ledger.sqlite").exists());
    // An empty one counts as unset, as in the app: the user's data directory.
    run("", &[]);
    let own = ledgers_under(&home.path().join("xdg"));
    assert_eq!(own.len(), 1, "{own:?}");
}

#[test]
fn the_restore_command_a_damaged_ledger_names_is_the_way_back() {
    let d = Desk::new();
    let first = d.register(&[]);
    let made = d.ok(&["backup"], Some("zl"));
    let file = made["file"].as_str().expect("file").to_string();
    // The file's header is overwritten: nothing opens it.
    let db = d.dir.path().join("ledger.sqlite");
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[..100].fill(0x5a);
    std::fs::write(&db, &bytes).expect("damage");
    let (_, err) = d.refused(&["show", &first], None);
    let message = err["message"].as_str().unwrap_or_default().to_string();
    assert_eq!(err["kind"], "damaged", "{err}");
    // The message names the command; it works as named, with no staff member to check.
    let command = format!("complaint-desk restore \"{file}\"");
    assert!(message.contains(&command), "{message}");
    let done = d.ok(&["restore", &file], None);
    assert_eq!(done["restored"]["cases"], 1);
    d.ok(&["show", &first], None);
    // The damaged file is kept aside, and the restore is in the history without a name.
    assert!(shown_exists(done["previous"].as_str().expect("aside")));
    let log = d.ok(&["access-log", "--action", "restore"], Some("boss"));
    assert_eq!(log["total"], 1, "{log}");
    assert_eq!(log["rows"][0]["staff_code"], "", "{log}");
}

#[test]
fn a_department_is_renamed_from_the_command_line() {
    let d = Desk::new();
    d.ok(
        &["dept", "rename", "engineering", "工程维修部"],
        Some("admin"),
    );
    let list = d.ok(&["dept", "list"], None);
    let names: Vec<_> = list
        .as_array()
        .expect("departments")
        .iter()
        .filter(|x| x["code"] == "engineering")
        .map(|x| x["name"].clone())
        .collect();
    assert_eq!(names, vec![serde_json::json!("工程维修部")]);
}

#[test]
fn a_lists_change_log_is_read_by_its_code() {
    let d = Desk::new();
    d.ok(&["channel", "rename", "phone", "服务热线"], Some("admin"));
    d.ok(&["channel", "disable", "phone"], Some("admin"));
    let log = d.ok(&["channel", "history", "phone"], None);
    let changes: Vec<_> = log
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["changes"][0]["field"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(changes, ["name", "active"], "{log}");
    // A staff member's log starts with their being added.
    let log = d.ok(&["staff", "history", "admin"], None);
    assert_eq!(log[0]["action"], "create", "{log}");
}
