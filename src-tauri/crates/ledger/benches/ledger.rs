//! `cargo bench -p desk-ledger`: prints a table of the ledger's speed targets.
//! BENCH_CASES (default 100000) sets the demo ledger size; 1000000 for the full run.
//! BENCH_DATA_DIR reuses a demo ledger made earlier (scripts/bench-app.sh keeps one).

use std::time::{Duration, Instant};

use chrono::Datelike;
use desk_ledger::{CaseFilter, Lang, Ledger, NewCase};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        v.push(t.elapsed());
    }
    median(v)
}

fn registration(dir: &std::path::Path) -> (Duration, Duration) {
    let mut l = Ledger::open(&dir.join("reg")).expect("ledger");
    l.init("", "基准管理处", "admin", "管理员").expect("init");
    let input = NewCase {
        kind: "complaint".into(),
        channel: "phone".into(),
        complainant_name: "王先生".into(),
        phones: "13812345678".into(),
        building: "3栋".into(),
        unit: "2单元".into(),
        room: "1502".into(),
        content: "卫生间下水道堵塞，污水反冒，气味很大".into(),
        category: Some("B04".into()),
        ..Default::default()
    };
    let ours = time(200, || l.register("admin", &input).expect("register"));
    // The same row into a bare table on the same disk with the same durability settings.
    let bare = rusqlite::Connection::open(dir.join("bare.sqlite")).expect("bare");
    bare.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE t (id INTEGER PRIMARY KEY, number TEXT, received_at TEXT, name TEXT, phones TEXT, building TEXT,
                         unit TEXT, room TEXT, content TEXT, category TEXT, status TEXT)",
    )
    .expect("schema");
    let mut i = 0;
    let theirs = time(200, || {
        i += 1;
        bare.execute(
            "INSERT INTO t (number, received_at, name, phones, building, unit, room, content, category, status)
             VALUES (?1, '2026-11-23 09:00', '王先生', '13812345678', '3栋', '2单元', '1502', '卫生间下水道堵塞，污水反冒，气味很大', 'B04', 'registered')",
            [format!("TS-202611-{i:04}")],
        )
        .expect("insert")
    });
    (ours, theirs)
}

/// A phone's 12-megapixel photo on a case: its list thumbnail made (the first time the
/// case's 附件 tab shows it) and handed out again from where it is kept; and, picked on
/// the registration form, drawn again screen-sized when the clerk opens it large.
fn thumbnail(dir: &std::path::Path) -> (Duration, Duration, Duration, usize) {
    let mut l = Ledger::open(&dir.join("photos")).expect("ledger");
    l.init("", "基准管理处", "admin", "管理员").expect("init");
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x ^ y) % 239) as u8])
    });
    let photo = dir.join("IMG_0001.jpg");
    image::DynamicImage::ImageRgb8(picture)
        .save(&photo)
        .expect("photo");
    let input = NewCase {
        kind: "complaint".into(),
        channel: "wechat".into(),
        complainant_name: "王先生".into(),
        phones: "13812345678".into(),
        building: "3栋".into(),
        room: "1502".into(),
        content: "卫生间顶棚渗水".into(),
        category: Some("B04".into()),
        attachments: vec![photo.display().to_string()],
        ..Default::default()
    };
    let number = l.register("admin", &input).expect("register").number;
    let id = l.case_file(&number).expect("file").attachments[0].id;
    let kept = dir.join("photos").join(desk_ledger::THUMBNAILS_DIR);
    let made = time(5, || {
        let _ = std::fs::remove_dir_all(&kept);
        l.attachment_thumbnail(id).expect("thumbnail")
    });
    let again = time(20, || l.attachment_thumbnail(id).expect("thumbnail"));
    let large = time(5, || {
        desk_ledger::preview_of(&photo, true).expect("preview")
    });
    let bytes = std::fs::metadata(&photo).map_or(0, |m| m.len() as usize);
    (made, again, large, bytes)
}

fn main() {
    let cases: usize = std::env::var("BENCH_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows: Vec<(String, String, String)> = Vec::new();

    let (ours, bare) = registration(dir.path());
    let ratio = ours.as_secs_f64() / bare.as_secs_f64();
    rows.push((
        "durable registration (median of 200)".into(),
        format!(
            "{} vs bare insert+commit {} = {ratio:.2}×",
            ms(ours),
            ms(bare)
        ),
        "≤ 2×".into(),
    ));

    let (made, again, large, bytes) = thumbnail(dir.path());
    rows.push((
        format!(
            "thumbnail of a 4000×3000 photo ({:.1} MB)",
            bytes as f64 / 1_048_576.0
        ),
        format!("{} made, {} when kept", ms(made), ms(again)),
        "-".into(),
    ));
    rows.push((
        "the same photo picked on the form, opened large (2048 px)".into(),
        ms(large),
        "-".into(),
    ));

    let kept = std::env::var_os("BENCH_DATA_DIR").map(std::path::PathBuf::from);
    let mut l = match &kept {
        Some(d) => Ledger::open(d).expect("ledger"),
        None => Ledger::open(&dir.path().join("demo")).expect("ledger"),
    };
    if kept.is_none() {
        let t = Instant::now();
        l.demo(&desk_ledger::DemoOptions {
            cases,
            months: 24,
            seed: 1,
        })
        .expect("demo");
        rows.push((
            format!("demo ledger of {cases} cases"),
            format!("{:.1} s to generate", t.elapsed().as_secs_f64()),
            "-".into(),
        ));
    } else {
        let all = l.list(&CaseFilter::default()).expect("list").total;
        rows.push((
            format!("existing demo ledger of {all} cases"),
            "-".into(),
            "-".into(),
        ));
    }

    let now = l.now();
    let month = format!("{}-{:02}", now.year(), now.month());
    let filter = CaseFilter {
        month: Some(month.clone()),
        status: Some("closed".into()),
        ..Default::default()
    };
    let d = time(20, || l.list(&filter).expect("list"));
    rows.push((
        format!("first page, month {month} + status closed"),
        ms(d),
        "≤ 30 ms".into(),
    ));
    let in_progress = CaseFilter {
        month: Some(month.clone()),
        status: Some("in_progress".into()),
        ..Default::default()
    };
    rows.push((
        "first page, month + status in progress".into(),
        ms(time(20, || l.list(&in_progress).expect("list"))),
        "≤ 30 ms".into(),
    ));
    // One character: the start of a token of the pair index, for a common one (王) and
    // a rare one (梯).
    for text in [
        "下水道",
        "污水从下水道反冒",
        "13812345678",
        "王芳",
        "漏水",
        "王",
        "梯",
    ] {
        let f = CaseFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        let page = l.list(&f).expect("search");
        let total = if page.total_capped {
            format!("{}+", page.total)
        } else {
            page.total.to_string()
        };
        let d = time(10, || l.list(&f).expect("search"));
        rows.push((
            format!("search “{text}” ({total} hits), first page"),
            ms(d),
            "≤ 30 ms".into(),
        ));
    }
    let in_month = CaseFilter {
        text: Some("漏水".into()),
        month: Some(month),
        ..Default::default()
    };
    rows.push((
        "search “漏水” within the month, first page".into(),
        ms(time(10, || l.list(&in_month).expect("search"))),
        "≤ 30 ms".into(),
    ));
    let file = desk_ledger::db_path(kept.as_deref().unwrap_or(&dir.path().join("demo")));
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    rows.push((
        "ledger file".into(),
        format!("{:.0} MB", size as f64 / 1_048_576.0),
        "-".into(),
    ));
    rows.push((
        "dashboard tiles (due, overdue, to call back, to close, …)".into(),
        ms(time(20, || l.desk_counts(240).expect("tiles"))),
        "≤ 50 ms".into(),
    ));

    let open = l
        .list(&CaseFilter {
            page_size: 500,
            ..Default::default()
        })
        .expect("list");
    let t = Instant::now();
    let mut n = 0usize;
    for c in &open.rows {
        n += l.deadlines(&c.number, Lang::ZhCn).expect("deadlines").len();
    }
    let per_sec = n as f64 / t.elapsed().as_secs_f64();
    rows.push((
        "deadline computations (with loading each case's facts)".into(),
        format!("{per_sec:.0} per second"),
        "-".into(),
    ));

    println!("\n| measurement | result | target |\n|---|---|---|");
    for (a, b, c) in rows {
        println!("| {a} | {b} | {c} |");
    }
}
