//! `backup` and `restore`: parse, call the core, report.

use std::path::Path;

use desk_ledger::backup::{backup_dir, list, restore as put_back, verify};
use desk_ledger::{Clock, Ledger};

use crate::args::{BackupArgs, BackupCmd};
use crate::run::CliError;

type R = Result<(), CliError>;

fn show(json: bool, v: &impl serde::Serialize) {
    if json {
        println!("{}", serde_json::to_string(v).unwrap_or_default());
    } else {
        println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
    }
}

pub fn backup(l: &mut Ledger, data_dir: &Path, who: Option<&str>, a: BackupArgs, json: bool) -> R {
    match a.cmd {
        None => {
            let dir = a.to.unwrap_or_else(|| backup_dir(data_dir));
            let info = l.make_backup(who, &dir, "manual")?;
            show(json, &info);
        }
        Some(BackupCmd::List { dir }) => {
            show(json, &list(&dir.unwrap_or_else(|| backup_dir(data_dir)))?);
        }
        Some(BackupCmd::Verify { file }) => show(json, &verify(&file)?),
        Some(BackupCmd::Check) => {
            l.quick_check()?;
            show(
                json,
                &serde_json::json!({ "ledger": desk_ledger::db_path(data_dir), "ok": true }),
            );
        }
    }
    Ok(())
}

/// Restores with the current ledger closed, reopens it and records the restore in the
/// restored ledger's history, with `by` (None: a damaged ledger had nobody to check).
pub fn restore(by: Option<String>, data_dir: &Path, file: &Path, json: bool) -> R {
    let (info, aside) = put_back(data_dir, file)?;
    let mut l = Ledger::open(data_dir)?;
    l.set_clock(Clock::from_env()?);
    let info = l.log_restore(by.as_deref(), info, aside.as_deref())?;
    show(
        json,
        &serde_json::json!({ "restored": info, "previous": aside.map(|p| p.display().to_string()) }),
    );
    Ok(())
}
