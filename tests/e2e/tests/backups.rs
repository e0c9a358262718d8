//! Backups kept in another folder (a USB stick, a shared drive), in the real app: the
//! folder is chosen in the system's folder picker, both in Settings and on the way back
//! from a damaged ledger. Needs a display; `scripts/test.sh` runs these under Xvfb with
//! `--ignored`.

use desk_e2e::{cli, office_with_one_case, spoil_the_ledger_file, App, R};
use serde_json::json;
use std::path::Path;

/// The `.sqlite` copies in `dir`, by file name.
fn copies_in(dir: &Path) -> R<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sqlite"))
        .collect();
    names.sort();
    Ok(names)
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn a_backup_made_now_goes_to_the_folder_picked_in_settings() -> R<()> {
    let stick = tempfile::tempdir().map_err(|e| e.to_string())?;
    let app = App::signed_in()?;
    app.click_css("[data-nav=settings]")?;
    app.wait_text("备份与恢复", 10)?;
    app.click_tab("备份与恢复")?;
    app.open_dialog_answers(json!(stick.path().display().to_string()))?;
    app.click_css("[data-test=backup-pick-folder]")?;
    // The picked folder is shown where a typed one would be, so the clerk sees where
    // the copy will go before making it.
    let shown = app
        .wait(10, || {
            let v = app
                .js(
                    "return document.querySelector('input[data-test=backup-folder]')?.value ?? ''",
                    json!([]),
                )
                .ok()?;
            let v = v.as_str()?.to_string();
            (!v.is_empty()).then_some(v)
        })
        .ok_or("the picked folder was never shown")?;
    assert_eq!(shown, stick.path().display().to_string());
    app.click_css("[data-test=backup-now]")?;
    app.wait_css("[data-test=backup-restore]", 30)?;
    let made = copies_in(stick.path())?;
    assert_eq!(made.len(), 1, "one copy on the stick: {made:?}");
    // Not in the data directory's own backups folder as well.
    let own = app.data_dir().join("backups");
    let there = if own.exists() {
        copies_in(&own)?
    } else {
        vec![]
    };
    assert!(!there.contains(&made[0]), "{there:?}");
    // The table lists the stick's copy.
    let table = app.wait_text_in("[data-test=backup-table]", 10)?;
    assert!(table.contains("手动"), "{table}");
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn a_damaged_ledger_is_restored_from_a_backup_on_a_picked_folder() -> R<()> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let stick = tempfile::tempdir().map_err(|e| e.to_string())?;
    office_with_one_case(dir.path())?;
    let to = stick.path().display().to_string();
    cli(dir.path(), &["--as", "A01", "backup", "--to", &to])?;
    // The only copy is on the stick; the ledger file then goes bad.
    spoil_the_ledger_file(dir.path())?;

    let app = App::launch(dir)?;
    app.wait_css("[data-test=recovery]", 20)?;
    // Nothing in the data directory: the screen says so and points at the picker.
    let none = app.wait_text_in("[data-test=no-backups]", 10)?;
    assert!(none.contains("数据目录中未找到备份"), "{none}");
    assert!(none.contains("选择文件夹"), "{none}");
    // A folder without copies is named as such, not as the data directory.
    let empty = tempfile::tempdir().map_err(|e| e.to_string())?;
    let empty_dir = empty.path().display().to_string();
    app.open_dialog_answers(json!(empty_dir))?;
    app.click_css("[data-test=backup-pick-folder]")?;
    app.wait_text_with("[data-test=no-backups]", &empty_dir, 10)?;
    app.open_dialog_answers(json!(to))?;
    app.click_css("[data-test=backup-pick-folder]")?;
    let cases = app.restore_the_listed_backup()?;
    assert_eq!(cases, 1, "the case from the stick is back");
    // The stick's copy is still there: restoring copies from it, it does not move it.
    assert_eq!(copies_in(stick.path())?.len(), 1);
    Ok(())
}
