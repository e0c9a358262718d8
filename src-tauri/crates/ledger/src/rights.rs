//! Who may do what: the one table of the roles actions need, and what it means for the
//! screens (which buttons to offer), so the app never offers what the ledger refuses.

use serde::{Deserialize, Serialize};

use crate::model::{Role, Staff};

/// The role an action needs, where it is more than a clerk's. Every refusal for want of
/// a role (`Actor::require_for`) and every offer of an action comes from here.
pub fn role_for(action: &str) -> Role {
    match action {
        "void"
        | "approve_report"
        | "set_level"
        | "edit_closed"
        | "view_access_log"
        | "export_access_log"
        | "restore"
        | "edit_settings"
        | "open_withdrawn_attachment" => Role::Supervisor,
        "manage_staff" => Role::Admin,
        _ => Role::Clerk,
    }
}

/// What the signed-in staff member may do beyond a clerk's daily work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rights {
    /// Read the access log (查阅记录).
    pub view_access_log: bool,
    /// Change the office's settings, lists, unit directory and working calendar.
    pub edit_settings: bool,
    /// Add staff, give roles, retire and rename them, set or clear anyone's PIN.
    pub manage_staff: bool,
    /// Put a backup back in place of the ledger (while the ledger is sound).
    pub restore: bool,
    /// Open a withdrawn attachment (to check what was withdrawn and why), logged.
    pub open_withdrawn_attachment: bool,
}

impl Rights {
    pub fn of(role: Role) -> Rights {
        Rights {
            view_access_log: role >= role_for("view_access_log"),
            edit_settings: role >= role_for("edit_settings"),
            manage_staff: role >= role_for("manage_staff"),
            restore: role >= role_for("restore"),
            open_withdrawn_attachment: role >= role_for("open_withdrawn_attachment"),
        }
    }
}

/// What the signed-in staff member may do to one entry of the staff list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaffRights {
    pub code: String,
    pub rename: bool,
    /// Give another role. Not one's own: an administrator who demoted or retired
    /// themselves could leave the office without one.
    pub change_role: bool,
    pub retire: bool,
    pub restore: bool,
    /// Set a new PIN: one's own, or anyone's for an administrator.
    pub set_pin: bool,
    /// Take a PIN away (picking the name is then enough to sign in), on the same terms.
    pub clear_pin: bool,
    /// Changing one's own PIN asks for the current one first, unless an administrator
    /// (who could clear it anyway).
    pub current_pin_needed: bool,
}

impl StaffRights {
    /// `role` and `own`: the signed-in staff member's role, and whether `of` is them.
    pub fn of(role: Role, own: bool, of: &Staff) -> StaffRights {
        let manage = role >= role_for("manage_staff");
        StaffRights {
            code: of.code.clone(),
            rename: manage,
            change_role: manage && !own,
            retire: manage && !own && of.active,
            restore: manage && !of.active,
            set_pin: of.active && (own || manage),
            clear_pin: of.active && of.has_pin && (own || manage),
            current_pin_needed: own && of.has_pin && !manage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(active: bool, has_pin: bool) -> Staff {
        Staff {
            id: 2,
            code: "C02".into(),
            name: "李娜".into(),
            role: Role::Clerk,
            active,
            has_pin,
            text_size: crate::model::TextSize::Standard,
        }
    }

    #[test]
    fn a_clerk_manages_nothing_but_their_own_pin() {
        let mine = StaffRights::of(Role::Clerk, true, &staff(true, true));
        assert!(mine.set_pin && mine.current_pin_needed);
        assert!(mine.clear_pin, "their own, with the current PIN");
        assert!(!mine.rename && !mine.change_role && !mine.retire);
        let other = StaffRights::of(Role::Supervisor, false, &staff(true, true));
        assert!(!other.set_pin && !other.clear_pin && !other.rename);
        assert_eq!(Rights::of(Role::Clerk), Rights::default());
    }

    #[test]
    fn an_administrator_keeps_their_own_role_and_place() {
        let own = StaffRights::of(Role::Admin, true, &staff(true, true));
        assert!(own.rename && own.set_pin && own.clear_pin && !own.current_pin_needed);
        assert!(!own.change_role && !own.retire);
        let retired = StaffRights::of(Role::Admin, false, &staff(false, false));
        assert!(retired.restore && !retired.retire && !retired.set_pin);
    }
}
