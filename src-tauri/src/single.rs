//! One app per data directory. The first instance holds a lock file in the data
//! directory and listens on a loopback port written in it; a second launch finds the
//! lock taken, asks the first to bring its window forward, and exits without opening
//! the database. Per data directory (not per machine), so tests and a training copy
//! with their own directories run side by side. Works the same on Windows and Linux.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::time::Duration;

/// The core knows the name too: a restore refuses while the app holds it.
const LOCK_FILE: &str = desk_ledger::backup::APP_LOCK_FILE;
const KNOCK: &[u8] = b"complaint-desk:show\n";

pub enum Claim {
    /// This is the only instance: keep the guard for as long as the app runs.
    First(Guard),
    /// Another instance has the data directory and was asked to show itself.
    Other,
}

pub struct Guard {
    lock: File,
    listener: TcpListener,
}

pub fn claim(data_dir: &Path) -> std::io::Result<Claim> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(data_dir.join(LOCK_FILE))?;
    if file.try_lock().is_err() {
        let mut port = String::new();
        // Windows refuses reads of a locked range; then there is no port to knock on.
        let _ = file.read_to_string(&mut port);
        if let Ok(port) = port.trim().parse::<u16>() {
            if let Ok(mut s) = TcpStream::connect_timeout(
                &(Ipv4Addr::LOCALHOST, port).into(),
                Duration::from_secs(2),
            ) {
                let _ = s.write_all(KNOCK);
            }
        }
        return Ok(Claim::Other);
    }
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    write!(file, "{}", listener.local_addr()?.port())?;
    file.flush()?;
    Ok(Claim::First(Guard {
        lock: file,
        listener,
    }))
}

impl Guard {
    /// Calls `show` whenever a later launch knocks. The lock is held until the process
    /// ends, so the thread keeps the guard alive.
    pub fn serve(self, show: impl Fn() + Send + 'static) {
        std::thread::spawn(move || {
            for stream in self.listener.incoming().flatten() {
                let mut buf = [0u8; 32];
                let mut s = stream;
                let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                if let Ok(n) = s.read(&mut buf) {
                    if buf[..n] == *KNOCK {
                        show();
                    }
                }
            }
            drop(self.lock);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_second_claim_on_the_same_directory_knocks_on_the_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Claim::First(guard) = claim(dir.path()).expect("first") else {
            panic!("the first claim must win");
        };
        let (tx, rx) = mpsc::channel();
        guard.serve(move || {
            let _ = tx.send(());
        });
        assert!(matches!(claim(dir.path()).expect("second"), Claim::Other));
        rx.recv_timeout(Duration::from_secs(5))
            .expect("the first instance was asked to show its window");
        let other = tempfile::tempdir().expect("temp dir");
        assert!(matches!(
            claim(other.path()).expect("other dir"),
            Claim::First(_)
        ));
    }
}
