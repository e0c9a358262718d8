//! Random command lines through the real binary (the core's own fuzzing runs 100,000
//! inputs in-process; this checks the CLI's parsing and reporting around it): every
//! run ends with 0 or 2 — never a panic (101) or a storage error — and every refusal
//! of a value says which field, in JSON on stderr.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_complaint-desk-cli");
const RUNS: usize = 400;

const PIECES: &[&str] = &[
    "",
    " ",
    "漏水😡",
    "𠀋𡈼",
    "\u{7}",
    "a\rb",
    "=1+1",
    "-1",
    "--",
    "2026-13-40 99:99",
    "13812345678",
    "0571-87654321",
    "B04",
    "Z99",
    "engineering",
    "phone",
    "reached",
    "dissatisfied",
    "TS-202611-0001",
    "ZJ-202611-0001",
    "1e9",
    "中",
];

struct Rng(u64);
impl Rng {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        xs[(self.0 % xs.len() as u64) as usize]
    }
}

#[test]
fn random_command_lines_end_cleanly_and_name_the_field() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[String]| {
        Command::new(BIN)
            .env("COMPLAINT_DESK_DATA_DIR", dir.path())
            .env("COMPLAINT_DESK_LANG", "zh-CN")
            .env_remove("COMPLAINT_DESK_AS")
            .args(["--json", "--as", "a"])
            .args(args)
            .output()
            .expect("run")
    };
    let init: Vec<String> = [
        "init",
        "--office",
        "东区",
        "--staff-code",
        "a",
        "--staff-name",
        "管理员",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert!(run(&init).status.success());
    let commands: &[(&str, &[&str])] = &[
        (
            "register",
            &[
                "--name",
                "--phone",
                "--building",
                "--room",
                "--content",
                "--category",
                "--amount",
                "--received-at",
                "--kind",
                "--channel",
            ],
        ),
        ("transfer", &["--to", "--summary", "--at", "--to-person"]),
        ("record", &["--action", "--result", "--at"]),
        (
            "callback",
            &["--outcome", "--satisfaction", "--method", "--at"],
        ),
        (
            "list",
            &["--text", "--month", "--status", "--kind", "--category"],
        ),
        ("settings", &[]),
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..RUNS {
        let (cmd, flags) = commands[i % commands.len()];
        let mut args = vec![cmd.to_string()];
        if matches!(cmd, "transfer" | "record" | "callback") {
            args.push(rng.pick(&["TS-202611-0001", "nope", "漏"]).to_string());
        }
        if cmd == "settings" {
            args.extend([
                "set".into(),
                rng.pick(&["office_name", "idle_lock_minutes", "x"]).into(),
                rng.pick(PIECES).into(),
            ]);
        }
        for f in flags.iter() {
            if rng.pick(&["y", "y", "n"]) == "y" {
                args.push(f.to_string());
                args.push(rng.pick(PIECES).to_string());
            }
        }
        let out = run(&args);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(2)),
            "{args:?} ended with {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if code == Some(2) {
            let err = String::from_utf8_lossy(&out.stderr);
            match serde_json::from_str::<serde_json::Value>(err.trim()) {
                Ok(v) => {
                    let e = &v["error"];
                    if e["kind"] == "invalid" {
                        assert!(e["field"].is_string(), "{args:?}: {e}");
                    }
                    assert!(!e["message"].as_str().unwrap_or("").is_empty());
                }
                // clap's own usage errors name the argument in their text.
                Err(_) => assert!(err.contains("--") || err.contains('<'), "{args:?}: {err}"),
            }
        }
    }
}
