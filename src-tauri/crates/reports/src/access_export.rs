//! The access log (查阅记录) as CSV for a supervisor or an auditor: same conventions as
//! the ledger CSV (BOM, CRLF, formulas neutralized).

use desk_calendar::Lang;
use desk_ledger::i18n::label;
use desk_ledger::AccessEntry;

use crate::csv_export::csv_cell;

/// The name an export of the log suggests: 查阅记录_20261123-1705.csv, at `now` (the
/// ledger's time, in the office's zone).
pub fn access_log_file_name(lang: Lang, now: chrono::NaiveDateTime) -> String {
    let stamp = now.format("%Y%m%d-%H%M");
    let name = lang.pick("查阅记录", "查閱記錄", "access-log");
    format!("{name}_{stamp}.csv")
}

pub fn access_log_csv(rows: &[AccessEntry], lang: Lang) -> String {
    let head = match lang {
        Lang::ZhCn => "时间,员工编码,员工,系统账户,操作,对象,说明",
        Lang::ZhTw => "時間,員工編碼,員工,系統帳戶,操作,對象,說明",
        Lang::En => "Time,Staff code,Staff,OS account,Action,Subject,Detail",
    };
    let mut out = String::from("\u{feff}");
    out.push_str(head);
    out.push_str("\r\n");
    for r in rows {
        let cells = [
            r.at.clone(),
            r.staff_code.clone(),
            r.staff_name.clone(),
            r.account.clone(),
            label(&r.action, lang),
            r.subject.clone(),
            r.detail.clone(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
