//! What the dashboard shows: the month's figures, counted a day at a time, must be the
//! very figures of the month's rows taken together (the workbook's definition); the due
//! list is the most urgent few of what the tiles count.

use desk_ledger::figures_of;

mod common;

#[test]
fn the_dashboard_figures_counted_by_day_are_those_of_the_whole_month() {
    let l = common::demo(1200, 5);
    let month = l.now().format("%Y-%m").to_string();
    let (from, to) = desk_ledger::validate::month_range("month", &month).expect("month");
    let (from, to) = (from.to_string(), to.to_string());

    // What the dashboard asks for: the current month, named by nobody.
    let by_day = l.month_figures("").expect("figures");
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

#[test]
fn the_dashboard_lists_the_most_urgent_of_what_is_due() {
    let l = common::demo(1200, 5);
    let lang = desk_ledger::Lang::ZhCn;
    let soon = desk_ledger::DUE_SOON_MINUTES;
    let all = l
        .due_list(soon, false, None, None, lang, desk_ledger::DUE_LIST_MAX)
        .expect("all due");
    let counts = l.desk_counts(soon).expect("counts");
    assert_eq!(all.len() as i64, counts.due_total);
    assert_eq!(counts.due_total, counts.overdue + counts.due_soon);
    assert!(
        all.len() > desk_ledger::DASHBOARD_DUE_ITEMS,
        "{} due",
        all.len()
    );
    let shown = l
        .due_list(
            soon,
            false,
            None,
            None,
            lang,
            desk_ledger::DASHBOARD_DUE_ITEMS,
        )
        .expect("dashboard");
    assert_eq!(shown.len(), desk_ledger::DASHBOARD_DUE_ITEMS);
    let numbers =
        |v: &[desk_ledger::DueItem]| v.iter().map(|d| d.number.clone()).collect::<Vec<_>>();
    assert_eq!(
        numbers(&shown),
        numbers(&all[..shown.len()]),
        "the soonest first"
    );
    assert!(shown.windows(2).all(|w| w[0].due <= w[1].due));
}

#[test]
fn the_today_tile_counts_the_offices_day() {
    let mut l = common::demo(300, 3);
    // Three in the morning at the office: on a computer keeping UTC it is still the 22nd.
    l.set_clock(common::at("2026-11-23 03:00"));
    let before = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    assert_eq!(before.today, "2026-11-23");
    l.register("admin", &common::complaint()).expect("register");
    let after = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    assert_eq!(after.today_new, before.today_new + 1);
}

#[test]
fn a_malformed_end_of_range_is_named_as_the_end() {
    let l = common::demo(50, 1);
    match l.figures("2026-11-01", "2026-11-31") {
        Err(desk_ledger::LedgerError::Invalid { field, .. }) => assert_eq!(field, "to"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_callback_tile_and_its_lists_agree_with_every_case_page() {
    let l = common::demo(1500, 7);
    let counts = l
        .desk_counts(desk_ledger::DUE_SOON_MINUTES)
        .expect("counts");
    let listed = |done: bool| {
        let f = desk_ledger::CaseFilter {
            called_back: Some(done),
            page_size: 500,
            ..Default::default()
        };
        l.list(&f).expect("list")
    };
    let (to_close, to_call) = (listed(true), listed(false));
    assert!(
        counts.called_back > 0 && counts.awaiting_callback > 0,
        "{counts:?}"
    );
    assert_eq!(to_close.total, counts.called_back);
    assert_eq!(to_call.total, counts.awaiting_callback);
    for (page, done) in [(&to_close, true), (&to_call, false)] {
        for case in &page.rows {
            let file = l.case_file(&case.number).expect("file");
            assert_eq!(file.called_back(), done, "{}", case.number);
        }
    }
}
