//! Working-time arithmetic on an office's calendar.
//!
//! All instants are naive date-times in the office's own time zone: the office
//! keeps one wall clock, and every deadline is read off that clock.

mod explain;
mod holidays;
mod ics;
mod working;

pub use explain::{format_instant, periods_text, weekday_name, words_minutes, Lang, Skipped, Walk};
pub use holidays::{DayKind, HolidayData, SpecialDay};
pub use ics::parse_ics;
pub use working::{Interval, OfficeHours, Period, WorkingCalendar};

/// Errors of calendar configuration and arithmetic.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    /// A period of weekday `weekday` (1 = Monday) that ends before it starts.
    #[error("office hours are invalid: weekday {weekday}: {start}–{end} ends before it starts")]
    HoursBackwards {
        weekday: u8,
        start: String,
        end: String,
    },
    #[error("office hours are invalid: weekday {weekday}: periods overlap or are out of order")]
    HoursOverlap { weekday: u8 },
    #[error("office hours are invalid: no office hours on any weekday")]
    NoHours,
    #[error("the calendar has no working time within ten years of {0}")]
    NoWorkingTime(String),
    #[error("holiday data could not be read: {0}")]
    BadData(String),
}
