//! 顾客投诉处理登记表: every field of the case (docs/life-of-a-case.md) and what was done.

use desk_ledger::model::CaseFile;

use super::{category, complainant, opt};
use crate::doc::{Block, FormDoc};
use crate::fonts::Script;
use crate::labels::{field, t, word};

pub fn registration(f: &CaseFile, script: Script) -> FormDoc {
    let c = &f.case;
    let complaint = c.kind == desk_ledger::model::Kind::Complaint;
    let title = if complaint {
        t(script, "顾客投诉处理登记表", "顧客投訴處理登記表")
    } else {
        t(script, "顾客需求处理登记表", "顧客需求處理登記表")
    };
    let mut d = FormDoc::new(
        "registration",
        title.into(),
        "KS-01",
        &c.number,
        c.revision,
        script,
    );
    let w = |s: &str| word(script, s);
    let fl = |s: &str| field(script, s);
    let flags: Vec<&str> = [
        (c.media, t(script, "媒体曝光", "媒體曝光")),
        (c.lawsuit, t(script, "法律诉讼", "法律訴訟")),
        (c.group_action, t(script, "群体性", "群體性")),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, f)| *f)
    .collect();
    let amount = if c.amount_fen > 0 {
        format!("{}.{:02}", c.amount_fen / 100, c.amount_fen % 100)
    } else {
        String::new()
    };
    d.heading(t(script, "受理登记", "受理登記"))
        .row(&[
            (t(script, "个案编号", "個案編號"), &c.number),
            (&fl("kind"), &w(c.kind.as_str())),
            (&fl("received_at"), &c.received_at),
        ])
        .row(&[
            (&fl("channel"), &c.channel),
            (&fl("received_by"), &c.received_by),
            (&fl("status"), &w(c.status.as_str())),
        ])
        .row(&[
            (&fl("complainant_name"), &complainant(c, script)),
            (&fl("phone"), &c.complainant_phones),
            (&fl("relation"), &w(c.relation.as_str())),
        ])
        .row(&[(&fl("location"), &c.location())])
        .row(&[(&fl("content"), &c.content)])
        .row(&[(&fl("demand"), &c.demand)])
        .heading(t(script, "分类与定级", "分類與定級"))
        .row(&[
            (&fl("category"), &category(c)),
            (
                &fl("validity"),
                &c.validity.map(|v| w(v.as_str())).unwrap_or_default(),
            ),
            (
                &fl("level"),
                &c.level.map(|v| w(v.as_str())).unwrap_or_default(),
            ),
        ])
        .row(&[(&fl("judgement"), &c.judgement)])
        .row(&[
            (&fl("amount"), &amount),
            (t(script, "特别情形", "特別情形"), &flags.join("、")),
            (
                &fl("repair_size"),
                &c.repair_size.map(|v| w(v.as_str())).unwrap_or_default(),
            ),
        ])
        .row(&[
            (&fl("department"), opt(&c.department_name)),
            (&fl("handler"), &c.handler),
        ]);
    d.heading(t(script, "转交记录", "轉交記錄"))
        .block(Block::Table {
            columns: vec![
                (t(script, "转交单号", "轉交單號").into(), 1.3),
                (fl("to_department"), 1.2),
                (t(script, "转交时间", "轉交時間").into(), 1.3),
                (t(script, "签认", "簽認").into(), 1.5),
                (fl("feedback"), 2.5),
            ],
            rows: f
                .slips
                .iter()
                .map(|s| {
                    vec![
                        s.number.clone(),
                        s.to_department_name.clone(),
                        s.transferred_at.clone(),
                        format!("{} {}", s.signed_by, opt(&s.signed_at))
                            .trim()
                            .to_string(),
                        s.feedback.clone(),
                    ]
                })
                .collect(),
        });
    d.heading(t(script, "处理记录", "處理記錄"))
        .block(Block::Table {
            columns: vec![
                (t(script, "时间", "時間").into(), 1.3),
                (t(script, "记录人", "記錄人").into(), 0.9),
                (t(script, "类型", "類型").into(), 0.8),
                (fl("action"), 3.0),
                (fl("result"), 1.8),
            ],
            rows: f
                .records
                .iter()
                .map(|r| {
                    vec![
                        r.at.clone(),
                        r.recorded_by.clone(),
                        w(r.kind.as_str()),
                        r.action.clone(),
                        r.result.clone(),
                    ]
                })
                .collect(),
        });
    d.heading(t(script, "回访记录", "回訪記錄"))
        .block(Block::Table {
            columns: vec![
                (fl("callback_at"), 1.3),
                (fl("method"), 0.8),
                (t(script, "回访人", "回訪人").into(), 0.8),
                (fl("outcome"), 0.9),
                (fl("satisfaction"), 0.9),
                (fl("comments"), 2.5),
            ],
            rows: f
                .callbacks
                .iter()
                .map(|b| {
                    vec![
                        b.at.clone(),
                        w(b.method.as_str()),
                        b.by_staff.clone(),
                        w(b.outcome.as_str()),
                        b.satisfaction.map(|s| w(s.as_str())).unwrap_or_default(),
                        b.comments.clone(),
                    ]
                })
                .collect(),
        });
    d.heading(t(script, "结果", "結果"))
        .row(&[(&fl("result"), &c.result)])
        .row(&[
            (t(script, "完成时间", "完成時間"), opt(&c.finished_at)),
            (t(script, "结案时间", "結案時間"), opt(&c.closed_at)),
        ]);
    if c.voided_at.is_some() {
        d.row(&[
            (t(script, "作废时间", "作廢時間"), opt(&c.voided_at)),
            (t(script, "作废原因", "作廢原因"), &c.void_reason),
        ]);
    }
    d.block(Block::Signatures {
        captions: vec![
            t(script, "接待员", "接待員").into(),
            t(script, "管理处主任", "管理處主任").into(),
        ],
        date_caption: t(script, "日期", "日期").into(),
    });
    d
}
