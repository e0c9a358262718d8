//! Staff PINs and signing in (docs/confidentiality.md). A PIN is kept only as an Argon2id hash (PHC
//! string with its own salt); it is never stored, logged or shown in clear, and its
//! history entry says only that it was set or cleared.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use rusqlite::{params, OptionalExtension};

use crate::access::log_tx;
use crate::error::{invalid, Problem, Result};
use crate::history::{self, Changes};
use crate::ledger::{actor, staff_row, Ledger, STAFF_SELECT};
use crate::model::Staff;
use crate::why::Why;

/// How many digits a PIN has: typed on the front desk's keypad, not a password.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=12;

fn check_pin(field: &'static str, pin: &str) -> Result<()> {
    let n = pin.chars().count();
    if !PIN_DIGITS.contains(&n) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(invalid(
            field,
            Problem::NotAllowed { why: Why::PinShape },
            "",
        ));
    }
    Ok(())
}

fn hash(pin: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| crate::LedgerError::Io(std::io::Error::other(e.to_string())))
}

fn matches(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Ledger {
    /// Sets (or with `new_pin` None clears) a staff member's PIN. Staff may change their
    /// own by giving the current one; an administrator may set or clear anyone's.
    pub fn set_pin(
        &mut self,
        by: &str,
        code: &str,
        current: Option<&str>,
        new_pin: Option<&str>,
    ) -> Result<Staff> {
        if let Some(p) = new_pin {
            check_pin("pin", p)?;
        }
        let hashed = new_pin.map(hash).transpose()?;
        let at = self.now_text();
        self.write(|tx| {
            let who = actor(tx, by)?;
            let (target, stored) = tx
                .query_row(
                    &format!("{STAFF_SELECT} WHERE code = ?1 AND active = 1"),
                    [code.trim()],
                    |r| Ok((staff_row(r)?, r.get::<_, Option<String>>(5)?)),
                )
                .optional()?
                .ok_or_else(|| invalid("staff", Problem::Unknown, code))?;
            let may = crate::rights::StaffRights::of(who.role, target.id == who.id, &target);
            if !may.set_pin {
                who.require_for(crate::rights::Act::ManageStaff)?;
            }
            if let Some(stored) = stored.as_ref().filter(|_| may.current_pin_needed) {
                if !current.is_some_and(|c| matches(c, stored)) {
                    return Err(invalid("current_pin", Problem::Wrong, ""));
                }
            }
            tx.execute(
                "UPDATE staff SET pin_hash = ?2 WHERE id = ?1",
                params![target.id, hashed],
            )?;
            let mut ch = Changes::new();
            ch.diff(
                "pin",
                Some(if stored.is_some() { "set" } else { "none" }.into()),
                // A first PIN reads as set, a new one over an old one as changed.
                Some(
                    match (&stored, &hashed) {
                        (_, None) => "none",
                        (None, Some(_)) => "set",
                        (Some(_), Some(_)) => "set (changed)",
                    }
                    .into(),
                ),
            );
            history::log(tx, &at, Some(&who), "staff", target.id, "set_pin", &ch, "")?;
            Ok(Staff {
                has_pin: hashed.is_some(),
                ..target
            })
        })
    }

    /// Signs a staff member in: the PIN must match when one is set. Both a sign-in and a
    /// refused attempt go to the access log; a refusal names the PIN field.
    pub fn sign_in(&mut self, code: &str, pin: Option<&str>) -> Result<Staff> {
        self.check_pin_of(code, pin, Some("sign_in"))
    }

    /// Unlocks the idle-locked desk for the staff member signed in (same check).
    pub fn unlock(&mut self, code: &str, pin: Option<&str>) -> Result<Staff> {
        self.check_pin_of(code, pin, Some("unlock"))
    }

    /// The same check for one command of the command line: only a refusal is logged
    /// (a script's every call is not a sign-in worth a line).
    pub fn authenticate(&mut self, code: &str, pin: Option<&str>) -> Result<Staff> {
        self.check_pin_of(code, pin, None)
    }

    fn check_pin_of(
        &mut self,
        code: &str,
        pin: Option<&str>,
        action: Option<&str>,
    ) -> Result<Staff> {
        // One look-up: the active staff member by code or name, with the stored hash.
        let who = actor(&self.conn, code)?;
        let (staff, stored) =
            self.conn
                .query_row(&format!("{STAFF_SELECT} WHERE id = ?1"), [who.id], |r| {
                    Ok((staff_row(r)?, r.get::<_, Option<String>>(5)?))
                })?;
        let ok = match (&stored, pin) {
            (None, _) => true,
            (Some(h), Some(p)) => matches(p, h),
            (Some(_), None) => false,
        };
        let at = self.now_text();
        if let Some(logged) = if ok { action } else { Some("sign_in_refused") } {
            // A sign-in is a look-up, kept in the access log, not a change to the record.
            self.write_unrecorded(|tx| log_tx(tx, &at, Some(&who), logged, &staff.code, ""))?;
        }
        if ok {
            Ok(staff)
        } else if pin.is_none_or(str::is_empty) {
            Err(invalid("pin", Problem::Required, ""))
        } else {
            Err(invalid("pin", Problem::Wrong, ""))
        }
    }

    /// Minutes of no input before the desk locks (0: never); a supervisor's setting.
    pub fn idle_lock_minutes(&self) -> Result<u32> {
        Ok(self.setting("idle_lock_minutes")?.parse().unwrap_or(10))
    }
}
