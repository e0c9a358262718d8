//! Who may do what: the one table of the roles actions need, and what it means for the
//! screens (which buttons to offer), so the app never offers what the ledger refuses.

use serde::{Deserialize, Serialize};

use crate::model::{Role, Staff};

/// Every action the rights table knows: what the case screen offers and what the
/// ledger checks before it writes. A word from outside that is not one of these is
/// refused to everyone ([`Act::parse`] gives None), never taken as a clerk's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Transfer,
    Sign,
    Feedback,
    Record,
    Pause,
    Resume,
    Finish,
    Callback,
    Close,
    Edit,
    Void,
    SetLevel,
    EditClosed,
    ApproveReport,
    ViewAccessLog,
    ExportAccessLog,
    Restore,
    EditSettings,
    OpenWithdrawnAttachment,
    ManageStaff,
}

impl Act {
    pub const ALL: [Act; 20] = [
        Act::Transfer,
        Act::Sign,
        Act::Feedback,
        Act::Record,
        Act::Pause,
        Act::Resume,
        Act::Finish,
        Act::Callback,
        Act::Close,
        Act::Edit,
        Act::Void,
        Act::SetLevel,
        Act::EditClosed,
        Act::ApproveReport,
        Act::ViewAccessLog,
        Act::ExportAccessLog,
        Act::Restore,
        Act::EditSettings,
        Act::OpenWithdrawnAttachment,
        Act::ManageStaff,
    ];

    /// The stored and exchanged word (the screens' action keys, the refusal's label).
    pub fn word(self) -> &'static str {
        match self {
            Act::Transfer => "transfer",
            Act::Sign => "sign",
            Act::Feedback => "feedback",
            Act::Record => "record",
            Act::Pause => "pause",
            Act::Resume => "resume",
            Act::Finish => "finish",
            Act::Callback => "callback",
            Act::Close => "close",
            Act::Edit => "edit",
            Act::Void => "void",
            Act::SetLevel => "set_level",
            Act::EditClosed => "edit_closed",
            Act::ApproveReport => "approve_report",
            Act::ViewAccessLog => "view_access_log",
            Act::ExportAccessLog => "export_access_log",
            Act::Restore => "restore",
            Act::EditSettings => "edit_settings",
            Act::OpenWithdrawnAttachment => "open_withdrawn_attachment",
            Act::ManageStaff => "manage_staff",
        }
    }

    /// The action a word names; None for any other word, which no one may then take.
    pub fn parse(word: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.word() == word)
    }
}

/// The role an action needs. Exhaustive: a new action does not compile until it is
/// given one, so nothing new is open to everyone by default.
pub fn role_for(act: Act) -> Role {
    match act {
        Act::Transfer
        | Act::Sign
        | Act::Feedback
        | Act::Record
        | Act::Pause
        | Act::Resume
        | Act::Finish
        | Act::Callback
        | Act::Close
        | Act::Edit => Role::Clerk,
        Act::Void
        | Act::SetLevel
        | Act::EditClosed
        | Act::ApproveReport
        | Act::ViewAccessLog
        | Act::ExportAccessLog
        | Act::Restore
        | Act::EditSettings
        | Act::OpenWithdrawnAttachment => Role::Supervisor,
        Act::ManageStaff => Role::Admin,
    }
}

/// Whether `role` may take the action a word names: a word the table does not know is
/// refused to every role.
pub fn may(role: Role, word: &str) -> bool {
    Act::parse(word).is_some_and(|a| role >= role_for(a))
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
            view_access_log: role >= role_for(Act::ViewAccessLog),
            edit_settings: role >= role_for(Act::EditSettings),
            manage_staff: role >= role_for(Act::ManageStaff),
            restore: role >= role_for(Act::Restore),
            open_withdrawn_attachment: role >= role_for(Act::OpenWithdrawnAttachment),
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
        let manage = role >= role_for(Act::ManageStaff);
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
    fn an_action_the_table_does_not_know_is_refused_to_everyone() {
        for role in [Role::Clerk, Role::Supervisor, Role::Admin] {
            assert!(!may(role, "delete_case"), "{role:?}");
            assert!(!may(role, "Void"), "{role:?}: words are exact");
            assert!(!may(role, ""), "{role:?}");
        }
        assert!(may(Role::Clerk, "transfer"));
        assert!(!may(Role::Clerk, "void") && may(Role::Supervisor, "void"));
        assert!(!may(Role::Supervisor, "manage_staff") && may(Role::Admin, "manage_staff"));
    }

    #[test]
    fn every_action_has_one_word_that_reads_back() {
        let mut words: Vec<_> = Act::ALL.iter().map(|a| a.word()).collect();
        for a in Act::ALL {
            assert_eq!(Act::parse(a.word()), Some(a));
        }
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), Act::ALL.len());
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
