//! A minimal W3C WebDriver client for the real app: tauri-driver starts the binary in
//! WebKitWebDriver, we click and type as a clerk would. Each [`App`] has its own
//! temporary data directory and its own port pair, so tests run in parallel.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// One complaint registered from the command line (add `--as` its clerk): 郑先生,
/// 8栋302, the corridor light out (A01).
pub const ONE_COMPLAINT: &[&str] = &[
    "register",
    "--name",
    "郑先生",
    "--phone",
    "13812345678",
    "--building",
    "8栋",
    "--room",
    "302",
    "--content",
    "楼道灯不亮",
    "--category",
    "A01",
];

/// The CLI command that sets up the test office and its clerk 王芳 (A01).
pub const INIT: &[&str] = &[
    "init",
    "--office",
    "东区管理处",
    "--staff-code",
    "A01",
    "--staff-name",
    "王芳",
];

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Turns `dir`'s ledger into one as schema version 4 wrote it and holds it as another
/// program writing it would: the app's upgrade cannot begin until the connection returned
/// commits or is dropped.
pub fn older_ledger_held(dir: &Path) -> R<rusqlite::Connection> {
    desk_ledger::testing::as_written_by_schema_4(dir).map_err(|e| e.to_string())?;
    let other = rusqlite::Connection::open(dir.join("ledger.sqlite")).map_err(|e| e.to_string())?;
    other
        .execute_batch("BEGIN IMMEDIATE")
        .map_err(|e| e.to_string())?;
    Ok(other)
}

/// Runs the binary as the CLI on `dir`; it must succeed. Returns what it printed.
pub fn cli(dir: &Path, args: &[&str]) -> R<String> {
    let out = Command::new(app_binary())
        .args(args)
        .env("COMPLAINT_DESK_DATA_DIR", dir)
        .output()
        .map_err(|e| format!("run {}: {e}", app_binary().display()))?;
    if !out.status.success() {
        return Err(format!(
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A new office on `dir` with one complaint, 钱先生's at 5栋301 (电梯异响), registered by
/// 王芳 (A01) through the CLI.
pub fn office_with_one_case(dir: &Path) -> R<()> {
    cli(dir, INIT)?;
    cli(
        dir,
        &[
            "--as",
            "A01",
            "register",
            "--name",
            "钱先生",
            "--phone",
            "13712345678",
            "--building",
            "5栋",
            "--room",
            "301",
            "--content",
            "电梯异响",
            "--category",
            "B04",
        ],
    )
    .map(drop)
}

/// Overwrites the start of `dir`'s ledger file with rubbish, as a failing disk might:
/// the app can no longer open it.
pub fn spoil_the_ledger_file(dir: &Path) -> R<()> {
    let db = dir.join("ledger.sqlite");
    let mut bytes = std::fs::read(&db).map_err(|e| e.to_string())?;
    for b in bytes.iter_mut().take(4096) {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).map_err(|e| e.to_string())
}

/// The app binary under test (built by the test script before these tests run).
pub fn app_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("COMPLAINT_DESK_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug").join("complaint-desk")
}

pub struct App {
    driver: Child,
    /// Every WebDriver call times out, so a stuck window fails a test instead of hanging it.
    http: ureq::Agent,
    base: String,
    session: String,
    data_dir: PathBuf,
    /// Removed when the app is dropped; None for a data directory the caller keeps.
    temp: Option<tempfile::TempDir>,
}

pub type R<T> = Result<T, String>;

impl App {
    /// A fresh office with one clerk set up through the CLI, then the app's window.
    pub fn start() -> R<App> {
        Self::prepared(INIT)
    }

    /// A fresh office (`start`) with its one administrator signed in, at the dashboard.
    pub fn signed_in() -> R<App> {
        let app = Self::start()?;
        app.sign_in(None, None)?;
        Ok(app)
    }

    /// A fresh office with `ONE_COMPLAINT` registered by its clerk, signed in and on
    /// that case's page; and the case's number.
    pub fn on_one_complaint() -> R<(App, String)> {
        let app = Self::scripted(&[INIT, &[&["--as", "A01"][..], ONE_COMPLAINT].concat()])?;
        app.sign_in(None, None)?;
        let number = app.newest_case()?;
        app.open_case(&number)?;
        Ok((app, number))
    }

    /// An office filled with `cases` demo cases over three months.
    pub fn with_demo(cases: usize) -> R<App> {
        Self::prepared(&["demo", "--cases", &cases.to_string(), "--months", "3"])
    }

    /// Runs one CLI command of the same binary on a new data directory, then launches.
    fn prepared(cli: &[&str]) -> R<App> {
        Self::scripted(&[cli])
    }

    /// Runs CLI commands of the same binary on a new data directory, then launches.
    pub fn scripted(commands: &[&[&str]]) -> R<App> {
        let data_dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        for args in commands {
            cli(data_dir.path(), args)?;
        }
        Self::launch(data_dir)
    }

    pub fn launch(data_dir: tempfile::TempDir) -> R<App> {
        let path = data_dir.path().to_path_buf();
        Self::launch_on(path, Some(data_dir))
    }

    /// Launches on an existing data directory (benchmarks keep theirs between runs).
    pub fn launch_on(data_dir: PathBuf, temp: Option<tempfile::TempDir>) -> R<App> {
        // A driver that does not come up (a port taken between choosing and binding it,
        // a slow start on a loaded machine) is stopped and started again on new ports.
        let mut failures = Vec::new();
        let mut app = None;
        for _ in 0..3 {
            match Self::driver_on(&data_dir) {
                Ok(a) => {
                    app = Some(a);
                    break;
                }
                Err(e) => failures.push(e),
            }
        }
        let mut app = app.ok_or_else(|| failures.join("; "))?;
        app.temp = temp;
        let caps = json!({"capabilities": {"alwaysMatch": {
            "tauri:options": {"application": app_binary().display().to_string()}
        }}});
        let v = app.post("/session", caps)?;
        app.session = v["sessionId"].as_str().unwrap_or_default().to_string();
        if app.session.is_empty() {
            return Err(format!("no session: {v}"));
        }
        app.wait_js(
            20,
            "return (document.querySelector('#app')?.children.length ?? 0) > 0",
            json!([]),
            json!(true),
        )
        .ok_or_else(|| {
            format!(
                "the window never showed the app: {}",
                app.page_text().unwrap_or_default()
            )
        })?;
        Ok(app)
    }

    /// Starts tauri-driver on two ports the system says are free and waits until it and
    /// its WebKitWebDriver answer. (Ports must come from the system: fixed ones could
    /// fall in the range it hands out to outgoing connections.)
    fn driver_on(data_dir: &Path) -> R<App> {
        let [port, native] = free_ports()?;
        let log = std::env::temp_dir().join(format!("complaint-desk-driver-{port}.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        // The app inherits the data directory from tauri-driver → WebKitWebDriver → app.
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("COMPLAINT_DESK_DATA_DIR", data_dir)
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("start tauri-driver: {e}"))?;
        let mut app = App {
            driver,
            http: ureq::AgentBuilder::new()
                .timeout_connect(Duration::from_secs(5))
                .timeout(Duration::from_secs(90))
                .build(),
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            data_dir: data_dir.to_path_buf(),
            temp: None,
        };
        let ready = app.wait_ready(native);
        let said = std::fs::read_to_string(&log).unwrap_or_default();
        let _ = std::fs::remove_file(&log);
        match ready {
            Ok(()) => Ok(app),
            Err(e) => {
                // Dropping stops the driver (and anything it started on this directory).
                drop(app);
                Err(format!("{e} (ports {port}/{native}): {}", said.trim()))
            }
        }
    }

    /// Closes the app and starts it again on the same data directory.
    pub fn restart(mut self) -> R<App> {
        let temp = self.temp.take();
        let dir = self.data_dir.clone();
        drop(self);
        // The closing app holds the data directory's lock until it has exited; a new
        // start before that would hand over to it and exit.
        let lock = dir.join("complaint-desk.lock");
        let released = (0..100).any(|_| {
            let free = std::fs::File::open(&lock)
                .and_then(|f| f.try_lock().map_err(std::io::Error::other))
                .is_ok();
            if !free {
                std::thread::sleep(Duration::from_millis(100));
            }
            free
        });
        if !released {
            return Err("the closed app still holds its data directory".into());
        }
        Self::launch_on(dir, temp)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Launches on an empty data directory: the first-run set-up.
    pub fn fresh() -> R<App> {
        Self::launch(tempfile::tempdir().map_err(|e| e.to_string())?)
    }

    /// Both the native driver and tauri-driver's own port must answer before a session.
    fn wait_ready(&mut self, native: u16) -> R<()> {
        let until = Instant::now() + Duration::from_secs(30);
        let own: std::net::SocketAddr = self
            .base
            .trim_start_matches("http://")
            .parse()
            .map_err(|_| "bad address".to_string())?;
        while Instant::now() < until {
            if let Ok(Some(status)) = self.driver.try_wait() {
                return Err(format!("tauri-driver stopped ({status})"));
            }
            if self
                .http
                .get(&format!("http://127.0.0.1:{native}/status"))
                .call()
                .is_ok()
                && std::net::TcpStream::connect_timeout(&own, Duration::from_millis(200)).is_ok()
            {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("WebKitWebDriver did not come up".into())
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("/session") && !self.session.is_empty() {
            format!("{}/session/{}{}", self.base, self.session, &path[8..])
        } else {
            format!("{}{}", self.base, path)
        }
    }

    fn post(&self, path: &str, body: Value) -> R<Value> {
        let path = if path == "/session" { "/session" } else { path };
        let url = if path == "/session" && self.session.is_empty() {
            format!("{}/session", self.base)
        } else {
            self.url(path)
        };
        answer(self.http.post(&url).send_json(body))
    }

    fn get(&self, path: &str) -> R<Value> {
        answer(self.http.get(&self.url(path)).call())
    }

    /// Runs JavaScript in the page; a returned promise is awaited.
    pub fn js(&self, script: &str, args: Value) -> R<Value> {
        self.post(
            "/session/execute/sync",
            json!({"script": script, "args": args}),
        )
    }

    /// The system's open dialog answers `picked` (a path, or a list when several may be
    /// picked) from now on, as if the clerk had chosen there: the dialog itself is the
    /// desktop's, which WebDriver cannot drive. The IPC goes through fetch, so the answer
    /// is given there, marked as Tauri marks a success.
    pub fn open_dialog_answers(&self, picked: Value) -> R<()> {
        self.js(
            "const picked = arguments[0]; const inner = window.fetch;
             window.fetch = (url, opts) => decodeURIComponent(String(url)).includes('plugin:dialog|open')
               ? Promise.resolve(new Response(JSON.stringify(picked), { status: 200, headers: { 'Content-Type': 'application/json', 'Tauri-Response': 'ok' } }))
               : inner(url, opts);
             return null",
            json!([picked]),
        )
        .map(|_| ())
    }

    /// The window reports files held over it (`tauri://drag-enter`) or let go there
    /// (`tauri://drag-drop`), as it does for a drag from the file manager; the drag
    /// itself is the desktop's, which WebDriver cannot make.
    pub fn drag_files(&self, event: &str, paths: &[&Path]) -> R<()> {
        let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        self.js(
            "return window.__TAURI__.event.emitTo({ kind: 'Webview', label: 'main' }, arguments[0], arguments[1]).then(() => null)",
            json!([event, {"paths": paths, "position": {"x": 300, "y": 500}}]),
        )
        .map(|_| ())
    }

    /// Calls a shell command the way the UI does (for checks, never for the steps a clerk takes).
    pub fn invoke(&self, cmd: &str, args: Value) -> R<Value> {
        self.js(
            "return window.__TAURI__.core.invoke(arguments[0], arguments[1])",
            json!([cmd, args]),
        )
    }

    pub fn find(&self, css: &str) -> R<String> {
        let v = self.post(
            "/session/element",
            json!({"using": "css selector", "value": css}),
        )?;
        element_id(&v).ok_or_else(|| format!("no element {css}"))
    }

    pub fn find_xpath(&self, xpath: &str) -> R<String> {
        let v = self.post(
            "/session/element",
            json!({"using": "xpath", "value": xpath}),
        )?;
        element_id(&v).ok_or_else(|| format!("no element {xpath}"))
    }

    /// Waits until `css` matches a visible element, then returns it.
    pub fn wait_css(&self, css: &str, secs: u64) -> R<String> {
        self.wait(secs, || {
            let v = self
                .js(
                    "return [...document.querySelectorAll(arguments[0])]
                       .find(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden') ?? null",
                    json!([css]),
                )
                .ok()?;
            element_id(&v)
        })
        .ok_or_else(|| {
            format!(
                "timed out waiting for {css}; page shows: {}",
                self.page_text().unwrap_or_else(|e| e)
            )
        })
    }

    /// Waits until the visible text of the page's main area contains `text`.
    pub fn wait_text(&self, text: &str, secs: u64) -> R<()> {
        self.wait(secs, || self.page_text().ok()?.contains(text).then_some(()))
            .ok_or_else(|| {
                format!(
                    "timed out waiting for “{text}”; page shows: {}",
                    self.page_text().unwrap_or_default()
                )
            })
    }

    /// Waits up to `secs` for `script` to return `want`.
    pub fn wait_js(&self, secs: u64, script: &str, args: Value, want: Value) -> Option<()> {
        self.wait(secs, || {
            (self.js(script, args.clone()).ok()? == want).then_some(())
        })
    }

    pub fn wait<T>(&self, secs: u64, mut f: impl FnMut() -> Option<T>) -> Option<T> {
        let until = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(v) = f() {
                return Some(v);
            }
            if Instant::now() > until {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until an element matching `css` shows some text, and returns that text.
    pub fn wait_text_in(&self, css: &str, secs: u64) -> R<String> {
        self.wait(secs, || {
            let v = self
                .js(
                    "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim()).find(t => t) ?? ''",
                    json!([css]),
                )
                .ok()?;
            let t = v.as_str()?.to_string();
            (!t.is_empty()).then_some(t)
        })
        .ok_or_else(|| format!("nothing shows text in {css}"))
    }

    /// Waits until the element matching `css` shows `needle` (a drawer's title shows at
    /// once, its entries when the ledger has answered), and returns all its text.
    /// Of several (messages stacked up), the one showing `needle` counts.
    pub fn wait_text_with(&self, css: &str, needle: &str, secs: u64) -> R<String> {
        self.wait(secs, || {
            let v = self
                .js(
                    "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim()).find(t => t.includes(arguments[1])) ?? null",
                    json!([css, needle]),
                )
                .ok()?;
            v.as_str().map(str::to_string)
        })
        .ok_or_else(|| {
            let shown = self.wait_text_in(css, 1).unwrap_or_default();
            format!("{needle} never showed in {css}; it shows: {shown}")
        })
    }

    /// Waits for the button `data-test` on the table row that has a cell reading `cell`
    /// (Settings' rows: a code), and returns it.
    pub fn row_button(&self, cell: &str, test: &str) -> R<String> {
        self.wait(10, || {
            self.find_xpath(&format!(
                "//tr[.//td[normalize-space()='{cell}']]//button[@data-test='{test}']"
            ))
            .ok()
        })
        .ok_or_else(|| format!("no {test} on the {cell} row"))
    }

    /// Waits until the keyboard focus is in the element matching `css`.
    pub fn wait_focus(&self, css: &str, secs: u64) -> R<()> {
        self.wait(secs, || {
            let v = self
                .js(
                    "return document.activeElement?.matches(arguments[0]) ?? false",
                    json!([css]),
                )
                .ok()?;
            (v.as_bool() == Some(true)).then_some(())
        })
        .ok_or_else(|| format!("the cursor never reached {css}"))
    }

    /// The visible text of one element.
    pub fn text_of(&self, id: &str) -> R<String> {
        Ok(self
            .get(&format!("/session/element/{id}/text"))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    pub fn page_text(&self) -> R<String> {
        Ok(self
            .js("return document.body.innerText", json!([]))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    /// Clicks an element, retrying while an animation (a dialog or drop-down opening)
    /// still keeps it from being clickable.
    pub fn click(&self, id: &str) -> R<()> {
        let mut last = String::new();
        self.wait(10, || {
            match self.post(&format!("/session/element/{id}/click"), json!({})) {
                Ok(_) => Some(()),
                Err(e) => {
                    last = e;
                    None
                }
            }
        })
        .ok_or(last)
    }

    /// Signs in on the sign-in screen and waits for the dashboard: `who` as the picker
    /// names them (None: the one it offers first), with `pin` when they have one.
    pub fn sign_in(&self, who: Option<&str>, pin: Option<&str>) -> R<()> {
        if let Some(who) = who {
            self.choose("[data-test=sign-in-staff]", who)?;
        }
        if let Some(pin) = pin {
            self.fill("input[data-test=sign-in-pin]", pin)?;
        }
        self.click_css("[data-test=sign-in-submit]")?;
        self.wait_css("[data-test=tile-overdue]", 15).map(drop)
    }

    /// On the recovery screen: restores the first backup listed, confirms, signs in again
    /// and returns how many cases the restored ledger holds.
    pub fn restore_the_listed_backup(&self) -> R<Value> {
        self.wait_css("[data-test=backup-restore]", 10)?;
        self.click_css("[data-test=backup-restore]")?;
        self.click_css(".el-message-box__btns .el-button--primary")?;
        self.wait_css("[data-test=sign-in-submit]", 20)?;
        self.sign_in(None, None)?;
        let page = self.invoke("list_cases", json!({"filter": {"page": 0, "page_size": 5}}))?;
        Ok(page["total"].clone())
    }

    /// The value of the first field matching `css` ('' when there is none).
    pub fn value_of(&self, css: &str) -> R<String> {
        let v = self.js(
            "return document.querySelector(arguments[0])?.value ?? ''",
            json!([css]),
        )?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Waits for the visible field matching `css` and types `text` into it.
    pub fn fill(&self, css: &str, text: &str) -> R<()> {
        let id = self.wait_css(css, 10)?;
        self.type_into(&id, text)
    }

    pub fn click_css(&self, css: &str) -> R<()> {
        let id = self.wait_css(css, 10)?;
        self.click(&id)
    }

    /// Clicks the visible element whose text is exactly `text` (buttons, menu items, options).
    pub fn click_text(&self, text: &str) -> R<()> {
        let id = self
            .wait(10, || {
                let v = self
                    .js(
                        "const t = arguments[0];
                         const all = [...document.querySelectorAll('button, li, span, a, label, div.el-tabs__item')]
                           .filter(e => e.offsetParent !== null && e.textContent.trim() === t);
                         return all.length ? all[all.length - 1] : null;",
                        json!([text]),
                    )
                    .ok()?;
                element_id(&v)
            })
            .ok_or_else(|| format!("nothing visible reads “{text}”"))?;
        self.click(&id)
    }

    /// Opens the select (or cascader) that carries `css` by clicking its visible box.
    pub fn open_select(&self, css: &str) -> R<()> {
        let id = self
            .wait(10, || {
                let v = self
                    .js(
                        "const e = document.querySelector(arguments[0]);
                         const box = e?.closest('.el-select, .el-cascader') ?? e;
                         return box?.querySelector('.el-select__wrapper, .el-input__wrapper') ?? box ?? null",
                        json!([css]),
                    )
                    .ok()?;
                element_id(&v)
            })
            .ok_or_else(|| format!("no select {css}"))?;
        self.click(&id)?;
        // Let the drop-down finish appearing before anything in it is clicked.
        std::thread::sleep(Duration::from_millis(400));
        Ok(())
    }

    /// Picks `text` from the open drop-down of a select or cascader.
    pub fn pick_option(&self, text: &str) -> R<()> {
        let id = self
            .find_option(text, 10)
            .ok_or_else(|| format!("no option “{text}” in an open drop-down"))?;
        self.click(&id)
    }

    /// Picks a category on the registration form as a clerk does: opens the picker,
    /// types the name (`option` reads as the list shows it, "B01 灯具") and picks it.
    pub fn pick_category(&self, option: &str) -> R<()> {
        let name = option.split_once(' ').map_or(option, |(_, name)| name);
        self.open_select("[data-test=category]")?;
        self.keys(name)?;
        self.pick_option(option)
    }

    /// Opens the select that carries `css` and picks `text` from it. A click that lands
    /// while the screen is still putting the select in place (the sign-in list arrives
    /// a moment after the screen) leaves it closed, so the select is opened again then.
    pub fn choose(&self, css: &str, text: &str) -> R<()> {
        for _ in 0..3 {
            self.open_select(css)?;
            if let Some(id) = self.find_option(text, 4) {
                return self.click(&id);
            }
        }
        Err(format!("no option “{text}” in the drop-down of {css}"))
    }

    fn find_option(&self, text: &str, secs: u64) -> Option<String> {
        self.wait(secs, || {
            let v = self
                .js(
                    "const t = arguments[0];
                     return [...document.querySelectorAll('.el-select-dropdown__item, .el-cascader-node, .el-cascader__suggestion-item')]
                       .find(e => e.offsetParent !== null && (e.textContent.trim() === t || e.textContent.trim().endsWith(' / ' + t))) ?? null",
                    json!([text]),
                )
                .ok()?;
            element_id(&v)
        })
    }

    /// Clicks the visible tab whose label starts with `prefix` (labels carry counts),
    /// waiting for it: a screen's tabs are laid out a moment after its text is there.
    pub fn click_tab(&self, prefix: &str) -> R<()> {
        let id = self
            .wait(10, || {
                let v = self
                    .js(
                        "return [...document.querySelectorAll('.el-tabs__item')]
                           .find(e => e.offsetParent !== null && e.textContent.trim().startsWith(arguments[0])) ?? null",
                        json!([prefix]),
                    )
                    .ok()?;
                element_id(&v)
            })
            .ok_or_else(|| format!("no tab “{prefix}”"))?;
        self.click(&id)
    }

    /// Empties a field the way the page sees it (an input event), then types `text`
    /// (nothing: the field is left empty).
    pub fn retype(&self, css: &str, text: &str) -> R<()> {
        self.js(
            "const e = document.querySelector(arguments[0]); e.value = ''; e.dispatchEvent(new Event('input'))",
            json!([css]),
        )?;
        let id = self.wait_css(css, 15)?;
        if text.is_empty() {
            return Ok(());
        }
        self.type_into(&id, text)
    }

    pub fn type_into(&self, id: &str, text: &str) -> R<()> {
        self.post(
            &format!("/session/element/{id}/value"),
            json!({"text": text}),
        )
        .map(|_| ())
    }

    /// Types into whatever has the keyboard focus, as a clerk does after Tab.
    pub fn keys(&self, text: &str) -> R<()> {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|c| {
                let k = c.to_string();
                [
                    json!({"type": "keyDown", "value": k}),
                    json!({"type": "keyUp", "value": k}),
                ]
            })
            .collect();
        self.post(
            "/session/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .map(|_| ())
    }

    /// The number of the newest case in the ledger (numbers carry the month of
    /// registration, so tests read them instead of assuming them).
    pub fn newest_case(&self) -> R<String> {
        let page = self.invoke("list_cases", json!({"filter": {"page": 0, "page_size": 1}}))?;
        page["rows"][0]["number"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| "no case in the ledger".into())
    }

    /// Opens a case's page through the window's address and waits for it to show.
    pub fn open_case(&self, number: &str) -> R<()> {
        self.js(&format!("location.hash = '#/case/{number}'"), json!([]))?;
        self.wait_css("[data-test=case-status]", 10).map(|_| ())
    }

    /// Sizes the window as a smaller screen would have it.
    pub fn resize(&self, width: u32, height: u32) -> R<()> {
        self.post(
            "/session/window/rect",
            json!({"x": 0, "y": 0, "width": width, "height": height}),
        )
        .map(|_| ())
    }

    /// Presses `key` with Ctrl held, as a shortcut.
    pub fn ctrl(&self, key: &str) -> R<()> {
        let actions = json!([
            {"type": "keyDown", "value": key::CONTROL},
            {"type": "keyDown", "value": key},
            {"type": "keyUp", "value": key},
            {"type": "keyUp", "value": key::CONTROL},
        ]);
        self.post(
            "/session/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .map(|_| ())
    }

    pub fn screenshot(&self, path: &Path) -> R<()> {
        use base64::Engine;
        let v = self.get("/session/screenshot")?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .map_err(|e| e.to_string())?;
        std::fs::write(path, png).map_err(|e| e.to_string())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.http.delete(&self.url("/session")).call();
        }
        // SIGTERM, not SIGKILL: tauri-driver then stops its WebKitWebDriver child too.
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let _ = self.driver.wait();
        stop_apps_on(&self.data_dir);
    }
}

/// The app processes started on `dir` (found by their data-directory variable).
fn apps_on(dir: &Path) -> Vec<u32> {
    let want = format!("COMPLAINT_DESK_DATA_DIR={}", dir.display());
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    procs
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let comm = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            comm.trim() == "complaint-desk" && env.split(|b| *b == 0).any(|v| v == want.as_bytes())
        })
        .collect()
}

/// Waits for the app on `dir` to close with its session; stops it if it does not, so
/// no window outlives its test or holds the data directory for the next start.
fn stop_apps_on(dir: &Path) {
    for signal in ["", "-TERM", "-KILL"] {
        for _ in 0..30 {
            if apps_on(dir).is_empty() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if !signal.is_empty() {
            for pid in apps_on(dir) {
                let _ = Command::new("kill")
                    .args([signal, &pid.to_string()])
                    .status();
            }
        }
    }
}

/// Special keys of the WebDriver protocol.
pub mod key {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const CONTROL: &str = "\u{E009}";
    pub const DOWN: &str = "\u{E015}";
    pub const DELETE: &str = "\u{E017}";
}

/// Two different loopback ports nothing listens on now (both held until both are chosen).
fn free_ports() -> R<[u16; 2]> {
    let bind =
        || std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"));
    let (a, b) = (bind()?, bind()?);
    let port =
        |l: &std::net::TcpListener| l.local_addr().map(|a| a.port()).map_err(|e| e.to_string());
    Ok([port(&a)?, port(&b)?])
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let installed = home.join(".cargo/bin/tauri-driver");
    if installed.exists() {
        installed
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn element_id(v: &Value) -> Option<String> {
    v.get(ELEMENT).and_then(Value::as_str).map(String::from)
}

fn answer(r: Result<ureq::Response, ureq::Error>) -> R<Value> {
    let resp = match r {
        Ok(resp) => resp,
        Err(ureq::Error::Status(_, resp)) => resp,
        Err(e) => return Err(e.to_string()),
    };
    let v: Value = resp.into_json().map_err(|e| e.to_string())?;
    if let Some(err) = v["value"].get("error") {
        return Err(format!("{err}: {}", v["value"]["message"]));
    }
    Ok(v["value"].clone())
}

/// Asserts that `text` holds each of `words`, naming the first one missing.
pub fn assert_all_in(text: &str, words: &[&str]) {
    for w in words {
        assert!(text.contains(w), "{w} not in: {text}");
    }
}

/// Asserts that `text` holds none of `words` (stored codes that should read as words).
pub fn assert_none_in(text: &str, words: &[&str]) {
    for w in words {
        assert!(!text.contains(w), "{w} in: {text}");
    }
}
