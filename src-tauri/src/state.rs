//! What the running app holds: the one open ledger, who is signed in, the UI language.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use desk_ledger::model::Staff;
use desk_ledger::{Lang, Ledger, Result as CoreResult};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};

/// An older ledger being brought up to date behind the window: the copy taken first and
/// the migrations take minutes on a large file, and the clerk is shown why.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Upgrading {
    /// The file's schema version and the one it is brought to.
    pub from: i64,
    pub to: i64,
    /// Another program is writing the file: the upgrade waits for it, trying again.
    pub waiting_for_file: bool,
}

pub struct Desk {
    dir: PathBuf,
    ledger: Mutex<Ledger>,
    /// The screen was locked after the idle time: nothing is served until unlocked.
    locked: Mutex<bool>,
    /// Why the ledger could not be opened at start-up (damaged, too new, unreadable):
    /// the app then shows the way back instead of a ledger (an empty one stands in).
    problem: Mutex<Option<desk_ledger::LedgerError>>,
    /// Set while an older ledger is upgraded beside the window: an empty ledger stands
    /// in, and nothing is served from it.
    upgrading: Mutex<Option<Upgrading>>,
    /// Held while the background keeper has the ledger file open on its own connection
    /// (the start-up check, the daily backup) and while a restore swaps the file, so
    /// the two never overlap.
    maintenance: Mutex<()>,
    session: Mutex<Option<Staff>>,
    lang: Mutex<Lang>,
    /// The form last previewed: print and save send exactly what the clerk saw.
    prepared: Mutex<Option<desk_forms::Prepared>>,
}

/// A poisoned lock only means an earlier command panicked; the data behind it is a
/// SQLite connection whose transactions rolled back, so it is safe to keep using.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Desk {
    pub fn new(dir: PathBuf, ledger: Ledger, problem: Option<desk_ledger::LedgerError>) -> Self {
        Desk {
            dir,
            ledger: Mutex::new(ledger),
            locked: Mutex::new(false),
            problem: Mutex::new(problem),
            upgrading: Mutex::new(None),
            maintenance: Mutex::new(()),
            session: Mutex::new(None),
            lang: Mutex::new(Lang::ZhCn),
            prepared: Mutex::new(None),
        }
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    pub fn set_lang(&self, lang: Lang) {
        *lock(&self.lang) = lang;
    }

    /// Takes the language from the ledger's setting (zh-CN, zh-TW, en; the default else).
    pub fn set_lang_code(&self, code: &str) {
        self.set_lang(Lang::parse(code).unwrap_or_default());
    }

    pub fn prepared(&self) -> Option<desk_forms::Prepared> {
        lock(&self.prepared).clone()
    }

    pub fn set_prepared(&self, p: Option<desk_forms::Prepared>) {
        *lock(&self.prepared) = p;
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The start-up problem in the desk's language, if there is one.
    pub fn problem(&self) -> Option<String> {
        lock(&self.problem)
            .as_ref()
            .map(|e| e.localized_in_app(self.lang()))
    }

    pub fn is_locked(&self) -> bool {
        *lock(&self.locked)
    }

    pub fn set_locked(&self, locked: bool) {
        *lock(&self.locked) = locked;
    }

    /// Puts another ledger in place (around a restore).
    pub fn replace_ledger(&self, ledger: Ledger) -> Ledger {
        std::mem::replace(&mut *lock(&self.ledger), ledger)
    }

    /// The ledger opened (at start-up, after an upgrade, a restore or a retry) put in place
    /// of the stand-in: the desk speaks its language and the way back is over.
    pub fn open_with(&self, ledger: Ledger) {
        if let Ok(lang) = ledger.setting("language") {
            self.set_lang_code(&lang);
        }
        drop(self.replace_ledger(ledger));
        self.clear_problem();
    }

    /// An older ledger is to be upgraded beside the window: the waiting screen shows, in
    /// the office's language as the file tells it, and nothing is served meanwhile.
    pub fn start_upgrade(&self, pending: &desk_ledger::PendingUpgrade) {
        self.set_lang_code(&pending.language);
        self.clear_problem();
        self.set_upgrading(Some(Upgrading {
            from: pending.from,
            to: pending.to,
            waiting_for_file: false,
        }));
    }

    /// Whether restoring a backup is the way back from the start-up problem (the core's rule).
    pub fn restore_helps(&self) -> bool {
        lock(&self.problem)
            .as_ref()
            .is_some_and(|e| e.restore_helps())
    }

    pub fn has_problem(&self) -> bool {
        lock(&self.problem).is_some()
    }

    /// Damage found after start-up: the damaged file is closed (an empty ledger stands
    /// in, so nothing more is written into it) and the desk shows the way back.
    pub fn fail(&self, problem: desk_ledger::LedgerError, stand_in: Ledger) {
        drop(self.replace_ledger(stand_in));
        *lock(&self.problem) = Some(problem);
        // The way back needs no sign-in (no staff member can be checked against a
        // damaged file), and nothing stays unlocked behind it.
        self.set_session(None);
        self.set_locked(false);
    }

    pub fn upgrading(&self) -> Option<Upgrading> {
        lock(&self.upgrading).clone()
    }

    pub fn set_upgrading(&self, upgrading: Option<Upgrading>) {
        *lock(&self.upgrading) = upgrading;
    }

    /// See `maintenance`.
    pub fn maintenance(&self) -> MutexGuard<'_, ()> {
        lock(&self.maintenance)
    }

    /// The ledger is open again after a restore.
    pub fn clear_problem(&self) {
        *lock(&self.problem) = None;
    }

    pub fn signed_in(&self) -> Option<Staff> {
        lock(&self.session).clone()
    }

    pub fn set_session(&self, staff: Option<Staff>) {
        *lock(&self.session) = staff;
    }

    /// Runs a core call that needs no acting staff member (reads, first-run set-up).
    pub fn with<T>(&self, f: impl FnOnce(&mut Ledger, Lang) -> CoreResult<T>) -> IpcResult<T> {
        let lang = self.lang();
        if self.upgrading().is_some() {
            return Err(IpcError::upgrading(lang));
        }
        let mut ledger = lock(&self.ledger);
        f(&mut ledger, lang).map_err(|e| IpcError::from_core(&e, lang))
    }

    /// Runs a core call as the signed-in staff member (every write carries who did it).
    pub fn acting<T>(
        &self,
        f: impl FnOnce(&mut Ledger, &str, Lang) -> CoreResult<T>,
    ) -> IpcResult<T> {
        let lang = self.lang();
        let who = self
            .signed_in()
            .ok_or_else(|| IpcError::not_signed_in(lang))?;
        if self.is_locked() {
            return Err(IpcError::locked(lang));
        }
        if self.upgrading().is_some() {
            return Err(IpcError::upgrading(lang));
        }
        let mut ledger = lock(&self.ledger);
        f(&mut ledger, &who.code, lang).map_err(|e| IpcError::from_core(&e, lang))
    }
}
