//! The console program hands its arguments, console and exit code to the app beside it,
//! telling it to stay a command line. (A stand-in app here: the real one under Wine is
//! scripts/windows/test-installer.sh's.)
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

#[test]
fn the_console_program_runs_the_app_beside_it_as_a_command_line_and_returns_its_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let console = dir.path().join("complaint-desk-console");
    std::fs::copy(env!("CARGO_BIN_EXE_complaint-desk-console"), &console).expect("copy");
    let app = dir.path().join("complaint-desk");
    std::fs::write(
        &app,
        "#!/bin/sh\necho \"args: $*\"\necho \"no window: $COMPLAINT_DESK_NO_WINDOW\"\necho oops >&2\nexit 3\n",
    )
    .expect("stand-in");
    std::fs::set_permissions(&app, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    let out = Command::new(&console)
        .args(["--json", "about"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("args: --json about"), "{said}");
    assert!(said.contains("no window: 1"), "{said}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "oops\n");

    // Without the app beside it, it says what to do instead of failing silently.
    std::fs::remove_file(&app).expect("remove");
    let out = Command::new(&console).arg("about").output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("install Complaint Desk again"));
}
