//! Screens keep what their user set on them (报表's tabs and files, 查阅记录's filter)
//! through a change of language and a visit elsewhere, in the real app. Needs a display;
//! `scripts/test.sh` runs these under Xvfb with `--ignored`.

use desk_e2e::{App, INIT, R};

const MERGE: &str = "textarea[data-test=merge-files]";
const EXPORT: &str = "input[data-test=export-path]";

/// The suggested workbook's path, once the screen has suggested one (10 s).
fn suggested(app: &App) -> R<String> {
    app.wait(10, || {
        let v = app.value_of(EXPORT).ok()?;
        v.ends_with(".xlsx").then_some(v)
    })
    .ok_or_else(|| "no workbook suggested".to_string())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn reports_keep_what_was_set_until_another_staff_member_signs_in() -> R<()> {
    let app = App::scripted(&[
        INIT,
        &[
            "--as", "A01", "staff", "add", "C02", "李雷", "--role", "clerk",
        ],
    ])?;
    app.sign_in(Some("王芳（A01）"), None)?;
    app.click_css("[data-nav=reports]")?;
    suggested(&app)?;
    let mine = std::env::temp_dir()
        .join("东区-十一月.xlsx")
        .display()
        .to_string();
    app.retype(EXPORT, &mine)?;
    app.click_tab("多管理处合并")?;
    app.fill(MERGE, "东区.xlsx")?;

    // Worded afresh in English: the same tab, the list still there.
    app.choose("[data-test=language]", "English")?;
    app.wait_text_with(".el-tabs__item.is-active", "Merge offices", 10)?;
    assert_eq!(app.value_of(MERGE)?, "东区.xlsx");
    app.choose("[data-test=language]", "简体中文")?;
    app.wait_text_with(".el-tabs__item.is-active", "多管理处合并", 10)?;

    // Back from another screen: as it was left, the chosen file included.
    app.click_css("[data-nav=ledger]")?;
    app.wait_text("台账", 10)?;
    app.click_css("[data-nav=reports]")?;
    app.wait_text_with(".el-tabs__item.is-active", "多管理处合并", 10)?;
    assert_eq!(app.value_of(MERGE)?, "东区.xlsx");
    app.click_tab("月度汇总导出")?;
    assert_eq!(app.value_of(EXPORT)?, mine);

    // Another staff member finds the screen as new: the suggested file, no list.
    app.click_text("退出")?;
    app.sign_in(Some("李雷（C02）"), None)?;
    app.click_css("[data-nav=reports]")?;
    app.wait_text_with(".el-tabs__item.is-active", "月度汇总导出", 10)?;
    let theirs = suggested(&app)?;
    assert!(theirs.contains("东区管理处"), "{theirs}");
    app.click_tab("多管理处合并")?;
    assert_eq!(app.value_of(MERGE)?, "");
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn the_access_logs_filter_stays_through_a_change_of_language() -> R<()> {
    const STAFF: &str = "input[data-test=access-staff]";
    let app = App::signed_in()?;
    app.click_css("[data-nav=access-log]")?;
    app.wait_css("[data-test=access-table]", 10)?;
    app.fill(STAFF, "A01")?;
    app.keys(desk_e2e::key::ENTER)?;
    app.choose("[data-test=language]", "English")?;
    // The hint is the screen's own: shown in English once it is drawn afresh.
    app.wait_text("Every case view", 10)?;
    assert_eq!(app.value_of(STAFF)?, "A01");
    app.click_css("[data-nav=dashboard]")?;
    app.wait_css("[data-test=tile-overdue]", 10)?;
    app.click_css("[data-nav=access-log]")?;
    app.wait_css(STAFF, 10)?;
    assert_eq!(app.value_of(STAFF)?, "A01");
    Ok(())
}
