//! Import of holiday calendars published as iCalendar (.ics) files.
//!
//! Only all-day events are read. An event whose summary marks a working day
//! (班, 上班, 補行上班, "work") is a make-up working day; every other event is a day off.

use chrono::{Duration, NaiveDate};

use crate::{CalendarError, DayKind, SpecialDay};

/// Parse the all-day events of an .ics file into special days (multi-day events expanded).
pub fn parse_ics(text: &str) -> Result<Vec<SpecialDay>, CalendarError> {
    let lines = unfold(text);
    let mut out = Vec::new();
    let mut in_event = false;
    let (mut start, mut end, mut summary) = (None, None, String::new());
    for line in &lines {
        let (name, value) = match line.split_once(':') {
            Some(p) => p,
            None => continue,
        };
        let key = name.split(';').next().unwrap_or("").to_ascii_uppercase();
        match (key.as_str(), value) {
            ("BEGIN", "VEVENT") => {
                in_event = true;
                start = None;
                end = None;
                summary.clear();
            }
            ("END", "VEVENT") if in_event => {
                in_event = false;
                let Some(s): Option<NaiveDate> = start else {
                    return Err(CalendarError::BadData("an event has no DTSTART".into()));
                };
                // DTEND of an all-day event is exclusive; absent means one day.
                let e = end.unwrap_or(s + Duration::days(1));
                let kind = if is_workday_summary(&summary) {
                    DayKind::Workday
                } else {
                    DayKind::Holiday
                };
                let name = clean_name(&summary);
                let mut d = s;
                while d < e && (d - s).num_days() < 60 {
                    out.push(SpecialDay {
                        date: d,
                        kind,
                        name_zh: name.clone(),
                        name_en: String::new(),
                    });
                    d += Duration::days(1);
                }
            }
            ("DTSTART", v) if in_event => start = Some(parse_date(v)?),
            ("DTEND", v) if in_event => end = Some(parse_date(v)?),
            ("SUMMARY", v) if in_event => summary = v.replace("\\,", ",").trim().to_string(),
            _ => {}
        }
    }
    out.sort_by_key(|d| d.date);
    Ok(out)
}

/// Continuation lines start with a space or tab (RFC 5545 §3.1); CRLF or LF endings.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.trim_end_matches('\r');
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            if let Some(last) = lines.last_mut() {
                last.push_str(rest);
                continue;
            }
        }
        lines.push(raw.to_string());
    }
    lines
}

fn parse_date(v: &str) -> Result<NaiveDate, CalendarError> {
    let digits: String = v.chars().take(8).collect();
    NaiveDate::parse_from_str(&digits, "%Y%m%d")
        .map_err(|_| CalendarError::BadData(format!("not a date: {v}")))
}

fn is_workday_summary(s: &str) -> bool {
    s.contains("(班)")
        || s.contains("（班）")
        || s.contains("补班")
        || s.contains("補行上班")
        || s.contains("上班")
        || s.to_ascii_lowercase().contains("work")
}

fn clean_name(s: &str) -> String {
    let mut n = s.to_string();
    for tag in ["(休)", "(班)", "（休）", "（班）"] {
        n = n.replace(tag, "");
    }
    n.trim().to_string()
}
