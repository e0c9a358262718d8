//! The month-end summary of docs/month-end.md for any date range, in one structure the
//! workbooks lay out: the rows, counts by each dimension, recurring problems, major
//! complaints, cases per day, and the rates (the same [`Figures`] as the dashboard).

use std::collections::BTreeMap;

use desk_calendar::Lang;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::error::Result;
use crate::figures::{figures_of, Figures, SummaryRow};
use crate::i18n::label;
use crate::ledger::Ledger;
use crate::model::Case;

#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

/// Counts of one dimension (kind, category, …), largest first.
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    /// kind, category, subcategory, validity, level, channel, department, status
    pub dimension: &'static str,
    pub counts: Vec<Count>,
}

/// The same problem at the same place more than once.
#[derive(Debug, Clone, Serialize)]
pub struct Recurring {
    pub location: String,
    pub category: String,
    pub numbers: Vec<String>,
}

/// A problem reported from many places (共性问题).
#[derive(Debug, Clone, Serialize)]
pub struct Common {
    pub category: String,
    pub locations: usize,
    pub cases: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MajorRow {
    pub number: String,
    pub received_at: String,
    pub location: String,
    pub content: String,
    pub level_reason: String,
    pub status: String,
    /// draft, submitted, approved; None when no report was started.
    pub report_status: Option<String>,
    pub report_submitted_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub company_name: String,
    pub office_name: String,
    pub office_code: String,
    pub from: String,
    pub to: String,
    pub anonymized: bool,
    pub figures: Figures,
    pub rows: Vec<SummaryRow>,
    pub breakdowns: Vec<Breakdown>,
    pub recurring: Vec<Recurring>,
    pub common: Vec<Common>,
    pub majors: Vec<MajorRow>,
    /// The typical complaints (典型案例), most telling first: what the quarterly and
    /// half-year analysis shows.
    pub typical: Vec<crate::typical::TypicalCase>,
    /// Cases received per day, in date order.
    pub per_day: Vec<Count>,
}

/// A category reported from at least this many places is a common problem.
const COMMON_MIN_LOCATIONS: usize = 3;

impl Ledger {
    /// The summary of cases received in [from, to) (dates 'YYYY-MM-DD'), labels in `lang`.
    /// `anonymized` leaves out names and phones and cuts locations to the building, for
    /// copies that leave the office (docs/confidentiality.md).
    pub fn summary(&self, from: &str, to: &str, lang: Lang, anonymized: bool) -> Result<Summary> {
        let mut rows = self.summary_rows(from, to)?;
        let figures = figures_of(from, to, &rows);
        if anonymized {
            for r in &mut rows {
                anonymize(&mut r.case);
            }
        }
        let mut majors = Vec::new();
        for r in rows.iter().filter(|r| r.case.owes_major_report()) {
            let report: Option<(String, Option<String>)> = self
                .conn
                .query_row(
                    "SELECT status, submitted_at FROM major_reports WHERE case_id = ?1",
                    params![r.case.id],
                    |x| Ok((x.get(0)?, x.get(1)?)),
                )
                .optional()?;
            majors.push(MajorRow {
                number: r.case.number.clone(),
                received_at: r.case.received_at.clone(),
                location: r.case.location(),
                content: r.case.content.clone(),
                level_reason: crate::rules::explain_level_reason(&r.case.level_reason, lang),
                status: label(r.case.status.as_str(), lang),
                report_submitted_at: report.as_ref().and_then(|x| x.1.clone()),
                report_status: report.map(|x| x.0),
            });
        }
        let (recurring, common) = repeats(&rows);
        let typical = crate::typical::typical_cases(&rows, &recurring, lang);
        Ok(Summary {
            company_name: self.setting("company_name")?,
            office_name: self.setting("office_name")?,
            office_code: self.setting("office_code")?,
            from: from.into(),
            to: to.into(),
            anonymized,
            breakdowns: breakdowns(&rows, lang),
            per_day: per_day(&rows),
            recurring,
            common,
            majors,
            typical,
            figures,
            rows,
        })
    }
}

/// What may leave the office: no names, no phones, the location at most to the building.
pub fn anonymize(c: &mut Case) {
    c.complainant_name.clear();
    c.complainant_phones.clear();
    c.unit.clear();
    c.room.clear();
    // The screens' forms of the name and place were made from what was just cleared.
    c.refresh_derived();
}

fn tally(rows: &[SummaryRow], key: impl Fn(&Case) -> Option<String>) -> Vec<Count> {
    let mut m: BTreeMap<String, i64> = BTreeMap::new();
    for r in rows {
        if let Some(k) = key(&r.case) {
            *m.entry(k).or_default() += 1;
        }
    }
    let mut v: Vec<Count> = m
        .into_iter()
        .map(|(label, count)| Count { label, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
    v
}

fn breakdowns(rows: &[SummaryRow], lang: Lang) -> Vec<Breakdown> {
    let none = || lang.pick("（未填）", "（未填）", "(none)").to_string();
    let word = |w: &str| label(w, lang).to_string();
    vec![
        Breakdown {
            dimension: "kind",
            counts: tally(rows, |c| Some(word(c.kind.as_str()))),
        },
        Breakdown {
            dimension: "category",
            counts: tally(rows, |c| {
                Some(
                    c.category_parent
                        .clone()
                        .or(c.category_name.clone())
                        .unwrap_or_else(none),
                )
            }),
        },
        Breakdown {
            dimension: "subcategory",
            counts: tally(rows, |c| {
                c.category_parent
                    .as_ref()
                    .map(|p| format!("{p} / {}", c.category_name.clone().unwrap_or_default()))
            }),
        },
        Breakdown {
            dimension: "validity",
            counts: tally(rows, |c| {
                (c.kind == crate::model::Kind::Complaint)
                    .then(|| c.validity.map(|v| word(v.as_str())).unwrap_or_else(none))
            }),
        },
        Breakdown {
            dimension: "level",
            counts: tally(rows, |c| c.level.map(|l| word(l.as_str()))),
        },
        Breakdown {
            dimension: "channel",
            counts: tally(rows, |c| Some(c.channel.clone())),
        },
        Breakdown {
            dimension: "department",
            counts: tally(rows, |c| {
                Some(c.department_name.clone().unwrap_or_else(none))
            }),
        },
        Breakdown {
            dimension: "status",
            counts: tally(rows, |c| Some(word(c.status.as_str()))),
        },
    ]
}

fn per_day(rows: &[SummaryRow]) -> Vec<Count> {
    let mut m: BTreeMap<String, i64> = BTreeMap::new();
    for r in rows {
        *m.entry(r.case.received_at.chars().take(10).collect())
            .or_default() += 1;
    }
    m.into_iter()
        .map(|(label, count)| Count { label, count })
        .collect()
}

pub(crate) fn category_of(c: &Case) -> Option<String> {
    c.category_name.as_ref().map(|n| match &c.category_parent {
        Some(p) => format!("{p} / {n}"),
        None => n.clone(),
    })
}

/// Same place and category more than once; and categories reported from many places.
fn repeats(rows: &[SummaryRow]) -> (Vec<Recurring>, Vec<Common>) {
    let mut same: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut places: BTreeMap<String, (std::collections::BTreeSet<String>, usize)> = BTreeMap::new();
    for r in rows {
        let (Some(cat), loc) = (category_of(&r.case), r.case.location()) else {
            continue;
        };
        if loc.is_empty() {
            continue;
        }
        same.entry((loc.clone(), cat.clone()))
            .or_default()
            .push(r.case.number.clone());
        let e = places.entry(cat).or_default();
        e.0.insert(loc);
        e.1 += 1;
    }
    let mut recurring: Vec<Recurring> = same
        .into_iter()
        .filter(|(_, n)| n.len() > 1)
        .map(|((location, category), numbers)| Recurring {
            location,
            category,
            numbers,
        })
        .collect();
    recurring.sort_by_key(|r| std::cmp::Reverse(r.numbers.len()));
    let mut common: Vec<Common> = places
        .into_iter()
        .filter(|(_, (locs, _))| locs.len() >= COMMON_MIN_LOCATIONS)
        .map(|(category, (locs, cases))| Common {
            category,
            locations: locs.len(),
            cases,
        })
        .collect();
    common.sort_by_key(|c| std::cmp::Reverse(c.locations));
    (recurring, common)
}
