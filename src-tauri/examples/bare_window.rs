//! The floor under the app's idle-memory and start-up figures: a Tauri window with the app's web-view
//! settings, showing a one-line page and nothing else. `scripts/bench-app.sh` measures it
//! beside the app (its memory and how long it takes to show its page), so the part that
//! is the app's own is plain to see.

/// One line of text, and a script saying when the page began to load and was loaded.
const PAGE: &str = "<!doctype html><p>bare window</p><script>
addEventListener('load', () => fetch('bare://localhost/ready?origin=' + performance.timeOrigin
  + '&loaded=' + (performance.timeOrigin + performance.now())))
</script>";

fn main() {
    complaint_desk_app::prepare_webview();
    let mut context = tauri::generate_context!();
    // The app's configured window would load the app's pages; this one loads none.
    context.config_mut().app.windows.clear();
    let built = tauri::Builder::default()
        // A page of one line, served the way the app's pages are (about:blank would
        // start no web process at all).
        .register_uri_scheme_protocol("bare", |_, request| {
            // The page reports when it began to load and when it had loaded (epoch
            // milliseconds, the clock the app's own marks use); the bench reads the line.
            if request.uri().path() == "/ready" {
                println!("ready {}", request.uri().query().unwrap_or_default());
                return tauri::http::Response::builder()
                    .body(Vec::new())
                    .unwrap_or_default();
            }
            tauri::http::Response::builder()
                .header("Content-Type", "text/html")
                .body(PAGE.as_bytes().to_vec())
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
