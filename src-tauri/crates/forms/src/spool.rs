//! Sending a PDF to the printer through the operating system: one interface, a Linux
//! (CUPS `lp`) and a Windows (the PDF reader's print verb) implementation.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::error::{FormError, Result};

/// What became of a form handed to the system for printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handed {
    /// The spooler took it for the printer.
    Printed,
    /// No program on the computer prints a PDF without showing it (a Windows PC whose
    /// PDF reader is the browser): the form was opened in the reader instead, for the
    /// clerk to print from there.
    OpenedInReader,
}

pub trait Spooler {
    /// Prints the file on the default printer (or `printer`, where the system names them).
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<Handed>;
}

/// Runs the spooler's command. `opened_code` is the exit code by which the command says
/// it opened the file in the reader instead of printing it.
fn run(mut cmd: Command, opened_code: Option<i32>) -> Result<Handed> {
    let out = cmd
        .output()
        .map_err(|e| FormError::Spool(format!("{:?}: {e}", cmd.get_program())))?;
    if out.status.success() {
        return Ok(Handed::Printed);
    }
    if opened_code.is_some() && out.status.code() == opened_code {
        return Ok(Handed::OpenedInReader);
    }
    let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
    Err(FormError::Spool(if msg.is_empty() {
        out.status.to_string()
    } else {
        msg
    }))
}

/// CUPS: `lp [-d printer] file`. `COMPLAINT_DESK_LP` names another program (tests).
pub struct Lp;

impl Spooler for Lp {
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<Handed> {
        let program = std::env::var_os("COMPLAINT_DESK_LP").unwrap_or_else(|| "lp".into());
        let mut cmd = Command::new(program);
        if let Some(p) = printer.filter(|p| !p.is_empty()) {
            cmd.arg("-d").arg(p);
        }
        cmd.arg("--").arg(file);
        run(cmd, None)
    }
}

/// Windows: the PDF reader the clerk has prints the file, through PowerShell's
/// Start-Process (no extra crate): its "print" verb for the default printer, or its
/// "printto" verb with the printer named (`print … --printer 前台`), which Windows
/// readers take as their first argument. A reader without the verb (the browser, on
/// many PCs) refuses it; the form is then opened in it for the clerk to print there.
pub struct ShellPrintVerb {
    /// `powershell`; another program in tests.
    pub program: OsString,
}

impl Default for ShellPrintVerb {
    fn default() -> Self {
        ShellPrintVerb {
            program: "powershell".into(),
        }
    }
}

impl ShellPrintVerb {
    /// The exit code of the script when it opened the form instead of printing it.
    pub const OPENED_IN_READER: i32 = 3;

    /// The PowerShell command that prints `file`, or opens it when nothing will print
    /// it. Single quotes in a path or a printer's name are doubled so the text stays one
    /// PowerShell string whatever it holds.
    pub fn script(file: &Path, printer: Option<&str>) -> String {
        let quoted = |s: &str| format!("'{}'", s.replace('\'', "''"));
        let path = quoted(&file.display().to_string());
        let verb = match printer.map(str::trim).filter(|p| !p.is_empty()) {
            // The reader wants the name as one argument, spaces and all: in double quotes.
            Some(p) => format!(
                "-Verb PrintTo -ArgumentList {}",
                quoted(&format!("\"{p}\""))
            ),
            None => "-Verb Print".to_string(),
        };
        format!(
            "try {{ Start-Process -FilePath {path} {verb} -ErrorAction Stop }} \
             catch {{ Start-Process -FilePath {path} -ErrorAction Stop; exit {} }}",
            Self::OPENED_IN_READER
        )
    }
}

impl Spooler for ShellPrintVerb {
    fn print(&self, file: &Path, printer: Option<&str>) -> Result<Handed> {
        let mut cmd = Command::new(&self.program);
        cmd.args([
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            &Self::script(file, printer),
        ]);
        run(cmd, Some(Self::OPENED_IN_READER))
    }
}

/// The spooler of the system this runs on.
pub fn system_spooler() -> Box<dyn Spooler + Send + Sync> {
    if cfg!(windows) {
        Box::new(ShellPrintVerb::default())
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
        let path = r"'C:\Users\前台\AppData\Local\Temp\转交签认单-ZJ-202611-0012.pdf'";
        assert_eq!(
            ShellPrintVerb::script(file, None),
            format!(
                "try {{ Start-Process -FilePath {path} -Verb Print -ErrorAction Stop }} \
                 catch {{ Start-Process -FilePath {path} -ErrorAction Stop; exit 3 }}"
            )
        );
        // A blank name (an empty --printer) is the default printer too.
        assert_eq!(
            ShellPrintVerb::script(file, Some("  ")),
            ShellPrintVerb::script(file, None)
        );
        assert!(ShellPrintVerb::script(file, Some("前台 HP LaserJet")).starts_with(&format!(
            r#"try {{ Start-Process -FilePath {path} -Verb PrintTo -ArgumentList '"前台 HP LaserJet"' -ErrorAction Stop }}"#
        )));
    }

    #[test]
    fn a_quote_in_a_path_or_a_printer_name_stays_inside_its_string() {
        let script = ShellPrintVerb::script(Path::new(r"D:\O'Brien's\slip.pdf"), Some("Lee's"));
        assert!(
            script.contains(
                r#"-FilePath 'D:\O''Brien''s\slip.pdf' -Verb PrintTo -ArgumentList '"Lee''s"'"#
            ),
            "{script}"
        );
    }

    /// A stand-in for PowerShell that ends as the script would: printed, opened in the
    /// reader, or refused with PowerShell's message.
    #[cfg(unix)]
    fn powershell_ending(dir: &Path, how: &str) -> ShellPrintVerb {
        use std::os::unix::fs::PermissionsExt;
        use std::sync::atomic::{AtomicUsize, Ordering};
        // A new file each time: one just run is never written to again.
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let fake = dir.join(format!(
            "powershell-{}",
            MADE.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&fake, format!("#!/bin/sh\n{how}\n")).expect("script");
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        ShellPrintVerb {
            program: fake.into(),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_reader_that_cannot_print_opens_the_form_and_says_so() {
        use super::{Handed, Spooler};
        let dir = tempfile::tempdir().expect("dir");
        let pdf = dir.path().join("slip.pdf");
        let handed = |how: &str| powershell_ending(dir.path(), how).print(&pdf, None);
        assert_eq!(handed("exit 0").expect("printed"), Handed::Printed);
        assert_eq!(handed("exit 3").expect("opened"), Handed::OpenedInReader);
        let err =
            handed("echo 'This command cannot be run: no application is associated' >&2; exit 1")
                .expect_err("neither printed nor opened");
        assert_eq!(err.kind(), "printer");
        assert!(
            err.to_string().contains("no application is associated"),
            "{err}"
        );
    }
}
