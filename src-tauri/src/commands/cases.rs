//! Registering, finding and working on cases.

use desk_ledger::model::{Callback, Case, CaseFile, Record, Slip};
use desk_ledger::rules::{explain_level_reason, level_floor};
use desk_ledger::validate::amount_fen;
use desk_ledger::{
    CallbackInput, CaseEdit, CaseFilter, CasePage, Deadline, LedgerError, NewCase, Problem,
    Related, RelatedQuery, TransferInput,
};
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::error::IpcResult;

/// The case detail screen: the whole file, its deadlines explained, and what may be done.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CaseView {
    pub file: CaseFile,
    pub deadlines: Vec<Deadline>,
    pub actions: Vec<String>,
    /// The forms that can be printed for this case (registration, slip, …).
    pub printable: Vec<String>,
    /// Whether the signed-in staff member may approve the major-complaint report now.
    pub may_approve_report: bool,
    /// The stored level reason in the clerk's words.
    pub level_reason: String,
    /// Called back and confirmed: only closing is left (see `CaseFile::called_back`).
    pub called_back: bool,
    /// Whether the signed-in staff member may correct the category and department now.
    pub may_reclassify: bool,
}

/// The level the rules require for what the form says so far, and why.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LevelSuggestion {
    pub level: String,
    pub reasons: Vec<String>,
}

#[tauri::command]
pub async fn register_case(desk: Desk<'_>, input: NewCase) -> IpcResult<Case> {
    desk.acting(|l, by, _| l.register(by, &input))
}

#[tauri::command]
pub async fn list_cases(desk: Desk<'_>, filter: CaseFilter) -> IpcResult<CasePage> {
    desk.acting(|l, by, _| l.search_cases(Some(by), &filter))
}

#[tauri::command]
pub async fn case_view(desk: Desk<'_>, number: String) -> IpcResult<CaseView> {
    let role = desk
        .signed_in()
        .map_or(desk_ledger::model::Role::Clerk, |s| s.role);
    desk.acting(|l, by, lang| {
        let mut file = l.view_case(Some(by), &number)?;
        l.history_words(lang)?.word_file(&mut file);
        Ok(CaseView {
            deadlines: l.deadlines(&number, lang)?,
            actions: file
                .offered_actions_for(role)
                .into_iter()
                .map(String::from)
                .collect(),
            printable: desk_forms::FormKind::for_case(&file)
                .into_iter()
                .map(|k| k.as_str().to_string())
                .collect(),
            may_approve_report: file.may_approve_report(role),
            level_reason: explain_level_reason(&file.case.level_reason, lang),
            called_back: file.called_back(),
            may_reclassify: file.may_reclassify(role),
            file,
        })
    })
}

/// The customer's or room's earlier cases as the clerk types, and the recurring-problem count.
#[tauri::command]
pub async fn related_cases(desk: Desk<'_>, query: RelatedQuery) -> IpcResult<Related> {
    desk.acting(|l, _, _| l.related(&query, 10))
}

#[tauri::command]
pub async fn suggest_level(
    desk: Desk<'_>,
    media: bool,
    lawsuit: bool,
    group_action: bool,
    amount: String,
) -> IpcResult<LevelSuggestion> {
    desk.with(|_, lang| {
        let fen = if amount.trim().is_empty() {
            0
        } else {
            amount_fen("amount", &amount)?
        };
        let (level, why) = level_floor(media, lawsuit, group_action, fen);
        Ok(LevelSuggestion {
            level: level.as_str().into(),
            reasons: why.iter().map(|r| r.label(lang).to_string()).collect(),
        })
    })
}

#[tauri::command]
pub async fn edit_case(
    desk: Desk<'_>,
    number: String,
    edit: CaseEdit,
    reason: String,
) -> IpcResult<Case> {
    desk.acting(|l, by, _| l.edit(by, &number, &edit, &reason))
}

#[tauri::command]
pub async fn set_level(
    desk: Desk<'_>,
    number: String,
    level: String,
    reason: String,
) -> IpcResult<Case> {
    desk.acting(|l, by, _| l.set_level(by, &number, &level, &reason))
}

#[tauri::command]
pub async fn transfer_case(
    desk: Desk<'_>,
    number: String,
    input: TransferInput,
) -> IpcResult<Slip> {
    desk.acting(|l, by, _| l.transfer(by, &number, &input))
}

#[tauri::command]
pub async fn sign_slip(
    desk: Desk<'_>,
    slip: String,
    signed_by: String,
    signed_at: Option<String>,
) -> IpcResult<Slip> {
    desk.acting(|l, by, _| l.sign(by, &slip, &signed_by, signed_at.as_deref()))
}

#[tauri::command]
pub async fn slip_feedback(
    desk: Desk<'_>,
    slip: String,
    feedback: String,
    at: Option<String>,
) -> IpcResult<Slip> {
    desk.acting(|l, by, _| l.slip_feedback(by, &slip, &feedback, at.as_deref()))
}

#[tauri::command]
pub async fn record_progress(
    desk: Desk<'_>,
    number: String,
    action: String,
    result: String,
    at: Option<String>,
) -> IpcResult<Record> {
    desk.acting(|l, by, _| l.record(by, &number, &action, &result, at.as_deref()))
}

#[tauri::command]
pub async fn record_callback(
    desk: Desk<'_>,
    number: String,
    input: CallbackInput,
) -> IpcResult<Callback> {
    desk.acting(|l, by, _| l.callback(by, &number, &input).map(|(c, _)| c))
}

/// pause, resume, finish, close, void: one word and the clerk's note or reason.
#[tauri::command]
pub async fn case_step(
    desk: Desk<'_>,
    number: String,
    step: String,
    note: String,
) -> IpcResult<Case> {
    desk.acting(|l, by, _| match step.as_str() {
        "pause" => l.pause(by, &number, &note),
        "resume" => l.resume(by, &number, &note),
        "finish" => l.finish(by, &number, &note),
        "close" => l.close(by, &number, &note),
        "void" => l.void(by, &number, &note),
        other => Err(LedgerError::Invalid {
            field: "step",
            problem: Problem::BadChoice {
                allowed: "pause, resume, finish, close, void".into(),
            },
            value: other.into(),
        }),
    })
}

/// Writes the major-complaint report; `input.submit` sends it for approval.
#[tauri::command]
pub async fn save_major_report(
    desk: Desk<'_>,
    number: String,
    input: desk_ledger::MajorReportInput,
) -> IpcResult<desk_ledger::MajorReport> {
    desk.acting(|l, by, _| l.save_major_report(by, &number, &input))
}

/// A supervisor approves the submitted report.
#[tauri::command]
pub async fn approve_major_report(
    desk: Desk<'_>,
    number: String,
) -> IpcResult<desk_ledger::MajorReport> {
    desk.acting(|l, by, _| l.approve_major_report(by, &number))
}
