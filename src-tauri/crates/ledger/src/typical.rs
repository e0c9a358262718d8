//! The typical cases (典型案例) of a longer range, for the quarterly and half-year
//! analysis (docs/month-end.md): the complaints that show what went wrong, picked by rule, so two
//! people exporting the same quarter get the same list, and the most telling first.

use serde::Serialize;

use crate::figures::SummaryRow;
use crate::i18n::label;
use crate::model::{Kind, Level};
use crate::summary::{category_of, Recurring};
use desk_calendar::Lang;

/// One typical case, worded for the workbook.
#[derive(Debug, Clone, Serialize)]
pub struct TypicalCase {
    pub number: String,
    pub received_at: String,
    pub category: String,
    pub location: String,
    pub content: String,
    pub result: String,
    pub status: String,
    /// The latest callback's satisfaction (empty when none was given).
    pub satisfaction: String,
    /// Why it stands out, in the reader's words (重大投诉；回访不满意，二次跟进；…).
    pub why: String,
}

/// At most this many: a list longer than a page is no longer a choice of typical ones.
pub const TYPICAL_MAX: usize = 20;

/// What makes a complaint typical, each with its weight. A case needs to be major,
/// followed up again or flagged; being late or recurring only adds to one that is.
const MAJOR: u32 = 8;
const REOPENED: u32 = 4;
const FLAG: u32 = 2;
const LATE: u32 = 1;
const RECURRING: u32 = 1;

/// The range's typical complaints, most telling first (then in the order received).
pub fn typical_cases(rows: &[SummaryRow], recurring: &[Recurring], lang: Lang) -> Vec<TypicalCase> {
    let again: std::collections::HashSet<&str> = recurring
        .iter()
        .flat_map(|r| r.numbers.iter().map(String::as_str))
        .collect();
    let mut picked: Vec<(u32, &SummaryRow, Vec<&'static str>)> = rows
        .iter()
        .filter(|r| r.case.kind == Kind::Complaint)
        .filter_map(|r| {
            let c = &r.case;
            let standout = [
                (
                    c.level == Some(Level::Major),
                    MAJOR,
                    ["重大投诉", "重大投訴", "major complaint"],
                ),
                (
                    c.followups > 0,
                    REOPENED,
                    [
                        "回访不满意，二次跟进",
                        "回訪不滿意，二次跟進",
                        "dissatisfied at callback, followed up again",
                    ],
                ),
                (c.media, FLAG, ["媒体曝光", "媒體曝光", "media exposure"]),
                (c.lawsuit, FLAG, ["法律诉讼", "法律訴訟", "lawsuit"]),
                (
                    c.group_action,
                    FLAG,
                    [
                        "可能引发群体性事件",
                        "可能引發群體性事件",
                        "possible group action",
                    ],
                ),
            ];
            let adding = [
                (r.on_time == Some(false), LATE, ["逾期", "逾期", "late"]),
                (
                    again.contains(c.number.as_str()),
                    RECURRING,
                    [
                        "同一位置重复发生",
                        "同一位置重複發生",
                        "recurring at the same place",
                    ],
                ),
            ];
            if !standout.iter().any(|(holds, ..)| *holds) {
                return None;
            }
            let held: Vec<_> = standout
                .iter()
                .chain(&adding)
                .filter(|(holds, ..)| *holds)
                .collect();
            let weight = held.iter().map(|(_, w, _)| w).sum::<u32>();
            let why = held
                .iter()
                .map(|(_, _, w)| lang.pick(w[0], w[1], w[2]))
                .collect();
            Some((weight, r, why))
        })
        .collect();
    // Rows come in the order received; a stable sort keeps it among equals.
    picked.sort_by_key(|p| std::cmp::Reverse(p.0));
    picked.truncate(TYPICAL_MAX);
    let sep = lang.pick("；", "；", "; ");
    picked
        .into_iter()
        .map(|(_, r, why)| TypicalCase {
            number: r.case.number.clone(),
            received_at: r.case.received_at.clone(),
            category: category_of(&r.case).unwrap_or_default(),
            location: r.case.location(),
            content: r.case.content.clone(),
            result: r.case.result.clone(),
            status: label(r.case.status.as_str(), lang).to_string(),
            satisfaction: r
                .satisfaction
                .map(|s| label(s.as_str(), lang).to_string())
                .unwrap_or_default(),
            why: why.join(sep),
        })
        .collect()
}
