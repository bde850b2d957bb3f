//! The self-check's questions as data: what is asked, when, and what a
//! "yes" means ([`QUESTIONS`], one row per row of the screening table of
//! `clinical-reference.md`). Their words are in
//! `public/locales/<lang>.check.json` (see [`crate::core::screening::CheckText`]).

use crate::core::area::Area;
use crate::core::goal::Goal;

/// How much an answer stands in the way, least serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Nothing here stands in the way; the professional confirms.
    Ok,
    /// A professional must assess this first.
    Ask,
    /// Do not book treatment now: wait, or get medical clearance.
    NotNow,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Ask => "ask",
            Outcome::NotNow => "not_now",
        }
    }
}

/// How long after an event it stands in the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    Days(u32),
    Months(u32),
}

/// The date asked after a "yes", and what it means. A date never makes an
/// answer milder (invariant 2): it is shown, not used to clear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRule {
    /// A past event (last dose, a treatment, a sunburn, a scar) that the
    /// question asks about within `wait` ("in the last 14 days"): the wait
    /// ends on that date plus `wait`. A date outside that window contradicts
    /// the "yes" ([`DateProblem::OutsideWindow`]).
    Since { wait: Wait },
    /// A date to come, kept for the professional (a due date, the planned
    /// end of breastfeeding). It never clears the answer: the condition can
    /// still be present after it, so a date that has passed is accepted
    /// (invariant 8). Further ahead than `max_days`, or further back than
    /// `max_overdue_days`, is taken for a typing mistake.
    Until {
        max_days: i64,
        max_overdue_days: i64,
    },
}

/// When a question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    Always,
    /// Only when the goal is this one.
    GoalIs(Goal),
    /// When the area is `area` or the goal is `goal` (red stretch marks:
    /// wherever the body is treated, and whenever stretch marks are the
    /// goal).
    AreaOrGoalIs {
        area: Area,
        goal: Goal,
    },
    /// Unless this question was answered "yes" (or "not sure" where that
    /// counts as "yes"), which already gives a stricter outcome.
    UnlessYes(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Yes or no; `not_sure` adds "I'm not sure", which yields at least ASK.
    YesNo { not_sure: bool },
    /// One of these choices; it decides which questions follow.
    Choice(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub kind: Kind,
    pub when: Condition,
    /// What a "yes" means.
    pub outcome: Outcome,
    /// The date asked after a "yes", if one matters.
    pub date: Option<DateRule>,
    /// The question's text includes a possibility ("or could you be?"):
    /// "I'm not sure" gives the same outcome as "yes" (reference, "Not sure"
    /// row).
    pub unsure_is_yes: bool,
    /// The FAQ entry that explains this answer, linked from the result.
    pub faq: &'static str,
}

/// How long after a birth (or a pregnancy that ended) a professional looks
/// first. The reference covers "the weeks after" the birth without a
/// length; we take 12 months, more than the World Health Organization's
/// postnatal period (six weeks: WHO recommendations on maternal and newborn
/// care for a positive postnatal experience, 2022) and than the 12 weeks of
/// postpartum care in ACOG Committee Opinion 736 (Obstetrics & Gynecology
/// 2018;131:e140), and twice the reference's 6-month wait for a scar such as
/// a caesarean's. The answer is ASK, so a longer span costs only a
/// conversation with the professional.
pub const MONTHS_AFTER_BIRTH: u32 = 12;

/// A yes/no question with "I'm not sure", asked of everyone.
pub const fn yes_no(id: &'static str, outcome: Outcome) -> Question {
    Question {
        id,
        kind: Kind::YesNo { not_sure: true },
        when: Condition::Always,
        outcome,
        date: None,
        unsure_is_yes: false,
        faq: match outcome {
            Outcome::NotNow => "who-should-not",
            _ => "ask-first",
        },
    }
}

/// The default self-check, in the order it is asked. Each row follows the
/// screening table of `clinical-reference.md` (cited per question).
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "area",
        kind: Kind::Choice(&Area::IDS),
        faq: "neck-and-neckline",
        ..yes_no("area", Outcome::Ok)
    },
    Question {
        id: "goal",
        kind: Kind::Choice(&Goal::CHECK_IDS),
        faq: "what-is-microneedling",
        ..yes_no("goal", Outcome::Ok)
    },
    // Reference: "Under 18 | ASK".
    Question {
        kind: Kind::YesNo { not_sure: false },
        ..yes_no("under_18", Outcome::Ask)
    },
    // Reference: "Pregnant | NOT NOW | until after pregnancy"; "a due date
    // never clears it by itself"; "or could you be?": not sure = yes.
    // A due date up to 6 weeks past is accepted: a pregnancy can run past
    // its due date (induction is usually offered by 42 weeks).
    Question {
        date: Some(DateRule::Until {
            max_days: 300,
            max_overdue_days: 42,
        }),
        unsure_is_yes: true,
        ..yes_no("pregnant", Outcome::NotNow)
    },
    // Reference: "the weeks after it are covered (... otherwise ask the
    // professional)"; see MONTHS_AFTER_BIRTH.
    Question {
        when: Condition::UnlessYes("pregnant"),
        ..yes_no("recent_birth", Outcome::Ask)
    },
    // Reference: "Breastfeeding | NOT NOW | until breastfeeding ends" (seed
    // 002); a planned end date never clears it.
    Question {
        date: Some(DateRule::Until {
            max_days: 3 * 366,
            max_overdue_days: 366,
        }),
        ..yes_no("breastfeeding", Outcome::NotNow)
    },
    // Reference: "Active infection, open wound, or cold sore ... | NOT NOW"
    // (seed 002; Chu et al., Dermatologic Surgery 2021).
    yes_no("infection", Outcome::NotNow),
    // Reference: "Inflamed acne, or an eczema, psoriasis or rosacea flare |
    // NOT NOW" (seed 001).
    yes_no("skin_flare", Outcome::NotNow),
    // Reference: "Sunburn or fresh tan ... in the last 14 days | NOT NOW |
    // until 14 days after".
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        faq: "sun-protection",
        ..yes_no("sunburn", Outcome::NotNow)
    },
    // Reference: "chemotherapy or radiotherapy now, skin cancer, or a
    // changing mole | NOT NOW".
    yes_no("cancer", Outcome::NotNow),
    // Reference: "Bleeding or clotting disorder | NOT NOW" (seed 002).
    yes_no("bleeding_disorder", Outcome::NotNow),
    // Reference: "History of keloids or raised scars | ASK" (seeds 001/002;
    // Juhasz & Cohen 2020).
    yes_no("keloid", Outcome::Ask),
    // Reference: "Isotretinoin in the last 6 months | ASK | 6 months after
    // the last dose" (Spring et al., JAMA Dermatology 2017;153:802).
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        faq: "medicines-before-treatment",
        ..yes_no("isotretinoin", Outcome::Ask)
    },
    // Reference: "Blood thinners | ASK | never stop a prescribed medicine".
    Question {
        faq: "medicines-before-treatment",
        ..yes_no("blood_thinners", Outcome::Ask)
    },
    // Reference: "Diabetes, or wounds that heal slowly | ASK".
    yes_no("diabetes", Outcome::Ask),
    // Reference: "Weakened immune system | ASK".
    yes_no("immune", Outcome::Ask),
    // Reference: "Autoimmune or connective-tissue disease | ASK".
    yes_no("autoimmune", Outcome::Ask),
    // Reference: "Allergy to metals or to numbing creams | ASK" (Chu 2021).
    yes_no("allergy", Outcome::Ask),
    // Reference: "Cold sores in the treated area in the past | ASK".
    yes_no("cold_sores", Outcome::Ask),
    // Reference: "Tendency to dark marks, darker skin | ASK" (seed 002).
    Question {
        faq: "skin-types-and-seasons",
        ..yes_no("dark_marks", Outcome::Ask)
    },
    // Reference: "Filler or botulinum toxin in the area in the last 14 days
    // | ASK | 14 days after; ask for every area".
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        ..yes_no("filler_toxin", Outcome::Ask)
    },
    // Reference: "Chemical peel or laser in the area in the last 4 weeks |
    // ASK | 28 days after".
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Days(28),
        }),
        ..yes_no("peel_laser", Outcome::Ask)
    },
    // Reference: "Surgical or injury scar in the area younger than 6 months
    // | ASK | 6 months after; ask for every goal" (seed 000).
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        faq: "skin-healed-first",
        ..yes_no("recent_scar", Outcome::Ask)
    },
    // Reference: "A scar in the area that is not fully healed, whatever its
    // age | ASK | never expires" (seed 000).
    Question {
        faq: "skin-healed-first",
        ..yes_no("unhealed_scar", Outcome::Ask)
    },
    // Reference: "Red or purple (recent) stretch marks | ASK" (seed 000);
    // the reference has no goal condition: asked wherever the body is
    // treated, and for stretch marks on any area.
    Question {
        when: Condition::AreaOrGoalIs {
            area: Area::Body,
            goal: Goal::StretchMarks,
        },
        faq: "stretch-marks",
        ..yes_no("red_stretch_marks", Outcome::Ask)
    },
    // Reference: "Tattoo or permanent makeup in the area | ASK".
    yes_no("tattoo", Outcome::Ask),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_links_to_a_faq_entry_that_exists() {
        let faq =
            crate::core::faq::FaqContent::parse("en", crate::core::faq::faq_source("en")).unwrap();
        for q in QUESTIONS {
            assert!(
                faq.entry(q.faq).is_some(),
                "{}: no FAQ entry {}",
                q.id,
                q.faq
            );
        }
    }

    #[test]
    fn ids_are_unique_and_conditions_known() {
        let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
        for q in QUESTIONS {
            match q.when {
                Condition::GoalIs(goal) => assert!(Goal::CHECK_IDS.contains(&goal.id())),
                Condition::AreaOrGoalIs { area, goal } => {
                    assert!(Goal::CHECK_IDS.contains(&goal.id()), "{} ({area})", q.id)
                }
                Condition::UnlessYes(other) => {
                    let at = |id| QUESTIONS.iter().position(|q| q.id == id);
                    assert!(at(other).is_some() && at(other) < at(q.id), "{}", q.id);
                }
                Condition::Always => {}
            }
            assert!(!q.unsure_is_yes || matches!(q.kind, Kind::YesNo { not_sure: true }));
        }
    }
}
