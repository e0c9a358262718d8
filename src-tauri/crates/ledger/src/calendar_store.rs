//! The office's working calendar and deadline settings as stored in the ledger, cached
//! per thread and rebuilt whenever the `calendar_rev` setting changes.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveTime};
use desk_calendar::{
    parse_ics, DayKind, HolidayData, OfficeHours, Period, SpecialDay, WorkingCalendar,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use crate::deadlines::{DeadlinePolicy, SpanUnit, StepRule, STEPS};
use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes};
use crate::ledger::{actor, set_setting_tx, Ledger};
use crate::why::Why;

pub struct Ctx {
    pub calendar: WorkingCalendar,
    pub policy: DeadlinePolicy,
}

thread_local! {
    static CACHE: RefCell<Option<(String, Arc<Ctx>)>> = const { RefCell::new(None) };
    static BUNDLED: HolidayData = HolidayData::bundled_cn();
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The years whose holidays can be entered or confirmed by hand.
pub const CALENDAR_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// How many units (hours, working hours, days…) a deadline rule may give.
pub const SPAN_AMOUNTS: std::ops::RangeInclusive<i64> = 1..=10_000;

/// The calendar and policy in force, from cache unless the settings changed.
pub fn ctx(conn: &Connection) -> Result<Arc<Ctx>> {
    let rev = format!(
        "{}|{}",
        setting(conn, "calendar_rev")?.unwrap_or_default(),
        conn.path().unwrap_or("")
    );
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| *k == rev)
            .map(|(_, v)| v.clone())
    }) {
        return Ok(hit);
    }
    let built = Arc::new(build(conn)?);
    CACHE.with(|c| *c.borrow_mut() = Some((rev, built.clone())));
    Ok(built)
}

fn build(conn: &Connection) -> Result<Ctx> {
    let hours: OfficeHours = setting(conn, "office_hours")?
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default();
    let policy = match setting(conn, "deadlines")?.filter(|j| !j.trim().is_empty()) {
        Some(json) => DeadlinePolicy::from_stored(&json)?,
        None => DeadlinePolicy::default(),
    };
    let (mut days, mut years): (Vec<SpecialDay>, BTreeSet<i32>) =
        BUNDLED.with(|b| (b.days.clone(), b.years.iter().copied().collect()));
    years.extend(extra_years(conn)?);
    let mut st = conn.prepare_cached("SELECT date, kind, name FROM calendar_days")?;
    let edits = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (date, kind, name) in edits {
        let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
            continue;
        };
        days.retain(|d| d.date != date);
        let kind = match kind.as_str() {
            "holiday" => DayKind::Holiday,
            "workday" => DayKind::Workday,
            _ => continue,
        };
        days.push(SpecialDay {
            date,
            kind,
            name_zh: name,
            name_en: String::new(),
        });
    }
    let calendar = WorkingCalendar::new(hours, days, years)?;
    Ok(Ctx { calendar, policy })
}

/// Records that the calendar or deadline policy changed: the cache key moves on, and every
/// open case's stored next deadline is recomputed before this transaction commits.
fn calendar_changed(tx: &Connection) -> Result<()> {
    let rev: i64 = setting(tx, "calendar_rev")?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    tx.execute(
        "INSERT INTO settings (key, value) VALUES ('calendar_rev', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [(rev + 1).to_string()],
    )?;
    crate::due::mark_open_dirty(tx)
}

/// One year of the calendar as shown by `calendar show`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearView {
    pub year: i32,
    pub covered: bool,
    pub hours: OfficeHours,
    pub days: Vec<SpecialDay>,
    pub working_days: usize,
}

/// The years counted as covered besides the bundled ones: imported, or confirmed as
/// entered by hand.
fn extra_years(conn: &Connection) -> Result<BTreeSet<i32>> {
    Ok(setting(conn, "calendar_years")?
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

fn set_extra_years(tx: &Transaction, years: &BTreeSet<i32>) -> Result<()> {
    set_setting_tx(
        tx,
        "calendar_years",
        &serde_json::to_string(years).unwrap_or_default(),
    )?;
    Ok(())
}

fn gap_year(today: NaiveDate, covered: &BTreeSet<i32>) -> Option<i32> {
    let year = today.year();
    if !covered.contains(&year) {
        Some(year)
    } else {
        (today.month() == 12 && !covered.contains(&(year + 1))).then_some(year + 1)
    }
}

/// Parses "08:30-12:00,13:30-17:30" into periods.
pub fn parse_periods(s: &str) -> Result<Vec<Period>> {
    let mut out = Vec::new();
    for part in s.split([',', '，', ' ']).filter(|p| !p.trim().is_empty()) {
        let (a, b) = part
            .split_once(['-', '–', '~'])
            .ok_or_else(|| invalid("periods", Problem::BadTime, part))?;
        let pa = NaiveTime::parse_from_str(a.trim(), "%H:%M")
            .map_err(|_| invalid("periods", Problem::BadTime, part))?;
        let pb = NaiveTime::parse_from_str(b.trim(), "%H:%M")
            .map_err(|_| invalid("periods", Problem::BadTime, part))?;
        out.push(Period::new(pa, pb));
    }
    Ok(out)
}

impl Ledger {
    pub fn calendar(&self) -> Result<Arc<Ctx>> {
        ctx(&self.conn)
    }

    pub fn deadline_policy(&self) -> Result<DeadlinePolicy> {
        Ok(ctx(&self.conn)?.policy.clone())
    }

    pub fn calendar_year(&self, year: i32) -> Result<YearView> {
        let c = ctx(&self.conn)?;
        let cal = &c.calendar;
        let days: Vec<SpecialDay> = cal
            .special_days()
            .filter(|d| d.date.year() == year)
            .cloned()
            .collect();
        let mut working_days = 0;
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1)
            .ok_or_else(|| invalid("year", Problem::BadTime, year.to_string()))?;
        while d.year() == year {
            working_days += usize::from(cal.is_working_day(d));
            d = d.succ_opt().unwrap_or(d + chrono::Duration::days(1));
        }
        Ok(YearView {
            year,
            covered: cal.covered_years().contains(&year),
            hours: cal.hours().clone(),
            days,
            working_days,
        })
    }

    /// A year whose statutory holidays the calendar lacks while deadlines already run into
    /// it: this year, or from December on the next (a deadline of days set then crosses
    /// New Year). The dashboard asks for it to be entered; until then such deadlines are
    /// counted as if the year had no holidays, and their explanations say so.
    pub fn calendar_gap(&self) -> Result<Option<i32>> {
        let c = ctx(&self.conn)?;
        Ok(gap_year(self.now().date(), c.calendar.covered_years()))
    }

    /// Records that a year's holidays and make-up days are all entered (by hand, one day
    /// at a time): the year counts as covered, as an imported one does.
    pub fn confirm_calendar_year(&mut self, by: &str, year: i32) -> Result<YearView> {
        if !CALENDAR_YEARS.contains(&year) {
            return Err(invalid("year", Problem::BadTime, year.to_string()));
        }
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            // A year already covered (bundled, imported or confirmed) changes nothing.
            let covered = ctx(tx)?.calendar.covered_years().contains(&year);
            let mut years = extra_years(tx)?;
            if covered || !years.insert(year) {
                return Ok(());
            }
            set_extra_years(tx, &years)?;
            calendar_changed(tx)?;
            let mut ch = Changes::new();
            ch.set("year", year.to_string());
            history::log(tx, &at, Some(&who), "calendar", 0, "confirm_year", &ch, "")
        })?;
        self.calendar_year(year)
    }

    /// Sets office hours for weekdays (1 = Monday … 7 = Sunday); empty periods = day off.
    pub fn set_office_hours(
        &mut self,
        by: &str,
        weekdays: &[u32],
        periods: &str,
    ) -> Result<OfficeHours> {
        let periods = parse_periods(periods)?;
        let at = self.now_text();
        let mut hours = self.calendar()?.calendar.hours().clone();
        // The hours in force before, stored or the defaults, so the history reads as a change.
        let before = serde_json::to_string(&hours).unwrap_or_default();
        for &wd in weekdays {
            if !(1..=7).contains(&wd) {
                return Err(invalid(
                    "days",
                    Problem::BadChoice {
                        allowed: "1–7".into(),
                    },
                    wd.to_string(),
                ));
            }
            hours.days[(wd - 1) as usize] = periods.clone();
        }
        hours.validate().map_err(|e| refused("periods", e))?;
        let json = serde_json::to_string(&hours).unwrap_or_default();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            set_setting_tx(tx, "office_hours", &json)?;
            calendar_changed(tx)?;
            let mut ch = Changes::new();
            ch.diff("office_hours", Some(before), Some(json.clone()));
            history::log(tx, &at, Some(&who), "calendar", 0, "set_hours", &ch, "")
        })?;
        Ok(hours)
    }

    /// Marks a date as a holiday, a make-up working day, or an ordinary day ("normal"),
    /// and returns that date's year as it now stands.
    pub fn set_calendar_day(
        &mut self,
        by: &str,
        date: &str,
        kind: &str,
        name: &str,
    ) -> Result<YearView> {
        let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .map_err(|_| invalid("date", Problem::BadTime, date))?;
        let kind = match kind {
            "holiday" | "workday" | "normal" => kind,
            _ => {
                return Err(invalid(
                    "kind",
                    Problem::BadChoice {
                        allowed: "holiday, workday, normal".into(),
                    },
                    kind,
                ))
            }
        };
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            upsert_day(tx, d, kind, name, "manual")?;
            calendar_changed(tx)?;
            let mut ch = Changes::new();
            ch.set(&d.to_string(), format!("{kind} {name}").trim());
            history::log(tx, &at, Some(&who), "calendar", 0, "set_day", &ch, "")
        })?;
        self.calendar_year(d.year())
    }

    /// [`Ledger::import_ics`] of a file the administrator picked (a holiday calendar
    /// exported from a mail program or a phone).
    pub fn import_ics_file(&mut self, by: &str, path: &std::path::Path) -> Result<usize> {
        let shown = || path.display().to_string();
        let refuse = |why| invalid("file", Problem::NotAllowed { why }, shown());
        let meta =
            std::fs::metadata(path).map_err(|_| invalid("file", Problem::Unknown, shown()))?;
        // A folder or a huge file picked by mistake is named as such, not read.
        if !meta.is_file() || meta.len() > crate::attachments::MAX_BYTES {
            return Err(refuse(Why::NotAFileOrTooBig));
        }
        let bytes = std::fs::read(path)?;
        // Calendar files are UTF-8 by their standard; one saved in another encoding
        // would import as garbled holiday names, so it is refused with what to do.
        let text = String::from_utf8(bytes).map_err(|_| refuse(Why::NotUtf8))?;
        self.import_ics(by, &text)
    }

    /// Imports the all-day events of an .ics file; their years count as covered.
    pub fn import_ics(&mut self, by: &str, text: &str) -> Result<usize> {
        let days = parse_ics(text).map_err(|e| refused("file", e))?;
        if days.is_empty() {
            return Err(invalid(
                "file",
                Problem::NotAllowed {
                    why: Why::NoAllDayEvents,
                },
                "",
            ));
        }
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            let mut years = extra_years(tx)?;
            for d in &days {
                upsert_day(tx, d.date, d.kind.as_str(), &d.name_zh, "ics")?;
                years.insert(d.date.year());
            }
            set_extra_years(tx, &years)?;
            calendar_changed(tx)?;
            let mut ch = Changes::new();
            ch.set("imported_days", days.len().to_string());
            history::log(tx, &at, Some(&who), "calendar", 0, "import_ics", &ch, "")?;
            Ok(days.len())
        })
    }

    /// Changes a deadline step's span, e.g. ("verify", 4, "working_hours").
    pub fn set_deadline_rule(
        &mut self,
        by: &str,
        step: &str,
        amount: i64,
        unit: &str,
    ) -> Result<DeadlinePolicy> {
        if !STEPS.iter().any(|s| s.0 == step) {
            return Err(invalid(
                "deadline_step",
                Problem::BadChoice {
                    allowed: STEPS.iter().map(|s| s.0).collect::<Vec<_>>().join(", "),
                },
                step,
            ));
        }
        let unit = SpanUnit::parse(unit).ok_or_else(|| {
            invalid(
                "span_unit",
                Problem::BadChoice {
                    allowed: SpanUnit::ALL.map(SpanUnit::as_str).join(", "),
                },
                unit,
            )
        })?;
        if !SPAN_AMOUNTS.contains(&amount) {
            return Err(invalid(
                "span",
                Problem::NotAllowed {
                    why: Why::SpanRange,
                },
                amount.to_string(),
            ));
        }
        let mut policy = self.deadline_policy()?;
        let old = policy.rule(step)?;
        policy
            .steps
            .insert(step.to_string(), StepRule { amount, unit });
        let json = serde_json::to_string(&policy).unwrap_or_default();
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            who.require_for(crate::rights::Act::EditSettings)?;
            set_setting_tx(tx, "deadlines", &json)?;
            calendar_changed(tx)?;
            let mut ch = Changes::new();
            // Kept as the CLI takes it ("4 working_hours"); the screens put it in words.
            ch.diff(
                step,
                Some(format!("{} {}", old.amount, old.unit.as_str())),
                Some(format!("{amount} {}", unit.as_str())),
            );
            history::log(tx, &at, Some(&who), "calendar", 0, "set_deadline", &ch, "")
        })?;
        Ok(policy)
    }
}

fn upsert_day(tx: &Connection, d: NaiveDate, kind: &str, name: &str, source: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO calendar_days (date, kind, name, source) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source",
        params![d.to_string(), kind, name, source],
    )?;
    Ok(())
}

/// Office hours or a holiday file the calendar refused, as a refusal of `field`.
fn refused(field: &'static str, e: desk_calendar::CalendarError) -> crate::error::LedgerError {
    invalid(
        field,
        Problem::NotAllowed {
            why: Why::Calendar(e),
        },
        "",
    )
}
