//! `complaint-desk-console`: the installed program's command line in a console.
//!
//! On Windows the desktop app is a GUI program: started from a console it has none, and
//! what its command line prints goes nowhere. This small console program, installed
//! beside it, starts `complaint-desk.exe` with the console's own input and output and
//! returns its exit code, so `complaint-desk-console about` or `… export month` work
//! from cmd.exe and scripts, with the very binary the clerks use (no second copy of
//! the core in the installer). `COMPLAINT_DESK_NO_WINDOW` tells the app never to open
//! its window for these arguments: without a command it prints its help instead.

use std::process::{Command, ExitCode};

/// Set for the app: the arguments are for its command line, never its window. The same
/// name as `desk_cli::NO_WINDOW_ENV`, written here so that this program depends on no
/// crate of the core and stays a few hundred kilobytes.
const NO_WINDOW: &str = "COMPLAINT_DESK_NO_WINDOW";

fn main() -> ExitCode {
    let app = std::env::current_exe()
        .ok()
        .and_then(|me| me.parent().map(|d| d.join(app_file())));
    let Some(app) = app.filter(|a| a.is_file()) else {
        eprintln!(
            "complaint-desk-console: {} is not beside this program; install Complaint Desk again",
            app_file()
        );
        return ExitCode::from(1);
    };
    match Command::new(&app)
        .args(std::env::args_os().skip(1))
        .env(NO_WINDOW, "1")
        .status()
    {
        Ok(status) => ExitCode::from(status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1))),
        Err(e) => {
            eprintln!("complaint-desk-console: {}: {e}", app.display());
            ExitCode::from(1)
        }
    }
}

fn app_file() -> &'static str {
    if cfg!(windows) {
        "complaint-desk.exe"
    } else {
        "complaint-desk"
    }
}
