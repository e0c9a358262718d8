//! First-run set-up, signing in and out, the UI language, drafts.

use desk_ledger::model::Staff;
use desk_ledger::Lang;
use serde::Serialize;
use ts_rs::TS;

use super::Desk;
use crate::error::IpcResult;

#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub initialised: bool,
    pub office_name: String,
    pub company_name: String,
    /// The development build keeps its own identifier and says so in the title.
    pub dev_build: bool,
    pub signed_in: Option<Staff>,
    /// The desk's language (zh-CN, zh-TW, en), kept in the ledger's settings.
    pub language: String,
}

#[tauri::command]
pub async fn app_info(desk: Desk<'_>) -> IpcResult<AppInfo> {
    let signed_in = desk.signed_in();
    desk.with(|l, _| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").into(),
            data_dir: l
                .data_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            initialised: l.is_initialised()?,
            office_name: l.setting("office_name")?,
            company_name: l.setting("company_name")?,
            dev_build: cfg!(debug_assertions),
            signed_in,
            language: Lang::parse(&l.setting("language")?)
                .unwrap_or_default()
                .code()
                .into(),
        })
    })
}

#[tauri::command]
pub async fn init_office(
    desk: Desk<'_>,
    company: String,
    office: String,
    staff_code: String,
    staff_name: String,
) -> IpcResult<Staff> {
    let staff = desk.with(|l, _| l.init(&company, &office, &staff_code, &staff_name))?;
    desk.set_session(Some(staff.clone()));
    Ok(staff)
}

/// Signs in the chosen active staff member; every later write carries their name.
#[tauri::command]
pub async fn sign_in(desk: Desk<'_>, code: String) -> IpcResult<Staff> {
    let staff = desk.with(|l, _| l.staff_member(&code))?;
    tracing::info!(staff = %staff.code, "signed in");
    desk.set_session(Some(staff.clone()));
    Ok(staff)
}

#[tauri::command]
pub async fn sign_out(desk: Desk<'_>) -> IpcResult<()> {
    desk.set_session(None);
    // The previewed form may carry a resident's data: it leaves with the clerk.
    desk.set_prepared(None);
    Ok(())
}

/// The language of the screens and of messages made in the core (errors, deadline
/// explanations); kept for the next start once someone is signed in.
#[tauri::command]
pub async fn set_language(desk: Desk<'_>, lang: String) -> IpcResult<()> {
    let lang = Lang::parse(&lang).unwrap_or_default();
    desk.set_lang(lang);
    if desk.signed_in().is_some() {
        desk.acting(|l, by, _| l.set_setting(by, "language", lang.code()))?;
    }
    Ok(())
}

#[tauri::command]
pub async fn save_draft(desk: Desk<'_>, form: String, body: String) -> IpcResult<()> {
    desk.acting(|l, by, _| l.save_draft(by, &form, &body))
}

#[tauri::command]
pub async fn load_draft(desk: Desk<'_>, form: String) -> IpcResult<Option<String>> {
    desk.acting(|l, by, _| l.draft(by, &form))
}

#[tauri::command]
pub async fn discard_draft(desk: Desk<'_>, form: String) -> IpcResult<()> {
    desk.acting(|l, by, _| l.discard_draft(by, &form))
}
