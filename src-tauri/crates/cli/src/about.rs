//! `complaint-desk about` and `--version`: the program's version and where this data
//! directory keeps the ledger, its backups and logs, and where the form font was found.
//! It reads no more of the ledger than its schema number, so it works on any data
//! directory (empty, damaged, from a newer version) and changes nothing.

use std::path::Path;

use desk_ledger::{About, Lang};
use serde::Serialize;

use crate::print::Human;

#[derive(Serialize)]
pub struct AboutOut {
    #[serde(flatten)]
    pub about: About,
    /// The form font in use, or why there is none (in the reader's language).
    pub font: Option<String>,
    pub font_problem: Option<String>,
}

impl AboutOut {
    pub fn of(data_dir: &Path, lang: Lang) -> AboutOut {
        let (font, font_problem) = desk_forms::fonts::status(lang);
        AboutOut {
            about: About::of(data_dir),
            font,
            font_problem,
        }
    }
}

impl Human for AboutOut {
    fn human(&self, lang: Lang) {
        let a = &self.about;
        let none = lang.pick("尚无台账", "尚無台賬", "no ledger yet");
        let ledger_schema = a.ledger_schema.map_or(none.to_string(), |v| v.to_string());
        let font = self
            .font
            .clone()
            .or_else(|| self.font_problem.clone())
            .unwrap_or_default();
        let rows = [
            (lang.pick("版本", "版本", "Version"), a.version.clone()),
            (
                lang.pick("台账结构版本", "台賬結構版本", "Ledger schema"),
                lang.pick(
                    &format!("程序 {}，本台账 {ledger_schema}", a.schema),
                    &format!("程式 {}，本台賬 {ledger_schema}", a.schema),
                    &format!("program {}, this ledger {ledger_schema}", a.schema),
                )
                .to_string(),
            ),
            (
                lang.pick("数据目录", "資料目錄", "Data folder"),
                a.data_dir.clone(),
            ),
            (
                lang.pick("台账文件", "台賬檔案", "Ledger file"),
                a.ledger_file.clone(),
            ),
            (lang.pick("备份", "備份", "Backups"), a.backups_dir.clone()),
            (lang.pick("日志", "日誌", "Logs"), a.logs_dir.clone()),
            (lang.pick("表单字体", "表單字型", "Form font"), font),
        ];
        println!("{} (客诉台账) {}", desk_ledger::about::PRODUCT, a.version);
        for (label, value) in rows {
            println!("  {label}: {value}");
        }
    }
}

/// `--version`: one line, or with `--json` the version and schema.
pub fn print_version(json: bool) {
    if json {
        let v = serde_json::json!({
            "version": desk_ledger::about::VERSION,
            "schema": desk_ledger::SCHEMA_VERSION,
        });
        println!("{v}");
    } else {
        println!(
            "complaint-desk {} (ledger schema {})",
            desk_ledger::about::VERSION,
            desk_ledger::SCHEMA_VERSION
        );
    }
}
