//! The screening table of `clinical-reference.md`, row by row, held against
//! [`QUESTIONS`] and the engine: each question's outcome, date rule, "not
//! sure", and for whom it is asked. A change to the table or to the
//! questions that does not match the other fails here.

use crate::core::area::Area;
use crate::core::goal::Goal;
use crate::core::screening::answers::Answer;
use crate::core::screening::dates::wait_ends;
use crate::core::screening::engine::tests::{all_no_for, eval, keys, today, yes};
use crate::core::screening::engine::WaitDate;
use crate::core::screening::questions::{DateRule, Kind, Outcome, Wait, QUESTIONS};

const ASKED_OF_EVERYONE: bool = true;

/// Asked wherever the body is treated, and for the goal stretch marks.
const BODY_OR_STRETCH_MARKS: bool = false;

/// Every row of the screening table of `clinical-reference.md`: the
/// question, its outcome, its date rule, whether "not sure" counts as
/// "yes", and whether it is asked for every area and goal.
const TABLE: &[(&str, Outcome, Option<DateRule>, bool, bool)] = &[
    ("under_18", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    (
        "pregnant",
        Outcome::NotNow,
        Some(DateRule::Until {
            max_days: 300,
            max_overdue_days: 42,
        }),
        true,
        ASKED_OF_EVERYONE,
    ),
    // The months after a birth, when not pregnant (see MONTHS_AFTER_BIRTH).
    ("recent_birth", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    (
        "breastfeeding",
        Outcome::NotNow,
        Some(DateRule::Until {
            max_days: 3 * 366,
            max_overdue_days: 366,
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    ("infection", Outcome::NotNow, None, false, ASKED_OF_EVERYONE),
    (
        "skin_flare",
        Outcome::NotNow,
        None,
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "sunburn",
        Outcome::NotNow,
        Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    ("cancer", Outcome::NotNow, None, false, ASKED_OF_EVERYONE),
    (
        "bleeding_disorder",
        Outcome::NotNow,
        None,
        false,
        ASKED_OF_EVERYONE,
    ),
    ("keloid", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    (
        "isotretinoin",
        Outcome::Ask,
        Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "blood_thinners",
        Outcome::Ask,
        None,
        false,
        ASKED_OF_EVERYONE,
    ),
    ("diabetes", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    ("immune", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    ("autoimmune", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    ("allergy", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    ("cold_sores", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    ("dark_marks", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
    (
        "filler_toxin",
        Outcome::Ask,
        Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "peel_laser",
        Outcome::Ask,
        Some(DateRule::Since {
            wait: Wait::Days(28),
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "recent_scar",
        Outcome::Ask,
        Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "unhealed_scar",
        Outcome::Ask,
        None,
        false,
        ASKED_OF_EVERYONE,
    ),
    (
        "red_stretch_marks",
        Outcome::Ask,
        None,
        false,
        BODY_OR_STRETCH_MARKS,
    ),
    ("tattoo", Outcome::Ask, None, false, ASKED_OF_EVERYONE),
];

#[test]
fn every_row_of_the_clinical_table_has_its_outcome_and_date_rule() {
    for &(id, outcome, rule, unsure_is_yes, everyone) in TABLE {
        let q = QUESTIONS.iter().find(|q| q.id == id).expect(id);
        assert_eq!(q.outcome, outcome, "{id}");
        assert_eq!(q.date, rule, "{id}");
        assert_eq!(q.unsure_is_yes, unsure_is_yes, "{id}");
        for area in &Area::IDS {
            for goal in &Goal::CHECK_IDS {
                let asked = keys(&all_no_for(area, goal)).contains(&id.to_string());
                let expected = everyone || *area == "body" || *goal == "stretch_marks";
                assert_eq!(asked, expected, "{id} for {area}, {goal}");
            }
        }
        let goal = if everyone { "face" } else { "stretch_marks" };
        // A "yes" with the date unknown: the outcome, no date.
        let mut answers = all_no_for("face", goal);
        yes(&mut answers, id, Answer::DateUnknown);
        let result = eval(&answers);
        assert_eq!(result.overall, outcome, "{id}");
        assert_eq!(result.findings.len(), 1, "{id}");
        assert_eq!(result.findings[0].question, id);
        assert_eq!(result.findings[0].wait, None, "{id}");
        // A "yes" with a date from yesterday (past events) or today
        // (dates to come): the same outcome; a past event shows when its
        // wait ends, a date to come never clears anything.
        let (given, ends) = match rule {
            Some(DateRule::Since { wait }) => {
                let given = today().add_days(-1);
                (given, Some(WaitDate::Ends(wait_ends(wait, given))))
            }
            _ => (today(), None),
        };
        let mut answers = all_no_for("face", goal);
        yes(&mut answers, id, Answer::Date(given));
        let result = eval(&answers);
        assert_eq!(result.overall, outcome, "{id} dated");
        assert_eq!(result.findings[0].wait, ends, "{id} dated");
    }
    let yes_no = QUESTIONS
        .iter()
        .filter(|q| matches!(q.kind, Kind::YesNo { .. }))
        .count();
    assert_eq!(yes_no, TABLE.len(), "a question is missing from this table");
}
