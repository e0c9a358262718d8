//! The month's figures on the dashboard are counted a day at a time; they must be the
//! very figures of the month's rows taken together (the workbook's definition).

use desk_ledger::{figures_of, DemoOptions, Ledger};

#[test]
fn the_dashboard_figures_counted_by_day_are_those_of_the_whole_month() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.demo(&DemoOptions {
        cases: 1200,
        months: 3,
        seed: 5,
    })
    .expect("demo");
    let month = l.now().format("%Y-%m").to_string();
    let (from, to) = desk_ledger::validate::month_range("month", &month).expect("month");
    let (from, to) = (from.to_string(), to.to_string());

    let by_day = l.figures(&from, &to).expect("figures");
    let whole = figures_of(&from, &to, &l.summary_rows(&from, &to).expect("rows"));
    assert!(by_day.total > 100, "{} cases this month", by_day.total);
    let summary = |f: &desk_ledger::Figures| {
        let rates: Vec<(String, i64, i64)> = f
            .rates
            .iter()
            .map(|r| (r.key.clone(), r.numerator, r.denominator))
            .collect();
        (f.total, f.complaints, f.requests, f.closed, rates)
    };
    assert_eq!(summary(&by_day), summary(&whole));
    // Every rate has something to count in a demo month.
    assert!(
        by_day.rates.iter().all(|r| r.denominator > 0),
        "{:?}",
        by_day.rates
    );
}
