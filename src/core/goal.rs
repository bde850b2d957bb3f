//! Why a person is here: one list for the FAQ, which leads with what
//! matters for their goal, and the self-check, which asks about it.
//!
//! The two offer the same four treatment goals and differ in the last
//! choice only: the FAQ's "Just curious" ([`Goal::Curious`]) and the
//! self-check's "Something else, or I am not sure yet" ([`Goal::Other`]).
//! A goal is stored as its id: in the settings (the FAQ's choice) and in
//! the self-check's answers (`choice:<id>`).
//!
//! ```
//! use microcare::core::goal::Goal;
//! assert_eq!(Goal::from_id("acne_scars"), Some(Goal::AcneScars));
//! assert!(Goal::FAQ.contains(&Goal::Curious));
//! assert!(Goal::CHECK_IDS.contains(&"other"));
//! ```

/// Why a person is here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Goal {
    StretchMarks,
    Scars,
    AcneScars,
    Face,
    /// The FAQ's "Just curious".
    Curious,
    /// The self-check's "Something else, or I am not sure yet".
    Other,
}

impl Goal {
    pub const ALL: [Goal; 6] = [
        Goal::StretchMarks,
        Goal::Scars,
        Goal::AcneScars,
        Goal::Face,
        Goal::Curious,
        Goal::Other,
    ];

    /// The goals the FAQ offers, in its order; each has its words in the
    /// FAQ files.
    pub const FAQ: [Goal; 5] = [
        Goal::StretchMarks,
        Goal::Scars,
        Goal::AcneScars,
        Goal::Face,
        Goal::Curious,
    ];

    /// The ids of the goals the self-check offers, in its order: its
    /// choices for the question `goal`.
    pub const CHECK_IDS: [&'static str; 5] = [
        Goal::StretchMarks.id(),
        Goal::Scars.id(),
        Goal::AcneScars.id(),
        Goal::Face.id(),
        Goal::Other.id(),
    ];

    /// The id used in content files, saved settings and stored answers.
    pub const fn id(self) -> &'static str {
        match self {
            Goal::StretchMarks => "stretch_marks",
            Goal::Scars => "scars",
            Goal::AcneScars => "acne_scars",
            Goal::Face => "face",
            Goal::Curious => "curious",
            Goal::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Goal> {
        match id {
            "stretch_marks" => Some(Goal::StretchMarks),
            "scars" => Some(Goal::Scars),
            "acne_scars" => Some(Goal::AcneScars),
            "face" => Some(Goal::Face),
            "curious" => Some(Goal::Curious),
            "other" => Some(Goal::Other),
            _ => None,
        }
    }
}

serde_as_id!(Goal, id, from_id, "goal");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_serde_writes_the_id() {
        for goal in Goal::ALL {
            assert_eq!(Goal::from_id(goal.id()), Some(goal));
            let json = serde_json::to_string(&goal).unwrap();
            assert_eq!(json, format!("\"{}\"", goal.id()));
            assert_eq!(serde_json::from_str::<Goal>(&json).unwrap(), goal);
        }
        for bad in [r#""""#, r#""Scars""#, r#""stretch-marks""#, "null", "3"] {
            assert!(serde_json::from_str::<Goal>(bad).is_err(), "{bad}");
        }
    }

    /// The ids stored before the two lists were one: the FAQ's in the
    /// settings, the self-check's in its answers.
    #[test]
    fn the_faq_and_the_self_check_keep_their_stored_ids() {
        let faq: Vec<&str> = Goal::FAQ.map(Goal::id).to_vec();
        assert_eq!(
            faq,
            ["stretch_marks", "scars", "acne_scars", "face", "curious"]
        );
        assert_eq!(
            Goal::CHECK_IDS,
            ["stretch_marks", "scars", "acne_scars", "face", "other"]
        );
    }
}
