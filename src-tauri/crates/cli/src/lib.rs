//! The command-line front end over the Complaint Desk core. Every rule lives in
//! `desk-ledger`; this crate only parses and prints. The desktop binary calls [`main`]
//! when it is started with a subcommand, so `complaint-desk list` works everywhere.

mod args;
mod backup;
mod forms;
mod print;
mod reports;
mod run;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

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
        // "Broken pipe (os error 32)" on Linux, "The pipe is being closed (os error 232)" on Windows.
        if msg.contains("failed printing to stdout")
            && (msg.contains("os error 32") || msg.contains("os error 232"))
        {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// Runs the CLI on `args` (the program name first), printing to stdout/stderr.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    quiet_on_closed_output();
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with success; real usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let json = cli.json;
    let lang = cli.lang();
    match run::run(cli) {
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

/// Whether these arguments ask for a CLI subcommand (or help/version) rather than the
/// desktop window. Global options alone (`--data-dir D`) still open the window.
pub fn wants_cli(args: &[OsString]) -> bool {
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        let s = a.to_string_lossy();
        if s.starts_with("--") && s.contains('=') {
            continue;
        }
        match s.as_ref() {
            "--data-dir" | "--as" | "--lang" | "--pin" => {
                rest.next();
            }
            "--json" => {}
            _ => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::wants_cli;

    fn args(a: &[&str]) -> Vec<std::ffi::OsString> {
        a.iter().map(|s| (*s).into()).collect()
    }

    #[test]
    fn global_options_alone_open_the_window() {
        assert!(!wants_cli(&args(&["complaint-desk"])));
        assert!(!wants_cli(&args(&[
            "complaint-desk",
            "--data-dir",
            "/tmp/x"
        ])));
        assert!(!wants_cli(&args(&[
            "complaint-desk",
            "--data-dir=/tmp/x",
            "--lang",
            "en"
        ])));
        assert!(wants_cli(&args(&[
            "complaint-desk",
            "--data-dir",
            "/tmp/x",
            "list"
        ])));
        assert!(wants_cli(&args(&["complaint-desk", "--help"])));
    }
}
