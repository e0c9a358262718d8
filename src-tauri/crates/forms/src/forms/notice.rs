//! 投诉公布 (docs/month-end.md): the month's complaints about shared parts and their handling,
//! posted for all residents. The ledger supplies the items already cleaned of personal
//! data; this form adds nothing personal (no receiver, no handler names).

use desk_ledger::NoticeItem;

use crate::doc::{Block, FormDoc};
use crate::fonts::Script;
use crate::labels::{field, t, word};

pub fn public_notice(month: &str, items: &[NoticeItem], script: Script) -> FormDoc {
    let title = t(script, "投诉公布", "投訴公佈");
    let mut d = FormDoc::new("notice", title.into(), "KS-05", month, 1, script);
    let done = items.iter().filter(|i| !i.status.is_open()).count();
    // "2026-11" reads as 2026年11月 in the sentence.
    let month_words = match month.split_once('-') {
        Some((y, m)) => format!("{y}年{}月", m.trim_start_matches('0')),
        None => month.to_string(),
    };
    d.block(Block::Note(match script {
        Script::Simplified => format!(
            "{month_words}共受理公共区域及公共利益投诉 {} 宗，已办结 {done} 宗。现将投诉及处理情况公布如下，欢迎监督。",
            items.len()
        ),
        Script::Traditional => format!(
            "{month_words}共受理公共區域及公共利益投訴 {} 宗，已辦結 {done} 宗。現將投訴及處理情況公佈如下，歡迎監督。",
            items.len()
        ),
    }));
    d.block(Block::Table {
        columns: vec![
            (t(script, "日期", "日期").into(), 1.25),
            (field(script, "location"), 1.3),
            (field(script, "category"), 1.0),
            (field(script, "content"), 3.0),
            (field(script, "action"), 2.6),
            (field(script, "status"), 0.9),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    i.received_on.clone(),
                    format!("{} {}", i.building, i.area).trim().to_string(),
                    i.category.clone(),
                    i.content.clone(),
                    i.result.clone(),
                    word(script, i.status.as_str()),
                ]
            })
            .collect(),
    });
    d.block(Block::Note(
        t(
            script,
            "本公布不含业主及住户个人信息。如有意见，请致电管理处或到前台反映。",
            "本公佈不含業主及住戶個人資料。如有意見，請致電管理處或到前台反映。",
        )
        .into(),
    ));
    d
}
