//! The status machine as a property (docs/life-of-a-case.md): from a fresh office, any
//! sequence of the actions the case screen offers keeps the invariants — an offered
//! action is accepted; a closed complaint's last callback confirms the result (reached
//! and not dissatisfied, or exempt); nothing is deleted; case numbers stay gap-free; and
//! every accepted action leaves history behind. A failing run prints the seed that
//! reproduces it (PROPTEST_RNG_SEED … and the case shrunk to its smallest form).

use desk_ledger::model::{CaseFile, Kind, Role, SlipStatus, Status};
use desk_ledger::{CallbackInput, CaseEdit, Ledger, TransferInput};
use proptest::prelude::*;

mod common;

/// Rows that only ever grow, in the order: cases, history, slips, records, callbacks.
fn counts(l: &Ledger) -> Vec<i64> {
    common::counts(l, &["cases", "history", "slips", "records", "callbacks"])
}

/// Takes the offered action `word` on the case with the choice `pick` where it has one.
fn take(l: &mut Ledger, file: &CaseFile, word: &str, pick: u8) -> desk_ledger::Result<()> {
    let n = file.case.number.as_str();
    let slip = |status: SlipStatus| {
        file.slips
            .iter()
            .find(|s| s.status == status)
            .map(|s| s.number.clone())
            .unwrap_or_default()
    };
    match word {
        "transfer" => l
            .transfer(
                "boss",
                n,
                &TransferInput {
                    to_department: if pick.is_multiple_of(2) {
                        "engineering"
                    } else {
                        "developer"
                    }
                    .into(),
                    summary: "上门处理".into(),
                    ..Default::default()
                },
            )
            .map(drop),
        "sign" => l
            .sign("boss", &slip(SlipStatus::Issued), "李工", None)
            .map(drop),
        "feedback" => l
            .slip_feedback("boss", &slip(SlipStatus::Signed), "已处理", None)
            .map(drop),
        "record" => l.record("boss", n, "已上门核实", "排查中", None).map(drop),
        "pause" => l.pause("boss", n, "等待配件").map(drop),
        "resume" => l.resume("boss", n, "配件已到").map(drop),
        "finish" => l.finish("boss", n, "已修复").map(drop),
        "callback" => {
            let (outcome, satisfaction) = match pick % 5 {
                0 => ("unreachable", None),
                1 => ("declined", None),
                2 => ("reached", Some("dissatisfied")),
                3 => ("reached", Some("very_satisfied")),
                _ => ("reached", Some("satisfied")),
            };
            l.callback(
                "boss",
                n,
                &CallbackInput {
                    method: "phone".into(),
                    outcome: outcome.into(),
                    satisfaction: satisfaction.map(Into::into),
                    ..Default::default()
                },
            )
            .map(drop)
        }
        "close" => l.close("boss", n, "").map(drop),
        "void" => l.void("boss", n, "重复登记").map(drop),
        "edit" => l
            .edit(
                "boss",
                n,
                &CaseEdit {
                    content: Some(format!("{}（补充{pick}）", file.case.content)),
                    ..Default::default()
                },
                "补充说明",
            )
            .map(drop),
        "set_level" => l
            .set_level(
                "boss",
                n,
                ["important", "major"][usize::from(pick % 2)],
                "主管判断",
            )
            .map(drop),
        other => panic!("the screen offered {other:?}, which this test does not know"),
    }
}

fn check_invariants(l: &Ledger, file: &CaseFile) -> Result<(), TestCaseError> {
    if file.case.status == Status::Closed && file.case.kind == Kind::Complaint {
        let last = file.callbacks.last();
        prop_assert!(
            last.is_some_and(|c| c.confirms()),
            "a complaint closed without a confirming callback: {:?}",
            file.callbacks
        );
    }
    // Numbers of each prefix and month are 1, 2, 3, … with no gap.
    let mut st = l
        .connection()
        .prepare("SELECT number FROM cases ORDER BY id")
        .expect("numbers");
    let numbers: Vec<String> = st
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("numbers");
    for prefix in ["TS-", "XQ-"] {
        let serials: Vec<u32> = numbers
            .iter()
            .filter(|n| n.starts_with(prefix))
            .map(|n| n[n.len() - 4..].parse().expect("serial"))
            .collect();
        prop_assert_eq!(
            serials.clone(),
            (1..=serials.len() as u32).collect::<Vec<_>>()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_sequence_of_offered_actions_keeps_the_invariants(
        kinds in proptest::collection::vec(any::<bool>(), 1..4),
        steps in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 1..40),
    ) {
        // A fresh ledger per case: nothing carries over from another sequence.
        let mut l = common::office();
        l.add_staff("admin", "boss", "陈主管", "supervisor").expect("supervisor");
        let mut numbers = Vec::new();
        for complaint in kinds {
            let input = desk_ledger::NewCase {
                kind: if complaint { "complaint" } else { "request" }.into(),
                category: Some(if complaint { "B04" } else { "Q1" }.into()),
                ..common::complaint()
            };
            let case = match l.register("boss", &input) {
                Ok(c) => c,
                // A request category this office lacks: a complaint then.
                Err(_) => l.register("boss", &common::complaint()).expect("register"),
            };
            numbers.push(case.number);
        }
        for (which, action, pick) in steps {
            let number = &numbers[usize::from(which) % numbers.len()];
            let file = l.case_file(number).expect("file");
            let offered = file.offered_actions_for(Role::Supervisor);
            if offered.is_empty() {
                check_invariants(&l, &file)?;
                continue;
            }
            let word = offered[usize::from(action) % offered.len()];
            let before = counts(&l);
            let taken = take(&mut l, &file, word, pick);
            prop_assert!(taken.is_ok(), "{word} was offered on {:?} but refused: {:?}", file.case.status, taken);
            let after = counts(&l);
            prop_assert!(before.iter().zip(&after).all(|(b, a)| a >= b), "something was deleted: {before:?} → {after:?}");
            let now = l.case_file(number).expect("file");
            // Every change has history; an action that changed nothing (the level it
            // already had) may leave none.
            prop_assert!(
                after[1] > before[1] || (after == before && now.case == file.case),
                "{word} changed the ledger without history"
            );
            check_invariants(&l, &now)?;
        }
    }
}
