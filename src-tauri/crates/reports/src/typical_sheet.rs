//! The typical cases (典型案例) sheet of a range's workbook: the complaints the core
//! picked as most telling (`desk_ledger::typical_cases`), with why each was picked.

use desk_calendar::Lang;
use desk_ledger::i18n::field_label;
use desk_ledger::{Summary, TYPICAL_MAX};
use rust_xlsxwriter::Worksheet;

use crate::error::Result;
use crate::labels::sheet;
use crate::summary_book::{header_row, print_setup, text_rows, Formats};

pub(crate) fn typical_sheet(
    ws: &mut Worksheet,
    s: &Summary,
    f: &Formats,
    title: &str,
    lang: Lang,
) -> Result<()> {
    ws.set_name(sheet("typical", lang))?;
    let heads = [
        (field_label("number", lang), 15.0),
        (field_label("received_at", lang), 16.0),
        (lang.pick("分类", "分類", "Category"), 18.0),
        (field_label("location", lang), 14.0),
        (lang.pick("内容", "內容", "Content"), 36.0),
        (lang.pick("处理结果", "處理結果", "Result"), 28.0),
        (lang.pick("状态", "狀態", "Status"), 10.0),
        (lang.pick("满意度", "滿意度", "Satisfaction"), 10.0),
        (lang.pick("典型原因", "典型原因", "Why typical"), 30.0),
    ];
    header_row(ws, f, heads.iter().copied())?;
    let rows = s.typical.iter().map(|t| {
        [
            &t.number,
            &t.received_at,
            &t.category,
            &t.location,
            &t.content,
            &t.result,
            &t.status,
            &t.satisfaction,
            &t.why,
        ]
        .map(String::as_str)
    });
    text_rows(ws, f, rows)?;
    // Below the list (or in its place), how the cases were picked, so a reader knows
    // the list is the rule's and not someone's choice.
    let note_row = s.typical.len() as u32 + 2;
    let how = if s.typical.is_empty() {
        lang.pick(
            "本期没有重大、回访不满意后二次跟进或带媒体曝光、法律诉讼、群体性标记的投诉。",
            "本期沒有重大、回訪不滿意後二次跟進或帶媒體曝光、法律訴訟、群體性標記的投訴。",
            "No complaint of the period was major, followed up again after a dissatisfied callback, or flagged (media, lawsuit, group action).",
        )
        .to_string()
    } else {
        match lang {
            Lang::En => format!("Picked by rule: major complaints first, then those followed up again after a dissatisfied callback, then those flagged; lateness and recurrence weigh in; at most {TYPICAL_MAX}."),
            Lang::ZhCn => format!("按规则选取：重大投诉在前，其次为回访不满意后二次跟进、带媒体曝光等标记的投诉，逾期与重复发生加权；最多 {TYPICAL_MAX} 件。"),
            Lang::ZhTw => format!("按規則選取：重大投訴在前，其次為回訪不滿意後二次跟進、帶媒體曝光等標記的投訴，逾期與重複發生加權；最多 {TYPICAL_MAX} 件。"),
        }
    };
    ws.write_string(note_row, 0, how)?;
    print_setup(ws, 0, title)
}
