//! The office's lists (staff, departments, categories, channels, units), settings and
//! the working calendar.

use desk_ledger::model::{Category, Channel, Department, HistoryEntry, Staff, Unit};
use desk_ledger::{DeadlineRule, NewUnit, StaffRights, YearView};
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::error::IpcResult;

/// Everything the forms' pickers need, fetched once per screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Directory {
    pub staff: Vec<Staff>,
    pub departments: Vec<Department>,
    pub categories: Vec<Category>,
    pub channels: Vec<Channel>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Setting {
    pub key: String,
    pub value: String,
}

#[tauri::command]
pub async fn directory(desk: Desk<'_>, include_inactive: bool) -> IpcResult<Directory> {
    desk.with(|l, _| {
        Ok(Directory {
            staff: l.staff(include_inactive)?,
            departments: l.departments(include_inactive)?,
            categories: l.categories(include_inactive)?,
            channels: l.channels(include_inactive)?,
        })
    })
}

/// Units whose building / room / owner match what the clerk is typing.
#[tauri::command]
pub async fn find_units(desk: Desk<'_>, query: String) -> IpcResult<Vec<Unit>> {
    desk.acting(|l, _, _| l.units(&query, 20))
}

#[tauri::command]
pub async fn save_unit(desk: Desk<'_>, unit: NewUnit) -> IpcResult<Unit> {
    desk.acting(|l, by, _| l.upsert_unit(by, &unit).map(|(u, _)| u))
}

#[tauri::command]
pub async fn add_staff(
    desk: Desk<'_>,
    code: String,
    name: String,
    role: String,
) -> IpcResult<Staff> {
    desk.acting(|l, by, _| l.add_staff(by, &code, &name, &role))
}

#[tauri::command]
pub async fn add_department(
    desk: Desk<'_>,
    code: String,
    name: String,
    external: bool,
) -> IpcResult<Department> {
    desk.acting(|l, by, _| l.add_department(by, &code, &name, external))
}

#[tauri::command]
pub async fn add_category(
    desk: Desk<'_>,
    code: String,
    name: String,
    kind: String,
    parent: Option<String>,
) -> IpcResult<Category> {
    desk.acting(|l, by, _| l.add_category(by, &code, &name, &kind, parent.as_deref()))
}

#[tauri::command]
pub async fn add_channel(desk: Desk<'_>, code: String, name: String) -> IpcResult<Channel> {
    desk.acting(|l, by, _| l.add_channel(by, &code, &name))
}

/// Gives a staff member another role (administrators; never their own).
#[tauri::command]
pub async fn set_staff_role(desk: Desk<'_>, code: String, role: String) -> IpcResult<Staff> {
    desk.acting(|l, by, _| l.update_staff(by, &code, None, Some(&role), None))
}

/// What the signed-in staff member may do to each staff member's row in Settings.
#[tauri::command]
pub async fn staff_rights(desk: Desk<'_>) -> IpcResult<Vec<StaffRights>> {
    desk.acting(|l, by, _| l.staff_rights(by))
}

/// Retires or restores a staff member, department, category or channel (never deleted).
#[tauri::command]
pub async fn set_active(
    desk: Desk<'_>,
    table: String,
    code: String,
    active: bool,
) -> IpcResult<()> {
    desk.acting(|l, by, _| l.set_active(by, &table, &code, active))
}

/// Renames a department, category or channel; its cases show the new name.
#[tauri::command]
pub async fn rename(desk: Desk<'_>, table: String, code: String, name: String) -> IpcResult<()> {
    desk.acting(|l, by, _| l.rename(by, &table, &code, &name))
}

/// Who added, renamed, retired or restored a staff member, department, category or channel,
/// in the clerk's words.
#[tauri::command]
pub async fn list_history(
    desk: Desk<'_>,
    table: String,
    code: String,
) -> IpcResult<Vec<HistoryEntry>> {
    desk.with(|l, lang| l.list_history_in(&table, &code, lang))
}

#[tauri::command]
pub async fn settings(desk: Desk<'_>) -> IpcResult<Vec<Setting>> {
    desk.with(|l, _| {
        Ok(l.settings()?
            .into_iter()
            .map(|(key, value)| Setting { key, value })
            .collect())
    })
}

#[tauri::command]
pub async fn set_setting(desk: Desk<'_>, key: String, value: String) -> IpcResult<()> {
    desk.acting(|l, by, _| l.set_setting(by, &key, &value))
}

#[tauri::command]
pub async fn calendar_year(desk: Desk<'_>, year: i32) -> IpcResult<YearView> {
    desk.with(|l, _| l.calendar_year(year))
}

/// kind: holiday, workday (a make-up working day) or normal.
#[tauri::command]
pub async fn set_calendar_day(
    desk: Desk<'_>,
    date: String,
    kind: String,
    name: String,
) -> IpcResult<YearView> {
    desk.acting(|l, by, _| l.set_calendar_day(by, &date, &kind, &name))
}

/// Holidays and make-up days from an .ics file the administrator picked: days imported.
#[tauri::command]
pub async fn import_calendar(desk: Desk<'_>, path: String) -> IpcResult<usize> {
    desk.acting(|l, by, _| l.import_ics_file(by, std::path::Path::new(&path)))
}

/// A year's holidays are all entered by hand: it counts as covered.
#[tauri::command]
pub async fn confirm_calendar_year(desk: Desk<'_>, year: i32) -> IpcResult<YearView> {
    desk.acting(|l, by, _| l.confirm_calendar_year(by, year))
}

/// weekdays 1 = Monday … 7 = Sunday; periods "08:30-12:00,13:30-17:30", empty = day off.
#[tauri::command]
pub async fn set_office_hours(
    desk: Desk<'_>,
    weekdays: Vec<u32>,
    periods: String,
) -> IpcResult<()> {
    desk.acting(|l, by, _| l.set_office_hours(by, &weekdays, &periods).map(|_| ()))
}

/// The deadline steps with the span in force and the procedures' default, in words.
#[tauri::command]
pub async fn deadline_rules(desk: Desk<'_>) -> IpcResult<Vec<DeadlineRule>> {
    desk.with(|l, lang| Ok(l.deadline_policy()?.rules(lang)))
}

/// Changes one step's span (supervisors); open cases' deadlines follow.
#[tauri::command]
pub async fn set_deadline_rule(
    desk: Desk<'_>,
    step: String,
    amount: i64,
    unit: String,
) -> IpcResult<Vec<DeadlineRule>> {
    desk.acting(|l, by, lang| Ok(l.set_deadline_rule(by, &step, amount, &unit)?.rules(lang)))
}
