//! Concrete deadlines a clerk would check by hand, and the invariants of the walk.

use chrono::{NaiveDate, NaiveDateTime};
use desk_calendar::{parse_ics, DayKind, Interval, Lang, WorkingCalendar};
use proptest::prelude::*;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test instant")
}

fn cal() -> WorkingCalendar {
    WorkingCalendar::default_cn()
}

fn add_h(start: &str, hours: f64) -> NaiveDateTime {
    cal()
        .add_working_minutes(t(start), (hours * 60.0) as i64, &[])
        .expect("walk")
}

#[test]
fn lunch_break_is_not_counted() {
    assert_eq!(add_h("2026-11-23 11:00", 2.0), t("2026-11-23 14:30"));
    // A deadline may fall exactly at the end of the morning.
    assert_eq!(add_h("2026-11-23 08:30", 3.5), t("2026-11-23 12:00"));
}

#[test]
fn friday_evening_runs_over_the_weekend() {
    let walk = cal()
        .walk_working(t("2026-11-20 16:30"), 240, &[])
        .expect("walk");
    assert_eq!(walk.due, t("2026-11-23 11:30"));
    let en = walk.explain("4 working hours", Lang::En);
    assert_eq!(en, "4 working hours from Fri 20 Nov 16:30 → due Mon 23 Nov 11:30 (evenings, the weekend not counted)");
    let zh = walk.explain("4个工作小时", Lang::ZhCn);
    assert!(
        zh.contains("11月23日(周一) 11:30") && zh.contains("周末"),
        "{zh}"
    );
}

#[test]
fn spring_festival_week_and_its_make_up_saturday() {
    // Sat 14 Feb 2026 is a make-up working day (调休): it counts.
    let walk = cal()
        .walk_working(t("2026-02-13 16:30"), 240, &[])
        .expect("walk");
    assert_eq!(walk.due, t("2026-02-14 11:30"));
    assert!(walk
        .explain("4h", Lang::ZhCn)
        .contains("2月14日调休上班已计入"));
    // From the make-up Saturday's evening the nine-day holiday is skipped whole.
    let walk = cal()
        .walk_working(t("2026-02-14 17:00"), 120, &[])
        .expect("walk");
    assert_eq!(walk.due, t("2026-02-24 10:00"));
    let zh = walk.explain("2小时", Lang::ZhCn);
    assert!(zh.contains("春节假期"), "{zh}");
}

#[test]
fn complaint_received_at_night_starts_next_morning() {
    assert_eq!(add_h("2026-11-23 23:00", 1.0), t("2026-11-24 09:30"));
    assert_eq!(
        cal()
            .next_working_moment(t("2026-11-23 12:15"))
            .expect("walk"),
        t("2026-11-23 13:30")
    );
}

#[test]
fn pause_spanning_a_holiday_pushes_the_deadline() {
    let c = cal();
    let start = t("2026-09-24 16:00");
    assert_eq!(
        c.add_working_minutes(start, 480, &[]).expect("walk"),
        t("2026-09-28 16:30")
    );
    let pause = Interval {
        start: t("2026-09-24 17:00"),
        end: t("2026-09-28 10:00"),
    };
    let walk = c.walk_working(start, 480, &[pause]).expect("walk");
    assert_eq!(walk.due, t("2026-09-29 09:30"));
    assert!(walk.explain("8h", Lang::En).contains("paused"));
}

#[test]
fn elapsed_working_time_skips_nights_weekends_and_pauses() {
    let c = cal();
    assert_eq!(
        c.working_minutes_between(t("2026-11-20 16:30"), t("2026-11-23 11:30"), &[]),
        240
    );
    let pause = Interval {
        start: t("2026-11-23 09:00"),
        end: t("2026-11-23 10:00"),
    };
    assert_eq!(
        c.working_minutes_between(t("2026-11-20 16:30"), t("2026-11-23 11:30"), &[pause]),
        180
    );
    assert_eq!(
        c.working_minutes_between(t("2026-11-23 11:30"), t("2026-11-20 16:30"), &[]),
        0
    );
}

#[test]
fn a_year_without_holiday_data_is_flagged_not_guessed_silently() {
    let c = cal();
    assert!(c.covers(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date")));
    assert!(!c.covers(NaiveDate::from_ymd_opt(2031, 5, 1).expect("date")));
    let walk = c
        .walk_working(t("2031-12-31 16:00"), 240, &[])
        .expect("walk");
    assert_eq!(walk.uncovered, vec![2031, 2032]);
    assert!(walk.explain("4h", Lang::ZhCn).contains("无节假日数据"));
}

#[test]
fn clock_time_counts_nights_but_not_pauses() {
    let c = cal();
    let w = c.walk_clock(t("2026-11-20 16:30"), 48 * 60, &[]);
    assert_eq!(w.due, t("2026-11-22 16:30"));
    let pause = Interval {
        start: t("2026-11-21 00:00"),
        end: t("2026-11-22 00:00"),
    };
    assert_eq!(
        c.walk_clock(t("2026-11-20 16:30"), 48 * 60, &[pause]).due,
        t("2026-11-23 16:30")
    );
}

#[test]
fn ics_import_reads_holidays_and_make_up_days() {
    let text = include_str!("fixtures/cn-2026.ics").replace('\n', "\r\n");
    let days = parse_ics(&text).expect("ics");
    let bundled = cal();
    let y2026: Vec<_> = bundled
        .special_days()
        .filter(|d| d.date.format("%Y").to_string() == "2026")
        .collect();
    assert_eq!(days.len(), y2026.len());
    for (a, b) in days.iter().zip(y2026) {
        assert_eq!((a.date, a.kind), (b.date, b.kind));
    }
    assert!(days.iter().any(|d| d.kind == DayKind::Workday
        && d.date == NaiveDate::from_ymd_opt(2026, 2, 14).expect("d")));
}

#[test]
fn bundled_data_covers_2020_to_2026() {
    let c = cal();
    for y in 2020..=2026 {
        assert!(c.covered_years().contains(&y), "{y}");
    }
}

fn instant() -> impl Strategy<Value = NaiveDateTime> {
    // Any minute between 2024-01-01 and the end of 2026.
    (0i64..(3 * 366 * 24 * 60)).prop_map(|m| t("2024-01-01 00:00") + chrono::Duration::minutes(m))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn adding_then_measuring_gives_back_the_span(start in instant(), m in 1i64..6000) {
        let c = cal();
        let due = c.add_working_minutes(start, m, &[]).expect("walk");
        prop_assert_eq!(c.working_minutes_between(start, due, &[]), m);
        prop_assert!(c.is_office_time(due));
    }

    #[test]
    fn longer_spans_never_end_earlier(start in instant(), a in 0i64..4000, b in 0i64..4000) {
        let c = cal();
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(c.add_working_minutes(start, lo, &[]).expect("walk") <= c.add_working_minutes(start, hi, &[]).expect("walk"));
    }

    #[test]
    fn pauses_only_push_deadlines_later(start in instant(), m in 0i64..4000, off in 0i64..8000, len in 0i64..8000) {
        let c = cal();
        let pause = Interval { start: start + chrono::Duration::minutes(off), end: start + chrono::Duration::minutes(off + len) };
        let plain = c.add_working_minutes(start, m, &[]).expect("walk");
        let paused = c.add_working_minutes(start, m, &[pause]).expect("walk");
        prop_assert!(paused >= plain);
        prop_assert_eq!(c.working_minutes_between(start, paused, &[pause]), m.max(0) * i64::from(m > 0));
    }
}
