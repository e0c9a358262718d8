//! Domain types: the words of the records and words of docs/life-of-a-case.md and docs/classification.md as Rust types.

use serde::{Deserialize, Serialize};

use crate::error::{invalid, Problem, Result};

/// A closed set of words stored as text: `as_str` for SQL, `parse` for input.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name { $(#[serde(rename = $s)] $v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            /// Parses the stored word (or its label in any language) for `field`.
            pub fn parse_for(field: &'static str, s: &str) -> Result<Self> {
                let t = s.trim();
                $(if t.eq_ignore_ascii_case($s) || crate::i18n::is_label_of($s, t) { return Ok($name::$v); })+
                Err(invalid(field, Problem::BadChoice { allowed: [$($s),+].join(", ") }, s))
            }
            /// The stored word; None for any other, which the reader reports as damage
            /// (`LedgerError::StoredWord`), never as a default.
            pub fn from_db(s: &str) -> Option<Self> {
                $(if s == $s { return Some($name::$v); })+
                None
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                v.as_str().and_then(|s| {
                    $name::from_db(s).ok_or_else(|| {
                        rusqlite::types::FromSqlError::Other(Box::new(crate::error::UnknownWord {
                            what: stringify!($name),
                            word: s.to_string(),
                        }))
                    })
                })
            }
        }
    };
}

word_enum!(Kind { Complaint = "complaint", Request = "request" });
word_enum!(
    /// Where a case is in its life (docs/life-of-a-case.md).
    Status {
        Registered = "registered",
        Transferred = "transferred",
        InProgress = "in_progress",
        Paused = "paused",
        AwaitingCallback = "awaiting_callback",
        Reopened = "reopened",
        Closed = "closed",
        Voided = "voided",
    }
);
word_enum!(Level { General = "general", Important = "important", Major = "major" });
word_enum!(Validity { Valid = "valid", Invalid = "invalid", Coordination = "coordination" });
word_enum!(Relation { Owner = "owner", Resident = "resident", Tenant = "tenant", ShopTenant = "shop_tenant", Other = "other" });
word_enum!(RepairSize { Minor = "minor_repair", Medium = "medium_repair", Major = "major_repair" });
word_enum!(Role { Clerk = "clerk", Supervisor = "supervisor", Admin = "admin" });
word_enum!(
    /// How large the screens draw for one staff member (tired eyes, a screen at arm's
    /// length): kept with them, not with the computer, as several take turns at one desk.
    TextSize { Standard = "standard", Large = "large", Larger = "larger" }
);
word_enum!(SlipStatus { Issued = "issued", Signed = "signed", Feedback = "feedback" });
word_enum!(CallbackMethod { Phone = "phone", Visit = "visit" });
word_enum!(CallbackOutcome { Reached = "reached", Unreachable = "unreachable", Declined = "declined" });
word_enum!(Satisfaction {
    VerySatisfied = "very_satisfied",
    Satisfied = "satisfied",
    Neutral = "neutral",
    Dissatisfied = "dissatisfied",
    VeryDissatisfied = "very_dissatisfied",
});
word_enum!(RecordKind {
    Progress = "progress",
    Pause = "pause",
    Resume = "resume",
    Finish = "finish",
    Reopen = "reopen",
});

impl Status {
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Closed | Status::Voided)
    }

    /// The SQL condition "`column` is an open status", made from [`Status::is_open`] so
    /// no query restates the list (as `NOT IN ('closed', 'voided')`, the form the
    /// open-majors partial index is declared with, so the planner still uses it).
    pub fn open_sql(column: &str) -> String {
        let ended: Vec<String> = Status::ALL
            .iter()
            .filter(|s| !s.is_open())
            .map(|s| format!("'{}'", s.as_str()))
            .collect();
        format!("{column} NOT IN ({})", ended.join(", "))
    }
}

impl Satisfaction {
    pub fn is_dissatisfied(self) -> bool {
        matches!(
            self,
            Satisfaction::Dissatisfied | Satisfaction::VeryDissatisfied
        )
    }
    /// Counted in the satisfaction rate (docs/month-end.md): very satisfied and satisfied.
    pub fn is_satisfied(self) -> bool {
        matches!(self, Satisfaction::VerySatisfied | Satisfaction::Satisfied)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Staff {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub has_pin: bool,
    pub text_size: TextSize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Department {
    pub id: i64,
    pub code: String,
    pub name: String,
    /// An outside party (developer's service centre, municipal utilities).
    pub external: bool,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Category {
    pub id: i64,
    pub code: String,
    pub kind: Kind,
    pub parent_code: Option<String>,
    pub name: String,
    pub description: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Channel {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Unit {
    pub id: i64,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub owner_name: String,
    pub phones: String,
    pub status: String,
    pub active: bool,
}

/// One row of the ledger with its names resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub received_at: String,
    pub channel: String,
    pub received_by: String,
    pub complainant_name: String,
    pub complainant_phones: String,
    pub relation: Relation,
    pub anonymous: bool,
    pub building: String,
    pub unit: String,
    pub room: String,
    pub public_area: String,
    pub content: String,
    pub demand: String,
    pub category_code: Option<String>,
    pub category_name: Option<String>,
    pub category_parent: Option<String>,
    pub validity: Option<Validity>,
    pub judgement: String,
    pub level: Option<Level>,
    pub level_reason: String,
    pub major_since: Option<String>,
    pub escalated_at: Option<String>,
    pub amount_fen: i64,
    pub media: bool,
    pub lawsuit: bool,
    pub group_action: bool,
    pub repair_size: Option<RepairSize>,
    pub complex: bool,
    pub department: Option<String>,
    pub department_name: Option<String>,
    pub handler: String,
    pub status: Status,
    pub paused_from: Option<Status>,
    pub followups: i64,
    pub result: String,
    pub finished_at: Option<String>,
    pub closed_at: Option<String>,
    pub voided_at: Option<String>,
    pub void_reason: String,
    pub revision: i64,
    pub created_at: String,
    pub next_due: Option<String>,
    pub next_step: Option<String>,
    /// Where, as the ledger names it (`location_of`): the screens show this, not their own.
    #[serde(default)]
    pub location: String,
    /// The complainant's name as the screens may show it; None for one who asked not to
    /// be named (the screens say 匿名 in the clerk's language).
    #[serde(default)]
    pub complainant_shown: Option<String>,
}

impl Case {
    /// Fills the fields derived from the stored ones, for the screens.
    pub(crate) fn derived(mut self) -> Case {
        self.refresh_derived();
        self
    }

    /// Makes the derived fields again after the stored ones were changed in memory.
    pub(crate) fn refresh_derived(&mut self) {
        self.location = location_of(&self.building, &self.unit, &self.room, &self.public_area);
        self.complainant_shown = (!self.anonymous).then(|| self.complainant_name.clone());
    }

    /// The complainant as the ledger's documents name them: 匿名 (in `lang`) for one who
    /// asked not to be named, whatever name the desk may know; else the name.
    pub fn complainant_shown(&self, lang: desk_calendar::Lang) -> String {
        if self.anonymous {
            crate::i18n::label("anonymous", lang)
        } else {
            self.complainant_name.clone()
        }
    }

    /// "3号楼2单元1502" or the public-area description.
    pub fn location(&self) -> String {
        location_of(&self.building, &self.unit, &self.room, &self.public_area)
    }
}

/// A location as the ledger names it: the room ("3号楼2单元1502"), the public area, or
/// both ("3号楼 楼道"). For a case, and for one still being typed at the desk.
pub fn location_of(building: &str, unit: &str, room: &str, public_area: &str) -> String {
    let room = format!("{}{}{}", building.trim(), unit.trim(), room.trim());
    let area = public_area.trim();
    match (room.is_empty(), area.is_empty()) {
        (false, false) => format!("{room} {area}"),
        (false, true) => room,
        _ => area.to_string(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Slip {
    pub id: i64,
    pub number: String,
    pub case_number: String,
    pub from_department: Option<String>,
    pub from_person: String,
    pub to_department: String,
    pub to_department_name: String,
    pub to_external: bool,
    pub to_person: String,
    pub transferred_at: String,
    pub summary: String,
    pub requirement: String,
    pub reply_due: Option<String>,
    pub status: SlipStatus,
    pub signed_by: String,
    pub signed_at: Option<String>,
    pub feedback: String,
    pub feedback_at: Option<String>,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Record {
    pub id: i64,
    pub at: String,
    pub recorded_by: String,
    pub kind: RecordKind,
    pub action: String,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Callback {
    pub id: i64,
    pub at: String,
    pub method: CallbackMethod,
    pub by_staff: String,
    pub person_reached: String,
    pub relation: String,
    pub outcome: CallbackOutcome,
    pub satisfaction: Option<Satisfaction>,
    pub comments: String,
}

impl Callback {
    /// A callback a complaint may close on: not dissatisfied, or an exempt outcome.
    pub fn confirms(&self) -> bool {
        confirms(self.outcome, self.satisfaction)
    }
}

/// The rule behind [`Callback::confirms`], also what the ledger's SQL asks (as
/// `desk_callback_confirms`) as each callback is recorded, for the cases called back and
/// left to close.
pub fn confirms(outcome: CallbackOutcome, satisfaction: Option<Satisfaction>) -> bool {
    match outcome {
        CallbackOutcome::Reached => satisfaction.is_some_and(|s| !s.is_dissatisfied()),
        CallbackOutcome::Unreachable | CallbackOutcome::Declined => true,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub actor: Option<String>,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub changes: Vec<FieldChange>,
    pub reason: String,
    /// The action in the reader's words, and what it changed a line each; made for the
    /// reader's language by `HistoryWords` (empty as stored).
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub lines: Vec<crate::history_words::HistoryLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attachment {
    pub id: i64,
    pub file_name: String,
    /// Relative to the data directory.
    pub stored_path: String,
    pub size: i64,
    pub added_by: String,
    pub added_at: String,
    pub note: String,
    /// Set when it was withdrawn as added by mistake (kept, no longer shown or opened).
    pub withdrawn_at: Option<String>,
    pub withdrawn_by: Option<String>,
    pub withdrawn_reason: String,
}

/// Everything about one case, for the detail screen, `show` and the forms.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseFile {
    pub case: Case,
    pub slips: Vec<Slip>,
    pub records: Vec<Record>,
    pub callbacks: Vec<Callback>,
    pub attachments: Vec<Attachment>,
    pub history: Vec<HistoryEntry>,
    /// The major-complaint report, once one is written (docs/levels-and-escalation.md).
    pub major_report: Option<crate::major::MajorReport>,
}
