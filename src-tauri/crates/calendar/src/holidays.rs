//! Statutory holidays and make-up working days (调休), as shipped and as edited.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::CalendarError;

/// Whether a special day is a day off or a working day that would otherwise be off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Holiday,
    Workday,
}

impl DayKind {
    /// The word the ledger stores and labels ("holiday", "workday"), as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Workday => "workday",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SpecialDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
}

/// The bundled data set (`assets/calendar/cn-holidays.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HolidayData {
    pub source: String,
    pub source_version: String,
    pub years: Vec<i32>,
    pub days: Vec<SpecialDay>,
}

#[derive(Deserialize)]
struct RawDay {
    date: NaiveDate,
    name_zh: String,
    #[serde(default)]
    name_en: String,
}

#[derive(Deserialize)]
struct RawFile {
    source: String,
    source_version: String,
    years: Vec<i32>,
    holidays: Vec<RawDay>,
    workdays: Vec<RawDay>,
}

/// The Chinese statutory-holiday data shipped with the product.
pub const BUNDLED_CN: &str = include_str!("../../../../assets/calendar/cn-holidays.json");

impl HolidayData {
    pub fn parse(json: &str) -> Result<Self, CalendarError> {
        let raw: RawFile =
            serde_json::from_str(json).map_err(|e| CalendarError::BadData(e.to_string()))?;
        let mut days = Vec::with_capacity(raw.holidays.len() + raw.workdays.len());
        for (list, kind) in [
            (raw.holidays, DayKind::Holiday),
            (raw.workdays, DayKind::Workday),
        ] {
            days.extend(list.into_iter().map(|d| SpecialDay {
                date: d.date,
                kind,
                name_zh: d.name_zh,
                name_en: d.name_en,
            }));
        }
        days.sort_by_key(|d| d.date);
        Ok(HolidayData {
            source: raw.source,
            source_version: raw.source_version,
            years: raw.years,
            days,
        })
    }

    pub fn bundled_cn() -> Self {
        // The bundled file is checked by a test; failing here would be a build defect.
        Self::parse(BUNDLED_CN).unwrap_or_else(|_| HolidayData {
            source: "none".into(),
            source_version: String::new(),
            years: vec![],
            days: vec![],
        })
    }
}
