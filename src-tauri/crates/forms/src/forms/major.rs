//! 重大投诉报告 (docs/levels-and-escalation.md): to the quality department and the responsible manager,
//! approved by the supervisor (管理者代表).

use desk_ledger::model::CaseFile;
use desk_ledger::ReportStatus;

use super::{category, complainant, opt};
use crate::doc::{Block, FormDoc};
use crate::fonts::Script;
use crate::labels::{field, t};

pub fn major_report(f: &CaseFile, script: Script) -> FormDoc {
    let c = &f.case;
    let title = t(script, "重大投诉报告", "重大投訴報告");
    let mut d = FormDoc::new(
        "major_report",
        title.into(),
        "KS-04",
        &c.number,
        c.revision,
        script,
    );
    let empty = Default::default();
    let r = f.major_report.as_ref();
    let part = |get: fn(&desk_ledger::MajorReport) -> &String| r.map(get).unwrap_or(&empty).clone();
    let status = match r.map(|r| r.status) {
        None => t(script, "未填写", "未填寫"),
        Some(ReportStatus::Draft) => t(script, "草稿", "草稿"),
        Some(ReportStatus::Submitted) => t(script, "已提交，待批准", "已提交，待批准"),
        Some(ReportStatus::Approved) => t(script, "已批准", "已批准"),
    };
    d.row(&[
        (t(script, "个案编号", "個案編號"), &c.number),
        (&field(script, "received_at"), &c.received_at),
        (
            t(script, "定为重大", "定為重大"),
            opt(&c.major_since).get(..16).unwrap_or_default(),
        ),
    ])
    .row(&[
        (&field(script, "complainant_name"), &complainant(c, script)),
        (&field(script, "phone"), &c.complainant_phones),
    ])
    .row(&[
        (&field(script, "location"), &c.location()),
        (&field(script, "category"), &category(c)),
    ])
    .row(&[
        (&field(script, "department"), opt(&c.department_name)),
        (&field(script, "handler"), &c.handler),
    ])
    .row(&[(t(script, "定级理由", "定級理由"), &c.level_reason)])
    .row(&[(&field(script, "content"), &c.content)])
    .row(&[(&field(script, "demand"), &c.demand)])
    .row(&[(&field(script, "cause"), &part(|r| &r.cause))])
    .row(&[(
        t(script, "处理过程及结果", "處理過程及結果"),
        &part(|r| &r.process),
    )])
    .row(&[(t(script, "经验教训", "經驗教訓"), &part(|r| &r.lessons))])
    .row(&[(
        t(script, "纠正预防措施", "糾正預防措施"),
        &part(|r| &r.measures),
    )])
    .row(&[
        (t(script, "报告状态", "報告狀態"), status),
        (
            t(script, "提交时间", "提交時間"),
            r.and_then(|r| r.submitted_at.as_deref()).unwrap_or(""),
        ),
    ])
    .row(&[
        (
            t(script, "批准人", "批准人"),
            r.and_then(|r| r.approved_by.as_deref()).unwrap_or(""),
        ),
        (
            t(script, "批准时间", "批准時間"),
            r.and_then(|r| r.approved_at.as_deref()).unwrap_or(""),
        ),
    ]);
    d.block(Block::Signatures {
        captions: vec![
            t(script, "报告人", "報告人").into(),
            t(script, "管理者代表（批准）", "管理者代表（批准）").into(),
        ],
        date_caption: t(script, "日期", "日期").into(),
    });
    d
}
