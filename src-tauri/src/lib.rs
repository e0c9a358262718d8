//! Complaint Desk desktop app: the Tauri v2 shell over the core crates. It wires things
//! up (data directory, single instance, logging, escalation timer, IPC commands) and
//! holds no business rule. With a subcommand, the same binary is the CLI.

#[cfg(test)]
mod bindings;
mod commands;
mod error;
#[cfg(test)]
mod ipc_contract;
mod logging;
mod platform;
mod single;
mod state;
mod window_fit;

pub use platform::prepare_webview;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use desk_ledger::{data_dir_from, Clock, Ledger};
use tauri::{Emitter, Manager};

/// How often open complaints are checked for automatic escalation while the app runs.
const ESCALATION_EVERY: Duration = Duration::from_secs(300);
/// The first run waits this long after start-up.
const ESCALATION_DELAY: Duration = Duration::from_secs(5);
/// The integrity check and the daily backup read the whole file: they wait until the
/// window and the first screens have had the disk.
const KEEPER_DELAY: Duration = Duration::from_secs(10);
/// How often an upgrade waiting for another program tries the file again, and how often
/// the background rounds look whether the upgrade is done.
const UPGRADE_RETRY: Duration = Duration::from_secs(1);

pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let given = match desk_cli::start_of(&args) {
        desk_cli::Start::Cli => return desk_cli::main(args),
        desk_cli::Start::Window { data_dir } => data_dir,
    };
    platform::prepare_webview();
    match run(given) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("complaint-desk: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--data-dir` when given, else what the core resolves for the CLI too (the
/// environment variable, then the user's data directory).
fn run(given: Option<PathBuf>) -> Result<(), String> {
    let dir = data_dir_from(given).ok_or("no user data directory on this system")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let _log = logging::init(&dir);
    let guard = match single::claim(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        single::Claim::First(g) => g,
        single::Claim::Other => {
            tracing::info!("already running for this data directory; showed that window");
            return Ok(());
        }
    };
    let clock = Clock::from_env().map_err(|e| e.to_string())?;
    // Off the start path: a temporary folder on a slow disk never delays the window.
    std::thread::spawn(commands::attachments::clear_opened_copies);
    tracing::info!(data_dir = %dir.display(), "starting");
    // An older ledger is upgraded beside the window (minutes on a large file), behind a
    // waiting screen; any other is opened before it, which takes milliseconds.
    let pending = desk_ledger::pending_upgrade(&dir);
    let desk = match &pending {
        Some(p) => {
            let stand_in = Ledger::in_memory().map_err(|e| e.to_string())?;
            let desk = state::Desk::new(dir.clone(), stand_in, None);
            desk.start_upgrade(p);
            desk
        }
        None => opened(&dir, clock)?,
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(desk)
        .invoke_handler(tauri::generate_handler![
            commands::session::app_info,
            commands::session::about,
            commands::session::open_data_folder,
            commands::session::init_office,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::lock_session,
            commands::session::unlock_session,
            commands::session::set_pin,
            commands::access::access_log,
            commands::access::export_access_log,
            commands::backup::list_backups,
            commands::backup::backup_now,
            commands::backup::restore_backup,
            commands::backup::reopen_ledger,
            commands::session::set_language,
            commands::session::set_text_size,
            commands::session::save_draft,
            commands::session::load_draft,
            commands::session::discard_draft,
            commands::dashboard::desk_counts,
            commands::dashboard::office_today,
            commands::dashboard::reporting_month,
            commands::dashboard::month_figures,
            commands::dashboard::due_list,
            commands::cases::register_case,
            commands::cases::list_cases,
            commands::cases::case_view,
            commands::cases::related_cases,
            commands::cases::suggest_level,
            commands::cases::edit_case,
            commands::cases::set_level,
            commands::cases::transfer_case,
            commands::cases::sign_slip,
            commands::cases::slip_feedback,
            commands::cases::record_progress,
            commands::cases::record_callback,
            commands::cases::case_step,
            commands::cases::save_major_report,
            commands::cases::approve_major_report,
            commands::directory::directory,
            commands::directory::find_units,
            commands::directory::save_unit,
            commands::directory::add_staff,
            commands::directory::add_department,
            commands::directory::add_category,
            commands::directory::add_channel,
            commands::directory::set_active,
            commands::directory::rename,
            commands::directory::list_history,
            commands::directory::set_staff_role,
            commands::directory::staff_rights,
            commands::directory::deadline_rules,
            commands::directory::set_deadline_rule,
            commands::directory::settings,
            commands::directory::set_setting,
            commands::directory::calendar_year,
            commands::directory::set_calendar_day,
            commands::directory::confirm_calendar_year,
            commands::directory::import_calendar,
            commands::directory::set_office_hours,
            commands::reports::suggest_export_path,
            commands::reports::export_period,
            commands::reports::consolidate_files,
            commands::reports::preview_units,
            commands::reports::import_units,
            commands::reports::reveal_file,
            commands::attachments::attach_files,
            commands::attachments::attachment_content,
            commands::attachments::attachment_thumbnail,
            commands::attachments::file_preview,
            commands::attachments::open_attachment,
            commands::attachments::withdraw_attachment,
            commands::forms::prepare_form,
            commands::forms::form_pdf,
            commands::forms::print_form,
            commands::forms::save_form,
        ])
        .setup(move |app| {
            // The installed app carries the form font among its resources.
            if let Ok(res) = app.path().resource_dir() {
                desk_forms::fonts::add_font_dir(&res.join("fonts"));
            }
            if let Some(w) = app.get_webview_window("main") {
                if let Err(e) = window_fit::fit(&w) {
                    tracing::warn!(error = %e, "could not fit the window to the screen");
                }
            }
            let handle = app.handle().clone();
            guard.serve(move || show_main_window(&handle));
            if pending.is_some() {
                let handle = app.handle().clone();
                let dir = dir.clone();
                std::thread::spawn(move || upgrade(&handle, &dir, clock));
            }
            // Escalation runs at start and then every few minutes, beside the window: a
            // ledger that was closed for a long weekend may have thousands to escalate.
            let handle = app.handle().clone();
            let keeper_handle = app.handle().clone();
            std::thread::spawn(move || keeper(&keeper_handle, &dir));
            std::thread::spawn(move || loop {
                // Let the window and the sign-in screen have the ledger first.
                std::thread::sleep(ESCALATION_DELAY);
                let desk = handle.state::<state::Desk>();
                while desk.upgrading().is_some() {
                    std::thread::sleep(UPGRADE_RETRY);
                }
                if let Ok(done) = desk.with(|l, _| Ok(escalate(l))) {
                    if done > 0 {
                        let _ = handle.emit("cases-changed", done);
                    }
                }
                std::thread::sleep(ESCALATION_EVERY - ESCALATION_DELAY);
            });
            Ok(())
        })
        .run(context())
        .map_err(|e| e.to_string())
}

/// The ledger as opened at start-up; one that cannot be opened (damaged, from a newer
/// version, unreadable) is never replaced by an empty one: the window opens on the way
/// back instead, with an empty ledger standing in, in the office's language where the
/// file still tells it.
fn opened(dir: &std::path::Path, clock: Clock) -> Result<state::Desk, String> {
    let (mut ledger, problem, lang) = match Ledger::open(dir) {
        Ok(l) => {
            let lang = l.setting("language").ok();
            (l, None, lang)
        }
        Err(e) => {
            tracing::error!(error = %e, "the ledger cannot be opened");
            let stand_in = Ledger::in_memory().map_err(|e| e.to_string())?;
            (stand_in, Some(e), desk_ledger::stored_language(dir))
        }
    };
    ledger.set_clock(clock);
    let desk = state::Desk::new(dir.to_path_buf(), ledger, problem);
    desk.set_lang_code(&lang.unwrap_or_default());
    Ok(desk)
}

/// Beside the window: opens the older ledger, which copies it and then migrates it, and
/// puts it in place of the stand-in. A program writing the file is waited for, the
/// screen saying so; any other failure takes the desk to the way back, as at start-up.
/// Also run when the clerk tries again from the way back (a disk since freed).
pub(crate) fn upgrade(handle: &tauri::AppHandle, dir: &std::path::Path, clock: Clock) {
    let desk = handle.state::<state::Desk>();
    loop {
        tracing::info!(data_dir = %dir.display(), "upgrading the ledger");
        match Ledger::open(dir) {
            Err(desk_ledger::LedgerError::Busy) => {
                tracing::warn!("the ledger is held by another program; the upgrade waits");
                if let Some(mut u) = desk.upgrading() {
                    u.waiting_for_file = true;
                    desk.set_upgrading(Some(u));
                }
                let _ = handle.emit("ledger-upgrading", ());
                std::thread::sleep(UPGRADE_RETRY);
            }
            Ok(mut ledger) => {
                ledger.set_clock(clock);
                desk.open_with(ledger);
                tracing::info!("the ledger is upgraded");
                break;
            }
            Err(e) => {
                tracing::error!(error = %e, "the ledger cannot be upgraded");
                match Ledger::in_memory() {
                    Ok(stand_in) => desk.fail(e, stand_in),
                    Err(e) => tracing::error!(error = %e, "no stand-in ledger"),
                }
                break;
            }
        }
    }
    desk.set_upgrading(None);
    let _ = handle.emit("ledger-upgraded", ());
}

/// Beside the window, on a connection of its own so a large ledger never holds up the
/// clerk's screens: first the start-up integrity check, then a verified, rotated copy
/// once a day. The file is opened afresh each round and closed between rounds, so a
/// restore can swap it. Damage found takes the desk to the way back.
fn keeper(handle: &tauri::AppHandle, dir: &std::path::Path) {
    std::thread::sleep(KEEPER_DELAY);
    let mut checked = false;
    loop {
        let desk = handle.state::<state::Desk>();
        // The upgrade has the file to itself; the upgraded file is checked after it.
        while desk.upgrading().is_some() {
            std::thread::sleep(UPGRADE_RETRY);
        }
        // A damaged ledger waits for its restore; the restored file is checked again.
        if desk.has_problem() {
            checked = false;
        } else {
            let _quiet = desk.maintenance();
            match keep(dir, checked) {
                Ok(()) => checked = true,
                Err(e @ desk_ledger::LedgerError::Damaged { .. }) => {
                    tracing::error!(error = %e, "start-up check: the ledger is damaged");
                    match Ledger::in_memory() {
                        Ok(stand_in) => desk.fail(e, stand_in),
                        Err(e) => tracing::error!(error = %e, "no stand-in ledger"),
                    }
                    let _ = handle.emit("ledger-damaged", ());
                }
                Err(e) => tracing::error!(error = %e, "backup round failed"),
            }
        }
        std::thread::sleep(ESCALATION_EVERY);
    }
}

/// One round of the keeper: the integrity check and the thumbnail sweep unless done,
/// then today's backup.
fn keep(dir: &std::path::Path, checked: bool) -> desk_ledger::Result<()> {
    let mut ledger = Ledger::open(dir)?;
    ledger.set_clock(Clock::from_env()?);
    if !checked {
        ledger.quick_check()?;
        tracing::info!("start-up check: the ledger is sound");
        match ledger.sweep_thumbnails() {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "thumbnails no attachment has"),
            Err(e) => tracing::warn!(error = %e, "thumbnail sweep failed"),
        }
    }
    if let Some(info) = ledger.daily_backup()? {
        tracing::info!(file = %info.file, cases = info.cases, "daily backup");
    }
    Ok(())
}

/// Escalates overdue general complaints (docs/deadlines.md); returns how many.
fn escalate(ledger: &mut Ledger) -> usize {
    match ledger.escalate() {
        Ok(numbers) => {
            if !numbers.is_empty() {
                let first: Vec<_> = numbers.iter().take(20).collect();
                tracing::info!(count = numbers.len(), ?first, "escalated to major");
            }
            numbers.len()
        }
        Err(e) => {
            tracing::error!(error = %e, "escalation failed");
            0
        }
    }
}

fn show_main_window(handle: &tauri::AppHandle) {
    if let Some(w) = handle.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

/// Development builds carry their own identifier (and title), so they never share
/// the webview storage or the installed package of the release build.
fn context() -> tauri::Context {
    #[cfg(debug_assertions)]
    return tauri::generate_context!("tauri.dev.conf.json");
    #[cfg(not(debug_assertions))]
    return tauri::generate_context!();
}
