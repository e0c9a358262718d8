//! How long each free text typed into a case, a slip, a record, a callback, a report
//! or an attachment's note may be, in characters (not bytes: 500 汉字 is 500). One
//! table: the checks read it (`validate::text`), and the screens get it through the
//! generated bindings to show how much room is left before the core would refuse.

macro_rules! texts {
    ($($v:ident => $field:literal, $max:expr;)+) => {
        /// A free-text field the clerk types, named as its errors name it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($v),+
        }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$v),+];

            /// The field's name in errors and on the screens.
            pub fn field(self) -> &'static str {
                match self {
                    $(Text::$v => $field),+
                }
            }

            /// The most characters it may hold.
            pub fn max(self) -> usize {
                match self {
                    $(Text::$v => $max),+
                }
            }
        }
    };
}

texts! {
    ComplainantName => "complainant_name", 50;
    Building => "building", 30;
    Unit => "unit", 30;
    Room => "room", 30;
    PublicArea => "public_area", 100;
    Content => "content", 5000;
    Demand => "demand", 1000;
    Judgement => "judgement", 500;
    Handler => "handler", 50;
    // Why a case is corrected, paused, resumed, voided or has its level changed.
    Reason => "reason", 500;
    Summary => "summary", 1000;
    Requirement => "requirement", 1000;
    ToPerson => "to_person", 50;
    SignedBy => "signed_by", 50;
    Feedback => "feedback", 2000;
    Action => "action", 2000;
    Result => "result", 2000;
    PersonReached => "person_reached", 50;
    // On a callback: how the person reached is related to the complainant.
    RelationReached => "relation", 30;
    Comments => "comments", 2000;
    Cause => "cause", 5000;
    Process => "process", 5000;
    Lessons => "lessons", 5000;
    Measures => "measures", 5000;
    // An attachment's note.
    Note => "note", 200;
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn each_field_has_one_limit() {
        let mut names: Vec<_> = Text::ALL.iter().map(|t| t.field()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Text::ALL.len(), "a field named twice");
    }
}
