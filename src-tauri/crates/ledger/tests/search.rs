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
    // Every complaint number contains "TS-" (a phrase of the index), "T" (one letter, the
    // start of a token of the pair index) and "-" (punctuation, read from the texts):
    // more than the cap in this ledger.
    for text in ["TS-", "T", "-"] {
        let page = search(&l, text, 0);
        assert!(page.total_capped, "{text}: the count stopped at the cap");
        assert_eq!(page.total, SEARCH_COUNT_CAP);
        assert_eq!(page.rows.len(), 200);
        let ids: Vec<i64> = page.rows.iter().map(|c| c.id).collect();
        assert!(
            ids.windows(2).all(|w| w[0] > w[1]),
            "{text}: newest registered first"
        );
        assert!(page.rows.iter().all(|c| c.number.contains(text)));
        let next = search(&l, text, 1);
        assert!(
            next.rows[0].id < *ids.last().expect("a last row"),
            "{text}: page 2 continues"
        );
    }
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

/// The numbers of the first 500 cases `f` finds, sorted.
fn sorted_numbers(l: &Ledger, f: CaseFilter) -> Vec<String> {
    let mut found: Vec<String> = l
        .list(&CaseFilter {
            page_size: 500,
            ..f
        })
        .expect("search")
        .rows
        .into_iter()
        .map(|c| c.number)
        .collect();
    found.sort();
    found
}

/// Every case whose searchable text contains `word`, by reading each case.
fn by_reading(l: &Ledger, word: &str) -> Vec<String> {
    let mut st = l
        .connection()
        .prepare(
            "SELECT number, complainant_name, complainant_phones, building, unit, room,
                    public_area, content, demand FROM cases ORDER BY id",
        )
        .expect("scan");
    let rows = st
        .query_map([], |r| {
            let f = |i| r.get::<_, String>(i);
            // The fields a search reads, as the clerk sees them on the case.
            let body = format!(
                "{} {} {} {}{}{} {} {} {}",
                f(0)?,
                f(1)?,
                f(2)?,
                f(3)?,
                f(4)?,
                f(5)?,
                f(6)?,
                f(7)?,
                f(8)?
            );
            Ok((f(0)?, body))
        })
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
        let found = sorted_numbers(
            &l,
            CaseFilter {
                text: Some(word.into()),
                ..Default::default()
            },
        );
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

/// The numbers the ledger finds for `text`, in registration order.
fn found(l: &Ledger, text: &str) -> Vec<String> {
    let mut rows: Vec<_> = search(l, text, 0).rows;
    rows.sort_by_key(|c| c.id);
    rows.into_iter().map(|c| c.number).collect()
}

#[test]
fn a_longer_text_is_found_only_where_it_is_written_in_that_order() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.set_clock(common::at("2026-11-23 09:00"));
    l.init("", "东区管理处", "admin", "管理员").expect("init");
    let mut register = |content: &str, room: &str| {
        l.register(
            "admin",
            &desk_ledger::NewCase {
                content: content.into(),
                room: room.into(),
                ..common::complaint()
            },
        )
        .expect("register")
        .number
    };
    let wanted = register("厨房下水道堵了", "1502");
    // Both pairs of 下水道 (下水, 水道), but not the word: not a match.
    let scattered = register("水道口松动，楼下水管滴水", "1503");
    let punctuated = register("电梯按键失灵-3号梯", "1504");
    let l = l;

    assert_eq!(found(&l, "下水道"), vec![wanted.clone()]);
    assert_eq!(found(&l, "水道"), vec![wanted.clone(), scattered.clone()]);
    // Punctuation is part of what is searched for, though the index holds no pairs
    // across it.
    assert_eq!(found(&l, "失灵-3"), vec![punctuated.clone()]);
    assert!(found(&l, "失灵3").is_empty());
    // One character, found through the pair index wherever it stands: starting a pair
    // (按), before punctuation (灵) or ending the text (梯).
    for one in ["按", "灵", "梯"] {
        assert_eq!(found(&l, one), vec![punctuated.clone()], "{one}");
    }
    // A match across fields, as the clerk reads the case: building and room.
    assert_eq!(found(&l, "3栋1503"), vec![scattered]);
    // Letters in either case, and % or _ taken as themselves.
    let number = wanted.to_lowercase();
    assert_eq!(found(&l, &number), vec![wanted]);
    assert!(found(&l, "下%道").is_empty());
    assert!(found(&l, "下_道").is_empty());
}

#[test]
fn a_search_within_a_month_or_a_day_finds_a_case_registered_later_for_it() {
    let mut l = demo(1600);
    // Written up today for a call taken in October: registered after every demo case,
    // received in October.
    let late = l
        .register(
            "admin",
            &desk_ledger::NewCase {
                received_at: Some("2026-10-05 10:00".into()),
                content: "车库发现鳄鱼出没".into(),
                ..common::complaint()
            },
        )
        .expect("register")
        .number;
    let within = |text: &str, month: Option<&str>, day: Option<&str>| -> Vec<String> {
        l.list(&CaseFilter {
            text: Some(text.into()),
            month: month.map(Into::into),
            day: day.map(Into::into),
            ..Default::default()
        })
        .expect("search")
        .rows
        .into_iter()
        .map(|c| c.number)
        .collect()
    };
    // A phrase, a pair and a single character: each through its own index or scan.
    for text in ["鳄鱼出没", "鳄鱼", "鳄"] {
        assert_eq!(
            within(text, Some("2026-10"), None),
            vec![late.clone()],
            "{text}"
        );
        assert_eq!(
            within(text, None, Some("2026-10-05")),
            vec![late.clone()],
            "{text}"
        );
        assert_eq!(
            within(text, Some("2026-10"), Some("2026-10-05")),
            vec![late.clone()],
            "{text}"
        );
        assert!(within(text, Some("2026-11"), None).is_empty(), "{text}");
        assert!(within(text, None, Some("2026-10-06")).is_empty(), "{text}");
    }
    // A common word within the month: exactly the month's cases that hold it.
    let month = "2026-10";
    let expected: Vec<String> = by_reading(&l, "漏水")
        .into_iter()
        .filter(|n| l.case(n).expect("case").received_at.starts_with(month))
        .collect();
    assert!(expected.len() > 1, "{}", expected.len());
    let found = sorted_numbers(
        &l,
        CaseFilter {
            text: Some("漏水".into()),
            month: Some(month.into()),
            ..Default::default()
        },
    );
    let mut expected = expected;
    expected.sort();
    assert_eq!(found, expected);
}
