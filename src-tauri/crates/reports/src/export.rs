//! What the CLI and the app call: a period's workbook or CSV straight from the ledger.

use desk_calendar::Lang;
use desk_ledger::validate::month_range;
use desk_ledger::Ledger;

use crate::error::Result;
use crate::{ledger_csv, summary_workbook};

/// A period of whole months, "2026-07" to "2026-12" inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: String,
    pub to: String,
    /// Each month's first day and the next month's first day.
    pub months: Vec<(String, String)>,
}

impl Period {
    pub fn months(first: &str, last: &str) -> Result<Period> {
        let (from, _) = month_range("from", first)?;
        let (last_start, to) = month_range("to", last)?;
        if last_start < from {
            return Err(desk_ledger::LedgerError::Invalid {
                field: "to",
                problem: desk_ledger::Problem::BadTime,
                value: last.into(),
            }
            .into());
        }
        let mut months = Vec::new();
        let mut m = from;
        while m < to {
            let (a, b) = month_range("from", &m.format("%Y-%m").to_string())?;
            months.push((a.to_string(), b.to_string()));
            m = b;
        }
        Ok(Period {
            from: from.to_string(),
            to: to.to_string(),
            months,
        })
    }

    /// "2026-11" for one month, "2026-07_2026-12" for a range: for suggested file names.
    pub fn slug(&self) -> String {
        let first = &self.months[0].0[..7];
        let last = &self.months[self.months.len() - 1].0[..7];
        if first == last {
            first.to_string()
        } else {
            format!("{first}_{last}")
        }
    }
}

/// Writes beside the target and renames, so a failed export never leaves half a file;
/// creates the folder when it is missing.
pub fn save_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

impl Period {
    /// The file name an export of this period suggests: office, period, anonymized or
    /// not, and the format's extension.
    pub fn file_name(&self, office: &str, csv: bool, anonymized: bool, lang: Lang) -> String {
        let tag = if anonymized {
            lang.pick("_脱敏", "_去識別", "_anonymized")
        } else {
            ""
        };
        let ext = if csv { "csv" } else { "xlsx" };
        format!("{office}_{}{tag}.{ext}", self.slug())
    }
}

/// The summary workbook of a period; a range of more than one month gets the
/// month-by-month trend sheet.
pub fn period_workbook(l: &Ledger, p: &Period, lang: Lang, anonymized: bool) -> Result<Vec<u8>> {
    let summary = l.summary(&p.from, &p.to, lang, anonymized)?;
    let trend = if p.months.len() > 1 {
        p.months
            .iter()
            .map(|(a, b)| l.figures(a, b))
            .collect::<desk_ledger::Result<Vec<_>>>()?
    } else {
        Vec::new()
    };
    summary_workbook(&summary, &trend, lang)
}

/// The period's ledger as CSV (names and phones left out when `anonymized`).
pub fn period_csv(l: &Ledger, p: &Period, lang: Lang, anonymized: bool) -> Result<String> {
    let mut rows = l.summary_rows(&p.from, &p.to)?;
    if anonymized {
        for r in &mut rows {
            desk_ledger::anonymize(&mut r.case);
        }
    }
    Ok(ledger_csv(&rows, lang))
}

/// Makes the period's workbook (or CSV), writes it to `path` and records the export in
/// the access log (who, which period, with or without personal data): the one way the
/// CLI and the app export.
pub fn export_period(
    l: &mut Ledger,
    by: Option<&str>,
    p: &Period,
    csv: bool,
    lang: Lang,
    anonymized: bool,
    path: &std::path::Path,
) -> Result<()> {
    let bytes = if csv {
        period_csv(l, p, lang, anonymized)?.into_bytes()
    } else {
        period_workbook(l, p, lang, anonymized)?
    };
    save_file(path, &bytes).map_err(|e| crate::ReportError::file(path, e.to_string()))?;
    let detail = desk_ledger::access_facts(&[
        ("format", if csv { "csv" } else { "xlsx" }.to_string()),
        (
            "personal_data",
            if anonymized { "anonymized" } else { "included" }.to_string(),
        ),
    ]);
    l.log_access(
        by,
        "export",
        &format!("{} → {}", p.slug(), path.display()),
        &detail,
    )?;
    Ok(())
}
