//! The forms' own words in Simplified or Traditional Chinese. Words of the ledger
//! (statuses, levels, field names) come from the ledger's label table.

use desk_ledger::i18n::{field_label, label};
use desk_ledger::Lang;

use crate::fonts::Script;

pub fn t(script: Script, sc: &'static str, tc: &'static str) -> &'static str {
    match script {
        Script::Simplified => sc,
        Script::Traditional => tc,
    }
}

pub fn lang(script: Script) -> Lang {
    match script {
        Script::Simplified => Lang::ZhCn,
        Script::Traditional => Lang::ZhTw,
    }
}

/// A ledger word (status, level, relation…) in the form's script.
pub fn word(script: Script, w: &str) -> String {
    if w.is_empty() {
        String::new()
    } else {
        label(w, lang(script))
    }
}

/// A ledger field's name in the form's script.
pub fn field(script: Script, f: &str) -> String {
    field_label(f, lang(script)).to_string()
}

pub struct Labels {
    pub script: Script,
    pub form_code: &'static str,
    pub number: &'static str,
    pub printed: &'static str,
    pub continued: &'static str,
}

impl Labels {
    pub fn new(script: Script) -> Self {
        Labels {
            script,
            form_code: t(script, "表单编号", "表單編號"),
            number: t(script, "编号", "編號"),
            printed: t(script, "打印", "列印"),
            continued: t(script, "（续）", "（續）"),
        }
    }

    /// The same in both scripts.
    pub fn revision(&self, r: i64) -> String {
        format!("第{r}版")
    }

    pub fn page_of(&self, page: usize, of: usize) -> String {
        let p = t(self.script, "页", "頁");
        format!("第 {page} {p} / 共 {of} {p}")
    }
}
