//! The office's language at setup: an office set up in Traditional Chinese finds the
//! default lists in its own script, and refusals read in the language of the office.

use desk_ledger::{Lang, Ledger};

fn names(l: &Ledger) -> Vec<String> {
    let mut v: Vec<String> = l
        .channels(true)
        .expect("channels")
        .into_iter()
        .map(|c| c.name)
        .collect();
    v.extend(
        l.departments(true)
            .expect("departments")
            .into_iter()
            .map(|d| d.name),
    );
    v.extend(
        l.categories(true)
            .expect("categories")
            .into_iter()
            .flat_map(|c| [c.name, c.description]),
    );
    v
}

#[test]
fn a_traditional_office_gets_its_defaults_in_traditional_characters() {
    let dir = tempfile::tempdir().expect("dir");
    let mut l = Ledger::open(dir.path()).expect("open");
    l.init_in(Lang::ZhTw, "", "錦繡花園管理處", "a", "陳靜")
        .expect("init");
    let all = names(&l);
    for word in [
        "巡查發現",
        "管理處",
        "設備管理",
        "燈具",
        "綜合服務",
        "房屋本體及共用部位的維修養護",
    ] {
        assert!(all.iter().any(|n| n == word), "no {word} in {all:?}");
    }
    for simplified in ["巡查发现", "管理处", "设备管理", "灯具", "综合服务"] {
        assert!(!all.iter().any(|n| n == simplified), "{simplified} left");
    }
    // Each rewritten default keeps its history, and the language is kept for the next start.
    let patrol = l
        .channels(true)
        .expect("channels")
        .into_iter()
        .find(|c| c.code == "patrol")
        .expect("patrol");
    let h = l.entity_history("channel", patrol.id).expect("history");
    assert!(
        h.iter().any(|e| e.action == "localize"),
        "no history of the rewrite: {h:?}"
    );
    drop(l);
    assert_eq!(
        desk_ledger::stored_language(dir.path()).as_deref(),
        Some("zh-TW")
    );
}

#[test]
fn an_english_office_gets_its_defaults_in_english_and_its_log_says_so() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init_in(Lang::En, "", "East Estate Office", "a", "Fang Wang")
        .expect("init");
    let all = names(&l);
    for word in [
        "Found on patrol",
        "Engineering",
        "Equipment",
        "Drains and sewers",
        "Other",
        "Upkeep of the buildings and their common parts",
    ] {
        assert!(all.iter().any(|n| n == word), "no {word} in {all:?}");
    }
    // Not a Chinese character left among the defaults (the App channel was never Chinese).
    let chinese: Vec<_> = all
        .iter()
        .filter(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .collect();
    assert!(chinese.is_empty(), "still in Chinese: {chinese:?}");
    // The codes stay: the CLI, imports and the other offices' workbooks go by them.
    let drains = l
        .categories(true)
        .expect("categories")
        .into_iter()
        .find(|c| c.code == "B04")
        .expect("B04");
    assert_eq!(drains.name, "Drains and sewers");
    let log = l
        .history_words(Lang::En)
        .map(|w| {
            let mut h = l.entity_history("category", drains.id).expect("history");
            w.word(&mut h, false);
            h
        })
        .expect("words");
    assert_eq!(log[0].action, "translate");
    assert_eq!(log[0].title, "written in English");
    assert_eq!(log[0].lines[0].value, "排污排水管 → Drains and sewers");
}

#[test]
fn a_simplified_office_keeps_the_defaults_as_seeded() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init_in(Lang::ZhCn, "", "东区管理处", "a", "王芳")
        .expect("init");
    let all = names(&l);
    assert!(all.iter().any(|n| n == "巡查发现") && all.iter().any(|n| n == "设备管理"));
}

#[test]
fn office_hours_that_end_before_they_start_are_refused_in_the_office_language() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init("", "东区管理处", "a", "王芳").expect("init");
    let err = l
        .set_office_hours("a", &[3], "18:00-09:00")
        .expect_err("backwards");
    assert_eq!(err.field(), Some("periods"));
    let (cn, tw) = (err.localized(Lang::ZhCn), err.localized(Lang::ZhTw));
    assert!(
        cn.starts_with("时段：周三的时段18:00–09:00结束早于开始"),
        "{cn}"
    );
    assert!(tw.contains("週三的時段18:00–09:00結束早於開始"), "{tw}");
}

#[test]
fn a_refused_setting_is_named_in_the_office_language() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init_in(Lang::ZhTw, "", "東區管理處", "a", "王芳")
        .expect("init");
    let err = l
        .set_setting("a", "prefix_complaint", "T-S")
        .expect_err("not letters and digits");
    assert_eq!(err.field(), Some("prefix_complaint"));
    assert!(
        err.localized(Lang::ZhTw).starts_with("投訴編號前綴："),
        "{}",
        err.localized(Lang::ZhTw)
    );
    let err = l
        .set_setting("a", "idle_lock_minutes", "五")
        .expect_err("not minutes");
    assert!(
        err.localized(Lang::ZhCn).starts_with("无操作锁屏："),
        "{}",
        err.localized(Lang::ZhCn)
    );
    assert_eq!(l.setting("prefix_complaint").expect("kept"), "TS");
}

#[test]
fn who_changed_the_office_hours_and_the_settings_is_in_their_change_logs() {
    let mut l = Ledger::in_memory().expect("ledger");
    l.init("", "东区管理处", "a", "王芳").expect("init");
    l.set_office_hours("a", &[6], "09:00-12:00")
        .expect("saturday mornings");
    l.set_setting("a", "hotline", "400-800-1234")
        .expect("hotline");
    let cal = l.list_history("calendar", "").expect("calendar");
    let last = cal.last().expect("an entry");
    assert_eq!(
        (last.action.as_str(), last.actor.as_deref()),
        ("set_hours", Some("王芳"))
    );
    assert!(
        last.changes[0]
            .new
            .as_deref()
            .unwrap_or("")
            .contains("09:00"),
        "{last:?}"
    );
    // Never set before, the hours in force were the defaults: the entry says so.
    let was = last.changes[0].old.as_deref().unwrap_or("");
    assert!(was.contains("08:30"), "{last:?}");
    let settings = l.list_history("settings", "").expect("settings");
    let last = settings.last().expect("an entry");
    assert_eq!(last.changes[0].field, "hotline");
    assert_eq!(last.changes[0].new.as_deref(), Some("400-800-1234"));
}
