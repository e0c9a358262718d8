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

/// Windows: the PDF reader the clerk has prints the file, through PowerShell's
/// Start-Process (no extra crate): its "print" verb for the default printer, or its
/// "printto" verb with the printer named (`print … --printer 前台`), which Windows
/// readers take as their first argument.
pub struct ShellPrintVerb;

impl ShellPrintVerb {
    /// The PowerShell command that prints `file`. Single quotes in a path or a printer's
    /// name are doubled so the text stays one PowerShell string whatever it holds.
    pub fn script(file: &Path, printer: Option<&str>) -> String {
        let quoted = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let path = quoted(&file.display().to_string());
        match printer.map(str::trim).filter(|p| !p.is_empty()) {
            // The reader wants the name as one argument, spaces and all: in double quotes.
            Some(p) => format!(
                "Start-Process -FilePath {path} -Verb PrintTo -ArgumentList {}",
                quoted(&format!("\"{p}\""))
            ),
            None => format!("Start-Process -FilePath {path} -Verb Print"),
        }
    }
}

impl Spooler for ShellPrintVerb {
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<()> {
        let mut cmd = Command::new("powershell");
        cmd.args([
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            &Self::script(file, printer),
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

#[cfg(test)]
mod tests {
    use super::ShellPrintVerb;
    use std::path::Path;

    #[test]
    fn windows_prints_on_the_default_printer_unless_one_is_named() {
        let file = Path::new(r"C:\Users\前台\AppData\Local\Temp\转交签认单-ZJ-202611-0012.pdf");
        assert_eq!(
            ShellPrintVerb::script(file, None),
            r"Start-Process -FilePath 'C:\Users\前台\AppData\Local\Temp\转交签认单-ZJ-202611-0012.pdf' -Verb Print"
        );
        // A blank name (an empty --printer) is the default printer too.
        assert!(ShellPrintVerb::script(file, Some("  ")).ends_with("-Verb Print"));
        assert_eq!(
            ShellPrintVerb::script(file, Some("前台 HP LaserJet")),
            r#"Start-Process -FilePath 'C:\Users\前台\AppData\Local\Temp\转交签认单-ZJ-202611-0012.pdf' -Verb PrintTo -ArgumentList '"前台 HP LaserJet"'"#
        );
    }

    #[test]
    fn a_quote_in_a_path_or_a_printer_name_stays_inside_its_string() {
        let script = ShellPrintVerb::script(Path::new(r"D:\O'Brien's\slip.pdf"), Some("Lee's"));
        assert_eq!(
            script,
            r#"Start-Process -FilePath 'D:\O''Brien''s\slip.pdf' -Verb PrintTo -ArgumentList '"Lee''s"'"#
        );
    }
}
