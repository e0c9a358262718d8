//! The installed package, used as an office would: `scripts/test.sh` builds the .deb
//! (`scripts/package.sh --debug`) and runs this under a 1366 × 768 Xvfb screen with
//! `COMPLAINT_DESK_DEB` naming it. One test, in order, since each step needs the last:
//! install → a new user's CLI → an older ledger upgraded → the window → remove.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use desk_e2e::{App, INIT, ONE_COMPLAINT, R};
use serde_json::{json, Value};

const INSTALLED: &str = "/usr/bin/complaint-desk";

fn run(program: &str, args: &[&str]) -> R<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs `line` through a login shell of `user`: their own HOME and environment, none
/// of this test's (no data-directory variable), as when they open a terminal.
fn as_user(user: &str, line: &str) -> R<String> {
    run("runuser", &["-l", user, "-c", line])
}

/// Every file under `dir` with its bytes, to tell that nothing in it changed.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                out.insert(p, bytes);
            }
        }
    }
    out
}

struct NewUser(String);

impl NewUser {
    fn create() -> R<NewUser> {
        let name = format!("cdclerk{}", std::process::id());
        run("useradd", &["--create-home", "--shell", "/bin/sh", &name])?;
        Ok(NewUser(name))
    }
}

impl Drop for NewUser {
    fn drop(&mut self) {
        let _ = Command::new("userdel").args(["--remove", &self.0]).output();
    }
}

#[test]
#[ignore = "installs a package: run by scripts/test.sh as root with COMPLAINT_DESK_DEB set"]
fn the_installed_package_serves_a_new_user_upgrades_an_older_ledger_and_leaves_the_data_when_removed(
) -> R<()> {
    let deb = std::env::var("COMPLAINT_DESK_DEB")
        .map_err(|_| "COMPLAINT_DESK_DEB must name the .deb to install".to_string())?;
    run("apt-get", &["install", "-y", "-qq", &deb])?;

    // The menu entry is named for the clerks, with its icon.
    let desktop = std::fs::read_dir("/usr/share/applications")
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|s| s.contains("Exec=complaint-desk")))
        .ok_or("no desktop entry starts complaint-desk")?;
    let entry = std::fs::read_to_string(&desktop).map_err(|e| e.to_string())?;
    assert!(entry.contains("\nName=客诉台账\n"), "{entry}");
    assert!(entry.contains("Name[en]=Complaint Desk"), "{entry}");
    assert!(Path::new("/usr/share/icons/hicolor/256x256/apps/complaint-desk.png").is_file());

    // A new user, in their own home, with no variable set: the ledger goes to their data
    // directory, the slip prints in the font the package's dependency installed.
    let user = NewUser::create()?;
    let u = user.0.as_str();
    let version = as_user(u, "complaint-desk --version")?;
    assert!(
        version.starts_with(&format!("complaint-desk {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    as_user(
        u,
        "complaint-desk init --office 东区管理处 --staff-code A01 --staff-name 王芳",
    )?;
    let mut register = String::from("complaint-desk --as A01");
    for a in ONE_COMPLAINT {
        register.push_str(&format!(" '{a}'"));
    }
    as_user(u, &register)?;
    let listed: Value = serde_json::from_str(&as_user(u, "complaint-desk --json list")?)
        .map_err(|e| e.to_string())?;
    let number = listed["rows"][0]["number"]
        .as_str()
        .ok_or("no case listed")?
        .to_string();
    as_user(
        u,
        &format!("complaint-desk --as A01 transfer {number} --to 工程部 --summary 更换灯管"),
    )?;
    as_user(
        u,
        &format!("complaint-desk --as A01 print slip {number} -o ~/slip.pdf"),
    )?;
    let text = as_user(u, "pdftotext ~/slip.pdf -")?;
    assert!(text.contains("顾客投诉转交签认单"), "{text}");
    assert!(
        text.contains("楼道灯不亮") && text.contains("工程部"),
        "{text}"
    );
    let about: Value = serde_json::from_str(&as_user(u, "complaint-desk --json about")?)
        .map_err(|e| e.to_string())?;
    let home = PathBuf::from(format!("/home/{u}"));
    let data = home.join(".local/share/complaintdesk");
    assert_eq!(about["data_dir"], json!(data.display().to_string()));
    assert_eq!(
        about["font"],
        json!("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        "the installed program must take the font the package depends on, never a checkout's"
    );
    assert!(data.join("ledger.sqlite").is_file());
    // As Windows' console program asks it: global options alone print the help instead
    // of opening a window.
    let usage = Command::new(INSTALLED)
        .args(["--data-dir", "/nonexistent"])
        .env("COMPLAINT_DESK_NO_WINDOW", "1")
        .output()
        .map_err(|e| e.to_string())?;
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stdout).contains("Usage"));

    // A ledger an earlier version wrote is upgraded by the installed program, its copy
    // kept as the pre-upgrade backup.
    let older = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = older.path().display().to_string();
    let cli = |args: &[&str]| -> R<String> {
        let mut all = vec!["--data-dir", dir.as_str()];
        all.extend_from_slice(args);
        run(INSTALLED, &all)
    };
    cli(INIT)?;
    cli(&[&["--as", "A01"][..], ONE_COMPLAINT].concat())?;
    desk_ledger::testing::as_written_by_schema_4(older.path()).map_err(|e| e.to_string())?;
    let listed: Value = serde_json::from_str(&cli(&["--json", "list", "--text", "楼道"])?)
        .map_err(|e| e.to_string())?;
    assert_eq!(listed["total"], json!(1), "{listed}");
    let backups: Value =
        serde_json::from_str(&cli(&["--json", "backup", "list"])?).map_err(|e| e.to_string())?;
    let copies = backups.as_array().cloned().unwrap_or_default();
    assert!(
        copies.iter().any(|b| b["schema_version"] == json!(4)),
        "no pre-upgrade copy: {backups}"
    );
    let about: Value =
        serde_json::from_str(&cli(&["--json", "about"])?).map_err(|e| e.to_string())?;
    assert_eq!(about["ledger_schema"], about["schema"]);

    // The installed window on a 1366 × 768 screen reaches sign-in, and it and its header
    // are on the screen.
    std::env::set_var("COMPLAINT_DESK_APP", INSTALLED);
    let window = tempfile::tempdir().map_err(|e| e.to_string())?;
    desk_e2e::cli(window.path(), INIT)?;
    let app = App::launch(window)?;
    app.wait_css("[data-test=sign-in-submit]", 20)?;
    let place = app.js(
        "return [window.screenX, window.screenY, window.outerWidth, window.outerHeight, screen.availWidth, screen.availHeight]",
        json!([]),
    )?;
    let n = |i: usize| place[i].as_i64().unwrap_or(-1);
    assert_eq!((n(4), n(5)), (1366, 768), "the test screen: {place}");
    assert!(
        n(0) >= 0 && n(1) >= 0,
        "the window starts off the screen: {place}"
    );
    assert!(
        n(0) + n(2) <= 1366 && n(1) + n(3) <= 768,
        "the window runs off the screen: {place}"
    );
    app.sign_in(None, None)?;
    let header = app.js(
        "const r = document.querySelector('.header').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]",
        json!([]),
    )?;
    assert!(header[0].as_f64() >= Some(0.0), "{header}");
    assert!(header[1].as_f64() <= header[2].as_f64(), "{header}");
    drop(app);

    // Removing the package leaves every file of the user's data directory as it was.
    let before = contents(&data);
    assert!(!before.is_empty());
    run("apt-get", &["remove", "-y", "-qq", "complaint-desk"])?;
    assert!(!Path::new(INSTALLED).exists(), "the program is still there");
    assert_eq!(
        contents(&data),
        before,
        "removing the package changed the data directory"
    );
    Ok(())
}
