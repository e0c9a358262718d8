//! First-run set-up, signing in and out, the UI language, drafts.

use desk_ledger::model::Staff;
use desk_ledger::{Lang, Rights};
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
    /// The screen is locked after the idle time; the signed-in staff member unlocks it.
    pub locked: bool,
    /// Minutes without input before the screen locks (0: never).
    pub idle_lock_minutes: u32,
    /// Why the ledger could not be opened: the app shows the way back.
    pub problem: Option<String>,
    /// Whether that way back is restoring a backup; otherwise the file is unchanged and
    /// the clerk deals with the cause (a newer version, a full disk) and reopens.
    pub problem_restorable: bool,
    /// What the signed-in staff member may do beyond a clerk's work (the core's rules);
    /// all false when no one is signed in.
    pub rights: Rights,
    /// An older ledger is being upgraded: the app shows a waiting screen until it is done.
    pub upgrading: Option<crate::state::Upgrading>,
}

/// What 关于 shows: the version, the ledger's schema, the folders, the form font.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AboutInfo {
    pub about: desk_ledger::About,
    /// The form font in use, or why there is none (in the desk's language).
    pub font: Option<String>,
    pub font_problem: Option<String>,
}

#[tauri::command]
pub async fn about(desk: Desk<'_>) -> IpcResult<AboutInfo> {
    let (font, font_problem) = desk_forms::fonts::status(desk.lang());
    Ok(AboutInfo {
        about: desk_ledger::About::of(desk.dir()),
        font,
        font_problem,
    })
}

/// Opens the data folder (ledger, backups, logs) in the file manager.
#[tauri::command]
pub async fn open_data_folder(desk: Desk<'_>) -> IpcResult<()> {
    crate::platform::open(desk.dir()).map_err(|e| crate::error::IpcError {
        kind: "storage".into(),
        message: e.to_string(),
        field: None,
    })
}

#[tauri::command]
pub async fn app_info(desk: Desk<'_>) -> IpcResult<AppInfo> {
    let signed_in = desk.signed_in();
    let upgrading = desk.upgrading();
    // While an older ledger is upgraded, or when it could not be opened, nothing can be
    // read from it: the waiting screen and the way back need only the language, which
    // the desk holds (read from the file where it could be).
    let unreadable = upgrading.is_some() || desk.has_problem();
    let (initialised, office_name, company_name, language, idle_lock_minutes) = if unreadable {
        (true, String::new(), String::new(), desk.lang(), 0)
    } else {
        desk.with(|l, _| {
            Ok((
                l.is_initialised()?,
                l.setting("office_name")?,
                l.setting("company_name")?,
                Lang::parse(&l.setting("language")?).unwrap_or_default(),
                l.idle_lock_minutes()?,
            ))
        })?
    };
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: desk.dir().display().to_string(),
        initialised,
        office_name,
        company_name,
        dev_build: cfg!(debug_assertions),
        language: language.code().into(),
        locked: desk.is_locked(),
        idle_lock_minutes,
        problem: desk.problem(),
        problem_restorable: desk.restore_helps(),
        rights: signed_in
            .as_ref()
            .map(|s| Rights::of(s.role))
            .unwrap_or_default(),
        signed_in,
        upgrading,
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
    let staff =
        desk.with(|l, lang| l.init_in(lang, &company, &office, &staff_code, &staff_name))?;
    desk.set_session(Some(staff.clone()));
    Ok(staff)
}

/// Signs in the chosen active staff member (with their PIN when they have one); every
/// later write carries their name.
#[tauri::command]
pub async fn sign_in(desk: Desk<'_>, code: String, pin: Option<String>) -> IpcResult<Staff> {
    let staff = desk.with(|l, _| l.sign_in(&code, pin.as_deref()))?;
    tracing::info!(staff = %staff.code, "signed in");
    desk.set_session(Some(staff.clone()));
    desk.set_locked(false);
    Ok(staff)
}

/// The idle time has passed: nothing is served until the same staff member unlocks.
#[tauri::command]
pub async fn lock_session(desk: Desk<'_>) -> IpcResult<()> {
    if desk.signed_in().is_some() {
        desk.set_locked(true);
        // The previewed form may carry a resident's data.
        desk.set_prepared(None);
    }
    Ok(())
}

#[tauri::command]
pub async fn unlock_session(desk: Desk<'_>, pin: Option<String>) -> IpcResult<Staff> {
    let who = desk
        .signed_in()
        .ok_or_else(|| crate::error::IpcError::not_signed_in(desk.lang()))?;
    let staff = desk.with(|l, _| l.unlock(&who.code, pin.as_deref()))?;
    desk.set_locked(false);
    Ok(staff)
}

/// Sets, changes (`current` for one's own) or clears (`pin` None) a staff PIN.
#[tauri::command]
pub async fn set_pin(
    desk: Desk<'_>,
    code: String,
    current: Option<String>,
    pin: Option<String>,
) -> IpcResult<Staff> {
    let staff = desk.acting(|l, by, _| l.set_pin(by, &code, current.as_deref(), pin.as_deref()))?;
    if desk.signed_in().is_some_and(|s| s.code == staff.code) {
        desk.set_session(Some(staff.clone()));
    }
    Ok(staff)
}

#[tauri::command]
pub async fn sign_out(desk: Desk<'_>) -> IpcResult<()> {
    desk.set_session(None);
    desk.set_locked(false);
    // The previewed form may carry a resident's data: it leaves with the clerk.
    desk.set_prepared(None);
    Ok(())
}

/// The signed-in staff member's own text size; the window zooms to it at each sign-in.
#[tauri::command]
pub async fn set_text_size(desk: Desk<'_>, size: String) -> IpcResult<Staff> {
    let staff = desk.acting(|l, by, _| l.set_text_size(by, &size))?;
    desk.set_session(Some(staff.clone()));
    Ok(staff)
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
