//! Real storage faults through the CLI binary: a full filesystem (a small tmpfs: the data
//! folder, or a USB stick a backup goes to) and a read-only data folder (a read-only bind
//! mount), each made in a user and mount namespace of its own (`unshare -rm`), so no root
//! and no cleanup are needed. Each gives a translated error of its own kind; everything
//! acknowledged before is intact.

use std::process::Command;

mod common;
use common::{init_office, BIN};

/// Whether this machine lets an ordinary process make user and mount namespaces. Where it
/// does not (some locked-down containers), these two tests say so and stop; the core's
/// own fault tests (crates/ledger/tests/faults.rs) still run everywhere.
fn namespaces() -> bool {
    let ok = Command::new("unshare")
        .args(["-rm", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!(
            "user namespaces are not available here: real full-disk and read-only tests not run"
        );
    }
    ok
}

/// Runs `script` with `sh` inside new user and mount namespaces.
fn in_namespace(script: &str, envs: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new("unshare");
    c.args(["-rm", "sh", "-c", script])
        .env("BIN", BIN)
        .env("COMPLAINT_DESK_LANG", "zh-CN")
        .env_remove("COMPLAINT_DESK_AS")
        .env_remove("COMPLAINT_DESK_DATA_DIR");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().expect("unshare")
}

fn error_of(stderr: &[u8]) -> serde_json::Value {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or("{}");
    serde_json::from_str::<serde_json::Value>(line).expect("json error")["error"].clone()
}

const REGISTER: &str = r#""$BIN" --json --data-dir "$D" --as a register --name 王先生 --phone 13812345678 --building 3栋 --room 1502 --category B04 --content "$CONTENT""#;

#[test]
fn a_full_disk_refuses_clearly_and_keeps_every_acknowledged_case() {
    if !namespaces() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let (d, out) = (tmp.path().join("data"), tmp.path().join("out"));
    std::fs::create_dir_all(&d).expect("dir");
    std::fs::create_dir_all(&out).expect("dir");
    let content = "污水从下水道反冒，卫生间地漏返臭。".repeat(60);
    let script = format!(
        r#"set -u
mount -t tmpfs -o size=900k tmpfs "$D" || exit 97
"$BIN" --json --data-dir "$D" init --office 东区管理处 --staff-code a --staff-name 管理员 > /dev/null || exit 98
i=0; rc=0
while [ $i -lt 2000 ]; do
  {REGISTER} >> "$OUT/acks" 2> "$OUT/err" || {{ rc=$?; break; }}
  i=$((i+1))
done
echo "$rc" > "$OUT/rc"
cp "$D"/ledger.sqlite* "$OUT"/ 2>/dev/null
true"#
    );
    let run = in_namespace(
        &script,
        &[
            ("D", d.to_str().expect("path")),
            ("OUT", out.to_str().expect("path")),
            ("CONTENT", &content),
        ],
    );
    assert!(
        run.status.success(),
        "namespace or tmpfs not available: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let rc = std::fs::read_to_string(out.join("rc")).expect("rc");
    assert_eq!(rc.trim(), "1", "the disk filled and the CLI said so");
    let err = error_of(&std::fs::read(out.join("err")).expect("err"));
    assert_eq!(err["kind"], "disk_full", "{err}");
    assert!(err["message"]
        .as_str()
        .expect("message")
        .starts_with("磁盘已满"));

    let text = std::fs::read_to_string(out.join("acks")).expect("acks");
    let acks: Vec<String> = serde_json::Deserializer::from_str(&text)
        .into_iter::<serde_json::Value>()
        .map(|v| {
            v.expect("ack")["number"]
                .as_str()
                .expect("number")
                .to_string()
        })
        .collect();
    assert!(acks.len() > 3, "a few cases fitted: {}", acks.len());
    let l = desk_ledger::Ledger::open(&out).expect("the copy opens");
    let ok: String = l
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    let stored: i64 = l
        .connection()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    assert_eq!(stored, acks.len() as i64, "nothing half-written");
    for n in &acks {
        assert_eq!(
            l.case_file(n).expect("acknowledged case").case.content,
            content
        );
    }
}

#[test]
fn a_read_only_data_folder_refuses_clearly_and_changes_nothing() {
    if !namespaces() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let d = tmp.path().join("data");
    init_office(&d);
    let script = format!(
        r#"mount --bind "$D" "$D" && mount -o remount,bind,ro "$D" || exit 97
{REGISTER}"#
    );
    let run = in_namespace(
        &script,
        &[("D", d.to_str().expect("path")), ("CONTENT", "楼道灯不亮")],
    );
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let err = error_of(&run.stderr);
    assert_eq!(err["kind"], "read_only", "{err}");
    assert!(err["message"].as_str().expect("message").contains("只读"));

    let l = desk_ledger::Ledger::open(&d).expect("writable again");
    let stored: i64 = l
        .connection()
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .expect("count");
    assert_eq!(stored, 0);
}

/// What a backup onto a small tmpfs "stick" left: the CLI's exit code, its error and
/// the stick's listing.
struct StickRun {
    stick: std::path::PathBuf,
    rc: String,
    err: serde_json::Value,
    left: String,
    _tmp: tempfile::TempDir,
}

/// Sets up a new office in "$D", runs `setup` (shell lines; "$PHOTO" is `photo` when
/// given), then a backup onto a tmpfs of `size`, all in a namespace of its own. None
/// where namespaces are not available.
fn backup_to_stick(size: &str, setup: &str, photo: Option<&[u8]>) -> Option<StickRun> {
    if !namespaces() {
        return None;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let (d, stick, out) = (
        tmp.path().join("data"),
        tmp.path().join("stick"),
        tmp.path().join("out"),
    );
    for dir in [&d, &stick, &out] {
        std::fs::create_dir_all(dir).expect("dir");
    }
    let photo_path = tmp.path().join("现场.jpg");
    if let Some(bytes) = photo {
        std::fs::write(&photo_path, bytes).expect("photo");
    }
    let script = format!(
        r#"set -u
mount -t tmpfs -o size={size} tmpfs "$STICK" || exit 97
"$BIN" --json --data-dir "$D" init --office 东区管理处 --staff-code a --staff-name 管理员 > /dev/null || exit 98
{setup}
"$BIN" --json --data-dir "$D" --as a backup --to "$STICK" > /dev/null 2> "$OUT/err"
echo $? > "$OUT/rc"
ls -A "$STICK" > "$OUT/left"
true"#
    );
    let run = in_namespace(
        &script,
        &[
            ("D", d.to_str().expect("path")),
            ("STICK", stick.to_str().expect("path")),
            ("OUT", out.to_str().expect("path")),
            ("PHOTO", photo_path.to_str().expect("path")),
        ],
    );
    assert!(
        run.status.success(),
        "namespace, tmpfs or the set-up failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    Some(StickRun {
        rc: read("rc").trim().to_string(),
        err: error_of(read("err").as_bytes()),
        left: read("left").trim().to_string(),
        stick,
        _tmp: tmp,
    })
}

#[test]
fn a_backup_to_a_full_stick_says_so_and_leaves_no_half_copy_there() {
    // The ledger outgrows the stick: a new office's file alone is a few hundred KB.
    let Some(r) = backup_to_stick("64k", "", None) else {
        return;
    };
    assert_eq!(r.rc, "1", "the copy did not fit and the CLI said so");
    assert_eq!(r.err["kind"], "disk_full", "{}", r.err);
    let message = r.err["message"].as_str().expect("message");
    assert!(
        message.contains(r.stick.to_str().expect("path")) && message.contains("约需"),
        "names the stick and the room needed: {message}"
    );
    assert_eq!(r.left, "", "nothing left on the stick");
}

#[test]
fn a_backup_whose_photos_would_not_fit_on_the_stick_is_refused_before_copying() {
    // The ledger alone fits on the 2 MB stick; with its 3 MB photo it does not.
    let setup = r#"N=$("$BIN" --json --data-dir "$D" --as a register --name 王先生 --phone 13812345678 --building 3栋 --room 1502 --content 漏水 --category B04 | grep -o '"number": *"[^"]*"' | head -1 | cut -d'"' -f4)
"$BIN" --json --data-dir "$D" --as a attach "$N" "$PHOTO" > /dev/null || exit 96"#;
    let Some(r) = backup_to_stick("2m", setup, Some(&vec![0xA5u8; 3 * 1024 * 1024])) else {
        return;
    };
    assert_eq!(r.rc, "1", "the copy with its photo did not fit");
    assert_eq!(r.err["kind"], "disk_full", "{}", r.err);
    assert_eq!(r.left, "", "nothing left on the stick");
}

#[test]
fn an_upgrade_with_no_room_for_its_copy_says_how_much_is_needed_and_goes_ahead_once_there_is() {
    if !namespaces() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let (older, d, out) = (
        tmp.path().join("older"),
        tmp.path().join("data"),
        tmp.path().join("out"),
    );
    for dir in [&older, &d, &out] {
        std::fs::create_dir_all(dir).expect("dir");
    }
    init_office(&older);
    desk_ledger::testing::as_written_by_schema_4(&older).expect("older ledger");
    let file = older.join("ledger.sqlite");
    // Room for the ledger and its journal, but not for the copy taken before the upgrade.
    let size_kb = std::fs::metadata(&file).expect("size").len() * 3 / 2 / 1024;
    let script = r#"set -u
mount -t tmpfs -o size=${SIZE}k tmpfs "$D" || exit 97
cp "$OLDER/ledger.sqlite" "$D/" || exit 98
"$BIN" --json --data-dir "$D" list > /dev/null 2> "$OUT/err"
echo $? > "$OUT/rc"
ls -A "$D" "$D/backups" > "$OUT/left" 2>/dev/null
mkdir "$OUT/refused" && cp "$D/ledger.sqlite" "$OUT/refused/"
mount -o remount,size=32m "$D" || exit 97
"$BIN" --json --data-dir "$D" list > /dev/null 2> "$OUT/err2"
echo $? > "$OUT/rc2"
ls -A "$D/backups" > "$OUT/backups"
mkdir "$OUT/upgraded" && cp "$D/ledger.sqlite" "$OUT/upgraded/"
true"#;
    let run = in_namespace(
        script,
        &[
            ("D", d.to_str().expect("path")),
            ("OLDER", older.to_str().expect("path")),
            ("OUT", out.to_str().expect("path")),
            ("SIZE", &size_kb.to_string()),
        ],
    );
    assert!(
        run.status.success(),
        "namespace or tmpfs not available: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    assert_eq!(read("rc").trim(), "1", "the upgrade was refused");
    let err = error_of(read("err").as_bytes());
    assert_eq!(err["kind"], "disk_full", "{err}");
    let message = err["message"].as_str().expect("message");
    assert!(
        message.contains("空间不足") && message.contains("约需") && message.contains("KB"),
        "says how much room the copy needs: {message}"
    );
    assert!(
        !read("left").contains("partial") && !read("left").contains("pre-migration"),
        "nothing half-copied took the space: {}",
        read("left")
    );
    let pending = desk_ledger::pending_upgrade(&out.join("refused")).map(|p| p.from);
    assert_eq!(pending, Some(4), "the ledger was left as it was");

    assert_eq!(
        read("rc2").trim(),
        "0",
        "with room, the upgrade went ahead: {}",
        read("err2")
    );
    assert!(desk_ledger::pending_upgrade(&out.join("upgraded")).is_none());
    let copies: Vec<String> = read("backups")
        .lines()
        .filter(|l| l.starts_with("pre-migration-v4") && l.ends_with(".sqlite"))
        .map(String::from)
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "one copy taken before the upgrade: {}",
        read("backups")
    );
}
