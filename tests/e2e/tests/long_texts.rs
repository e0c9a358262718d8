//! A text nearing its field's limit says how much room is left; one over it is refused
//! on save under its field, and nothing typed is cut off. Needs a display;
//! `scripts/test.sh` runs these under Xvfb with `--ignored`.

use desk_e2e::{key, App, R};
use serde_json::json;

const DISPLAY: &str = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb";

/// The count shown under a field (e.g. "41 / 50"), and whether it is marked as over.
fn count_under(app: &App, input: &str) -> R<Option<(String, bool)>> {
    let v = app.js(
        "const c = document.querySelector(arguments[0])?.closest('.el-form-item__content')?.querySelector('[data-test=text-count]');
         return c ? [c.innerText.trim(), c.classList.contains('over')] : null",
        json!([input]),
    )?;
    Ok(v.as_array().map(|a| {
        (
            a[0].as_str().unwrap_or_default().to_string(),
            a[1].as_bool().unwrap_or(false),
        )
    }))
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn a_name_past_its_limit_is_counted_refused_under_its_field_and_kept_whole() -> R<()> {
    let _ = DISPLAY;
    let app = App::signed_in()?;
    app.click_css("[data-nav=register]")?;
    let name = "input[data-test=complainant_name]";
    app.fill(name, "欧阳")?;
    assert_eq!(
        count_under(&app, name)?,
        None,
        "no count while there is room"
    );
    // A company's full name pasted in: 51 characters where 50 fit.
    let long = format!("{}有限公司", "深圳市南山区科技园物业服务".repeat(4))
        .chars()
        .take(49)
        .collect::<String>();
    app.retype(name, &long)?;
    let near = count_under(&app, name)?.ok_or("no count near the limit")?;
    assert_eq!(near, ("49 / 50".to_string(), false));
    app.keys("甲乙")?;
    let over = count_under(&app, name)?.ok_or("no count over the limit")?;
    assert_eq!(over, ("51 / 50".to_string(), true));

    app.fill("textarea[data-test=content]", "物业费发票抬头有误")?;
    // Enter in a one-line field saves (in the content it starts a new line).
    app.fill("input[data-test=phones]", "13812345678")?;
    app.keys(key::ENTER)?;
    let error = app.wait_text_in(".el-form-item.is-error .el-form-item__error", 10)?;
    assert!(
        error.contains("50"),
        "the error says how long it may be: {error}"
    );
    let page = app.invoke(
        "list_cases",
        json!({"filter": {"page": 0, "page_size": 10}}),
    )?;
    assert_eq!(page["total"], 0, "nothing is saved");
    let kept = app.js(
        "return document.querySelector(arguments[0]).value",
        json!([name]),
    )?;
    assert_eq!(
        kept.as_str().map(|s| s.chars().count()),
        Some(51),
        "nothing is cut off"
    );
    Ok(())
}
