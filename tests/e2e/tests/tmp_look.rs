use desk_e2e::{key, App, R};
use serde_json::json;
use std::path::Path;

fn shot(app: &App, name: &str) -> R<()> {
    std::thread::sleep(std::time::Duration::from_millis(600));
    let _ = app;
    let _ = Path::new("");
    std::process::Command::new("import")
        .args(["-window", "root", &format!("/tmp/look/{name}.png")])
        .status()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn dialogs(app: &App, number: &str, stage: &str) -> R<()> {
    app.js(&format!("location.hash = '#/dashboard'"), json!([]))?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    app.js(&format!("location.hash = '#/case/{number}'"), json!([]))?;
    app.wait_css("[data-test=case-status]", 10)?;
    shot(app, &format!("{stage}-detail"))?;
    let view = app.invoke("case_view", json!({ "number": number }))?;
    for a in view["actions"].as_array().unwrap() {
        let a = a.as_str().unwrap();
        if let Ok(only) = std::env::var("LOOK_ONLY") {
            if only != a {
                continue;
            }
        }
        eprintln!("action {a}");
        app.click_css(&format!("[data-action={a}]"))?;
        app.wait_css("[data-test=action-form], [data-test=correct-form]", 10)?;
        let t0 = std::time::Instant::now();
        let r = app.js(
            "return document.querySelector('[data-test=action-form], [data-test=correct-form]').innerText",
            json!([]),
        );
        eprintln!(
            "js {:?} in {:?}",
            r.map(|v| v.to_string().len()),
            t0.elapsed()
        );
        shot(app, &format!("{stage}-action-{a}"))?;
        app.keys(key::ESCAPE)?;
        app.wait(10, || {
            app.find("[data-test=action-form], [data-test=correct-form]")
                .is_err()
                .then_some(())
        });
    }
    Ok(())
}

#[test]
#[ignore]
fn look() -> R<()> {
    let lang = std::env::var("LOOK_LANG").unwrap_or("en".into());
    let app = App::scripted(&[
        desk_e2e::INIT,
        &["--as", "A01", "settings", "set", "language", &lang],
        &[
            "register",
            "--as",
            "A01",
            "--name",
            "王建国",
            "--phone",
            "13812345678",
            "--building",
            "3栋",
            "--room",
            "1502",
            "--content",
            "卫生间天花板漏水",
            "--category",
            "B04",
            "--received-at",
            "2026-11-20 09:00",
        ],
    ])?;
    app.click_css("[data-test=sign-in-submit]")?;
    app.wait_css("[data-test=tile-overdue]", 15)?;
    let page = app.invoke("list_cases", json!({"filter": {"page": 0, "page_size": 5}}))?;
    let number = page["rows"][0]["number"].as_str().unwrap().to_string();
    dialogs(&app, &number, "1new")?;
    let slip = app.invoke("transfer_case", json!({ "number": number, "input": {"to_department": "engineering", "to_person": "", "from_department": null, "summary": "天花板漏水，请上门查看", "requirement": "", "transferred_at": null} }))?;
    dialogs(&app, &number, "2transferred")?;
    app.invoke(
        "sign_slip",
        json!({"slip": slip["number"], "signedBy": "李工", "signedAt": null}),
    )?;
    app.invoke(
        "record_progress",
        json!({"number": number, "action": "上门查看", "result": "已修补", "at": null}),
    )?;
    app.invoke(
        "case_step",
        json!({"number": number, "step": "finish", "note": "已修好"}),
    )?;
    dialogs(&app, &number, "3finished")?;
    app.invoke("record_callback", json!({"number": number, "input": {"at": null, "method": "phone", "person_reached": "王建国", "relation": "owner", "outcome": "reached", "satisfaction": "satisfied", "comments": ""}}))?;
    dialogs(&app, &number, "4called")?;
    // print menu
    app.click_css("[data-test=print-menu]")?;
    shot(&app, "5print-menu")?;
    let forms = app.js("return [...document.querySelectorAll('.el-dropdown-menu__item')].filter(e=>e.offsetParent!==null).map(e=>e.innerText)", json!([]))?;
    eprintln!("forms {forms}");
    app.keys(key::ESCAPE)?;
    let n = forms.as_array().unwrap().len();
    for i in 0..n {
        app.click_css("[data-test=print-menu]")?;
        std::thread::sleep(std::time::Duration::from_millis(400));
        app.js(&format!("[...document.querySelectorAll('.el-dropdown-menu__item')].filter(e=>e.offsetParent!==null)[{i}].click()"), json!([]))?;
        app.wait_css("[data-test=form-pages][data-rendered] canvas", 20)?;
        std::thread::sleep(std::time::Duration::from_millis(1500));
        shot(&app, &format!("6form-{i}"))?;
        app.keys(key::ESCAPE)?;
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    app.click_css("[data-nav=access-log]")?;
    shot(&app, "7access-log")?;
    app.click_css("[data-nav=reports]")?;
    shot(&app, "8reports")?;
    Ok(())
}
