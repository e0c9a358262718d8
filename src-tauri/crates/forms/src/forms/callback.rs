//! 访问顾客记录表 (docs/life-of-a-case.md): the callbacks of a case; blank rows to fill by hand
//! when none is recorded yet.

use desk_ledger::model::CaseFile;

use super::{complainant, opt};
use crate::doc::{Block, FormDoc};
use crate::fonts::Script;
use crate::labels::{field, t, word};

pub fn callback_record(f: &CaseFile, script: Script) -> FormDoc {
    let c = &f.case;
    let title = t(script, "访问顾客记录表", "訪問顧客記錄表");
    let mut d = FormDoc::new(
        "callback",
        title.into(),
        "KS-03",
        &c.number,
        c.revision,
        script,
    );
    let w = |s: &str| word(script, s);
    d.row(&[
        (t(script, "个案编号", "個案編號"), &c.number),
        (&field(script, "received_at"), &c.received_at),
    ])
    .row(&[
        (&field(script, "complainant_name"), &complainant(c, script)),
        (&field(script, "phone"), &c.complainant_phones),
    ])
    .row(&[(&field(script, "location"), &c.location())])
    .row(&[(&field(script, "content"), &c.content)])
    .row(&[
        (&field(script, "result"), &c.result),
        (t(script, "完成时间", "完成時間"), opt(&c.finished_at)),
    ]);
    for (i, b) in f.callbacks.iter().enumerate() {
        d.heading(format!("{} {}", t(script, "回访", "回訪"), i + 1))
            .row(&[
                (&field(script, "callback_at"), &b.at),
                (&field(script, "method"), &w(b.method.as_str())),
                (t(script, "回访人", "回訪人"), &b.by_staff),
            ])
            .row(&[
                (&field(script, "person_reached"), &b.person_reached),
                (t(script, "与投诉人关系", "與投訴人關係"), &b.relation),
            ])
            .row(&[
                (&field(script, "outcome"), &w(b.outcome.as_str())),
                (
                    &field(script, "satisfaction"),
                    &b.satisfaction.map(|s| w(s.as_str())).unwrap_or_default(),
                ),
            ])
            .row(&[(&field(script, "comments"), &b.comments)]);
    }
    if f.callbacks.is_empty() {
        let scale = [
            "very_satisfied",
            "satisfied",
            "neutral",
            "dissatisfied",
            "very_dissatisfied",
        ]
        .iter()
        .map(|s| format!("□{}", w(s)))
        .collect::<Vec<_>>()
        .join("  ");
        d.heading(t(script, "回访", "回訪"))
            .row(&[
                (&field(script, "callback_at"), ""),
                (
                    &field(script, "method"),
                    t(script, "□上门回访  □电话回访", "□上門回訪  □電話回訪"),
                ),
            ])
            .row(&[
                (&field(script, "person_reached"), ""),
                (t(script, "与投诉人关系", "與投訴人關係"), ""),
            ])
            .row(&[(
                &field(script, "outcome"),
                t(
                    script,
                    "□联系上  □联系不上  □不便回访",
                    "□聯繫上  □聯繫不上  □不便回訪",
                ),
            )])
            .row(&[(&field(script, "satisfaction"), &scale)])
            .block(Block::HandBox {
                label: field(script, "comments"),
                lines: 4,
            });
    }
    d.block(Block::Signatures {
        captions: vec![t(script, "回访人", "回訪人").into()],
        date_caption: t(script, "日期", "日期").into(),
    });
    d
}
