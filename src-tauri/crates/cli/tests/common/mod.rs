//! What the CLI's crash and fault tests share: running the binary on a data directory.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_complaint-desk-cli");

/// Runs one command with `--json` on `dir`; it must succeed.
pub fn cli(dir: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .env("COMPLAINT_DESK_DATA_DIR", dir)
        .env_remove("COMPLAINT_DESK_AS")
        .arg("--json")
        .args(args)
        .output()
        .expect("cli");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The command that sets up a new office whose administrator is `a`.
pub const INIT_OFFICE: &[&str] = &[
    "init",
    "--office",
    "东区管理处",
    "--staff-code",
    "a",
    "--staff-name",
    "管理员",
];

/// A new office in `dir` whose administrator is `a`.
pub fn init_office(dir: &Path) {
    cli(dir, INIT_OFFICE);
}
