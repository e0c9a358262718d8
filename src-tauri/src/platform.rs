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
