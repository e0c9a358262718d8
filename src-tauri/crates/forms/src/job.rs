//! From a request ("the slip ZJ-202611-0012") to PDF bytes and a line in the print log.

use desk_ledger::model::CaseFile;
use desk_ledger::{Ledger, Printing};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::doc::FormDoc;
use crate::error::Result;
use crate::fonts::Script;
use crate::forms;
use crate::sheet::{render, Masthead};

/// The printable forms (and the day's slips in one file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    Registration,
    Slip,
    Callback,
    MajorReport,
    Notice,
    SlipsOfDay,
}

impl FormKind {
    pub const ALL: &'static [FormKind] = &[
        FormKind::Registration,
        FormKind::Slip,
        FormKind::Callback,
        FormKind::MajorReport,
        FormKind::Notice,
        FormKind::SlipsOfDay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::Registration => "registration",
            FormKind::Slip => "slip",
            FormKind::Callback => "callback",
            FormKind::MajorReport => "major_report",
            FormKind::Notice => "notice",
            FormKind::SlipsOfDay => "slips",
        }
    }

    /// Whether this form can be printed for the case: a slip once one was issued, the
    /// major-complaint report for a major complaint; the notice and the day's slips are
    /// not forms of one case.
    pub fn applies_to(self, f: &CaseFile) -> bool {
        match self {
            FormKind::Registration | FormKind::Callback => true,
            FormKind::Slip => !f.slips.is_empty(),
            FormKind::MajorReport => f.case.owes_major_report(),
            FormKind::Notice | FormKind::SlipsOfDay => false,
        }
    }

    /// The forms the case screen offers to print.
    pub fn for_case(f: &CaseFile) -> Vec<FormKind> {
        FormKind::ALL
            .iter()
            .copied()
            .filter(|k| k.applies_to(f))
            .collect()
    }

    /// Accepts the word, a short form (`major`) or the Chinese name.
    pub fn parse(s: &str) -> Result<FormKind> {
        let t = s.trim().to_ascii_lowercase().replace('-', "_");
        let k = match t.as_str() {
            "registration" | "register" | "登记表" | "登記表" => FormKind::Registration,
            "slip" | "transfer_slip" | "转交单" | "轉交單" => FormKind::Slip,
            "callback" | "回访" | "回訪" => FormKind::Callback,
            "major_report" | "major" | "重大投诉报告" | "重大投訴報告" => {
                FormKind::MajorReport
            }
            "notice" | "public_notice" | "投诉公布" | "投訴公佈" => FormKind::Notice,
            "slips" | "slips_of_day" => FormKind::SlipsOfDay,
            _ => {
                return Err(desk_ledger::LedgerError::Invalid {
                    field: "form",
                    problem: desk_ledger::Problem::BadChoice {
                        allowed: "registration, slip, callback, major_report, notice, slips".into(),
                    },
                    value: s.trim().into(),
                }
                .into())
            }
        };
        Ok(k)
    }
}

/// A rendered document ready to show, print or save.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font lacks, printed as 〓: the user is told.
    pub missing: Vec<char>,
    /// What the print log records when it is printed or saved.
    pub printing: Printing,
    /// A suggested file name, e.g. `转交单-ZJ-202611-0012-r2.pdf`.
    pub file_name: String,
}

/// The forms' script: the `form_script` setting, else the desk's language.
pub fn script_of(ledger: &Ledger) -> Result<Script> {
    Ok(match ledger.setting("form_script")?.as_str() {
        "traditional" => Script::Traditional,
        "simplified" => Script::Simplified,
        _ if ledger.setting("language")? == "zh-TW" => Script::Traditional,
        _ => Script::Simplified,
    })
}

fn build(
    ledger: &Ledger,
    form: FormKind,
    subject: &str,
    script: Script,
) -> Result<(Vec<FormDoc>, Vec<String>, bool)> {
    let subject = subject.trim();
    Ok(match form {
        FormKind::Registration => {
            let f = ledger.case_file(subject)?;
            (
                vec![forms::registration(&f, script)],
                vec![f.case.number],
                true,
            )
        }
        FormKind::Callback => {
            let f = ledger.case_file(subject)?;
            (
                vec![forms::callback_record(&f, script)],
                vec![f.case.number],
                true,
            )
        }
        FormKind::MajorReport => {
            let f = ledger.case_file(subject)?;
            if !FormKind::MajorReport.applies_to(&f) {
                return Err(desk_ledger::LedgerError::Invalid {
                    field: "level",
                    problem: desk_ledger::Problem::NotAllowed {
                        why: desk_ledger::Why::OnlyMajorHasReport,
                    },
                    value: f.case.number.clone(),
                }
                .into());
            }
            (
                vec![forms::major_report(&f, script)],
                vec![f.case.number],
                true,
            )
        }
        FormKind::Slip => {
            // A slip number, or a case number for that case's latest slip.
            let slip = match ledger.slip(subject) {
                Ok(s) => s,
                Err(e) => {
                    let f = ledger.case_file(subject).map_err(|_| e)?;
                    let Some(last) = f.slips.last() else {
                        return Err(desk_ledger::LedgerError::NotFound {
                            what: "slip",
                            key: subject.into(),
                        }
                        .into());
                    };
                    last.clone()
                }
            };
            let case = ledger.case(&slip.case_number)?;
            (
                vec![forms::transfer_slip(&slip, &case, script)],
                vec![case.number],
                true,
            )
        }
        FormKind::SlipsOfDay => {
            desk_ledger::validate::date("date", subject)?;
            let slips = desk_ledger::slips_on(ledger.connection(), subject)?;
            let mut docs = Vec::with_capacity(slips.len());
            let mut cases = Vec::with_capacity(slips.len());
            for s in &slips {
                let case = ledger.case(&s.case_number)?;
                docs.push(forms::transfer_slip(s, &case, script));
                if !cases.contains(&case.number) {
                    cases.push(case.number);
                }
            }
            if docs.is_empty() {
                return Err(desk_ledger::LedgerError::NotFound {
                    what: "slip",
                    key: subject.into(),
                }
                .into());
            }
            (docs, cases, true)
        }
        FormKind::Notice => {
            let items = ledger.public_notice(subject)?;
            (
                vec![forms::public_notice(subject, &items, script)],
                Vec::new(),
                false,
            )
        }
    })
}

/// The key of a document's content: what it says, in which script, under which header.
pub fn doc_key(docs: &[FormDoc], company: &str, office: &str) -> String {
    let mut h = Sha256::new();
    h.update(company.as_bytes());
    h.update([0]);
    h.update(office.as_bytes());
    h.update([0]);
    h.update(serde_json::to_vec(docs).unwrap_or_default());
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Renders a form for `by`. Nothing is recorded until [`record`] is called: a preview
/// is not a printing.
pub fn prepare(ledger: &Ledger, by: &str, form: FormKind, subject: &str) -> Result<Prepared> {
    let script = script_of(ledger)?;
    let (docs, cases, personal) = build(ledger, form, subject, script)?;
    let company = ledger.setting("company_name")?;
    let office = ledger.setting("office_name")?;
    let key = doc_key(&docs, &company, &office);
    let stamp = ledger.print_stamp(by, &key)?;
    let head = Masthead {
        company,
        office,
        printed_at: stamp.at,
        printed_by: stamp.by,
    };
    let out = render(&docs, &head, &key)?;
    let first = &docs[0];
    let (subject, revision) = if docs.len() == 1 {
        (first.subject.clone(), first.revision)
    } else {
        (
            subject.trim().to_string(),
            docs.iter().map(|d| d.revision).sum(),
        )
    };
    let title = if form == FormKind::SlipsOfDay {
        crate::labels::t(script, "转交单", "轉交單").to_string()
    } else {
        first.title.clone()
    };
    let file_name = if form == FormKind::Notice || form == FormKind::SlipsOfDay {
        format!("{title}-{subject}.pdf")
    } else {
        format!("{title}-{subject}-r{revision}.pdf")
    };
    Ok(Prepared {
        bytes: out.bytes,
        pages: out.pages,
        missing: out.missing,
        printing: Printing {
            form: form.as_str().into(),
            doc_key: key,
            subject,
            revision,
            pages: out.pages as i64,
            personal,
            cases,
            output: "save".into(),
        },
        file_name,
    })
}

/// Hands the prepared PDF to the system's spooler (through a file in the temporary
/// folder, which is where the spoolers read from); returns that file and whether it was
/// printed or opened in the PDF reader for the clerk to print.
pub fn send_to_printer(
    p: &Prepared,
    printer: Option<&str>,
) -> Result<(std::path::PathBuf, crate::spool::Handed)> {
    let path = std::env::temp_dir().join(&p.file_name);
    std::fs::write(&path, &p.bytes)?;
    let handed = crate::spool::system_spooler().print(&path, printer)?;
    Ok((path, handed))
}

/// Records that the prepared document was printed (`print`) or saved (`save`).
pub fn record(ledger: &mut Ledger, by: &str, p: &Prepared, output: &str) -> Result<()> {
    let mut printing = p.printing.clone();
    printing.output = if output == "print" { "print" } else { "save" }.into();
    ledger.record_printing(by, &printing)?;
    Ok(())
}
