//! Photos and scans on a case, in the real app: picked, shown, opened, withdrawn. Needs a display;
//! `scripts/test.sh` runs these under Xvfb with `--ignored`.

use std::path::Path;

use desk_e2e::{key, App, R};
use serde_json::json;

const DISPLAY: &str = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb";

/// A program standing in for the computer's viewer: it keeps the path it was asked to
/// open. It is found first on the PATH the app inherits.
fn viewer(dir: &Path) -> R<std::path::PathBuf> {
    let opened = dir.join("opened.txt");
    let script = dir.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .map_err(|e| e.to_string())?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| e.to_string())?;
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::set_var("PATH", format!("{}:{path}", dir.display()));
    Ok(opened)
}

/// The case's 附件 tab, shown and still empty.
fn empty_attachments_tab(app: &App) -> R<()> {
    app.click_tab("附件")?;
    app.wait_text_with("[data-test=attachment-list]", "尚无附件", 10)
        .map(|_| ())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn photos_picked_for_a_case_show_on_it_and_open_as_a_copy() -> R<()> {
    let _ = DISPLAY;
    let desktop = tempfile::tempdir().map_err(|e| e.to_string())?;
    let opened = viewer(desktop.path())?;
    let photo = desktop.path().join("卫生间顶棚.png");
    let screenshot =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots/dashboard.png");
    std::fs::copy(&screenshot, &photo).map_err(|e| e.to_string())?;
    let scan = desktop.path().join("签认单扫描.pdf");
    std::fs::write(&scan, b"%PDF-1.4 scan").map_err(|e| e.to_string())?;

    let (app, number) = App::on_one_complaint()?;
    empty_attachments_tab(&app)?;

    app.open_dialog_answers(json!([
        photo.display().to_string(),
        scan.display().to_string()
    ]))?;
    app.fill("input[data-test=attachment-note]", "业主微信发来")?;
    app.click_css("[data-test=attach-files]")?;
    let list = app.wait_text_with("[data-test=attachment-list]", "签认单扫描.pdf", 10)?;
    desk_e2e::assert_all_in(&list, &["卫生间顶棚.png", "业主微信发来"]);
    app.wait_text_with(".el-tabs__header", "附件 (2)", 10)?;
    // The picture is drawn from the copy in the data directory, not the clerk's desktop.
    std::fs::remove_file(&photo).map_err(|e| e.to_string())?;
    drawn(&app, "[data-test=attachment-thumb] img", 240)
        .ok_or("the photo's small thumbnail was never drawn")?;
    // Opened large, it is the photo itself, at full size; Esc closes it.
    app.click_css("[data-test=attachment-thumb]")?;
    let (width, _) = png_size(&screenshot)?;
    drawn(&app, ".el-image-viewer__canvas img", width).ok_or("the photo never opened large")?;
    app.keys(key::ESCAPE)?;
    app.wait(10, || {
        app.find(".el-image-viewer__wrapper").is_err().then_some(())
    })
    .ok_or("the viewer stayed open")?;
    assert!(
        app.find("[data-test=attachment-list]").is_ok(),
        "Esc left the case"
    );
    let timeline = app.wait_text_with("[data-test=timeline]", "签认单扫描.pdf", 10)?;
    desk_e2e::assert_all_in(&timeline, &["附件", "卫生间顶棚.png"]);

    // The scan opens in the computer's viewer as a copy outside the data directory.
    app.click_css("[data-open-attachment='签认单扫描.pdf']")?;
    let handed = app
        .wait(10, || std::fs::read_to_string(&opened).ok())
        .ok_or("the viewer was never asked to open the scan")?;
    assert!(handed.ends_with("签认单扫描.pdf"), "{handed}");
    assert!(!Path::new(&handed).starts_with(app.data_dir()), "{handed}");
    assert_eq!(
        std::fs::read(&handed).map_err(|e| e.to_string())?,
        b"%PDF-1.4 scan"
    );

    // The photo was the wrong flat's: withdrawn with the reason, listed as such, kept.
    app.click_css("[data-withdraw-attachment='卫生间顶棚.png']")?;
    app.wait_css(".el-message-box input", 10)?;
    app.fill(".el-message-box input", "传错了，是楼下的照片")?;
    app.click_css(".el-message-box__btns .el-button--primary")?;
    let line = app.wait_text_with("[data-test=attachment-withdrawn]", "卫生间顶棚.png", 10)?;
    assert!(line.contains("传错了，是楼下的照片"), "{line}");
    app.wait_text_with(".el-tabs__header", "附件 (1)", 10)?;
    let list = app.wait_text_in("[data-test=attachment-list]", 5)?;
    assert!(!list.contains("卫生间顶棚.png"), "{list}");
    let kept = std::fs::read_dir(app.data_dir().join("attachments").join(&number))
        .map_err(|e| e.to_string())?
        .count();
    assert_eq!(kept, 2, "both files are kept");

    // The office's supervisor checking the withdrawal can still open it (a logged copy).
    std::fs::remove_file(&opened).map_err(|e| e.to_string())?;
    app.click_css("[data-open-withdrawn='卫生间顶棚.png']")?;
    let handed = app
        .wait(10, || std::fs::read_to_string(&opened).ok())
        .ok_or("the withdrawn photo was never opened")?;
    assert!(handed.ends_with("卫生间顶棚.png"), "{handed}");
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn files_dropped_on_the_window_are_added_to_the_case_shown() -> R<()> {
    let desktop = tempfile::tempdir().map_err(|e| e.to_string())?;
    let scan = desktop.path().join("业主来信.pdf");
    std::fs::write(&scan, b"%PDF-1.4 letter").map_err(|e| e.to_string())?;
    let (app, number) = App::on_one_complaint()?;
    empty_attachments_tab(&app)?;
    app.drag_files("tauri://drag-enter", &[&scan])?;
    app.wait_css("[data-test=attachment-drop]", 10)?;
    app.drag_files("tauri://drag-drop", &[&scan])?;
    app.wait_text_with("[data-test=attachment-list]", "业主来信.pdf", 10)?;
    app.wait(10, || {
        app.find("[data-test=attachment-drop]")
            .is_err()
            .then_some(())
    })
    .ok_or("the drop hint stayed")?;
    // Dropped while another tab of the case shows: nothing is added.
    app.click_tab("处理记录")?;
    let other = desktop.path().join("无关.pdf");
    std::fs::write(&other, b"%PDF-1.4 other").map_err(|e| e.to_string())?;
    app.drag_files("tauri://drag-drop", &[&other])?;
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let file = app.invoke("case_view", json!({"number": number}))?;
    assert_eq!(
        file["file"]["attachments"].as_array().map(Vec::len),
        Some(1)
    );
    Ok(())
}

#[test]
#[ignore = "needs a display and tauri-driver: run by scripts/test.sh under Xvfb"]
fn the_photos_that_came_with_a_complaint_are_saved_with_its_registration() -> R<()> {
    let desktop = tempfile::tempdir().map_err(|e| e.to_string())?;
    let photo = desktop.path().join("微信图片_20261203.jpg");
    let moved = desktop.path().join("楼下天花.jpg");
    let stray = desktop.path().join("草稿.jpg");
    for p in [&moved, &stray] {
        std::fs::write(p, b"jpeg").map_err(|e| e.to_string())?;
    }
    let screenshot =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots/dashboard.png");
    std::fs::copy(&screenshot, &photo).map_err(|e| e.to_string())?;
    let app = App::signed_in()?;
    app.click_css("[data-nav=register]")?;
    app.fill("input[data-test=complainant_name]", "周女士")?;
    app.fill("input[data-test=building]", "5栋")?;
    app.fill("input[data-test=room]", "1203")?;
    app.fill("textarea[data-test=content]", "阳台顶部渗水")?;
    app.pick_category("B01 灯具")?;
    app.fill("input[data-test=phones]", "13812345678")?;
    // One picked in the open dialog, one dragged onto the window.
    app.open_dialog_answers(json!([photo.display().to_string()]))?;
    app.click_css("[data-test=register-attach]")?;
    // Seen small beside its name before it is saved (the clerk checks it is this flat's).
    drawn(
        &app,
        "[data-file='微信图片_20261203.jpg'] [data-test=register-thumb]",
        240,
    )
    .ok_or("the picked photo was never shown small")?;
    // Clicked, it opens large to look closer, drawn again at up to screen size (not the
    // file handed over as it is); Esc closes only the viewer, the form is kept.
    app.click_css("[data-file='微信图片_20261203.jpg'] .thumb-button")?;
    // The viewer opens once the large copy is made from the photo (decoded and scaled
    // beside the window): seconds on a loaded two-core machine, so the wait is generous.
    app.wait_css(".el-image-viewer__wrapper", 30)?;
    let (width, _) = png_size(&screenshot)?;
    if drawn(&app, ".el-image-viewer__canvas img", width.min(2048)).is_none() {
        // What the viewer shows instead, and any message the screen gave, to tell a slow
        // machine from a failed load.
        let seen = app.js(
            "const img = document.querySelector('.el-image-viewer__canvas img');
             return [img && img.naturalWidth, img && img.src.slice(0, 12),
                     [...document.querySelectorAll('.el-message')].map((m) => m.textContent)]",
            json!([]),
        )?;
        return Err(format!(
            "the picked photo never opened large ({width} px wanted): {seen}"
        ));
    }
    let src = app.js(
        "return document.querySelector('.el-image-viewer__canvas img').src",
        json!([]),
    )?;
    assert!(
        src.as_str().is_some_and(|s| s.starts_with("blob:")),
        "{src}"
    );
    app.keys(key::ESCAPE)?;
    app.wait(10, || {
        app.find(".el-image-viewer__wrapper").is_err().then_some(())
    })
    .ok_or("the viewer stayed open")?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        app.find(".el-message-box").is_err(),
        "Esc in the viewer asked to cancel the registration"
    );
    let room = app.js(
        "return document.querySelector('input[data-test=room]').value",
        json!([]),
    )?;
    assert_eq!(room, json!("1203"), "the form was cleared");
    app.drag_files("tauri://drag-drop", &[&moved])?;
    app.wait_css("[data-file='楼下天花.jpg']", 10)?;
    // Let go over the lock screen, which hides the form: not taken.
    app.click_css("[data-test=lock-now]")?;
    app.wait_css("[data-test=lock-screen]", 10)?;
    app.drag_files("tauri://drag-enter", &[&stray])?;
    app.drag_files("tauri://drag-drop", &[&stray])?;
    std::thread::sleep(std::time::Duration::from_millis(1000));
    app.click_css("[data-test=unlock-submit]")?;
    app.wait(10, || {
        app.find("[data-test=lock-screen]").is_err().then_some(())
    })
    .ok_or("the lock screen stayed")?;
    assert!(
        app.find("[data-file='草稿.jpg']").is_err(),
        "taken while locked"
    );
    assert!(
        app.find("[data-test=register-drop]").is_err(),
        "a drop hint under the lock"
    );

    // The clerk moved one away before saving: refused by its name, nothing registered.
    std::fs::remove_file(&moved).map_err(|e| e.to_string())?;
    app.click_css("[data-test=save]")?;
    app.wait_text_with(
        "[data-test=register-attachments] .el-form-item__error",
        "楼下天花.jpg",
        10,
    )?;
    assert!(app.newest_case().is_err(), "no case without its photos");

    // Taken off from the keyboard: Delete on the focused file; the focus stays in the row.
    app.js(
        "document.querySelector(\"[data-file='楼下天花.jpg']\").focus()",
        json!([]),
    )?;
    app.keys(key::DELETE)?;
    app.wait(10, || {
        app.find("[data-file='楼下天花.jpg']")
            .is_err()
            .then_some(())
    })
    .ok_or("Delete left the file on the list")?;
    app.wait(10, || {
        app.find("[data-test=register-attachments] .el-form-item__error")
            .is_err()
            .then_some(())
    })
    .ok_or("the refusal stayed under the list once its file was taken off")?;
    let focused = app.wait(10, || {
        let f = app
            .js(
                "return document.activeElement.dataset.file ?? null",
                json!([]),
            )
            .ok()?;
        (f == json!("微信图片_20261203.jpg")).then_some(f)
    });
    assert!(focused.is_some(), "the focus left the file row");
    // Enter on a focused picture opens it large, and does not save the form.
    app.keys(key::ENTER)?;
    app.wait_css(".el-image-viewer__wrapper", 10)?;
    app.keys(key::ESCAPE)?;
    app.wait(10, || {
        app.find(".el-image-viewer__wrapper").is_err().then_some(())
    })
    .ok_or("the viewer stayed open")?;
    assert!(app.newest_case().is_err(), "Enter on a file saved the form");
    app.click_css("[data-test=save]")?;
    let number = app.wait(10, || app.newest_case().ok()).ok_or("not saved")?;
    app.wait_text(&format!("已登记，编号 {number}，附件 1 个"), 10)?;
    let view = app.invoke("case_view", json!({"number": number}))?;
    let files = view["file"]["attachments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0]["file_name"], "微信图片_20261203.jpg");
    // The form is empty again, its file list too.
    app.wait(10, || app.find("[data-file]").is_err().then_some(()))
        .ok_or("the saved files stayed on the form")?;
    Ok(())
}

/// Waits for the picture `css` to be drawn from a file `width` pixels wide.
fn drawn(app: &App, css: &str, width: u32) -> Option<()> {
    app.wait_js(
        20,
        "const img = document.querySelector(arguments[0]);
         return !!img && img.complete && img.naturalWidth",
        json!([css]),
        json!(width),
    )
}

/// A PNG's width and height, from its header.
fn png_size(file: &Path) -> R<(u32, u32)> {
    let head = std::fs::read(file).map_err(|e| e.to_string())?;
    let be = |at: usize| {
        head.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    be(16)
        .zip(be(20))
        .ok_or_else(|| format!("{} is no PNG", file.display()))
}
