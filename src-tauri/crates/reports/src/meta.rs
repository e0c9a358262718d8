//! What consolidation needs to trust and merge a workbook, kept in a hidden sheet of
//! every summary this product writes: who made it, for which office and period, and the
//! figures as numbers (so nothing has to be read back from the laid-out sheets).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use desk_calendar::Lang;
use desk_ledger::{Rate, Summary};
use rust_xlsxwriter::Worksheet;

use crate::error::{ReportError, Result};

pub const PRODUCT: &str = desk_ledger::about::PRODUCT;
pub const META_SHEET: &str = "_complaint_desk";
const FORMAT: f64 = 1.0;

/// The figures of one office and period as numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub office_name: String,
    pub office_code: String,
    pub company_name: String,
    pub from: String,
    pub to: String,
    pub anonymized: bool,
    pub version: String,
    /// total, complaints, requests, closed
    pub totals: Vec<(String, i64)>,
    /// key, numerator, denominator
    pub rates: Vec<(String, i64, i64)>,
    /// dimension, label, count
    pub counts: Vec<(String, String, i64)>,
}

impl Meta {
    pub fn of(s: &Summary) -> Meta {
        let f = &s.figures;
        Meta {
            office_name: s.office_name.clone(),
            office_code: s.office_code.clone(),
            company_name: s.company_name.clone(),
            from: s.from.clone(),
            to: s.to.clone(),
            anonymized: s.anonymized,
            version: desk_ledger::about::VERSION.into(),
            totals: vec![
                ("total".into(), f.total),
                ("complaints".into(), f.complaints),
                ("requests".into(), f.requests),
                ("closed".into(), f.closed),
            ],
            rates: f
                .rates
                .iter()
                .map(|r| (r.key.clone(), r.numerator, r.denominator))
                .collect(),
            counts: s
                .breakdowns
                .iter()
                .flat_map(|b| {
                    b.counts
                        .iter()
                        .map(|c| (b.dimension.to_string(), c.label.clone(), c.count))
                })
                .collect(),
        }
    }

    /// The rates rebuilt with their targets (the same definitions as the core's).
    pub fn rate_values(&self) -> Vec<Rate> {
        self.rates
            .iter()
            .map(|(k, n, d)| Rate::of(k, *n, *d))
            .collect()
    }

    pub fn write(&self, ws: &mut Worksheet) -> Result<()> {
        ws.set_name(META_SHEET)?.set_hidden(true);
        let mut row = 0u32;
        let mut put = |ws: &mut Worksheet,
                       key: &str,
                       a: &str,
                       b: Option<f64>,
                       c: Option<f64>|
         -> Result<()> {
            ws.write_string(row, 0, key)?;
            ws.write_string(row, 1, a)?;
            if let Some(b) = b {
                ws.write_number(row, 2, b)?;
            }
            if let Some(c) = c {
                ws.write_number(row, 3, c)?;
            }
            row += 1;
            Ok(())
        };
        put(ws, "product", PRODUCT, Some(FORMAT), None)?;
        put(ws, "version", &self.version, None, None)?;
        put(ws, "office_name", &self.office_name, None, None)?;
        put(ws, "office_code", &self.office_code, None, None)?;
        put(ws, "company_name", &self.company_name, None, None)?;
        put(ws, "from", &self.from, None, None)?;
        put(ws, "to", &self.to, None, None)?;
        put(
            ws,
            "anonymized",
            if self.anonymized { "yes" } else { "no" },
            None,
            None,
        )?;
        for (k, v) in &self.totals {
            put(ws, "total", k, Some(*v as f64), None)?;
        }
        for (k, n, d) in &self.rates {
            put(ws, "rate", k, Some(*n as f64), Some(*d as f64))?;
        }
        for (dim, label, n) in &self.counts {
            put(ws, &format!("count:{dim}"), label, Some(*n as f64), None)?;
        }
        Ok(())
    }
}

/// Reads the hidden sheet of a workbook this product wrote; refuses anything else.
pub fn read_meta(path: &Path, lang: Lang) -> Result<Meta> {
    let not_ours = || {
        ReportError::file(
            path,
            lang.pick(
                "不是本系统导出的月度汇总工作簿",
                "不是本系統匯出的月度匯總活頁簿",
                "is not a monthly summary exported by Complaint Desk",
            ),
        )
    };
    let mut wb = open_workbook_auto(path).map_err(|_| not_ours())?;
    let range = wb.worksheet_range(META_SHEET).map_err(|_| not_ours())?;
    let text = |d: &Data| match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    };
    let num = |d: Option<&Data>| match d {
        Some(Data::Float(f)) => *f as i64,
        Some(Data::Int(i)) => *i,
        _ => 0,
    };
    let mut m = Meta {
        office_name: String::new(),
        office_code: String::new(),
        company_name: String::new(),
        from: String::new(),
        to: String::new(),
        anonymized: false,
        version: String::new(),
        totals: Vec::new(),
        rates: Vec::new(),
        counts: Vec::new(),
    };
    let mut product = false;
    for row in range.rows() {
        let key = row.first().map(text).unwrap_or_default();
        let a = row.get(1).map(text).unwrap_or_default();
        match key.as_str() {
            "product" => product = a == PRODUCT,
            "version" => m.version = a,
            "office_name" => m.office_name = a,
            "office_code" => m.office_code = a,
            "company_name" => m.company_name = a,
            "from" => m.from = a,
            "to" => m.to = a,
            "anonymized" => m.anonymized = a == "yes",
            "total" => m.totals.push((a, num(row.get(2)))),
            "rate" => m.rates.push((a, num(row.get(2)), num(row.get(3)))),
            k if k.starts_with("count:") => {
                m.counts.push((k[6..].to_string(), a, num(row.get(2))));
            }
            _ => {}
        }
    }
    if !product || m.office_name.is_empty() {
        return Err(not_ours());
    }
    Ok(m)
}
