//! Human explanations of deadlines, in the clerk's language.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{OfficeHours, Period};

/// The three languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-cn" | "zh-hans" | "zh" | "cn" => Some(Lang::ZhCn),
            "zh-tw" | "zh-hk" | "zh-hant" | "tw" => Some(Lang::ZhTw),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }
    /// Pick the text for this language from a (Simplified, Traditional, English) triple.
    pub fn pick<'a>(self, zh_cn: &'a str, zh_tw: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhCn => zh_cn,
            Lang::ZhTw => zh_tw,
            Lang::En => en,
        }
    }
}

/// Something the walk did not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Skipped {
    Weekend,
    Holiday(String, String),
    Break(NaiveTime, NaiveTime),
    Evenings,
    /// A make-up working day (调休) that was counted although it falls on a weekend.
    MakeupWorkday(NaiveDate),
    Paused(i64),
}

impl Skipped {
    /// Order of mention: the daily things first, then days off, then pauses.
    fn rank(&self) -> u8 {
        match self {
            Skipped::Evenings => 0,
            Skipped::Break(..) => 1,
            Skipped::Weekend => 2,
            Skipped::Holiday(..) => 3,
            Skipped::Paused(_) => 4,
            Skipped::MakeupWorkday(_) => 5,
        }
    }
}

/// The result of walking a span of time forward from an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Walk {
    pub start: NaiveDateTime,
    pub due: NaiveDateTime,
    pub skipped: Vec<Skipped>,
    /// Years touched by the walk with no holiday data: the result is only a weekday guess.
    pub uncovered: Vec<i32>,
}

const WEEKDAYS: [[&str; 7]; 3] = [
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    ["週一", "週二", "週三", "週四", "週五", "週六", "週日"],
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
];

/// 周六 / 週六 / Saturday: the one table of weekday names, for deadlines, calendar
/// refusals and the office-hours lines of the change log.
pub fn weekday_name(day: chrono::Weekday, lang: Lang) -> &'static str {
    WEEKDAYS[lang_idx(lang)][day.num_days_from_monday() as usize]
}

fn lang_idx(lang: Lang) -> usize {
    match lang {
        Lang::ZhCn => 0,
        Lang::ZhTw => 1,
        Lang::En => 2,
    }
}

/// "08:30-12:00, 13:30-17:30" (as [`OfficeHours`] are typed in), and — for a day off.
pub fn periods_text(ps: &[Period]) -> String {
    if ps.is_empty() {
        return "—".into();
    }
    ps.iter()
        .map(|p| format!("{}-{}", p.start.format("%H:%M"), p.end.format("%H:%M")))
        .collect::<Vec<_>>()
        .join(", ")
}

impl OfficeHours {
    /// Each weekday, Monday first, by name in `lang`, with its periods as text.
    pub fn day_texts(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut day = chrono::Weekday::Mon;
        self.days
            .iter()
            .map(|ps| {
                let named = (weekday_name(day, lang), periods_text(ps));
                day = day.succ();
                named
            })
            .collect()
    }
}

/// "11月20日(周五) 16:30" / "Fri 20 Nov 16:30".
pub fn format_instant(t: NaiveDateTime, lang: Lang) -> String {
    let wd = weekday_name(t.weekday(), lang);
    match lang {
        // Fri 20 Nov: every English weekday's first three letters are its abbreviation.
        Lang::En => format!("{} {} {}", &wd[..3], t.format("%-d %b"), t.format("%H:%M")),
        _ => format!("{}月{}日({wd}) {}", t.month(), t.day(), t.format("%H:%M")),
    }
}

impl Walk {
    /// e.g. "4 working hours from Fri 20 Nov 16:30 → due Mon 23 Nov 11:30
    /// (evenings, the weekend not counted)". `span` is the already-worded amount.
    pub fn explain(&self, span: &str, lang: Lang) -> String {
        let from = format_instant(self.start, lang);
        let due = format_instant(self.due, lang);
        let mut not_counted: Vec<String> = Vec::new();
        let mut counted: Vec<String> = Vec::new();
        let mut skipped = self.skipped.clone();
        skipped.sort_by_key(Skipped::rank);
        for s in &skipped {
            match s {
                Skipped::Weekend => {
                    not_counted.push(lang.pick("周末", "週末", "the weekend").into())
                }
                Skipped::Evenings => {
                    not_counted.push(lang.pick("下班时间", "下班時間", "evenings").into())
                }
                Skipped::Break(a, b) => {
                    not_counted.push(format!("{}–{}", a.format("%H:%M"), b.format("%H:%M")))
                }
                Skipped::Holiday(zh, en) => not_counted.push(match lang {
                    Lang::En if !en.is_empty() => format!("{en} holiday"),
                    Lang::En => format!("{zh} holiday"),
                    _ => format!("{zh}假期"),
                }),
                Skipped::Paused(m) => not_counted.push(match lang {
                    Lang::En => format!("{} paused", words_minutes(*m, lang)),
                    _ => format!(
                        "{}{}",
                        lang.pick("暂停", "暫停", ""),
                        words_minutes(*m, lang)
                    ),
                }),
                Skipped::MakeupWorkday(d) => counted.push(match lang {
                    Lang::En => format!("make-up working day {} counted", d.format("%-d %b")),
                    _ => format!(
                        "{}月{}日{}",
                        d.month(),
                        d.day(),
                        lang.pick("调休上班已计入", "調休上班已計入", "")
                    ),
                }),
            }
        }
        let mut notes = Vec::new();
        if !not_counted.is_empty() {
            notes.push(match lang {
                Lang::En => format!("{} not counted", not_counted.join(", ")),
                _ => format!(
                    "{}{}",
                    not_counted.join("、"),
                    lang.pick("不计", "不計", "")
                ),
            });
        }
        notes.extend(counted);
        if !self.uncovered.is_empty() {
            let years: Vec<String> = self.uncovered.iter().map(|y| y.to_string()).collect();
            notes.push(match lang {
                Lang::En => format!("no holiday data for {}: weekdays assumed", years.join(", ")),
                Lang::ZhCn => format!("{}年无节假日数据，按工作日估算", years.join("、")),
                Lang::ZhTw => format!("{}年無節假日資料，按工作日估算", years.join("、")),
            });
        }
        let sep = lang.pick("；", "；", "; ");
        let tail = if notes.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::En => format!(" ({})", notes.join(sep)),
                _ => format!("（{}）", notes.join(sep)),
            }
        };
        match lang {
            Lang::En => format!("{span} from {from} → due {due}{tail}"),
            _ => format!("自{from}起{span} → 截止{due}{tail}"),
        }
    }
}

/// A duration in minutes, worded in whole hours when it is one ("2小时", "90 min").
pub fn words_minutes(m: i64, lang: Lang) -> String {
    let (n, unit) = if m % 60 == 0 {
        ((m / 60).to_string(), lang.pick("小时", "小時", "h"))
    } else {
        (m.to_string(), lang.pick("分钟", "分鐘", "min"))
    };
    match lang {
        Lang::En => format!("{n} {unit}"),
        _ => format!("{n}{unit}"),
    }
}
