//! The little the shell asks of the operating system, with a Windows and a Linux way.

use std::io;
use std::path::Path;
use std::process::Command;

/// Opens the folder holding `file` in the file manager (selecting it where possible).
pub fn reveal(file: &Path) -> io::Result<()> {
    let dir = file.parent().unwrap_or(file);
    #[cfg(target_os = "windows")]
    {
        let _ = dir;
        Command::new("explorer")
            .arg(format!("/select,{}", file.display()))
            .spawn()?;
    }
    #[cfg(target_os = "macos")]
    {
        let _ = dir;
        Command::new("open").arg("-R").arg(file).spawn()?;
    }
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    {
        Command::new("xdg-open").arg(dir).spawn()?;
    }
    Ok(())
}

/// Opens `file` in the program the computer uses for its kind (the photo viewer, the
/// PDF reader).
pub fn open(file: &Path) -> io::Result<()> {
    #[cfg(target_os = "windows")]
    {
        // Explorer hands a file to its associated program, as a double-click would.
        Command::new("explorer").arg(file).spawn()?;
    }
    #[cfg(target_os = "macos")]
    {
        Command::new("open").arg(file).spawn()?;
    }
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    {
        Command::new("xdg-open").arg(file).spawn()?;
    }
    Ok(())
}

/// Settings for the web view made before it starts (and before any thread does, since
/// they are environment variables; WebKit's processes inherit them). Each is left alone
/// when the user set it. Windows' WebView2 needs nothing here.
///
/// On Linux:
/// - WebKitGTK's accelerated compositing is off: forms and tables gain nothing from it,
///   and without it the web process holds about 100 MB less (and a known cause of blank
///   windows on some graphics drivers is gone).
/// - JavaScriptCore sizes its heap as for a machine of 512 MB: it otherwise scales its
///   collections to the computer's whole memory and, after a morning of going through
///   the screens, held 200–300 MB of garbage it would collect only much later
///   (BENCHMARKS.md, the working-day rows).
pub fn prepare_webview() {
    #[cfg(target_os = "linux")]
    for (name, value) in [
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
        ("JSC_forceRAMSize", "536870912"),
    ] {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}
