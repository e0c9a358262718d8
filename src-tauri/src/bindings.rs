//! The TypeScript types of everything that crosses IPC, generated from the Rust types
//! into `ui/src/api/types.ts`. A test fails when the committed file has drifted; run
//! `UPDATE_BINDINGS=1 cargo test -p complaint-desk bindings` to write it anew.

use ts_rs::TS;

macro_rules! declarations {
    ($($t:ty),+ $(,)?) => {
        vec![$(<$t as TS>::decl()),+]
    };
}

/// The whole file. i64 becomes `number`: serde_json writes JSON numbers, and no id,
/// count or amount in fen comes near 2^53.
pub fn typescript() -> String {
    use desk_calendar::{DayKind, OfficeHours, Period, SpecialDay};
    use desk_ledger::model::*;
    use desk_ledger::*;
    let decls = declarations![
        Kind,
        Status,
        Level,
        Validity,
        Relation,
        RepairSize,
        Role,
        TextSize,
        SlipStatus,
        CallbackMethod,
        CallbackOutcome,
        Satisfaction,
        RecordKind,
        Staff,
        Department,
        Category,
        Channel,
        Unit,
        NewUnit,
        Case,
        Slip,
        Record,
        Callback,
        FieldChange,
        HistoryEntry,
        HistoryLine,
        Attachment,
        CaseFile,
        MajorReport,
        MajorReportInput,
        ReportStatus,
        NewCase,
        CaseEdit,
        CaseFilter,
        CasePage,
        Related,
        RelatedQuery,
        TransferInput,
        CallbackInput,
        Deadline,
        DeadlineState,
        DueItem,
        DeskCounts,
        Figures,
        Rate,
        Period,
        OfficeHours,
        DayKind,
        SpecialDay,
        YearView,
        Rights,
        StaffRights,
        SpanUnit,
        StepRule,
        DeadlineRule,
        crate::error::IpcError,
        crate::commands::session::AppInfo,
        About,
        crate::commands::session::AboutInfo,
        crate::state::Upgrading,
        crate::commands::cases::CaseView,
        crate::commands::cases::LevelSuggestion,
        crate::commands::directory::Directory,
        crate::commands::directory::Setting,
        crate::commands::reports::UnitPreview,
        crate::commands::forms::FormMeta,
        crate::commands::forms::Printed,
        ImportCounts,
        BackupInfo,
        AccessEntry,
        AccessFilter,
        crate::commands::access::AccessLogView,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d.replace("bigint", "number"));
        out.push_str("\n\n");
    }
    out.push_str(&word_lists());
    out.push_str(&text_limits());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The closed word lists the screens offer as choices, in the core's order, so no
/// screen keeps a copy of its own.
fn word_lists() -> String {
    use desk_ledger::model::*;
    use desk_ledger::SpanUnit;
    macro_rules! lists {
        ($($t:ident => $name:literal),+ $(,)?) => {
            vec![$((
                $name,
                stringify!($t),
                $t::ALL.iter().map(|w| format!("\"{}\"", w.as_str())).collect::<Vec<_>>(),
            )),+]
        };
    }
    let all = lists![
        Kind => "KINDS",
        Status => "STATUSES",
        Level => "LEVELS",
        Validity => "VALIDITIES",
        Relation => "RELATIONS",
        RepairSize => "REPAIR_SIZES",
        Role => "ROLES",
        TextSize => "TEXT_SIZES",
        CallbackMethod => "CALLBACK_METHODS",
        CallbackOutcome => "CALLBACK_OUTCOMES",
        Satisfaction => "SATISFACTIONS",
        SpanUnit => "SPAN_UNITS",
    ];
    all.into_iter()
        .map(|(name, ty, words)| {
            format!(
                "export const {name}: readonly {ty}[] = [{}]\n\n",
                words.join(", ")
            )
        })
        .collect()
}

/// The most characters each free text may hold (the core refuses more), for the
/// screens' counts of the room left, and the ranges of the numbers settings take.
fn text_limits() -> String {
    let rows: Vec<String> = desk_ledger::Text::ALL
        .iter()
        .map(|t| format!("  {}: {},\n", t.field(), t.max()))
        .collect();
    let range = |name: &str, from: String, to: String| format!("  {name}: [{from}, {to}],\n");
    use desk_ledger::{CALENDAR_YEARS as Y, PIN_DIGITS as P, SPAN_AMOUNTS as S};
    let limits = [
        range("calendar_years", Y.start().to_string(), Y.end().to_string()),
        range(
            "deadline_amounts",
            S.start().to_string(),
            S.end().to_string(),
        ),
        range("pin_digits", P.start().to_string(), P.end().to_string()),
    ];
    format!(
        "export const TEXT_MAX = {{\n{}}} as const\n\nexport type TextField = keyof typeof TEXT_MAX\n\n\
         // The ranges the core accepts for the numbers typed into settings.\n\
         export const LIMITS = {{\n{}}} as const\n\n",
        rows.concat(),
        limits.concat()
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_match_the_rust_types() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/types.ts");
        let fresh = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_default()
            .replace("\r\n", "\n");
        assert!(
            committed == fresh,
            "ui/src/api/types.ts is out of date: run UPDATE_BINDINGS=1 cargo test -p complaint-desk bindings"
        );
    }
}
