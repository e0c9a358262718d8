//! Screenshots of the main screens on a demo office, for the README and for looking at.
//! Written to `COMPLAINT_DESK_SHOTS` (scripts/screenshots.sh points it at docs/screenshots),
//! else to a temporary folder; either way each must be a real, non-blank picture.

use std::path::{Path, PathBuf};

use desk_e2e::{App, R};
use serde_json::json;

fn shot(app: &App, dir: &Path, name: &str) -> R<()> {
    shot_of_at_least(app, dir, name, 30_000)
}

/// A picture whose PNG is at least `bytes` long: a blank window compresses to far less.
fn shot_of_at_least(app: &App, dir: &Path, name: &str, bytes: u64) -> R<()> {
    // Let charts and tables finish drawing.
    std::thread::sleep(std::time::Duration::from_millis(800));
    let path = dir.join(format!("{name}.png"));
    app.screenshot(&path)?;
    let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
    assert!(
        size > bytes,
        "{name}.png is only {size} bytes: a blank window?"
    );
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn the_main_screens_on_a_demo_office() -> R<()> {
    let keep = std::env::var_os("COMPLAINT_DESK_SHOTS").map(PathBuf::from);
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = keep.clone().unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;

    // The app runs WebKitGTK without accelerated compositing (platform.rs); in that mode
    // WebKitWebDriver's screenshot of the ledger's virtual table never returns, though
    // the window shows it fine (captured from the X screen). The pictures are taken with
    // compositing on, which draws the same pixels. Set before any thread starts.
    std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
    // The office's clock stands in late November, so the pictures show three weeks of
    // the month whatever day they are retaken (on the 1st the month has a day's cases).
    std::env::set_var("COMPLAINT_DESK_NOW", "2026-11-23 10:30");
    // Escalated before the window opens: the app's own round runs five seconds after
    // start-up and would otherwise change the dashboard between one retake and the next.
    let app = App::scripted(&[&["demo", "--cases", "3000", "--months", "3"], &["escalate"]]);
    std::env::remove_var("COMPLAINT_DESK_NOW");
    let app = app?;
    app.choose("[data-test=sign-in-staff]", "王芳（wangfang）")?;
    app.click_css("[data-test=sign-in-submit]")?;
    app.wait_css("[data-test=rate-chart] canvas", 20)?;
    shot(&app, &dir, "dashboard")?;
    // Hundreds are overdue in this office: the card lists the most urgent fifty and
    // says how many there are in all.
    let more = app.wait_text_in("[data-test=due-more]", 10)?;
    assert!(more.contains("最紧迫的 50 条"), "{more}");
    let rows = app.js(
        "return document.querySelectorAll('.el-card .el-table__body tr').length",
        json!([]),
    )?;
    assert_eq!(rows, json!(50), "{more}");

    app.click_css("[data-nav=ledger]")?;
    app.wait_css(".el-table-v2__row", 20)?;
    shot(&app, &dir, "ledger")?;

    // A case that went through transfer and callback shows the most.
    let page = app.invoke(
        "list_cases",
        json!({"filter": {"status": "closed", "sort": "received_at", "page": 0, "page_size": 30}}),
    )?;
    let rows = page["rows"]
        .as_array()
        .ok_or("no closed case in the demo")?;
    let number = rows
        .iter()
        .filter_map(|r| r["number"].as_str())
        .find(|n| {
            app.invoke("case_view", json!({"number": n}))
                .is_ok_and(|v| v["file"]["slips"].as_array().is_some_and(|s| !s.is_empty()))
        })
        .ok_or("no closed case with a transfer slip in the demo")?
        .to_string();
    app.js("location.hash = '#/case/' + arguments[0]", json!([number]))?;
    app.wait_css("[data-test=deadlines]", 20)?;
    shot(&app, &dir, "case-detail")?;

    // The transfer slip as it will print, in the app's preview.
    app.click_css("[data-print-slip]")?;
    app.wait_css("[data-test=form-pages][data-rendered] canvas", 20)?;
    shot(&app, &dir, "slip-preview")?;
    // The signed slip comes back and is scanned: kept on the case as a picture and a PDF.
    let scans = tempfile::tempdir().map_err(|e| e.to_string())?;
    let pdf = scans.path().join("签认单扫描件.pdf");
    app.invoke("save_form", json!({"path": pdf.display().to_string()}))?;
    let png = scans.path().join("签认单扫描件");
    let made = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile"])
        .arg(&pdf)
        .arg(&png)
        .status()
        .map_err(|e| format!("pdftoppm: {e}"))?;
    assert!(made.success(), "pdftoppm failed");
    app.keys(desk_e2e::key::ESCAPE)?;
    std::thread::sleep(std::time::Duration::from_millis(400));
    let picture = scans.path().join("签认单扫描件.png");
    app.invoke(
        "attach_files",
        json!({"number": number, "paths": [picture.display().to_string(), pdf.display().to_string()], "note": "工程部签认后交回"}),
    )?;
    // Opened afresh, as the clerk will find it.
    app.js("location.hash = '#/ledger'", json!([]))?;
    app.wait_css(".el-table-v2__row", 20)?;
    app.js("location.hash = '#/case/' + arguments[0]", json!([number]))?;
    app.wait_css("[data-test=deadlines]", 20)?;
    app.click_tab("附件")?;
    app.wait_css("[data-test=attachment-thumb] img", 20)?;
    shot(&app, &dir, "attachments")?;

    // Registration with an address that already has cases: the history panel fills.
    let c = app.invoke("case_view", json!({"number": number}))?;
    let case = &c["file"]["case"];
    app.click_css("[data-nav=register]")?;
    let name = app.wait_css("input[data-test=complainant_name]", 10)?;
    app.type_into(&name, case["complainant_name"].as_str().unwrap_or("张先生"))?;
    let phone = app.wait_css("input[data-test=phones]", 15)?;
    app.type_into(&phone, case["complainant_phones"].as_str().unwrap_or(""))?;
    let content = app.wait_css("textarea[data-test=content]", 15)?;
    app.type_into(&content, "卫生间顶棚漏水，楼上住户不在家")?;
    app.wait_css("[data-test=related] .related", 10)?;
    shot(&app, &dir, "register")?;

    // The idle lock covers the form, which keeps what was typed underneath.
    app.click_css("[data-test=lock-now]")?;
    app.wait_css("[data-test=lock-screen]", 10)?;
    // The lock screen is a plain opaque cover with one card: a small picture.
    shot_of_at_least(&app, &dir, "lock-screen", 10_000)?;
    app.click_css("[data-test=unlock-submit]")?;
    app.wait(10, || {
        app.find("[data-test=lock-screen]").is_err().then_some(())
    })
    .ok_or("the lock screen stayed")?;

    // The access log, read by the supervisor: 王芳's case views are already in it.
    app.click_text("退出")?;
    app.choose("[data-test=sign-in-staff]", "陈静（chenjing）")?;
    app.click_css("[data-test=sign-in-submit]")?;
    app.click_css("[data-nav=access-log]")?;
    app.wait_text("查看个案", 20)?;
    shot(&app, &dir, "access-log")?;

    // Month-end: the period's export with its suggested file, merging, the printed forms.
    app.click_css("[data-nav=reports]")?;
    app.wait_js(
        10,
        "return !!document.querySelector('input[data-test=export-path]')?.value",
        json!([]),
        json!(true),
    )
    .ok_or("the export's file was never suggested")?;
    shot(&app, &dir, "reports")?;

    // Backups in Settings, with one made now.
    app.click_css("[data-nav=settings]")?;
    app.wait_text("备份与恢复", 10)?;
    app.click_tab("备份与恢复")?;
    app.click_css("[data-test=backup-now]")?;
    app.wait_css("[data-test=backup-restore]", 30)?;
    shot(&app, &dir, "backups")?;

    // A department renamed, and its change log in Settings.
    app.click_tab("部门")?;
    app.click(&app.row_button("order", "rename-department")?)?;
    app.retype(".el-message-box input", "秩序维护部")?;
    app.click_css(".el-message-box__btns .el-button--primary")?;
    app.wait_text("秩序维护部", 10)?;
    app.click(&app.row_button("order", "history-department")?)?;
    app.wait_text_with("[data-test=list-history]", "秩序部 → 秩序维护部", 10)?;
    // The picture is of the drawer alone: the 已保存 and backup messages gone.
    app.wait(15, || {
        let up = app
            .js(
                "return document.querySelectorAll('.el-message').length",
                json!([]),
            )
            .ok()?;
        (up == json!(0)).then_some(())
    })
    .ok_or("the messages stayed up")?;
    shot(&app, &dir, "settings-history")?;

    // The deadline rules, one lengthened: the span in force beside the procedures' default.
    app.keys(desk_e2e::key::ESCAPE)?;
    app.invoke(
        "set_deadline_rule",
        json!({"step": "verify", "amount": 6, "unit": "working_hours"}),
    )?;
    app.click_tab("期限")?;
    app.wait_text_with("[data-test=deadline-rules]", "现场核实", 10)?;
    app.wait(10, || {
        let open = app
            .js(
                "return [...document.querySelectorAll('.el-drawer')].some(e => e.getClientRects().length > 0)",
                json!([]),
            )
            .ok()?;
        (open == json!(false)).then_some(())
    })
    .ok_or("the drawer stayed open")?;
    shot(&app, &dir, "settings-deadlines")?;

    // 关于, then the quick-start guide that F1 opens.
    app.click_css("[data-test=about-open]")?;
    app.wait_text_in("[data-test=about-version]", 10)?;
    shot(&app, &dir, "about")?;
    app.keys(desk_e2e::key::ESCAPE)?;
    app.keys("\u{E031}")?;
    app.wait_text("客诉台账 快速上手", 10)?;
    shot(&app, &dir, "help")?;
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn the_upgrade_waiting_screen() -> R<()> {
    let (_tmp, dir) = pictures_dir()?;

    // An office as an older version left it, held by another program: the upgrade
    // waits, and the screen says so.
    let data = new_office()?;
    let other = desk_e2e::older_ledger_held(data.path())?;
    let app = App::launch(data)?;
    app.wait_css("[data-test=upgrading-waiting]", 30)?;
    shot_of_at_least(&app, &dir, "upgrading", 15_000)?;
    other.execute_batch("COMMIT").map_err(|e| e.to_string())?;
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn the_way_back_when_restoring_would_not_help() -> R<()> {
    let (_tmp, dir) = pictures_dir()?;

    // A ledger a newer version wrote: the file is left as it is and opened again from
    // the screen once the right one is back.
    let data = new_office()?;
    desk_ledger::testing::as_written_by_a_newer_version(data.path()).map_err(|e| e.to_string())?;
    let app = App::launch(data)?;
    app.wait_css("[data-test=recovery-reopen]", 30)?;
    shot_of_at_least(&app, &dir, "recovery-unchanged", 15_000)
}

/// Where the pictures go: `COMPLAINT_DESK_SHOTS` when set, else a temporary folder (the
/// TempDir returned). The web view draws with compositing on (see the main screens' test).
fn pictures_dir() -> R<(tempfile::TempDir, PathBuf)> {
    let keep = std::env::var_os("COMPLAINT_DESK_SHOTS").map(PathBuf::from);
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = keep.unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "0");
    Ok((tmp, dir))
}

/// A new office made with the CLI, in a data directory of its own.
fn new_office() -> R<tempfile::TempDir> {
    let data = tempfile::tempdir().map_err(|e| e.to_string())?;
    desk_e2e::cli(data.path(), desk_e2e::INIT)?;
    Ok(data)
}
