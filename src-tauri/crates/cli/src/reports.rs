//! `export`, `consolidate` and `import`: parse, call desk-reports and the core, report.

use std::path::Path;

use desk_ledger::{AccessFilter, Lang, Ledger};
use desk_reports::{access_log_csv, export_period, read_units, Period};
use serde_json::json;

use crate::args::{AccessLogArgs, ExportCmd, ImportCmd};
use crate::run::CliError;

type R = Result<(), CliError>;

fn write_file(path: &Path, bytes: &[u8]) -> R {
    desk_reports::save_file(path, bytes).map_err(|e| CliError::Usage {
        field: "output",
        message: format!("{}: {e}", path.display()),
    })
}

fn done(json: bool, lang: Lang, path: &Path, what: &str, extra: serde_json::Value) {
    if json {
        let mut v = json!({ "file": path.display().to_string(), "what": what });
        if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        println!("{v}");
    } else {
        println!(
            "{} {}",
            lang.pick("已写入", "已寫入", "wrote"),
            path.display()
        );
    }
}

/// Writes the export and records it in the access log (`by` None: no `--as` given).
pub fn export(l: &mut Ledger, by: Option<&str>, c: ExportCmd, lang: Lang, json: bool) -> R {
    let (p, csv, anonymized, output, what) = match c {
        ExportCmd::Month {
            month,
            output,
            anonymized,
        } => (
            Period::months(&month, &month)?,
            false,
            anonymized,
            output,
            "month",
        ),
        ExportCmd::Range {
            from,
            to,
            output,
            anonymized,
        } => (
            Period::months(&from, &to)?,
            false,
            anonymized,
            output,
            "range",
        ),
        ExportCmd::Csv {
            from,
            to,
            output,
            anonymized,
        } => {
            let p = Period::months(&from, to.as_deref().unwrap_or(&from))?;
            (p, true, anonymized, output, "csv")
        }
    };
    export_period(l, by, &p, csv, lang, anonymized, &output)?;
    done(
        json,
        lang,
        &output,
        what,
        json!({ "period": p.slug(), "anonymized": anonymized }),
    );
    Ok(())
}

/// The access log (supervisors): shown, or written as CSV with `--csv FILE`.
pub fn access_log(l: &mut Ledger, by: &str, a: AccessLogArgs, lang: Lang, json: bool) -> R {
    let f = AccessFilter {
        from: a.from,
        to: a.to,
        staff: a.staff,
        action: a.action,
        limit: a.limit,
        offset: 0,
    };
    match a.csv {
        Some(path) => {
            let rows = l.access_log_export(by, &f, lang)?;
            write_file(&path, access_log_csv(&rows, lang).as_bytes())?;
            done(
                json,
                lang,
                &path,
                "access_log",
                json!({ "rows": rows.len() }),
            );
        }
        None => {
            let page = l.access_log(by, &f, lang)?;
            if json {
                println!("{}", serde_json::to_string(&page).unwrap_or_default());
            } else {
                for r in &page.rows {
                    println!(
                        "{}  {:<8} {:<6} {:<10} {:<14} {}  {}",
                        r.at,
                        r.staff_code,
                        r.staff_name,
                        r.account,
                        desk_ledger::i18n::label(&r.action, lang),
                        r.subject,
                        r.detail
                    );
                }
                println!("{} {}", page.total, lang.pick("条", "筆", "entries"));
            }
        }
    }
    Ok(())
}

pub fn consolidate(files: &[std::path::PathBuf], output: &Path, lang: Lang, json: bool) -> R {
    let (bytes, metas) = desk_reports::consolidate(files, lang)?;
    write_file(output, &bytes)?;
    let offices: Vec<&str> = metas.iter().map(|m| m.office_name.as_str()).collect();
    if !json {
        println!(
            "{}: {}",
            lang.pick("已汇总", "已匯總", "merged"),
            offices.join("、")
        );
    }
    done(
        json,
        lang,
        output,
        "consolidated",
        json!({ "offices": offices }),
    );
    Ok(())
}

/// "building=1,room=3" (columns counted from 1) → (field, index from 0).
fn mapping(s: Option<&str>, lang: Lang) -> Result<Vec<(String, usize)>, CliError> {
    let Some(s) = s else { return Ok(Vec::new()) };
    s.split(',')
        .map(|part| {
            let (f, c) = part.split_once('=').unwrap_or((part, ""));
            match c.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Ok((f.trim().to_string(), n - 1)),
                _ => Err(CliError::Usage {
                    field: "map",
                    message: match lang {
                        Lang::En => {
                            format!("--map {part}: e.g. building=1,room=3 (1 = the first column)")
                        }
                        Lang::ZhCn => {
                            format!("--map {part}：请写成 building=1,room=3（1 为第一列）")
                        }
                        Lang::ZhTw => {
                            format!("--map {part}：請寫成 building=1,room=3（1 為第一欄）")
                        }
                    },
                }),
            }
        })
        .collect()
}

pub fn import(l: &mut Ledger, by: &str, c: ImportCmd, lang: Lang, json: bool) -> R {
    let ImportCmd::Units { file, map, dry_run } = c;
    let area = l.setting("area_code")?;
    let preview = read_units(&file, &mapping(map.as_deref(), lang)?, &area, lang)?;
    let units = preview.units_to_import(&file, lang)?;
    if dry_run {
        if json {
            println!("{}", json!({ "rows": units.len(), "dry_run": true }));
        } else {
            println!(
                "{} {}",
                units.len(),
                lang.pick(
                    "行可以导入（未写入）",
                    "列可以匯入（未寫入）",
                    "rows can be imported (nothing written)"
                )
            );
        }
        return Ok(());
    }
    let n = l.import_units(by, &units)?;
    if json {
        println!("{}", serde_json::to_string(&n).unwrap_or_default());
    } else {
        println!(
            "{} {}，{} {}，{} {}",
            lang.pick("新增", "新增", "added"),
            n.added,
            lang.pick("更新", "更新", "updated"),
            n.updated,
            lang.pick("未变", "未變", "unchanged"),
            n.unchanged
        );
    }
    Ok(())
}
