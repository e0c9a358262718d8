//! What the registration form shows beside itself as the clerk types: the customer's or
//! room's earlier cases, and how many were the same problem at the same place; and the
//! name and place the screens are given for a case.

use desk_ledger::{Ledger, NewCase, RelatedQuery};

mod common;
use common::complaint;

fn register(l: &mut Ledger, room: &str, category: &str) {
    let case = NewCase {
        room: room.into(),
        category: Some(category.into()),
        ..complaint()
    };
    l.register("admin", &case).expect("registered");
}

fn typed(room: &str, category: &str) -> RelatedQuery {
    RelatedQuery {
        phone: "13812345678".into(),
        building: "3栋".into(),
        room: room.into(),
        category: category.into(),
        ..Default::default()
    }
}

#[test]
fn the_same_problem_at_the_same_room_is_counted_as_recurring() {
    let mut l = common::office();
    register(&mut l, "1502", "B04");
    register(&mut l, "1502", "B04");
    register(&mut l, "1502", "B01");
    // The same customer's leak in another flat is theirs, but not the same place.
    register(&mut l, "0801", "B04");

    let r = l.related(&typed("1502", "B04"), 10).expect("related");
    assert_eq!(r.cases.len(), 4, "the customer's cases, by phone");
    assert_eq!(r.recurring, 2);
    assert_eq!(
        l.related(&typed("1502", "B01"), 10)
            .expect("related")
            .recurring,
        1
    );
    assert_eq!(
        l.related(&typed("0801", "B04"), 10)
            .expect("related")
            .recurring,
        1
    );
    // No category picked yet: nothing to warn of.
    assert_eq!(
        l.related(&typed("1502", ""), 10)
            .expect("related")
            .recurring,
        0
    );
}

#[test]
fn the_list_is_cut_to_its_length_but_the_count_is_not() {
    let mut l = common::office();
    for _ in 0..12 {
        register(&mut l, "1502", "B04");
    }
    let r = l.related(&typed("1502", "B04"), 10).expect("related");
    assert_eq!(r.cases.len(), 10);
    assert_eq!(r.recurring, 12, "all twelve, not the ten shown");
}

#[test]
fn the_screens_get_the_place_and_a_name_only_for_one_who_may_be_named() {
    let mut l = common::office();
    let named = l.register("admin", &complaint()).expect("registered");
    assert_eq!(named.location, "3栋1502");
    assert_eq!(named.complainant_shown.as_deref(), Some("王先生"));
    let hidden = l
        .register(
            "admin",
            &NewCase {
                anonymous: true,
                ..complaint()
            },
        )
        .expect("registered");
    assert_eq!(
        hidden.complainant_shown, None,
        "anonymous: the name is not shown"
    );
    // What leaves the office keeps neither the name nor the room in any form.
    let mut out = named.clone();
    desk_ledger::anonymize(&mut out);
    let json = serde_json::to_string(&out).expect("json");
    assert!(!json.contains("王先生") && !json.contains("1502"), "{json}");
    assert_eq!(out.location, "3栋");
}

/// One customer's mobile written three ways at three visits is one customer: the form
/// finds all their cases from the number typed any of those ways, and so does a search.
#[test]
fn a_customers_mobile_is_found_however_it_was_written() {
    let mut l = common::office();
    for (room, phones) in [
        ("0101", "13812345678"),
        ("0202", "+86 138 1234 5678"),
        ("0303", "138-1234-5678 / 0571-87654321"),
    ] {
        let case = NewCase {
            building: String::new(),
            room: room.into(),
            phones: phones.into(),
            ..complaint()
        };
        l.register("admin", &case).expect("registered");
    }
    for typed in ["13812345678", "+86 138-1234-5678", "138 1234 5678"] {
        let asked = RelatedQuery {
            phone: typed.into(),
            ..Default::default()
        };
        let r = l.related(&asked, 10).expect("related");
        assert_eq!(r.cases.len(), 3, "typed {typed}: {:?}", r.cases);
        let filter = desk_ledger::CaseFilter {
            text: Some(typed.into()),
            ..Default::default()
        };
        let page = l.list(&filter).expect("search");
        assert_eq!(page.total, 3, "searched {typed}");
    }
    // The ledger keeps the mobile one way, the landline as written.
    let newest = l
        .related(
            &RelatedQuery {
                phone: "13812345678".into(),
                ..Default::default()
            },
            1,
        )
        .expect("related");
    assert_eq!(
        newest.cases[0].complainant_phones,
        "13812345678, 0571-87654321"
    );
}

/// A local office's landlines are given without the area code: once the office sets
/// its own (0571), 87654321 is taken, kept as 0571-87654321, and found again however it
/// is typed; a wrong area code is refused, naming the setting.
#[test]
fn a_local_landline_is_taken_once_the_office_sets_its_area_code() {
    let mut l = common::office();
    let local = NewCase {
        phones: "87654321".into(),
        ..complaint()
    };
    let err = l.register("admin", &local).expect_err("no area code yet");
    assert_eq!(err.field(), Some("phone"));

    let err = l
        .set_setting("admin", "area_code", "571")
        .expect_err("not an area code");
    assert_eq!(
        err.localized(desk_ledger::Lang::ZhCn),
        "本地区号：须为0加两到三位数字，如0571、010"
    );
    l.set_setting("admin", "area_code", "0571")
        .expect("area code");
    let case = l.register("admin", &local).expect("registered");
    assert_eq!(case.complainant_phones, "0571-87654321");
    for typed in ["87654321", "8765 4321", "0571-87654321"] {
        let asked = RelatedQuery {
            phone: typed.into(),
            ..Default::default()
        };
        assert_eq!(
            l.related(&asked, 10).expect("related").cases.len(),
            1,
            "{typed}"
        );
    }
    let unit = desk_ledger::NewUnit {
        building: "3栋".into(),
        room: "1502".into(),
        phones: "87654321 / 13812345678".into(),
        ..Default::default()
    };
    let (unit, _) = l.upsert_unit("admin", &unit).expect("unit");
    assert_eq!(unit.phones, "0571-87654321, 13812345678");
}
