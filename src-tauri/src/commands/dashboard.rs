//! The dashboard: tiles, the month's rates against the targets, the due list.

use desk_ledger::{DeskCounts, DueItem, Figures, DASHBOARD_DUE_ITEMS, DUE_SOON_MINUTES};

use super::Desk;
use crate::error::IpcResult;

#[tauri::command]
pub async fn desk_counts(desk: Desk<'_>) -> IpcResult<DeskCounts> {
    desk.with(|l, _| l.desk_counts(DUE_SOON_MINUTES))
}

/// The office's date now: what the screens offer as today and this month.
#[tauri::command]
pub async fn office_today(desk: Desk<'_>) -> IpcResult<String> {
    desk.with(|l, _| Ok(l.today()))
}

/// The month the month-end export and notice are for by default (`2026-11`).
#[tauri::command]
pub async fn reporting_month(desk: Desk<'_>) -> IpcResult<String> {
    desk.with(|l, _| Ok(l.reporting_month()))
}

/// `month`: "2026-11"; empty for the current month.
#[tauri::command]
pub async fn month_figures(desk: Desk<'_>, month: String) -> IpcResult<Figures> {
    desk.with(|l, _| l.month_figures(&month))
}

/// The most urgent cases overdue now (`overdue_only`) or falling due soon, soonest
/// first; the tiles count them all.
#[tauri::command]
pub async fn due_list(desk: Desk<'_>, overdue_only: bool) -> IpcResult<Vec<DueItem>> {
    desk.acting(|l, _, lang| {
        l.due_list(
            DUE_SOON_MINUTES,
            overdue_only,
            None,
            None,
            lang,
            DASHBOARD_DUE_ITEMS,
        )
    })
}
