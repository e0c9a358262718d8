//! `cargo bench -p desk-forms`: one transfer slip rendered in-process and a day's 100
//! slips in one PDF, side by side with the status quo — LibreOffice converting an
//! equivalent .docx slip to PDF (skipped with a message where LibreOffice is absent).
//! Prints a table.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use desk_forms::{prepare, FormKind};
use desk_ledger::{Clock, Ledger, NewCase, TransferInput};

fn office(slips: usize) -> (Ledger, Vec<String>) {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(Clock::Fixed(
        chrono::NaiveDateTime::parse_from_str("2026-11-22 17:30", "%Y-%m-%d %H:%M").expect("time"),
    ));
    l.init("华信物业服务有限公司", "东区管理处", "c1", "李接待")
        .expect("init");
    let mut numbers = Vec::new();
    for i in 0..slips {
        let case = l
            .register(
                "c1",
                &NewCase {
                    kind: "complaint".into(),
                    channel: "phone".into(),
                    complainant_name: format!("业主{i}"),
                    phones: format!("1381234{:04}", i),
                    building: format!("{}栋", i % 12 + 1),
                    room: format!("{}", 101 + i),
                    content: "卫生间天花板漏水，楼上住户不在家，已影响吊顶和灯具，请尽快处理。"
                        .into(),
                    demand: "尽快修复并赔偿损失".into(),
                    category: Some("B04".into()),
                    received_at: Some("2026-11-22 09:00".into()),
                    ..Default::default()
                },
            )
            .expect("register")
            .number;
        let slip = l
            .transfer(
                "c1",
                &case,
                &TransferInput {
                    to_department: "engineering".into(),
                    summary: "卫生间天花板漏水".into(),
                    requirement: "今日上门查看楼上管道并回复处理方案".into(),
                    transferred_at: Some(format!("2026-11-22 {:02}:{:02}", 9 + i / 60 % 8, i % 60)),
                    ..Default::default()
                },
            )
            .expect("transfer")
            .number;
        numbers.push(slip);
    }
    (l, numbers)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let (l, slips) = office(100);
    println!("| measurement | result | target |");
    println!("|---|---|---|");
    let t = Instant::now();
    let first = prepare(&l, "c1", FormKind::Slip, &slips[0]).expect("slip");
    println!(
        "| first slip of the process (reads and parses the 20 MB font) | {:.0} ms | - |",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let runs: Vec<f64> = (0..30)
        .map(|i| {
            let t = Instant::now();
            prepare(&l, "c1", FormKind::Slip, &slips[i % slips.len()]).expect("slip");
            t.elapsed().as_secs_f64()
        })
        .collect();
    let one = median(runs);
    println!(
        "| one transfer slip, in-process (median of 30), {} KB | {:.1} ms | - |",
        first.bytes.len() / 1024,
        one * 1000.0
    );
    let t = Instant::now();
    let day = prepare(&l, "c1", FormKind::SlipsOfDay, "2026-11-22").expect("day");
    let batch = t.elapsed().as_secs_f64();
    println!(
        "| the day's {} slips in one PDF ({} pages, {} KB) | {batch:.2} s | ≤ 0.5 s |",
        slips.len(),
        day.pages,
        day.bytes.len() / 1024
    );
    match libreoffice(&l, &slips[0]) {
        Ok(lo) => println!(
            "| LibreOffice converting an equivalent .docx slip (warm, median of 3) | {:.2} s; in-process is {:.0}× faster | ≥ 100× |",
            lo,
            lo / one
        ),
        Err(why) => println!("| LibreOffice .docx → PDF | skipped: {why} | ≥ 100× |"),
    }
}

/// The same slip as the clerks' Word template: a titled table with every field and the
/// signature lines, made into a .docx once, then timed converting to PDF.
fn libreoffice(l: &Ledger, slip: &str) -> Result<f64, String> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .ok_or("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")?;
    let s = l.slip(slip).map_err(|e| e.to_string())?;
    let c = l.case(&s.case_number).map_err(|e| e.to_string())?;
    let rows = [
        ("转交单号", s.number.as_str(), "个案编号", c.number.as_str()),
        (
            "投诉人",
            c.complainant_name.as_str(),
            "联系电话",
            c.complainant_phones.as_str(),
        ),
        ("位置", &c.location(), "", ""),
        ("投诉内容", c.content.as_str(), "", ""),
        (
            "转交事项",
            s.summary.as_str(),
            "处理要求",
            s.requirement.as_str(),
        ),
        (
            "接收部门",
            s.to_department_name.as_str(),
            "转交时间",
            s.transferred_at.as_str(),
        ),
        ("回复期限", s.reply_due.as_deref().unwrap_or(""), "", ""),
    ]
    .iter()
    .map(|(a, b, c, d)| format!("<tr><th>{a}</th><td>{b}</td><th>{c}</th><td>{d}</td></tr>"))
    .collect::<String>();
    let html = format!(
        "<html><head><meta charset='utf-8'></head><body style='font-family:Noto Sans CJK SC'>\
         <p align='center'>华信物业服务有限公司 东区管理处</p><h2 align='center'>顾客投诉转交签认单</h2>\
         <table border='1' cellspacing='0' width='100%'>{rows}</table>\
         <p>转交人（签名）：__________ 日期/时间：__________</p>\
         <p>接收人签认：__________ 日期/时间：__________</p>\
         <table border='1' width='100%'><tr><th>处理结果回馈</th><td height='160'></td></tr></table>\
         </body></html>"
    );
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let run = |args: &[&str]| -> Result<f64, String> {
        let t = Instant::now();
        let out = Command::new(soffice)
            .arg(&profile)
            .args(["--headless", "--norestore"])
            .args(args)
            .arg("--outdir")
            .arg(dir.path())
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into());
        }
        Ok(t.elapsed().as_secs_f64())
    };
    let html_path = dir.path().join("slip.html");
    std::fs::write(&html_path, html).map_err(|e| e.to_string())?;
    let docx = dir.path().join("slip.docx");
    run(&[
        "--convert-to",
        "docx:MS Word 2007 XML",
        &html_path.display().to_string(),
    ])?;
    if !Path::new(&docx).exists() {
        return Err("LibreOffice made no .docx".into());
    }
    let docx = docx.display().to_string();
    // The first conversion sets up the profile; the clerk's LibreOffice is warm.
    run(&["--convert-to", "pdf", &docx])?;
    let times = (0..3)
        .map(|_| run(&["--convert-to", "pdf", &docx]))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(median(times))
}
