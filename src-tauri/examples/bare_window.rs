//! The floor under the app's idle-memory figure: a Tauri window with the app's web-view
//! settings, showing an empty page and nothing else. `scripts/bench-app.sh` measures it
//! beside the app, so the part of the memory that is the app's own is plain to see.

fn main() {
    complaint_desk_app::prepare_webview();
    let mut context = tauri::generate_context!();
    // The app's configured window would load the app's pages; this one loads none.
    context.config_mut().app.windows.clear();
    let built = tauri::Builder::default()
        // A page of one line, served the way the app's pages are (about:blank would
        // start no web process at all).
        .register_uri_scheme_protocol("bare", |_, _| {
            tauri::http::Response::builder()
                .header("Content-Type", "text/html")
                .body(b"<!doctype html><p>bare window</p>".to_vec())
                .unwrap_or_default()
        })
        .setup(|app| {
            let blank = tauri::WebviewUrl::CustomProtocol("bare://localhost/".parse()?);
            tauri::WebviewWindowBuilder::new(app, "main", blank)
                .title("bare window")
                .inner_size(1360.0, 860.0)
                .build()?;
            Ok(())
        })
        .run(context);
    if let Err(e) = built {
        eprintln!("bare-window: {e}");
        std::process::exit(1);
    }
}
