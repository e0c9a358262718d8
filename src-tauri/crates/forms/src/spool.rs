//! Sending a PDF to the printer through the operating system: one interface, a Linux
//! (CUPS `lp`) and a Windows (the shell's "print" verb) implementation.

use std::path::Path;
use std::process::Command;

use crate::error::{FormError, Result};

pub trait Spooler {
    /// Prints the file on the default printer (or `printer`, where the system names them).
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<()>;
}

fn run(mut cmd: Command) -> Result<()> {
    let out = cmd
        .output()
        .map_err(|e| FormError::Spool(format!("{:?}: {e}", cmd.get_program())))?;
    if out.status.success() {
        Ok(())
    } else {
        let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(FormError::Spool(if msg.is_empty() {
            out.status.to_string()
        } else {
            msg
        }))
    }
}

/// CUPS: `lp [-d printer] file`. `COMPLAINT_DESK_LP` names another program (tests).
pub struct Lp;

impl Spooler for Lp {
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<()> {
        let program = std::env::var_os("COMPLAINT_DESK_LP").unwrap_or_else(|| "lp".into());
        let mut cmd = Command::new(program);
        if let Some(p) = printer.filter(|p| !p.is_empty()) {
            cmd.arg("-d").arg(p);
        }
        cmd.arg("--").arg(file);
        run(cmd)
    }
}

/// Windows: the "print" verb of the PDF reader the clerk has, through PowerShell's
/// Start-Process (no extra crate; the default printer is used).
pub struct ShellPrintVerb;

impl Spooler for ShellPrintVerb {
    fn print(&self, file: &Path, _printer: Option<&str>) -> Result<()> {
        let path = file.display().to_string().replace('\'', "''");
        let mut cmd = Command::new("powershell");
        cmd.args([
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            &format!("Start-Process -FilePath '{path}' -Verb Print"),
        ]);
        run(cmd)
    }
}

/// The spooler of the system this runs on.
pub fn system_spooler() -> Box<dyn Spooler + Send + Sync> {
    if cfg!(windows) {
        Box::new(ShellPrintVerb)
    } else {
        Box::new(Lp)
    }
}
