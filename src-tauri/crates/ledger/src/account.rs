//! Which operating-system account the program runs under, for the access log: it says
//! who sat at the computer when no staff member was named.

use std::sync::OnceLock;

/// USERNAME on Windows, USER or LOGNAME elsewhere; where none is set (a service, a
/// container) the account the process runs as. Empty only when the system does not say.
pub fn system_account() -> &'static str {
    static ACCOUNT: OnceLock<String> = OnceLock::new();
    ACCOUNT.get_or_init(|| {
        ["USERNAME", "USER", "LOGNAME"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .map(|v| v.trim().chars().take(64).collect::<String>())
            .find(|v| !v.is_empty())
            .or_else(process_owner)
            .unwrap_or_default()
    })
}

/// The name of the user owning this process (Linux: /proc and /etc/passwd).
#[cfg(unix)]
fn process_owner() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    let named = passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id: u32 = fields.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_string())
    });
    Some(named.unwrap_or_else(|| format!("uid {uid}")))
}

#[cfg(not(unix))]
fn process_owner() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    /// Checked against what `id` says of the same process's user.
    #[cfg(target_os = "linux")]
    #[test]
    fn without_the_variables_the_process_owner_is_named() {
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .expect("id");
        let expected = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert_eq!(super::process_owner().as_deref(), Some(expected.as_str()));
    }
}
