//! The company summary: several offices' monthly workbooks (as exported by this
//! product, anonymized or not) merged into one, an office a column and totals beside.
//! Rates are recomputed from the summed numerators and denominators, never averaged.

use std::collections::BTreeSet;
use std::path::PathBuf;

use desk_calendar::Lang;
use desk_ledger::Rate;
use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook};

use crate::error::{ReportError, Result};
use crate::labels::{dimension, rate, sheet};
use crate::meta::{read_meta, Meta};

/// Reads and checks every file, then writes the company workbook. Refused, naming the
/// file: a workbook this product did not write, one of another period than the first,
/// the same office twice.
pub fn consolidate(files: &[PathBuf], lang: Lang) -> Result<(Vec<u8>, Vec<Meta>)> {
    let mut metas: Vec<Meta> = Vec::new();
    for file in files {
        let m = read_meta(file, lang)?;
        if let Some(first) = metas.first() {
            if (m.from.as_str(), m.to.as_str()) != (first.from.as_str(), first.to.as_str()) {
                return Err(ReportError::file(
                    file,
                    match lang {
                        Lang::En => format!(
                            "covers {} to {}, not the same period as {} ({} to {})",
                            m.from, m.to, first.office_name, first.from, first.to
                        ),
                        Lang::ZhCn => format!(
                            "是 {} 至 {} 的数据，与 {}（{} 至 {}）不是同一期间",
                            m.from, m.to, first.office_name, first.from, first.to
                        ),
                        Lang::ZhTw => format!(
                            "是 {} 至 {} 的資料，與 {}（{} 至 {}）不是同一期間",
                            m.from, m.to, first.office_name, first.from, first.to
                        ),
                    },
                ));
            }
        }
        if metas
            .iter()
            .any(|o| o.office_name == m.office_name && o.office_code == m.office_code)
        {
            return Err(ReportError::file(
                file,
                match lang {
                    Lang::En => format!("{} is already included", m.office_name),
                    Lang::ZhCn => format!("{} 的数据已经加入过一次", m.office_name),
                    Lang::ZhTw => format!("{} 的資料已經加入過一次", m.office_name),
                },
            ));
        }
        metas.push(m);
    }
    let bytes = write(&metas, lang)?;
    Ok((bytes, metas))
}

fn write(metas: &[Meta], lang: Lang) -> Result<Vec<u8>> {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("Microsoft YaHei")
        .set_font_size(10);
    let head = cell
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xDCE6F1))
        .set_text_wrap();
    let pct = cell.clone().set_num_format("0.0%");
    let mut wb = Workbook::new();
    let total_label = lang.pick("合计", "合計", "Total");
    let company = metas
        .first()
        .map(|m| m.company_name.clone())
        .unwrap_or_default();
    let period = metas
        .first()
        .map(|m| format!("{} – {}", m.from, m.to))
        .unwrap_or_default();
    let title = format!(
        "{company} {period} {}",
        lang.pick("投诉汇总", "投訴匯總", "consolidated complaints")
    );

    let ws = wb.add_worksheet();
    ws.set_name(sheet("offices", lang))?;
    ws.write_string_with_format(0, 0, lang.pick("项目", "項目", "Item"), &head)?;
    ws.set_column_width(0, 26)?;
    for (i, m) in metas.iter().enumerate() {
        ws.write_string_with_format(0, i as u16 + 1, &m.office_name, &head)?;
        ws.set_column_width(i as u16 + 1, 14)?;
    }
    let tc = metas.len() as u16 + 1;
    ws.write_string_with_format(0, tc, total_label, &head)?;
    let mut row = 1u32;
    let totals = ["total", "complaints", "requests", "closed"];
    let total_names = [
        lang.pick("受理件数", "受理件數", "Cases received"),
        lang.pick("投诉", "投訴", "Complaints"),
        lang.pick("需求", "需求", "Requests"),
        lang.pick("已结案", "已結案", "Closed"),
    ];
    for (key, name) in totals.iter().zip(total_names) {
        ws.write_string_with_format(row, 0, name, &cell)?;
        let mut sum = 0;
        for (i, m) in metas.iter().enumerate() {
            let v = m.totals.iter().find(|t| t.0 == *key).map_or(0, |t| t.1);
            sum += v;
            ws.write_number_with_format(row, i as u16 + 1, v as f64, &cell)?;
        }
        ws.write_number_with_format(row, tc, sum as f64, &cell)?;
        row += 1;
    }
    // Every rate any office's export carries: one made by an earlier version may lack a
    // rate added since, and shows a dash there instead of hiding the rate for all.
    let mut keys: Vec<String> = Vec::new();
    for (k, _, _) in metas.iter().flat_map(|m| &m.rates) {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    for key in &keys {
        ws.write_string_with_format(row, 0, rate(key, lang), &cell)?;
        let (mut n, mut d) = (0, 0);
        for (i, m) in metas.iter().enumerate() {
            let r = m.rates.iter().find(|r| &r.0 == key).copied_rate();
            n += r.numerator;
            d += r.denominator;
            put_rate(ws, row, i as u16 + 1, &r, &cell, &pct)?;
        }
        put_rate(ws, row, tc, &Rate::of(key, n, d), &cell, &pct)?;
        row += 1;
    }
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{}&R&P / &N", title.replace('&', "&&")));

    // Counts by each dimension: every label any office has, an office a column.
    let ws = wb.add_worksheet();
    ws.set_name(sheet("statistics", lang))?;
    ws.set_column_width(0, 30)?;
    let mut row = 0u32;
    let dims: Vec<String> = {
        let mut seen = Vec::new();
        for m in metas {
            for (d, _, _) in &m.counts {
                if !seen.contains(d) {
                    seen.push(d.clone());
                }
            }
        }
        seen
    };
    for d in &dims {
        ws.write_string_with_format(row, 0, dimension(d, lang), &head)?;
        for (i, m) in metas.iter().enumerate() {
            ws.write_string_with_format(row, i as u16 + 1, &m.office_name, &head)?;
        }
        ws.write_string_with_format(row, tc, total_label, &head)?;
        row += 1;
        let labels: BTreeSet<&String> = metas
            .iter()
            .flat_map(|m| m.counts.iter().filter(|c| &c.0 == d).map(|c| &c.1))
            .collect();
        for label in labels {
            ws.write_string_with_format(row, 0, label, &cell)?;
            let mut sum = 0;
            for (i, m) in metas.iter().enumerate() {
                let v = m
                    .counts
                    .iter()
                    .find(|c| &c.0 == d && &c.1 == label)
                    .map_or(0, |c| c.2);
                sum += v;
                ws.write_number_with_format(row, i as u16 + 1, v as f64, &cell)?;
            }
            ws.write_number_with_format(row, tc, sum as f64, &cell)?;
            row += 1;
        }
        row += 1;
    }
    ws.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(&title)
            .set_company(&company)
            .set_comment(desk_ledger::about::made_by())
            .set_custom_property("generator", desk_ledger::about::made_by().as_str()),
    );
    Ok(wb.save_to_buffer()?)
}

trait CopiedRate {
    fn copied_rate(self) -> Rate;
}

impl CopiedRate for Option<&(String, i64, i64)> {
    fn copied_rate(self) -> Rate {
        match self {
            Some((k, n, d)) => Rate::of(k, *n, *d),
            None => Rate::of("", 0, 0),
        }
    }
}

fn put_rate(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    r: &Rate,
    cell: &Format,
    pct: &Format,
) -> Result<()> {
    match r.value {
        Some(v) => ws.write_number_with_format(row, col, v, pct)?,
        None => ws.write_string_with_format(row, col, "—", cell)?,
    };
    Ok(())
}
