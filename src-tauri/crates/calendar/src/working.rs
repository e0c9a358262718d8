//! Office hours and the walk along them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::explain::{Skipped, Walk};
use crate::{CalendarError, DayKind, HolidayData, SpecialDay};

/// One stretch of office time within a day, e.g. 08:30–12:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Period {
    pub fn new(start: NaiveTime, end: NaiveTime) -> Self {
        Period { start, end }
    }
    fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

/// Office hours for each weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OfficeHours {
    pub days: [Vec<Period>; 7],
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl Default for OfficeHours {
    /// Mon–Fri 08:30–12:00 and 13:30–17:30, weekends off.
    fn default() -> Self {
        let day = vec![
            Period::new(hm(8, 30), hm(12, 0)),
            Period::new(hm(13, 30), hm(17, 30)),
        ];
        OfficeHours {
            days: [
                day.clone(),
                day.clone(),
                day.clone(),
                day.clone(),
                day,
                vec![],
                vec![],
            ],
        }
    }
}

impl OfficeHours {
    pub fn validate(&self) -> Result<(), CalendarError> {
        for (i, day) in self.days.iter().enumerate() {
            for (j, p) in day.iter().enumerate() {
                let weekday = i as u8 + 1;
                if p.start >= p.end {
                    return Err(CalendarError::HoursBackwards {
                        weekday,
                        start: p.start.format("%H:%M").to_string(),
                        end: p.end.format("%H:%M").to_string(),
                    });
                }
                if j > 0 && day[j - 1].end > p.start {
                    return Err(CalendarError::HoursOverlap { weekday });
                }
            }
        }
        if self.days.iter().all(|d| d.is_empty()) {
            return Err(CalendarError::NoHours);
        }
        Ok(())
    }

    /// The hours of an ordinary working day, used for make-up working days and to size
    /// "one working day": the first weekday that has hours (Monday by default).
    pub fn standard_day(&self) -> &[Period] {
        self.days
            .iter()
            .find(|d| !d.is_empty())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn standard_day_minutes(&self) -> i64 {
        self.standard_day().iter().map(Period::minutes).sum()
    }
}

/// A half-open stretch of time [start, end), e.g. a pause of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Interval {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// Sorts and merges pauses so the walk can subtract them in one pass.
fn normalise(pauses: &[Interval]) -> Vec<Interval> {
    let mut v: Vec<Interval> = pauses.iter().copied().filter(|p| p.end > p.start).collect();
    v.sort_by_key(|p| p.start);
    let mut out: Vec<Interval> = Vec::with_capacity(v.len());
    for p in v {
        match out.last_mut() {
            Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
            _ => out.push(p),
        }
    }
    out
}

/// Pieces of [a, b) not covered by the (normalised) pauses.
fn free_pieces(
    a: NaiveDateTime,
    b: NaiveDateTime,
    pauses: &[Interval],
    out: &mut Vec<(NaiveDateTime, NaiveDateTime)>,
) {
    out.clear();
    let mut cur = a;
    for p in pauses {
        if p.end <= cur {
            continue;
        }
        if p.start >= b {
            break;
        }
        if p.start > cur {
            out.push((cur, p.start));
        }
        cur = cur.max(p.end);
        if cur >= b {
            return;
        }
    }
    if cur < b {
        out.push((cur, b));
    }
}

/// How long a walk may search for working time before giving up (about ten years).
const MAX_DAYS: i64 = 3660;

/// An office's working calendar: weekly hours plus holidays and make-up working days.
#[derive(Debug, Clone)]
pub struct WorkingCalendar {
    hours: OfficeHours,
    special: BTreeMap<NaiveDate, SpecialDay>,
    covered_years: BTreeSet<i32>,
}

impl WorkingCalendar {
    pub fn new(
        hours: OfficeHours,
        days: impl IntoIterator<Item = SpecialDay>,
        covered_years: impl IntoIterator<Item = i32>,
    ) -> Result<Self, CalendarError> {
        hours.validate()?;
        Ok(WorkingCalendar {
            hours,
            special: days.into_iter().map(|d| (d.date, d)).collect(),
            covered_years: covered_years.into_iter().collect(),
        })
    }

    /// Default office hours with the bundled Chinese statutory holidays.
    pub fn default_cn() -> Self {
        let data = HolidayData::bundled_cn();
        WorkingCalendar {
            hours: OfficeHours::default(),
            special: data.days.into_iter().map(|d| (d.date, d)).collect(),
            covered_years: data.years.into_iter().collect(),
        }
    }

    pub fn hours(&self) -> &OfficeHours {
        &self.hours
    }

    pub fn special_days(&self) -> impl Iterator<Item = &SpecialDay> {
        self.special.values()
    }

    pub fn covered_years(&self) -> &BTreeSet<i32> {
        &self.covered_years
    }

    /// False for a year with no holiday data: its weekdays are only a guess and the
    /// caller must warn the user.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.covered_years.contains(&date.year())
    }

    pub fn special_day(&self, date: NaiveDate) -> Option<&SpecialDay> {
        self.special.get(&date)
    }

    pub fn periods_on(&self, date: NaiveDate) -> &[Period] {
        match self.special.get(&date).map(|d| d.kind) {
            Some(DayKind::Holiday) => &[],
            Some(DayKind::Workday) => self.hours.standard_day(),
            None => &self.hours.days[date.weekday().num_days_from_monday() as usize],
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.periods_on(date).is_empty()
    }

    /// Whether `t` lies within office hours (period ends included: a deadline may fall at 12:00).
    pub fn is_office_time(&self, t: NaiveDateTime) -> bool {
        self.periods_on(t.date())
            .iter()
            .any(|p| p.start <= t.time() && t.time() <= p.end)
    }

    /// The first working moment at or after `t`.
    pub fn next_working_moment(&self, t: NaiveDateTime) -> Result<NaiveDateTime, CalendarError> {
        self.add_working_minutes(t, 0, &[])
    }

    pub fn add_working_minutes(
        &self,
        start: NaiveDateTime,
        minutes: i64,
        pauses: &[Interval],
    ) -> Result<NaiveDateTime, CalendarError> {
        Ok(self.walk_working(start, minutes, pauses)?.due)
    }

    /// Walks `minutes` of office time forward from `start`, skipping pauses, and
    /// remembers what it skipped so the deadline can be explained.
    pub fn walk_working(
        &self,
        start: NaiveDateTime,
        minutes: i64,
        pauses: &[Interval],
    ) -> Result<Walk, CalendarError> {
        let pauses = normalise(pauses);
        let mut remaining = Duration::minutes(minutes.max(0));
        let mut cursor = start;
        let mut date = start.date();
        let mut skipped = Vec::new();
        let mut paused = Duration::zero();
        let mut pieces = Vec::new();
        for _ in 0..MAX_DAYS {
            let periods = self.periods_on(date);
            note_day(self, date, periods, &mut skipped);
            for (i, p) in periods.iter().enumerate() {
                let (ps, pe) = (date.and_time(p.start), date.and_time(p.end));
                if pe <= cursor {
                    continue;
                }
                if i > 0 && cursor < ps {
                    push_once(&mut skipped, Skipped::Break(periods[i - 1].end, p.start));
                }
                let seg_start = ps.max(cursor);
                free_pieces(seg_start, pe, &pauses, &mut pieces);
                paused += (pe - seg_start) - pieces.iter().map(|(a, b)| *b - *a).sum::<Duration>();
                for &(a, b) in &pieces {
                    if b > a && b - a >= remaining {
                        let due = a + remaining;
                        // Pause time counted only up to the due moment.
                        paused -= overlap_after(&pauses, due, pe);
                        if paused > Duration::zero() {
                            skipped.push(Skipped::Paused(paused.num_minutes()));
                        }
                        if due.date() > start.date() {
                            push_once(&mut skipped, Skipped::Evenings);
                        }
                        return Ok(Walk {
                            start,
                            due,
                            skipped,
                            uncovered: self.uncovered(start, due),
                        });
                    }
                    remaining -= b - a;
                }
                cursor = pe;
            }
            date = date
                .succ_opt()
                .ok_or_else(|| CalendarError::NoWorkingTime(start.to_string()))?;
            cursor = date.and_time(NaiveTime::MIN);
        }
        Err(CalendarError::NoWorkingTime(
            start.format("%Y-%m-%d %H:%M").to_string(),
        ))
    }

    /// Working minutes between two instants (0 if `b` is not after `a`), pauses excluded.
    pub fn working_minutes_between(
        &self,
        a: NaiveDateTime,
        b: NaiveDateTime,
        pauses: &[Interval],
    ) -> i64 {
        if b <= a {
            return 0;
        }
        let pauses = normalise(pauses);
        let mut total = Duration::zero();
        let mut pieces = Vec::new();
        let mut date = a.date();
        while date <= b.date() {
            for p in self.periods_on(date) {
                let s = date.and_time(p.start).max(a);
                let e = date.and_time(p.end).min(b);
                if e > s {
                    free_pieces(s, e, &pauses, &mut pieces);
                    total += pieces.iter().map(|(x, y)| *y - *x).sum::<Duration>();
                }
            }
            match date.succ_opt() {
                Some(d) => date = d,
                None => break,
            }
        }
        total.num_minutes()
    }

    /// Plain clock time forward from `start`, with paused time not counted.
    pub fn walk_clock(&self, start: NaiveDateTime, minutes: i64, pauses: &[Interval]) -> Walk {
        let pauses = normalise(pauses);
        let mut t = start;
        let mut remaining = Duration::minutes(minutes.max(0));
        let mut paused = Duration::zero();
        for p in &pauses {
            if p.end <= t {
                continue;
            }
            if p.start >= t + remaining {
                break;
            }
            let before = (p.start - t).max(Duration::zero());
            remaining -= before;
            paused += p.end - t.max(p.start);
            t = p.end;
        }
        let due = t + remaining;
        let mut skipped = Vec::new();
        if paused > Duration::zero() {
            skipped.push(Skipped::Paused(paused.num_minutes()));
        }
        Walk {
            start,
            due,
            skipped,
            uncovered: vec![],
        }
    }

    /// Years between two instants for which there is no holiday data.
    fn uncovered(&self, a: NaiveDateTime, b: NaiveDateTime) -> Vec<i32> {
        (a.year()..=b.year())
            .filter(|y| !self.covered_years.contains(y))
            .collect()
    }
}

fn overlap_after(pauses: &[Interval], from: NaiveDateTime, to: NaiveDateTime) -> Duration {
    pauses
        .iter()
        .map(|p| (p.end.min(to) - p.start.max(from)).max(Duration::zero()))
        .sum()
}

fn push_once(v: &mut Vec<Skipped>, s: Skipped) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn note_day(
    cal: &WorkingCalendar,
    date: NaiveDate,
    periods: &[Period],
    skipped: &mut Vec<Skipped>,
) {
    match cal.special_day(date) {
        Some(d) if d.kind == DayKind::Holiday => push_once(
            skipped,
            Skipped::Holiday(d.name_zh.clone(), d.name_en.clone()),
        ),
        Some(d) if d.kind == DayKind::Workday => push_once(skipped, Skipped::MakeupWorkday(date)),
        _ if periods.is_empty() => push_once(skipped, Skipped::Weekend),
        _ => {}
    }
}
