//! 顾客投诉转交签认单 (docs/life-of-a-case.md): carried to the receiving department and signed there.

use desk_ledger::model::{Case, Slip};

use super::{complainant, opt};
use crate::doc::{Block, FormDoc};
use crate::fonts::Script;
use crate::labels::{field, t};

pub fn transfer_slip(slip: &Slip, case: &Case, script: Script) -> FormDoc {
    let title = t(script, "顾客投诉转交签认单", "顧客投訴轉交簽認單");
    let mut d = FormDoc::new(
        "slip",
        title.into(),
        "KS-02",
        &slip.number,
        slip.revision,
        script,
    );
    let to = if slip.to_external {
        format!(
            "{}{}",
            slip.to_department_name,
            t(script, "（外部单位）", "（外部單位）")
        )
    } else {
        slip.to_department_name.clone()
    };
    let from = [opt(&slip.from_department), slip.from_person.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    d.row(&[
        (t(script, "转交单号", "轉交單號"), &slip.number),
        (t(script, "个案编号", "個案編號"), &case.number),
    ])
    .row(&[
        (
            &field(script, "complainant_name"),
            &complainant(case, script),
        ),
        (&field(script, "phone"), &case.complainant_phones),
    ])
    .row(&[(&field(script, "location"), &case.location())])
    .row(&[(&field(script, "content"), &case.content)])
    .row(&[(&field(script, "summary"), &slip.summary)])
    .row(&[(&field(script, "requirement"), &slip.requirement)])
    .row(&[
        (t(script, "转出部门/转交人", "轉出部門/轉交人"), &from),
        (&field(script, "to_department"), &to),
    ])
    .row(&[
        (t(script, "转交时间", "轉交時間"), &slip.transferred_at),
        (t(script, "回复期限", "回覆期限"), opt(&slip.reply_due)),
    ]);
    if !slip.signed_by.is_empty() {
        d.row(&[
            (t(script, "已签认", "已簽認"), &slip.signed_by),
            (t(script, "签认时间", "簽認時間"), opt(&slip.signed_at)),
        ]);
    }
    d.block(Block::Signatures {
        captions: vec![
            t(script, "转交人（签名）", "轉交人（簽名）").into(),
            t(script, "接收人签认", "接收人簽認").into(),
        ],
        date_caption: t(script, "日期/时间", "日期/時間").into(),
    });
    d.block(Block::HandBox {
        label: field(script, "feedback"),
        lines: 6,
    });
    d.block(Block::Signatures {
        captions: vec![t(script, "回馈人", "回饋人").into()],
        date_caption: t(script, "日期/时间", "日期/時間").into(),
    });
    d.block(Block::Note(
        t(
            script,
            "请接收部门签认后留存一联，按回复期限将处理结果回馈前台；逾期未回馈将按规定升级。",
            "請接收部門簽認後留存一聯，按回覆期限將處理結果回饋前台；逾期未回饋將按規定升級。",
        )
        .into(),
    ));
    d
}
