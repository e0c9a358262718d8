//! The command-line front end over the Complaint Desk core. Every rule lives in
//! `desk-ledger`; this crate only parses and prints. The desktop binary calls [`main`]
//! when it is started with a subcommand, so `complaint-desk list` works everywhere.

mod about;
mod args;
mod backup;
mod forms;
mod print;
mod reports;
mod run;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// Output piped into `head` or a closed pager ends the program quietly, as any command
/// line tool does, instead of a panic about a broken pipe.
fn quiet_on_closed_output() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        // "Broken pipe (os error 32)" on Linux; on Windows "The pipe is being closed
        // (os error 232)", or 233, "No process is on the other end of the pipe".
        let closed = ["(os error 32)", "(os error 232)", "(os error 233)"];
        if msg.contains("failed printing to stdout") && closed.iter().any(|c| msg.contains(c)) {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Runs the CLI on `args` (the program name first), printing to stdout/stderr.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    quiet_on_closed_output();
    let mut cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with success; real usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let json = cli.json;
    let lang = cli.lang();
    if cli.version {
        about::print_version(json);
        return ExitCode::SUCCESS;
    }
    // The standalone CLI binary started bare: what it can do, as a usage error.
    let Some(cmd) = cli.cmd.take() else {
        let _ = args::Cli::command().print_help();
        return ExitCode::from(2);
    };
    match run::run(cli, cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = e.message(lang);
            if json {
                let body = serde_json::json!({ "error": { "kind": e.kind(), "field": e.field(), "message": message } });
                eprintln!("{body}");
            } else {
                eprintln!("{}: {message}", lang.pick("错误", "錯誤", "error"));
            }
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
    }
}

/// How the binary was asked to start.
#[derive(Debug, PartialEq, Eq)]
pub enum Start {
    /// The desktop window, on this data directory (`--data-dir`) or the one the core
    /// resolves.
    Window { data_dir: Option<PathBuf> },
    /// A CLI subcommand, help, version, or a mistake for the CLI to explain.
    Cli,
}

/// Set by `complaint-desk-console` (the installed command line on Windows): the
/// arguments are the CLI's even without a command, which then prints its help.
pub const NO_WINDOW_ENV: &str = "COMPLAINT_DESK_NO_WINDOW";

/// Reads the arguments with the CLI's own grammar: global options alone (`--data-dir
/// D`, `--lang en`) open the window; anything else is the CLI's.
pub fn start_of(args: &[OsString]) -> Start {
    if std::env::var_os(NO_WINDOW_ENV).is_some_and(|v| !v.is_empty()) {
        return Start::Cli;
    }
    match args::Cli::try_parse_from(args) {
        Ok(cli) if cli.cmd.is_none() && !cli.version => Start::Window {
            data_dir: cli.data_dir,
        },
        _ => Start::Cli,
    }
}

#[cfg(test)]
mod tests {
    use super::{start_of, Start};

    fn start(a: &[&str]) -> Start {
        let args: Vec<std::ffi::OsString> = a.iter().map(|s| (*s).into()).collect();
        start_of(&args)
    }

    #[test]
    fn global_options_alone_open_the_window() {
        let window = |d: Option<&str>| Start::Window {
            data_dir: d.map(Into::into),
        };
        assert_eq!(start(&["complaint-desk"]), window(None));
        assert_eq!(
            start(&["complaint-desk", "--data-dir", "/tmp/x"]),
            window(Some("/tmp/x"))
        );
        assert_eq!(
            start(&["complaint-desk", "--data-dir=/tmp/x", "--lang", "en"]),
            window(Some("/tmp/x"))
        );
        assert_eq!(
            start(&["complaint-desk", "--data-dir", "/tmp/x", "list"]),
            Start::Cli
        );
        assert_eq!(start(&["complaint-desk", "--help"]), Start::Cli);
        assert_eq!(start(&["complaint-desk", "--version"]), Start::Cli);
        assert_eq!(start(&["complaint-desk", "--json", "-V"]), Start::Cli);
        assert_eq!(start(&["complaint-desk", "--data-dir"]), Start::Cli);
        assert_eq!(start(&["complaint-desk", "--bogus"]), Start::Cli);
    }
}
