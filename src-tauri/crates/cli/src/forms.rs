//! `print` and `major`: parse, call desk-forms and the core, report.

use desk_forms::{prepare, record, send_to_printer, FormKind, Handed};
use desk_ledger::{Lang, Ledger, MajorReportInput};
use serde_json::json;

use crate::args::{MajorCmd, PrintArgs};
use crate::run::CliError;

type R = Result<(), CliError>;

pub fn print(l: &mut Ledger, who: &str, a: PrintArgs, lang: Lang, json: bool) -> R {
    let form = FormKind::parse(&a.form)?;
    let subject = match (form, a.date, a.subject) {
        (FormKind::SlipsOfDay, Some(d), _) | (_, _, Some(d)) => d,
        (FormKind::SlipsOfDay, None, None) => l.now().format("%Y-%m-%d").to_string(),
        (_, _, None) => {
            return Err(CliError::Usage {
                field: "subject",
                message: lang
                    .pick(
                        "请给出个案或转交单编号（投诉公布给出月份，如 2026-11）",
                        "請給出個案或轉交單編號（投訴公佈給出月份，如 2026-11）",
                        "give the case or slip number (the month, e.g. 2026-11, for a notice)",
                    )
                    .into(),
            })
        }
    };
    let p = prepare(l, who, form, &subject)?;
    if !p.missing.is_empty() {
        let chars: String = p.missing.iter().collect();
        eprintln!(
            "{} {chars}",
            lang.pick(
                "注意：字体缺少以下字符，已印为〓：",
                "注意：字型缺少以下字元，已印為〓：",
                "note: the font lacks these characters, printed as 〓:"
            )
        );
    }
    let (path, output, handed) = match &a.output {
        Some(path) => {
            desk_reports::save_file(path, &p.bytes).map_err(|e| CliError::Usage {
                field: "output",
                message: format!("{}: {e}", path.display()),
            })?;
            (path.clone(), "save", None)
        }
        None => {
            let (path, handed) = send_to_printer(&p, a.printer.as_deref())?;
            (path, "print", Some(handed))
        }
    };
    let opened = handed == Some(Handed::OpenedInReader);
    record(l, who, &p, output)?;
    if json {
        println!(
            "{}",
            json!({
                "file": path.display().to_string(),
                "form": form.as_str(),
                "subject": p.printing.subject,
                "revision": p.printing.revision,
                "pages": p.pages,
                "output": output,
                "opened_in_reader": opened,
                "missing": p.missing.iter().collect::<String>(),
            })
        );
    } else {
        let what = if opened {
            lang.pick(
                "没有程序能直接打印 PDF，已在 PDF 阅读器中打开，请在其中打印：",
                "沒有程式能直接列印 PDF，已在 PDF 閱讀器中開啟，請在其中列印：",
                "no program prints a PDF directly; opened in the PDF reader to print from there:",
            )
        } else if output == "print" {
            lang.pick("已送打印机", "已送印表機", "sent to the printer")
        } else {
            lang.pick("已写入", "已寫入", "wrote")
        };
        println!(
            "{what} {} ({} {})",
            path.display(),
            p.pages,
            lang.pick("页", "頁", "page(s)")
        );
    }
    Ok(())
}

pub fn major(l: &mut Ledger, who: &str, c: MajorCmd, lang: Lang, json: bool) -> R {
    let report = match c {
        MajorCmd::Save {
            number,
            cause,
            process,
            lessons,
            measures,
            submit,
        } => l.save_major_report(
            who,
            &number,
            &MajorReportInput {
                cause,
                process,
                lessons,
                measures,
                submit,
            },
        )?,
        MajorCmd::Approve { number } => l.approve_major_report(who, &number)?,
        MajorCmd::Show { number } => match l.major_report(&number)? {
            Some(r) => r,
            None => {
                return Err(desk_ledger::LedgerError::NotFound {
                    what: "major_report",
                    key: number,
                }
                .into())
            }
        },
    };
    if json {
        println!("{}", serde_json::to_string(&report).unwrap_or_default());
    } else {
        let status = serde_json::to_value(report.status).unwrap_or_default();
        println!(
            "{} {}",
            report.case_number,
            status.as_str().unwrap_or_default()
        );
        for (word, text) in [
            ("cause", &report.cause),
            ("process", &report.process),
            ("lessons", &report.lessons),
            ("measures", &report.measures),
        ] {
            println!("{}: {text}", desk_ledger::i18n::label(word, lang));
        }
    }
    Ok(())
}
