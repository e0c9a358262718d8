//! The rules of docs/levels-and-escalation.md (levels) and docs/life-of-a-case.md (life of a case), as pure functions.

use desk_calendar::Lang;

use crate::model::{Kind, Level, SlipStatus, Status};
use crate::why::Why;

/// Amount at which a complaint is major: 2,000 CNY (in fen).
pub const MAJOR_AMOUNT_FEN: i64 = 200_000;

/// Why the rules put a complaint at a level; stored as `rule:<code>` in `level_reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelRule {
    Media,
    Lawsuit,
    GroupAction,
    Amount,
    Overdue,
}

impl LevelRule {
    pub fn code(self) -> &'static str {
        match self {
            LevelRule::Media => "rule:media",
            LevelRule::Lawsuit => "rule:lawsuit",
            LevelRule::GroupAction => "rule:group_action",
            LevelRule::Amount => "rule:amount",
            LevelRule::Overdue => "rule:overdue",
        }
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LevelRule::Media => lang.pick("媒体曝光", "媒體曝光", "exposed in the media"),
            LevelRule::Lawsuit => lang.pick("引起法律诉讼", "引起法律訴訟", "led to a lawsuit"),
            LevelRule::GroupAction => lang.pick(
                "可能引发群体性事件",
                "可能引發群體性事件",
                "may lead to a group action",
            ),
            LevelRule::Amount => lang.pick(
                "涉及金额达2000元",
                "涉及金額達2000元",
                "amount of 2,000 CNY or more",
            ),
            LevelRule::Overdue => lang.pick(
                "一般投诉超期未解决，自动升级",
                "一般投訴超期未解決，自動升級",
                "general complaint overdue without a final solution, escalated automatically",
            ),
        }
    }
    pub const ALL: [LevelRule; 5] = [
        LevelRule::Media,
        LevelRule::Lawsuit,
        LevelRule::GroupAction,
        LevelRule::Amount,
        LevelRule::Overdue,
    ];
}

/// The level the clock-free rules require: Major if any rule holds.
pub fn level_floor(
    media: bool,
    lawsuit: bool,
    group_action: bool,
    amount_fen: i64,
) -> (Level, Vec<LevelRule>) {
    let mut why = Vec::new();
    if media {
        why.push(LevelRule::Media);
    }
    if lawsuit {
        why.push(LevelRule::Lawsuit);
    }
    if group_action {
        why.push(LevelRule::GroupAction);
    }
    if amount_fen >= MAJOR_AMOUNT_FEN {
        why.push(LevelRule::Amount);
    }
    let level = if why.is_empty() {
        Level::General
    } else {
        Level::Major
    };
    (level, why)
}

/// Renders a stored `level_reason` ("rule:media; rule:amount; 主管：…") for reading.
pub fn explain_level_reason(stored: &str, lang: Lang) -> String {
    stored
        .split("; ")
        .filter(|s| !s.is_empty())
        .map(|part| {
            LevelRule::ALL
                .iter()
                .find(|r| r.code() == part)
                .map(|r| r.label(lang).to_string())
                .unwrap_or_else(|| part.to_string())
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "；", "; "))
}

/// What the clerk (or the system) does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Transfer,
    /// A slip was signed; `unsigned_left` slips of the case still await signature.
    Sign {
        unsigned_left: usize,
    },
    Record,
    Pause,
    Resume,
    Finish,
    Callback {
        dissatisfied: bool,
    },
    /// `confirmed`: the latest callback confirms the result (or is an exempt outcome).
    Close {
        confirmed: bool,
    },
    Void,
}

impl Action {
    pub fn word(self) -> &'static str {
        match self {
            Action::Transfer => "transfer",
            Action::Sign { .. } => "sign",
            Action::Record => "record",
            Action::Pause => "pause",
            Action::Resume => "resume",
            Action::Finish => "finish",
            Action::Callback { .. } => "callback",
            Action::Close { .. } => "close",
            Action::Void => "void",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The action is not possible in the current status.
    State,
    /// A complaint may only close after a callback that is not dissatisfied, or an exemption.
    NeedsCallback,
}

/// The status machine of docs/life-of-a-case.md. `paused_from` is the status a paused case returns to.
pub fn next_status(
    kind: Kind,
    status: Status,
    paused_from: Option<Status>,
    action: Action,
) -> Result<Status, Refusal> {
    use Action as A;
    use Status as S;
    let next = match (status, action) {
        (S::Closed | S::Voided, _) => return Err(Refusal::State),
        (_, A::Void) => S::Voided,
        (S::Registered | S::InProgress | S::Reopened | S::Transferred, A::Transfer) => {
            S::Transferred
        }
        (S::Transferred, A::Sign { unsigned_left }) => {
            if unsigned_left == 0 {
                S::InProgress
            } else {
                S::Transferred
            }
        }
        (S::Registered | S::Reopened, A::Record) => S::InProgress,
        (S::Transferred | S::InProgress | S::Paused | S::AwaitingCallback, A::Record) => status,
        (S::InProgress, A::Pause) => S::Paused,
        (S::Paused, A::Resume) => paused_from.unwrap_or(S::InProgress),
        (S::Registered | S::InProgress | S::Reopened, A::Finish) => S::AwaitingCallback,
        (S::AwaitingCallback, A::Callback { dissatisfied }) => {
            if dissatisfied {
                S::Reopened
            } else {
                S::AwaitingCallback
            }
        }
        (S::AwaitingCallback, A::Close { confirmed }) => {
            if confirmed || kind == Kind::Request {
                S::Closed
            } else {
                return Err(Refusal::NeedsCallback);
            }
        }
        _ => return Err(Refusal::State),
    };
    Ok(next)
}

/// What is recorded on a transfer slip after it is issued (docs/life-of-a-case.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipStep {
    /// The receiving department's signature (签认).
    Sign,
    /// Its report of the result (处理结果回馈).
    Feedback,
}

/// A slip's life: issued → signed → feedback received, each step once. The refusal
/// says why, in English and Chinese.
pub fn next_slip_status(status: SlipStatus, step: SlipStep) -> Result<SlipStatus, Why> {
    use SlipStatus as S;
    match (status, step) {
        (S::Issued, SlipStep::Sign) => Ok(S::Signed),
        (S::Signed, SlipStep::Feedback) => Ok(S::Feedback),
        (S::Issued, SlipStep::Feedback) => Err(Why::SlipNotSigned),
        (S::Signed | S::Feedback, SlipStep::Sign) => Err(Why::SlipAlreadySigned),
        (S::Feedback, SlipStep::Feedback) => Err(Why::SlipFeedbackRecorded),
    }
}

/// The actions the case detail screen offers: those the status machine accepts now.
/// `issued_slips`: slips still awaiting signature; `awaiting_feedback`: a signed slip
/// awaits its receiver's report (处理结果回馈); `confirmed`: the latest callback confirms
/// the result. Editing and changing the level are offered while a case is open.
pub fn offered_actions(
    kind: Kind,
    status: Status,
    paused_from: Option<Status>,
    issued_slips: usize,
    awaiting_feedback: bool,
    confirmed: bool,
) -> Vec<&'static str> {
    let mut candidates = vec![
        Action::Transfer,
        Action::Record,
        Action::Pause,
        Action::Resume,
    ];
    if issued_slips > 0 {
        candidates.push(Action::Sign {
            unsigned_left: issued_slips - 1,
        });
    }
    candidates.extend([
        Action::Finish,
        Action::Callback {
            dissatisfied: false,
        },
        Action::Close { confirmed },
        Action::Void,
    ]);
    let mut out: Vec<&'static str> = candidates
        .into_iter()
        .filter(|a| next_status(kind, status, paused_from, *a).is_ok())
        .map(Action::word)
        .collect();
    // The receiver's report changes no status, so the status machine does not offer it:
    // it is offered while a signed slip awaits it (its deadline is running), after signing.
    if awaiting_feedback && status != Status::Voided {
        let at = out.iter().position(|a| *a == "sign").map_or(0, |i| i + 1);
        out.insert(at, "feedback");
    }
    if correctable(status) {
        out.push("edit");
    }
    if correctable(status) && kind == Kind::Complaint {
        out.push("set_level");
    }
    out
}

/// Whether a case's registered fields may still be corrected: while it is open, and once
/// closed (a misclassification found when the month is reviewed, a phone number typed
/// wrong); a voided case was registered in error and stays as it was.
pub fn correctable(status: crate::model::Status) -> bool {
    status.is_open() || status == crate::model::Status::Closed
}

/// The action whose role a correction needs: a closed case's figures have been counted
/// and its forms printed, so correcting one is a supervisor's (`Act::EditClosed`).
pub fn edit_action(status: crate::model::Status) -> Act {
    if status == crate::model::Status::Closed {
        Act::EditClosed
    } else {
        Act::Edit
    }
}

pub use crate::rights::{may, role_for, Act};

/// The role that may change a case's category or department: anyone at the desk while
/// it is only registered; once transferred, the receiving department holds a slip for
/// it, so a supervisor.
pub fn reclassify_role(status: crate::model::Status) -> crate::model::Role {
    match status {
        crate::model::Status::Registered => crate::model::Role::Clerk,
        _ => crate::model::Role::Supervisor,
    }
}

impl crate::model::Case {
    /// Whether the case owes a major-complaint report (docs/levels-and-escalation.md): a
    /// complaint at the major level. The report form, saving a report and the month's
    /// list of majors all ask here.
    pub fn owes_major_report(&self) -> bool {
        self.kind == Kind::Complaint && self.level == Some(Level::Major)
    }
}

impl crate::model::CaseFile {
    /// Whether `role` may correct this case's category or department now.
    pub fn may_reclassify(&self, role: crate::model::Role) -> bool {
        correctable(self.case.status) && role >= reclassify_role(self.case.status)
    }

    /// The actions valid for this case now that `role` may take.
    pub fn offered_actions_for(&self, role: crate::model::Role) -> Vec<&'static str> {
        let status = self.case.status;
        let mut out = self.offered_actions();
        // A word the rights table does not know is offered to no one.
        out.retain(|a| match *a {
            "edit" => role >= role_for(edit_action(status)),
            word => may(role, word),
        });
        out
    }

    /// Whether `role` may approve this case's major-complaint report now.
    pub fn may_approve_report(&self, role: crate::model::Role) -> bool {
        self.major_report
            .as_ref()
            .is_some_and(|r| r.status == crate::major::ReportStatus::Submitted)
            && role >= role_for(crate::rights::Act::ApproveReport)
    }

    fn latest_callback_confirms(&self) -> bool {
        self.callbacks.last().is_some_and(|c| c.confirms())
    }

    /// Handled, and called back with the result confirmed (or an exempt outcome): all
    /// that is left is closing it. (A request may be closed without a callback; that is
    /// not this.)
    pub fn called_back(&self) -> bool {
        self.case.status == crate::model::Status::AwaitingCallback
            && self.latest_callback_confirms()
    }

    /// The actions valid for this case now (see [`offered_actions`]).
    pub fn offered_actions(&self) -> Vec<&'static str> {
        let issued = self
            .slips
            .iter()
            .filter(|s| s.status == crate::model::SlipStatus::Issued)
            .count();
        let confirmed = self.latest_callback_confirms();
        let awaiting_feedback = self
            .slips
            .iter()
            .any(|s| next_slip_status(s.status, SlipStep::Feedback).is_ok());
        offered_actions(
            self.case.kind,
            self.case.status,
            self.case.paused_from,
            issued,
            awaiting_feedback,
            confirmed,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_is_signed_once_then_gets_its_feedback_once() {
        use SlipStatus as S;
        assert_eq!(next_slip_status(S::Issued, SlipStep::Sign), Ok(S::Signed));
        assert_eq!(
            next_slip_status(S::Signed, SlipStep::Feedback),
            Ok(S::Feedback)
        );
        assert!(next_slip_status(S::Issued, SlipStep::Feedback).is_err());
        for done in [S::Signed, S::Feedback] {
            assert!(next_slip_status(done, SlipStep::Sign).is_err());
        }
        assert!(next_slip_status(S::Feedback, SlipStep::Feedback).is_err());
    }

    #[test]
    fn any_one_rule_makes_a_complaint_major() {
        assert_eq!(level_floor(false, false, false, 199_999).0, Level::General);
        assert_eq!(
            level_floor(false, false, false, 200_000),
            (Level::Major, vec![LevelRule::Amount])
        );
        assert_eq!(
            level_floor(true, true, false, 0).1,
            vec![LevelRule::Media, LevelRule::Lawsuit]
        );
    }

    #[test]
    fn a_complaint_needs_a_confirming_callback_to_close_but_a_request_does_not() {
        let close = Action::Close { confirmed: false };
        assert_eq!(
            next_status(Kind::Complaint, Status::AwaitingCallback, None, close),
            Err(Refusal::NeedsCallback)
        );
        assert_eq!(
            next_status(Kind::Request, Status::AwaitingCallback, None, close),
            Ok(Status::Closed)
        );
    }

    #[test]
    fn the_detail_screen_offers_only_what_the_status_allows() {
        let offered = |status, slips, confirmed| {
            offered_actions(Kind::Complaint, status, None, slips, false, confirmed)
        };
        assert_eq!(
            offered(Status::Transferred, 1, false),
            ["transfer", "record", "sign", "void", "edit", "set_level"]
        );
        assert!(!offered(Status::AwaitingCallback, 0, false).contains(&"close"));
        assert!(offered(Status::AwaitingCallback, 0, true).contains(&"close"));
        assert_eq!(
            offered_actions(
                Kind::Request,
                Status::Paused,
                Some(Status::InProgress),
                0,
                false,
                false
            ),
            ["record", "resume", "void", "edit"]
        );
        // A closed case is only corrected, its level included (by a supervisor:
        // `offered_actions_for`); a voided one not even that.
        assert_eq!(offered(Status::Closed, 0, true), ["edit", "set_level"]);
        assert!(offered(Status::Voided, 0, false).is_empty());
    }

    #[test]
    fn terminal_states_accept_nothing() {
        for s in [Status::Closed, Status::Voided] {
            for a in [
                Action::Record,
                Action::Void,
                Action::Transfer,
                Action::Finish,
            ] {
                assert_eq!(
                    next_status(Kind::Complaint, s, None, a),
                    Err(Refusal::State)
                );
            }
        }
    }
}
