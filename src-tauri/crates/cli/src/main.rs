//! `complaint-desk`: the command-line front end over the Complaint Desk core.
//! Every rule lives in `desk-ledger`; this file only parses and prints.

mod args;
mod print;
mod run;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
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
