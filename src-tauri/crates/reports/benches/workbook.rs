//! `cargo bench -p desk-reports`: the month-end workbook at 10,000 and 100,000 cases in a
//! month, side by side with Python XlsxWriter writing the same ledger-sheet content
//! (skipped with a message when Python or XlsxWriter is absent). Prints a table.

use std::io::Write;
use std::process::Command;
use std::time::Instant;

use desk_calendar::Lang;
use desk_ledger::{DemoOptions, Ledger};
use desk_reports::{summary_workbook, Period};

const PYTHON: &str = r##"
import json, sys, time, xlsxwriter
rows = json.load(open(sys.argv[1], encoding="utf-8"))
t = time.perf_counter()
wb = xlsxwriter.Workbook(sys.argv[2])
ws = wb.add_worksheet("台账")
base = {"border": 1, "font_name": "Microsoft YaHei", "font_size": 10}
head = wb.add_format(dict(base, bold=True, bg_color="#DCE6F1", text_wrap=True))
cell = wb.add_format(base)
late = wb.add_format(dict(base, bg_color="#FDE2E2"))
for c, h in enumerate(rows[0]):
    ws.write_string(0, c, h, head)
for r, row in enumerate(rows[1:], start=1):
    f = late if row[-1] == "late" else cell
    for c, v in enumerate(row[:-1]):
        ws.write_string(r, c, v, f)
ws.freeze_panes(1, 1)
ws.autofilter(0, 0, len(rows) - 1, len(rows[0]) - 1)
wb.close()
print(time.perf_counter() - t)
"##;

fn main() {
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    for cases in [10_000usize, 100_000] {
        let mut l = Ledger::in_memory().expect("ledger");
        let t = Instant::now();
        l.demo(&DemoOptions {
            cases,
            months: 1,
            seed: 3,
        })
        .expect("demo");
        let made = t.elapsed().as_secs_f64();
        let month = l.now().format("%Y-%m").to_string();
        let p = Period::months(&month, &month).expect("period");
        let t = Instant::now();
        let s = l
            .summary(&p.from, &p.to, Lang::ZhCn, false)
            .expect("summary");
        let figures = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let bytes = summary_workbook(&s, &[], Lang::ZhCn).expect("workbook");
        let write = t.elapsed().as_secs_f64();
        let n = s.rows.len();
        let target = if cases <= 10_000 {
            "≤ 0.5 s"
        } else {
            "≤ 4 s"
        };
        println!(
            "| demo month of {cases} cases ({n} in the month) | {made:.1} s to generate | - |"
        );
        println!("| figures and rows of the month (deadlines, callbacks) | {figures:.2} s | - |");
        println!(
            "| the whole workbook written (7 sheets, charts), {} KB | {write:.2} s | - |",
            bytes.len() / 1024
        );
        println!(
            "| month export, figures + workbook | {:.2} s | {target} |",
            figures + write
        );
        match python(&s) {
            Ok(py) => println!(
                "| Python XlsxWriter, ledger sheet only (same rows) | {py:.2} s; this product's whole workbook is {:.1}× faster | ≥ 6× |",
                py / write
            ),
            Err(why) => println!("| Python XlsxWriter | skipped: {why} | ≥ 6× |"),
        }
    }
}

/// Python's time to write the same ledger rows, or why it could not run.
fn python(s: &desk_ledger::Summary) -> Result<f64, String> {
    let probe = Command::new("python3")
        .args(["-c", "import xlsxwriter"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(_) => return Err("python3 has no xlsxwriter (pip install xlsxwriter)".into()),
        Err(_) => return Err("no python3".into()),
    }
    let mut rows: Vec<Vec<String>> = vec![(0..20).map(|i| format!("列{i}")).collect()];
    for r in &s.rows {
        let c = &r.case;
        let mut row = vec![
            c.number.clone(),
            c.received_at.clone(),
            c.kind.as_str().into(),
            c.channel.clone(),
            c.complainant_name.clone(),
            c.complainant_phones.clone(),
            c.location(),
            c.content.chars().take(60).collect(),
            c.category_parent.clone().unwrap_or_default(),
            c.category_name.clone().unwrap_or_default(),
            String::new(),
            c.judgement.clone(),
            c.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
            c.department_name.clone().unwrap_or_default(),
            c.status.as_str().into(),
            r.completed.to_string(),
            c.finished_at.clone().unwrap_or_default(),
            format!("{:?}", r.on_time),
            format!("{:?}", r.callback),
            format!("{:?}", r.satisfaction),
        ];
        row.push(if r.on_time == Some(false) {
            "late".into()
        } else {
            String::new()
        });
        rows.push(row);
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data = dir.path().join("rows.json");
    let script = dir.path().join("write.py");
    std::fs::write(&data, serde_json::to_vec(&rows).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    std::fs::File::create(&script)
        .and_then(|mut f| f.write_all(PYTHON.as_bytes()))
        .map_err(|e| e.to_string())?;
    let out = Command::new("python3")
        .arg(&script)
        .arg(&data)
        .arg(dir.path().join("py.xlsx"))
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into());
    }
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| "no time from python".into())
}
