//! Free-text search as the ledger screen uses it: broad searches stop counting at the
//! cap and page newest-registered first; narrow ones are counted exactly and sorted.

use desk_ledger::{CaseFilter, DemoOptions, Ledger, SEARCH_COUNT_CAP};

fn demo(cases: usize) -> Ledger {
    let mut l = Ledger::in_memory().expect("ledger");
    l.demo(&DemoOptions {
        cases,
        months: 3,
        seed: 11,
    })
    .expect("demo");
    l
}

fn search(l: &Ledger, text: &str, page: usize) -> desk_ledger::CasePage {
    l.list(&CaseFilter {
        text: Some(text.into()),
        page,
        page_size: 200,
        ..Default::default()
    })
    .expect("search")
}

#[test]
fn a_search_matching_more_than_the_cap_says_so_and_pages_newest_first() {
    let l = demo(1600);
    // Every complaint number contains "TS-": more than the cap in this ledger.
    let page = search(&l, "TS-", 0);
    assert!(page.total_capped, "the count stopped at the cap");
    assert_eq!(page.total, SEARCH_COUNT_CAP);
    assert_eq!(page.rows.len(), 200);
    let ids: Vec<i64> = page.rows.iter().map(|c| c.id).collect();
    assert!(
        ids.windows(2).all(|w| w[0] > w[1]),
        "newest registered first"
    );
    assert!(page.rows.iter().all(|c| c.number.contains("TS-")));
    let next = search(&l, "TS-", 1);
    assert!(
        next.rows[0].id < *ids.last().expect("a last row"),
        "page 2 continues"
    );
}

#[test]
fn a_narrow_search_is_counted_exactly_and_sorted_by_time() {
    let l = demo(1600);
    let all = l
        .list(&CaseFilter {
            page_size: 500,
            ..Default::default()
        })
        .expect("list");
    let number = all.rows[7].number.clone();
    let page = search(&l, &number, 0);
    assert!(!page.total_capped);
    assert_eq!(page.total, 1);
    assert_eq!(page.rows[0].number, number);

    let word = search(&l, "下水道", 0);
    assert!(
        !word.total_capped && word.total > 1,
        "{} matches",
        word.total
    );
    assert!(word
        .rows
        .windows(2)
        .all(|w| w[0].received_at >= w[1].received_at));
}
