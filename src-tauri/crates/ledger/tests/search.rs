//! Free-text search as the ledger screen uses it: broad searches stop counting at the
//! cap and page newest-registered first; narrow ones are counted exactly and sorted.

use desk_ledger::{CaseFilter, Ledger, SEARCH_COUNT_CAP};

mod common;

fn demo(cases: usize) -> Ledger {
    common::demo(cases, 11)
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

/// Every case whose searchable text contains `word`, by reading each case.
fn by_reading(l: &Ledger, word: &str) -> Vec<String> {
    let mut st = l
        .connection()
        .prepare("SELECT c.number, s.body FROM cases c JOIN case_search s ON s.rowid = c.id ORDER BY c.id")
        .expect("scan");
    let rows = st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .expect("rows");
    rows.map(|r| r.expect("row"))
        .filter(|(_, body)| body.to_lowercase().contains(&word.to_lowercase()))
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn two_character_words_are_found_exactly_and_follow_corrections() {
    let mut l = demo(800);
    let name = l
        .list(&CaseFilter {
            page_size: 50,
            ..Default::default()
        })
        .expect("list")
        .rows
        .iter()
        .map(|c| c.complainant_name.clone())
        .find(|n| n.chars().count() >= 2)
        .expect("a named complainant");
    let surname_and_first: String = name.chars().take(2).collect();
    for word in [surname_and_first.as_str(), "漏水", "15", "栋1"] {
        let mut found: Vec<String> = l
            .list(&CaseFilter {
                text: Some(word.into()),
                page_size: 500,
                ..Default::default()
            })
            .expect("search")
            .rows
            .into_iter()
            .map(|c| c.number)
            .collect();
        found.sort();
        let mut expected = by_reading(&l, word);
        expected.sort();
        expected.truncate(500);
        assert_eq!(found.len(), expected.len().min(500), "{word}");
        if expected.len() <= 500 {
            assert_eq!(found, expected, "{word}");
        }
    }

    // A correction moves the case between words in the same transaction.
    let first = l
        .list(&CaseFilter {
            page_size: 1,
            ..Default::default()
        })
        .expect("list")
        .rows[0]
        .number
        .clone();
    let hits = |l: &Ledger, w: &str| {
        l.list(&CaseFilter {
            text: Some(w.into()),
            page_size: 500,
            ..Default::default()
        })
        .expect("search")
        .rows
        .iter()
        .any(|c| c.number == first)
    };
    assert!(!hits(&l, "鳄鱼"));
    l.edit(
        "admin",
        &first,
        &desk_ledger::CaseEdit {
            content: Some("楼下草坪发现鳄鱼".into()),
            ..Default::default()
        },
        "客户补充",
    )
    .expect("edit");
    assert!(hits(&l, "鳄鱼"));
}

#[test]
fn a_search_alone_and_a_search_with_filters_find_exactly_the_matching_cases() {
    let l = demo(1600);
    let all = l
        .list(&CaseFilter {
            page_size: 500,
            ..Default::default()
        })
        .expect("list");
    let status = all.rows[0].status.as_str().to_string();
    for word in ["下水道", "漏水"] {
        let matching = by_reading(&l, word);
        assert!(
            matching.len() > 1 && matching.len() <= 500,
            "{word}: {}",
            matching.len()
        );
        let alone = l
            .list(&CaseFilter {
                text: Some(word.into()),
                page_size: 500,
                ..Default::default()
            })
            .expect("search");
        let mut found: Vec<String> = alone.rows.iter().map(|c| c.number.clone()).collect();
        found.sort();
        let mut expected = matching.clone();
        expected.sort();
        assert_eq!(
            (alone.total as usize, found),
            (expected.len(), expected),
            "{word}"
        );

        let narrowed = l
            .list(&CaseFilter {
                text: Some(word.into()),
                status: Some(status.clone()),
                page_size: 500,
                ..Default::default()
            })
            .expect("search with a status");
        let expected: Vec<&String> = matching
            .iter()
            .filter(|n| l.case(n).expect("case").status.as_str() == status)
            .collect();
        assert_eq!(narrowed.total as usize, expected.len(), "{word} + {status}");
        assert!(narrowed.rows.iter().all(|c| c.status.as_str() == status));
    }
}
