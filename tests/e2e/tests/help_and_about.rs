//! 帮助 and 关于: the quick-start guide opens with F1 from any screen (sign-in too) with
//! its pictures, and 关于 says the version, where the ledger is, and names a damaged
//! form font in the clerk's language.

use desk_e2e::{App, R};
use serde_json::json;

const F1: &str = "\u{E031}";

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn f1_opens_the_guide_and_about_says_the_version_the_folders_and_a_damaged_font() -> R<()> {
    let app = App::start()?;
    app.wait_css("[data-test=sign-in-submit]", 20)?;
    app.keys(F1)?;
    app.wait_css("[data-test=help]", 10)?;
    app.wait_text("客诉台账 快速上手", 10)?;
    // Every picture of the guide is bundled and draws (no network, no broken image).
    app.wait_js(
        10,
        "const i = [...document.querySelectorAll('[data-test=help] img')]; \
         return i.length >= 5 && i.every(x => x.complete && x.naturalWidth > 0)",
        json!([]),
        json!(true),
    )
    .ok_or("the guide's pictures did not load")?;
    app.click_css("[data-test=help-back]")?;
    app.wait_css("[data-test=sign-in-submit]", 10)?;

    app.sign_in(None, None)?;
    app.click_css("[data-test=about-open]")?;
    let version = app.wait_text_in("[data-test=about-version]", 10)?;
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let dir = app.wait_text_in("[data-test=about-data-dir]", 10)?;
    assert_eq!(dir, app.data_dir().display().to_string());
    // The header's 帮助 opens the same guide for a signed-in clerk.
    app.keys("\u{E00C}")?;
    app.click_css("[data-test=help]")?;
    app.wait_text("登记一宗投诉或需求", 10)?;
    drop(app);

    // A damaged font file where the program looks first: named, in Chinese, with what
    // to do, instead of a failed print later.
    let bad = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
    std::fs::write(bad.path(), b"not a font").map_err(|e| e.to_string())?;
    std::env::set_var("COMPLAINT_DESK_FONT", bad.path());
    let app = App::start();
    std::env::remove_var("COMPLAINT_DESK_FONT");
    let app = app?;
    app.sign_in(None, None)?;
    app.click_css("[data-test=about-open]")?;
    let problem = app.wait_text_in("[data-test=about-font-problem]", 10)?;
    assert!(
        problem.contains("已损坏") && problem.contains("重新安装"),
        "{problem}"
    );
    Ok(())
}
