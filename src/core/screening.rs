//! The self-check: which questions are asked, and what the answers mean.
//!
//! Questions, branching and outcomes are data ([`QUESTIONS`], following the
//! screening table of the clinical reference, `clinical-reference.md`);
//! their words are in `public/locales/<lang>.check.json`. The engine never
//! diagnoses: its result says what a professional should look at, and when
//! a waiting time ends.
//!
//! # Invariants
//!
//! The self-check is never more permissive than the clinical reference.
//! Each rule below is pinned by a test of the same name in this module.
//!
//! 1. **A complete set of answers, or no result.** [`evaluate`] computes a
//!    result only when every step of the current questions has an answer
//!    that fits it; otherwise it returns [`Incomplete`] with the first step
//!    to answer (a restored backup, a question a clinic added later, an
//!    answer code that does not fit its question).
//! 2. **A "yes" always counts in full.** A "yes" yields its question's
//!    outcome, whatever the dates: a date only tells when a waiting time
//!    ends ([`Finding::wait`]), it never turns an answer milder. A wait that
//!    has ended since the answer was given ([`WaitDate::Ended`]) keeps the
//!    finding and says so, inviting the person to answer that question
//!    again; a date that cannot be read as a wait (in the future, a century
//!    ago) is "date unknown". So a "yes" to a NOT NOW question is NOT NOW,
//!    and never OK.
//! 3. **Conditions that can still be present never expire.** A question
//!    about an ongoing condition (pregnancy, breastfeeding, a scar that is
//!    not fully healed) has no date that clears it; a dated event and an
//!    ongoing condition are two questions (`recent_scar`, `unhealed_scar`).
//! 4. **"Not sure" is never milder than "yes" where the question includes a
//!    possibility** ("Are you pregnant, or could you be?":
//!    [`Question::unsure_is_yes`]); elsewhere "not sure" is at least ASK.
//! 5. **Pregnancy and the months after it are one path.** Pregnant: NOT NOW
//!    (a due date never clears it). Not pregnant: a birth or a pregnancy in
//!    the last 12 months is ASK ([`MONTHS_AFTER_BIRTH`]); breastfeeding is
//!    NOT NOW.
//! 6. **Questions about the treated area are asked for every area and
//!    goal** (recent or unhealed scars, fillers or toxin, tattoos): only the
//!    stretch-mark colour question depends on them, and it is asked wherever
//!    the body is treated as well as for the goal "stretch marks".
//! 8. **A date to come may have passed.** A due date or a planned end of
//!    breastfeeding that is behind us is accepted (someone can still be
//!    pregnant past the due date): the answer stays NOT NOW.
//! 7. **Monotone.** Changing any answer from "no" to "yes" or "not sure"
//!    never makes the overall outcome milder (a property test over many
//!    generated sets of answers and dates).
//!
//! ```
//! use microcare::core::screening::{evaluate, Answer, Answers, Kind, Outcome, Step, QUESTIONS};
//! use microcare::core::calendar::CivilDate;
//! let today = CivilDate::parse_iso("2026-11-23").unwrap();
//! let mut answers = Answers::default();
//! answers.set("area", Answer::Choice("face".into()));
//! answers.set("goal", Answer::Choice("face".into()));
//! for q in QUESTIONS.iter().filter(|q| matches!(q.kind, Kind::YesNo { .. })) {
//!     answers.set(q.id, Answer::No);
//! }
//! answers.set("pregnant", Answer::Yes);
//! // The due date is still to answer: no result yet.
//! let missing = evaluate(QUESTIONS, &answers, today).unwrap_err();
//! assert_eq!(missing.first_missing, Step::Date("pregnant"));
//! answers.set("pregnant.date", Answer::Date(today));
//! assert_eq!(evaluate(QUESTIONS, &answers, today).unwrap().overall, Outcome::NotNow);
//! ```

use crate::core::calendar::CivilDate;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

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
    GoalIs(&'static str),
    /// When the area is `area` or the goal is `goal` (red stretch marks:
    /// wherever the body is treated, and whenever stretch marks are the
    /// goal).
    AreaOrGoalIs {
        area: &'static str,
        goal: &'static str,
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

pub const AREAS: &[&str] = &["face", "neck", "body"];
pub const GOALS: &[&str] = &["stretch_marks", "scars", "acne_scars", "face", "other"];

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
        kind: Kind::Choice(AREAS),
        faq: "neck-and-neckline",
        ..yes_no("area", Outcome::Ok)
    },
    Question {
        id: "goal",
        kind: Kind::Choice(GOALS),
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
            area: "body",
            goal: "stretch_marks",
        },
        faq: "stretch-marks",
        ..yes_no("red_stretch_marks", Outcome::Ask)
    },
    // Reference: "Tattoo or permanent makeup in the area | ASK".
    yes_no("tattoo", Outcome::Ask),
];

/// One answer as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    NotSure,
    Choice(String),
    Date(CivilDate),
    /// "I don't know the date".
    DateUnknown,
}

impl Answer {
    /// The stored form: `yes`, `no`, `not_sure`, `choice:<id>`,
    /// `date:YYYY-MM-DD`, `date:unknown`.
    pub fn to_code(&self) -> String {
        match self {
            Answer::Yes => "yes".into(),
            Answer::No => "no".into(),
            Answer::NotSure => "not_sure".into(),
            Answer::Choice(id) => format!("choice:{id}"),
            Answer::Date(date) => format!("date:{}", date.to_iso()),
            Answer::DateUnknown => "date:unknown".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        match code {
            "yes" => Some(Answer::Yes),
            "no" => Some(Answer::No),
            "not_sure" => Some(Answer::NotSure),
            "date:unknown" => Some(Answer::DateUnknown),
            _ => {
                if let Some(id) = code.strip_prefix("choice:") {
                    Some(Answer::Choice(id.to_string()))
                } else {
                    CivilDate::parse_iso(code.strip_prefix("date:")?).map(Answer::Date)
                }
            }
        }
    }
}

/// A screen of the self-check: a question, or the date asked after a "yes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Question(&'static str),
    Date(&'static str),
}

impl Step {
    /// The key of this step's answer.
    pub fn key(self) -> String {
        match self {
            Step::Question(id) => id.to_string(),
            Step::Date(id) => format!("{id}.date"),
        }
    }

    pub fn question_id(self) -> &'static str {
        match self {
            Step::Question(id) | Step::Date(id) => id,
        }
    }
}

/// The answers given so far, by step key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(pub Vec<(String, Answer)>);

impl Answers {
    pub fn set(&mut self, key: &str, answer: Answer) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = answer,
            None => self.0.push((key.to_string(), answer)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Answer> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, a)| a)
    }

    fn choice(&self, id: &str) -> Option<&str> {
        match self.get(id) {
            Some(Answer::Choice(choice)) => Some(choice),
            _ => None,
        }
    }
}

/// Whether the answer to `question` counts as "yes": a "yes", or "not sure"
/// where the question includes a possibility.
fn counts_as_yes(question: &Question, answer: Option<&Answer>) -> bool {
    match answer {
        Some(Answer::Yes) => true,
        Some(Answer::NotSure) => question.unsure_is_yes,
        _ => false,
    }
}

/// Whether `question` applies, given the answers so far (and the questions,
/// for a condition on another question).
pub fn applies(questions: &[Question], question: &Question, answers: &Answers) -> bool {
    match question.when {
        Condition::Always => true,
        Condition::GoalIs(goal) => answers.choice("goal") == Some(goal),
        Condition::AreaOrGoalIs { area, goal } => {
            answers.choice("area") == Some(area) || answers.choice("goal") == Some(goal)
        }
        Condition::UnlessYes(other) => !questions
            .iter()
            .find(|q| q.id == other)
            .is_some_and(|q| counts_as_yes(q, answers.get(other))),
    }
}

/// The screens to show, in order: every question that applies, and the date
/// after each "yes" that has one. Answers to steps not listed are ignored.
pub fn steps(questions: &[Question], answers: &Answers) -> Vec<Step> {
    let mut steps = Vec::new();
    for question in questions.iter().filter(|q| applies(questions, q, answers)) {
        steps.push(Step::Question(question.id));
        if question.date.is_some() && answers.get(question.id) == Some(&Answer::Yes) {
            steps.push(Step::Date(question.id));
        }
    }
    steps
}

/// Whether `answer` is an answer to `step` (a stored code may not be: an
/// old backup, a question whose kind changed).
fn fits(questions: &[Question], step: Step, answer: &Answer) -> bool {
    let Some(question) = questions.iter().find(|q| q.id == step.question_id()) else {
        return false;
    };
    match (step, question.kind, answer) {
        (Step::Question(_), Kind::YesNo { .. }, Answer::Yes | Answer::No) => true,
        (Step::Question(_), Kind::YesNo { not_sure }, Answer::NotSure) => not_sure,
        (Step::Question(_), Kind::Choice(choices), Answer::Choice(c)) => {
            choices.contains(&c.as_str())
        }
        (Step::Date(_), _, Answer::Date(_) | Answer::DateUnknown) => question.date.is_some(),
        _ => false,
    }
}

/// The first step without an answer that fits it, if any.
pub fn first_missing(questions: &[Question], answers: &Answers) -> Option<Step> {
    steps(questions, answers).into_iter().find(|step| {
        !answers
            .get(&step.key())
            .is_some_and(|answer| fits(questions, *step, answer))
    })
}

/// Whether every step has an answer that fits it.
pub fn is_complete(questions: &[Question], answers: &Answers) -> bool {
    first_missing(questions, answers).is_none()
}

/// Why a date cannot be accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// A past event dated in the future.
    InFuture,
    /// A date to come that passed longer ago than it can have (a due date
    /// more than 6 weeks back).
    InPast,
    /// More than 100 years ago: surely a typing mistake.
    TooLongAgo,
    /// Further ahead than such a date can be.
    TooFarAhead,
    /// Longer ago than the question asks about ("in the last 14 days", but
    /// three weeks ago): the date and the "yes" contradict each other.
    OutsideWindow,
}

/// Checks a date given for `rule` against today. A stored date that fails
/// this check counts as "date unknown" (invariant 2).
pub fn check_date(rule: DateRule, date: CivilDate, today: CivilDate) -> Result<(), DateProblem> {
    let ahead = today.days_until(date);
    match rule {
        DateRule::Since { .. } if ahead > 0 => Err(DateProblem::InFuture),
        DateRule::Since { .. } if date.year < today.year - 100 => Err(DateProblem::TooLongAgo),
        // "In the last 14 days" holds from today back to 13 days ago: 14
        // days ago, the wait already ended today.
        DateRule::Since { wait } if wait_ends(wait, date) <= today => {
            Err(DateProblem::OutsideWindow)
        }
        DateRule::Until {
            max_overdue_days, ..
        } if ahead < -max_overdue_days => Err(DateProblem::InPast),
        DateRule::Until { max_days, .. } if ahead > max_days => Err(DateProblem::TooFarAhead),
        _ => Ok(()),
    }
}

/// The first day after the wait that follows an event on `date`.
pub fn wait_ends(wait: Wait, date: CivilDate) -> CivilDate {
    match wait {
        Wait::Days(days) => date.add_days(i64::from(days)),
        Wait::Months(months) => date.add_months(months),
    }
}

/// The usual wait after a dated event ([`DateRule::Since`]), as of today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitDate {
    /// The wait ends on this day.
    Ends(CivilDate),
    /// The wait ended on this day, after the answer was given (a stored
    /// result, a restored backup). The answer still counts in full: the
    /// person is invited to answer the question again.
    Ended(CivilDate),
}

/// One answer that matters, with why and until when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub question: &'static str,
    pub outcome: Outcome,
    /// The person answered "I'm not sure".
    pub unsure: bool,
    /// The usual wait after a dated event, when a usable date was given for
    /// a [`DateRule::Since`] question. The answer counts in full until the
    /// person answers the question again.
    pub wait: Option<WaitDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The most serious outcome of all findings, `Ok` when there are none.
    pub overall: Outcome,
    /// Every answer that contributes, most serious first.
    pub findings: Vec<Finding>,
}

/// The answers are not complete: no result can be given yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Incomplete {
    /// The first step to answer, in the order asked.
    pub first_missing: Step,
}

/// What a complete set of answers means on `today`, in the person's own
/// calendar; [`Incomplete`] when a step of `questions` lacks an answer that
/// fits it (invariant 1).
pub fn evaluate(
    questions: &[Question],
    answers: &Answers,
    today: CivilDate,
) -> Result<Evaluation, Incomplete> {
    if let Some(first_missing) = first_missing(questions, answers) {
        return Err(Incomplete { first_missing });
    }
    let mut findings = Vec::new();
    for question in questions.iter().filter(|q| applies(questions, q, answers)) {
        let id = question.id;
        let answer = answers.get(id);
        let finding = match answer {
            Some(Answer::Yes) => Finding {
                question: id,
                outcome: question.outcome,
                unsure: false,
                // Never used to clear (invariant 2): a wait that has ended
                // is said so, a date that cannot be a wait is unknown.
                wait: match (question.date, answers.get(&Step::Date(id).key())) {
                    (Some(rule @ DateRule::Since { wait }), Some(Answer::Date(date))) => {
                        match check_date(rule, *date, today) {
                            Ok(()) => Some(WaitDate::Ends(wait_ends(wait, *date))),
                            Err(DateProblem::OutsideWindow) => {
                                Some(WaitDate::Ended(wait_ends(wait, *date)))
                            }
                            Err(_) => None,
                        }
                    }
                    _ => None,
                },
            },
            // Invariant 4: the same as "yes" where the question includes a
            // possibility, else at least ASK.
            Some(Answer::NotSure) => Finding {
                question: id,
                outcome: if question.unsure_is_yes {
                    question.outcome
                } else {
                    Outcome::Ask
                },
                unsure: true,
                wait: None,
            },
            _ => continue,
        };
        findings.push(finding);
    }
    // Most serious first, in question order within each outcome (two
    // passes: cheaper in WASM than a sort).
    let (mut ordered, rest): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.outcome == Outcome::NotNow);
    ordered.extend(rest);
    Ok(Evaluation {
        overall: ordered.first().map_or(Outcome::Ok, |f| f.outcome),
        findings: ordered,
    })
}

/// The words of one question in one language.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct QuestionText {
    pub text: String,
    pub hint: String,
    pub reason: String,
    pub next: String,
    pub date_label: String,
    /// Choice id and its label.
    #[serde(deserialize_with = "pairs")]
    pub choices: Vec<(String, String)>,
}

/// A JSON object as (key, value) pairs.
fn pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    Ok(BTreeMap::<String, String>::deserialize(d)?
        .into_iter()
        .collect())
}

/// The file as stored; its `ui` strings are read by `core::i18n`.
#[derive(Deserialize)]
struct CheckFile {
    #[serde(default)]
    lang: String,
    questions: BTreeMap<String, QuestionText>,
}

/// The self-check's words in one language: `public/locales/<code>.check.json`.
#[derive(Clone, Debug)]
pub struct CheckText {
    pub lang: String,
    pub questions: Vec<(String, QuestionText)>,
}

impl CheckText {
    /// Reads the file; a missing text is caught by the tests, and shows as
    /// empty on a phone rather than failing.
    pub fn parse(lang_code: &str, json: &str) -> Result<CheckText, String> {
        let file: CheckFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if file.lang != lang_code {
            return Err(format!(
                "the file is for \"{}\", not \"{lang_code}\"",
                file.lang
            ));
        }
        Ok(CheckText {
            lang: file.lang,
            questions: file.questions.into_iter().collect(),
        })
    }

    /// The words of `id`; empty words if the file lacks them.
    pub fn question(&self, id: &str) -> QuestionText {
        self.words(id).cloned().unwrap_or_default()
    }

    fn words(&self, id: &str) -> Option<&QuestionText> {
        self.questions.iter().find(|(q, _)| q == id).map(|(_, w)| w)
    }

    /// The label of choice `choice` of question `id`.
    pub fn choice(&self, id: &str, choice: &str) -> String {
        self.words(id)
            .and_then(|q| q.choices.iter().find(|(c, _)| c == choice))
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    }

    /// Every text the questions need that this file lacks.
    pub fn missing(&self, questions: &[Question]) -> Vec<String> {
        let mut missing = Vec::new();
        for q in questions {
            let words = self.question(q.id);
            let mut need = |what: &str, value: &str| {
                if value.trim().is_empty() {
                    missing.push(format!("{}.{what}", q.id));
                }
            };
            need("text", &words.text);
            match q.kind {
                Kind::YesNo { .. } => {
                    need("reason", &words.reason);
                    need("next", &words.next);
                }
                Kind::Choice(choices) => {
                    for choice in choices {
                        need(choice, &self.choice(q.id, choice));
                    }
                }
            }
            if q.date.is_some() {
                need("date_label", &words.date_label);
            }
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CivilDate {
        CivilDate::parse_iso(text).unwrap()
    }

    const TODAY: &str = "2026-11-23";

    fn today() -> CivilDate {
        date(TODAY)
    }

    /// A complete set of answers: `area` and `goal`, every yes/no question
    /// that applies answered "no".
    fn all_no_for(area: &str, goal: &str) -> Answers {
        let mut answers = Answers::default();
        answers.set("area", Answer::Choice(area.into()));
        answers.set("goal", Answer::Choice(goal.into()));
        for q in QUESTIONS {
            if matches!(q.kind, Kind::YesNo { .. }) {
                answers.set(q.id, Answer::No);
            }
        }
        answers
    }

    fn all_no() -> Answers {
        all_no_for("face", "face")
    }

    /// Answers `id` "yes", with `dated` on its date screen if it has one.
    fn yes(answers: &mut Answers, id: &str, dated: Answer) {
        answers.set(id, Answer::Yes);
        let question = QUESTIONS.iter().find(|q| q.id == id).unwrap();
        if question.date.is_some() {
            answers.set(&format!("{id}.date"), dated);
        }
    }

    fn eval(answers: &Answers) -> Evaluation {
        evaluate(QUESTIONS, answers, today())
            .unwrap_or_else(|missing| panic!("incomplete: {missing:?} in {answers:?}"))
    }

    fn keys(answers: &Answers) -> Vec<String> {
        steps(QUESTIONS, answers).iter().map(|s| s.key()).collect()
    }

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
            for area in AREAS {
                for goal in GOALS {
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

    #[test]
    fn none_of_the_above_is_ok() {
        for area in AREAS {
            for goal in GOALS {
                let result = eval(&all_no_for(area, goal));
                assert_eq!(result.overall, Outcome::Ok, "{area} {goal}");
                assert!(result.findings.is_empty());
            }
        }
    }

    // Issue #13, case 1: a scar not fully healed gave OK once the surgery
    // was more than 6 months ago.
    #[test]
    fn an_unhealed_scar_is_ask_whatever_its_age() {
        let long_ago = date("2025-01-10");
        // The old single question took the date and dropped the answer once
        // 6 months had passed: the date is now refused for "less than 6
        // months old", and the healing question has no date at all.
        let rule = QUESTIONS
            .iter()
            .find(|q| q.id == "recent_scar")
            .unwrap()
            .date
            .unwrap();
        assert_eq!(
            check_date(rule, long_ago, today()),
            Err(DateProblem::OutsideWindow)
        );
        for goal in GOALS {
            let mut answers = all_no_for("body", goal);
            answers.set("unhealed_scar", Answer::Yes);
            assert!(!keys(&answers).contains(&"unhealed_scar.date".into()));
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::Ask, "{goal}");
            assert_eq!(result.findings[0].question, "unhealed_scar");
            assert_eq!(result.findings[0].wait, None);
            // Whatever day it is evaluated on.
            for later in ["2027-06-01", "2036-01-01"] {
                let result = evaluate(QUESTIONS, &answers, date(later)).unwrap();
                assert_eq!(result.overall, Outcome::Ask, "{goal} on {later}");
            }
            // A stored "recent" scar with a date from long ago is still a
            // "yes": ASK, and its wait is said to have ended (issue #21).
            let mut answers = all_no_for("body", goal);
            yes(&mut answers, "recent_scar", Answer::Date(long_ago));
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::Ask, "{goal}");
            assert_eq!(
                result.findings[0].wait,
                Some(WaitDate::Ended(date("2025-07-10"))),
                "{goal}"
            );
        }
    }

    // Issue #13, case 2: pregnancy cleared on the due date, and nothing
    // covered the months after the birth.
    #[test]
    fn pregnancy_is_not_now_whatever_the_due_date() {
        let dates = [
            Answer::Date(today()),
            Answer::Date(today().add_days(1)),
            Answer::Date(today().add_days(280)),
            // Stored earlier, passed since, or beyond any due date.
            Answer::Date(today().add_days(-1)),
            Answer::Date(today().add_days(-400)),
            Answer::Date(today().add_days(2000)),
            Answer::DateUnknown,
        ];
        for given in &dates {
            for id in ["pregnant", "breastfeeding"] {
                let mut answers = all_no();
                yes(&mut answers, id, given.clone());
                let result = eval(&answers);
                assert_eq!(result.overall, Outcome::NotNow, "{id} {given:?}");
                assert_eq!(result.findings[0].wait, None, "{id} {given:?}");
                // Evaluated again on the day, or long after.
                for later in [0, 1, 365] {
                    let day = today().add_days(later);
                    let result = evaluate(QUESTIONS, &answers, day).unwrap();
                    assert_eq!(result.overall, Outcome::NotNow, "{id} {given:?} +{later}");
                }
            }
        }
        // Not pregnant: the months after a birth are asked in the same path.
        let mut answers = all_no();
        let order = keys(&answers);
        let at = order.iter().position(|k| k == "pregnant").unwrap();
        assert_eq!(order[at + 1], "recent_birth");
        assert_eq!(order[at + 2], "breastfeeding");
        answers.set("recent_birth", Answer::Yes);
        assert_eq!(eval(&answers).overall, Outcome::Ask);
        answers.set("recent_birth", Answer::NotSure);
        assert_eq!(eval(&answers).overall, Outcome::Ask);
        answers.set("breastfeeding", Answer::Yes);
        answers.set("breastfeeding.date", Answer::Date(today()));
        assert_eq!(eval(&answers).overall, Outcome::NotNow);
        // Pregnant (or maybe): the birth question is not asked, the
        // breastfeeding one still is.
        for answer in [Answer::Yes, Answer::NotSure] {
            let mut answers = all_no();
            answers.set("pregnant", answer.clone());
            answers.set("pregnant.date", Answer::DateUnknown);
            let order = keys(&answers);
            assert!(!order.contains(&"recent_birth".into()), "{answer:?}");
            assert!(order.contains(&"breastfeeding".into()), "{answer:?}");
        }
        assert_eq!(MONTHS_AFTER_BIRTH, 12, "the question's words say 12 months");
    }

    // Issue #21: someone still pregnant past the due date was told "This
    // date has already passed. Please check it."
    #[test]
    fn a_due_date_that_has_passed_is_accepted_and_stays_not_now() {
        let rule = QUESTIONS
            .iter()
            .find(|q| q.id == "pregnant")
            .and_then(|q| q.date)
            .unwrap();
        for days_ago in [1, 7, 14, 42] {
            let due = today().add_days(-days_ago);
            assert_eq!(check_date(rule, due, today()), Ok(()), "{days_ago} days");
            let mut answers = all_no();
            yes(&mut answers, "pregnant", Answer::Date(due));
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::NotNow, "{days_ago} days");
            assert_eq!(result.findings[0].question, "pregnant");
        }
        // Further back than a pregnancy runs: a typing mistake.
        assert_eq!(
            check_date(rule, today().add_days(-43), today()),
            Err(DateProblem::InPast)
        );
    }

    // Issue #21: the red or purple stretch-mark question was asked only for
    // the goal "stretch marks"; the reference has no goal condition.
    #[test]
    fn red_stretch_marks_are_asked_wherever_the_body_is_treated() {
        for goal in GOALS {
            let mut answers = all_no_for("body", goal);
            assert!(
                keys(&answers).contains(&"red_stretch_marks".into()),
                "body, {goal}"
            );
            answers.set("red_stretch_marks", Answer::Yes);
            assert_eq!(eval(&answers).overall, Outcome::Ask, "body, {goal}");
        }
        for area in AREAS {
            let asked = keys(&all_no_for(area, "stretch_marks"));
            assert!(asked.contains(&"red_stretch_marks".into()), "{area}");
        }
        assert!(!keys(&all_no_for("face", "acne_scars")).contains(&"red_stretch_marks".into()));
    }

    // Issue #13, case 3: "not sure" was milder than "yes" for "Are you
    // pregnant, or could you be?".
    #[test]
    fn not_sure_is_yes_where_the_question_includes_a_possibility() {
        let mut answers = all_no();
        answers.set("pregnant", Answer::NotSure);
        assert!(!keys(&answers).contains(&"pregnant.date".into()));
        let result = eval(&answers);
        assert_eq!(result.overall, Outcome::NotNow);
        assert!(result.findings[0].unsure);
        assert_eq!(result.findings[0].outcome, Outcome::NotNow);
        // Elsewhere, "not sure" is at least ASK, never OK.
        for q in QUESTIONS.iter().filter(|q| q.id != "pregnant") {
            let Kind::YesNo { not_sure: true } = q.kind else {
                continue;
            };
            let goal = match q.when {
                Condition::GoalIs(goal) | Condition::AreaOrGoalIs { goal, .. } => goal,
                _ => "face",
            };
            let mut answers = all_no_for("face", goal);
            answers.set(q.id, Answer::NotSure);
            let result = eval(&answers);
            assert!(result.overall >= Outcome::Ask, "{}", q.id);
            assert!(result.findings[0].unsure, "{}", q.id);
            let unsure = result.findings[0].outcome;
            assert_eq!(
                unsure,
                if q.unsure_is_yes {
                    q.outcome
                } else {
                    Outcome::Ask
                },
                "{}",
                q.id
            );
        }
    }

    // Issue #13, case 4: recent scars were asked about only when the goal
    // was scars.
    #[test]
    fn stretch_marks_over_a_recent_caesarean_scar_are_ask() {
        let mut answers = all_no_for("body", "stretch_marks");
        let order = keys(&answers);
        assert!(order.contains(&"recent_scar".into()));
        assert!(order.contains(&"unhealed_scar".into()));
        let two_months_ago = date("2026-09-20");
        yes(&mut answers, "recent_scar", Answer::Date(two_months_ago));
        let result = eval(&answers);
        assert_eq!(result.overall, Outcome::Ask);
        assert_eq!(result.findings[0].question, "recent_scar");
        assert_eq!(
            result.findings[0].wait,
            Some(WaitDate::Ends(date("2027-03-20")))
        );
    }

    // Issue #13, case 5: fillers and toxin were asked about only for the
    // face and neck.
    #[test]
    fn fillers_toxin_and_tattoos_are_asked_for_every_area() {
        for area in AREAS {
            for goal in GOALS {
                let order = keys(&all_no_for(area, goal));
                for id in ["filler_toxin", "tattoo", "recent_scar", "unhealed_scar"] {
                    assert!(order.contains(&id.into()), "{id} for {area}, {goal}");
                }
            }
        }
        // Toxin for underarm sweating, three days ago.
        let mut answers = all_no_for("body", "other");
        yes(
            &mut answers,
            "filler_toxin",
            Answer::Date(date("2026-11-20")),
        );
        let result = eval(&answers);
        assert_eq!(result.overall, Outcome::Ask);
        assert_eq!(
            result.findings[0].wait,
            Some(WaitDate::Ends(date("2026-12-04")))
        );
    }

    // Issue #13, case 6: the result showed OK for an incomplete set of
    // answers (a restored backup, a question the clinic added later).
    #[test]
    fn no_result_from_an_incomplete_set_of_answers() {
        let missing = |answers: &Answers, questions: &[Question]| {
            evaluate(questions, answers, today()).map(|e| e.overall)
        };
        // A question missing from a stored, "finished" self-check.
        let mut answers = all_no();
        answers
            .0
            .retain(|(k, _)| k != "unhealed_scar" && k != "tattoo");
        assert_eq!(
            missing(&answers, QUESTIONS),
            Err(Incomplete {
                first_missing: Step::Question("unhealed_scar")
            })
        );
        // A question the clinic added after the answers were given.
        let mut with_clinic = QUESTIONS.to_vec();
        with_clinic.push(yes_no("clinic_1", Outcome::NotNow));
        assert_eq!(
            missing(&all_no(), &with_clinic),
            Err(Incomplete {
                first_missing: Step::Question("clinic_1")
            })
        );
        // A "yes" whose date is still to give.
        let mut answers = all_no();
        answers.set("sunburn", Answer::Yes);
        assert_eq!(
            missing(&answers, QUESTIONS),
            Err(Incomplete {
                first_missing: Step::Date("sunburn")
            })
        );
        // Answers that do not fit their question count as missing.
        let misfits: &[(&str, Answer)] = &[
            ("area", Answer::Choice("elbow".into())),
            ("goal", Answer::Yes),
            ("under_18", Answer::NotSure),
            ("infection", Answer::Choice("face".into())),
            ("keloid", Answer::DateUnknown),
        ];
        for (id, answer) in misfits {
            let mut answers = all_no();
            answers.set(id, answer.clone());
            assert_eq!(
                missing(&answers, QUESTIONS),
                Err(Incomplete {
                    first_missing: Step::Question(id)
                }),
                "{id} {answer:?}"
            );
        }
        let mut answers = all_no();
        answers.set("sunburn", Answer::Yes);
        answers.set("sunburn.date", Answer::No);
        assert!(missing(&answers, QUESTIONS).is_err());
        // Nothing answered: the first question.
        assert_eq!(
            first_missing(QUESTIONS, &Answers::default()),
            Some(Step::Question("area"))
        );
        assert_eq!(missing(&all_no(), QUESTIONS), Ok(Outcome::Ok));
    }

    // Issue #13: a "yes" to a NOT NOW question must never yield OK, whatever
    // the dates. Issue #21: a stored sunburn whose 14 days have passed kept
    // the finding but dropped its date without a word.
    #[test]
    fn a_sunburn_stays_not_now_after_its_date_and_a_contradicting_date_is_refused() {
        let rule = DateRule::Since {
            wait: Wait::Days(14),
        };
        let ends = |d| Some(WaitDate::Ends(date(d)));
        let ended = |d| Some(WaitDate::Ended(date(d)));
        let cases: &[(&str, Result<(), DateProblem>, Option<WaitDate>)] = &[
            ("2026-11-23", Ok(()), ends("2026-12-07")),
            ("2026-11-10", Ok(()), ends("2026-11-24")),
            // 14 days ago: the wait ended today, so "in the last 14 days"
            // is "no"; 3 weeks ago contradicts the "yes".
            (
                "2026-11-09",
                Err(DateProblem::OutsideWindow),
                ended("2026-11-23"),
            ),
            (
                "2026-11-02",
                Err(DateProblem::OutsideWindow),
                ended("2026-11-16"),
            ),
            ("2026-11-24", Err(DateProblem::InFuture), None),
        ];
        for (given, check, wait) in cases {
            assert_eq!(check_date(rule, date(given), today()), *check, "{given}");
            // Stored anyway (an older answer, a backup): still NOT NOW, and
            // a wait that has ended says so.
            let mut answers = all_no();
            yes(&mut answers, "sunburn", Answer::Date(date(given)));
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::NotNow, "{given}");
            assert_eq!(result.findings[0].wait, *wait, "{given}");
        }
    }

    #[test]
    fn not_sure_yields_ask_for_a_not_now_question_without_a_possibility() {
        for id in ["infection", "keloid", "tattoo", "sunburn"] {
            let mut answers = all_no();
            answers.set(id, Answer::NotSure);
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::Ask, "{id}");
            assert!(result.findings[0].unsure);
        }
    }

    #[test]
    fn the_most_serious_outcome_wins_and_every_reason_is_listed() {
        let cases: &[(&[&str], Outcome)] = &[
            (&["keloid", "blood_thinners"], Outcome::Ask),
            (&["keloid", "pregnant"], Outcome::NotNow),
            (&["pregnant", "breastfeeding", "tattoo"], Outcome::NotNow),
            (&["diabetes"], Outcome::Ask),
        ];
        for (ids, overall) in cases {
            let mut answers = all_no();
            for id in *ids {
                yes(&mut answers, id, Answer::DateUnknown);
            }
            let result = eval(&answers);
            assert_eq!(result.overall, *overall, "{ids:?}");
            assert_eq!(result.findings.len(), ids.len(), "{ids:?}");
            assert_eq!(result.findings[0].outcome, *overall, "most serious first");
        }
    }

    #[test]
    fn branching_asks_only_what_applies() {
        let mut answers = Answers::default();
        // Before the goal is known, goal-only questions do not show.
        let start = keys(&answers);
        assert!(start.contains(&"filler_toxin".into()));
        assert!(start.contains(&"recent_scar".into()));
        assert!(!start.contains(&"red_stretch_marks".into()));
        answers.set("area", Answer::Choice("face".into()));
        answers.set("goal", Answer::Choice("stretch_marks".into()));
        assert!(keys(&answers).contains(&"red_stretch_marks".into()));
        answers.set("goal", Answer::Choice("scars".into()));
        assert!(!keys(&answers).contains(&"red_stretch_marks".into()));
        // On the body, whatever the goal.
        answers.set("area", Answer::Choice("body".into()));
        assert!(keys(&answers).contains(&"red_stretch_marks".into()));
        // A date is asked only after a yes.
        assert!(!keys(&answers).contains(&"isotretinoin.date".into()));
        answers.set("isotretinoin", Answer::NotSure);
        assert!(!keys(&answers).contains(&"isotretinoin.date".into()));
        answers.set("isotretinoin", Answer::Yes);
        let with_date = keys(&answers);
        let at = with_date.iter().position(|k| k == "isotretinoin").unwrap();
        assert_eq!(with_date[at + 1], "isotretinoin.date");
        // Pregnancy and breastfeeding are asked of everyone, once.
        assert_eq!(with_date.iter().filter(|k| *k == "pregnant").count(), 1);
        assert_eq!(
            with_date.iter().filter(|k| *k == "breastfeeding").count(),
            1
        );
    }

    #[test]
    fn answers_to_questions_that_no_longer_apply_do_not_count() {
        let mut answers = all_no_for("face", "stretch_marks");
        answers.set("red_stretch_marks", Answer::Yes);
        assert_eq!(eval(&answers).overall, Outcome::Ask);
        answers.set("goal", Answer::Choice("face".into()));
        assert_eq!(eval(&answers).overall, Outcome::Ok);
        // Pregnant now: the answer about a recent birth no longer counts,
        // and the overall outcome is stricter anyway.
        let mut answers = all_no();
        answers.set("recent_birth", Answer::Yes);
        answers.set("pregnant", Answer::Yes);
        answers.set("pregnant.date", Answer::DateUnknown);
        let result = eval(&answers);
        assert_eq!(result.overall, Outcome::NotNow);
        assert!(result.findings.iter().all(|f| f.question != "recent_birth"));
    }

    /// (question, date answered, the day its wait ends or ended, or None
    /// when the date cannot be a wait and the finding is kept without one).
    #[test]
    fn dates_give_the_day_a_wait_ends_and_never_clear_an_answer() {
        use WaitDate::{Ended, Ends};
        /// The kind of wait date expected, and its day.
        type Expected = Option<(fn(CivilDate) -> WaitDate, &'static str)>;
        let cases: &[(&str, &str, Expected)] = &[
            // Isotretinoin: 6 months after the last dose.
            ("isotretinoin", "2026-09-23", Some((Ends, "2027-03-23"))),
            ("isotretinoin", "2026-05-24", Some((Ends, "2026-11-24"))), // ends tomorrow
            ("isotretinoin", "2026-05-23", Some((Ended, "2026-11-23"))), // ended today
            ("isotretinoin", "2026-05-22", Some((Ended, "2026-11-22"))), // ended yesterday
            ("isotretinoin", "2026-08-31", Some((Ends, "2027-02-28"))), // month end
            // Filler or toxin: 14 days.
            ("filler_toxin", "2026-11-20", Some((Ends, "2026-12-04"))),
            ("filler_toxin", "2026-11-10", Some((Ends, "2026-11-24"))),
            ("filler_toxin", "2026-11-09", Some((Ended, "2026-11-23"))),
            // Peel or laser: 28 days.
            ("peel_laser", "2026-11-23", Some((Ends, "2026-12-21"))),
            ("peel_laser", "2026-10-26", Some((Ended, "2026-11-23"))),
            // Sunburn: 14 days; in the future: no wait to speak of.
            ("sunburn", "2026-11-22", Some((Ends, "2026-12-06"))),
            ("sunburn", "2026-12-01", None),
            // Scar: 6 months.
            ("recent_scar", "2026-06-30", Some((Ends, "2026-12-30"))),
            // Pregnancy and breastfeeding: a date to come never clears.
            ("pregnant", "2027-03-14", None),
            ("pregnant", "2026-11-23", None),
            ("pregnant", "2026-11-01", None),
            ("breastfeeding", "2027-06-01", None),
        ];
        for (id, given, expected) in cases {
            let mut answers = all_no();
            yes(&mut answers, id, Answer::Date(date(given)));
            let result = eval(&answers);
            let outcome = QUESTIONS.iter().find(|q| q.id == *id).unwrap().outcome;
            let found = result
                .findings
                .iter()
                .find(|f| f.question == *id)
                .unwrap_or_else(|| panic!("{id} {given}: the answer no longer counts"));
            assert_eq!(found.outcome, outcome, "{id} {given}");
            let expected = expected.map(|(wait, day)| wait(date(day)));
            assert_eq!(found.wait, expected, "{id} {given}");
        }
    }

    #[test]
    fn leap_years_in_waiting_times() {
        let mut answers = all_no();
        yes(
            &mut answers,
            "isotretinoin",
            Answer::Date(date("2027-08-31")),
        );
        let result = evaluate(QUESTIONS, &answers, date("2027-12-01")).unwrap();
        assert_eq!(
            result.findings[0].wait,
            Some(WaitDate::Ends(date("2028-02-29")))
        );
        let mut answers = all_no();
        yes(
            &mut answers,
            "filler_toxin",
            Answer::Date(date("2028-02-20")),
        );
        let result = evaluate(QUESTIONS, &answers, date("2028-02-25")).unwrap();
        assert_eq!(
            result.findings[0].wait,
            Some(WaitDate::Ends(date("2028-03-05")))
        );
    }

    #[test]
    fn an_unknown_or_unusable_date_keeps_the_finding_without_a_date() {
        for given in [
            Answer::DateUnknown,
            Answer::Date(date("2030-01-01")),
            Answer::Date(date("1920-01-01")),
        ] {
            let mut answers = all_no();
            yes(&mut answers, "isotretinoin", given.clone());
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::Ask, "{given:?}");
            assert_eq!(result.findings[0].wait, None, "{given:?}");
        }
    }

    #[test]
    fn date_checks() {
        let since = DateRule::Since {
            wait: Wait::Months(6),
        };
        let days = DateRule::Since {
            wait: Wait::Days(14),
        };
        let until = DateRule::Until {
            max_days: 300,
            max_overdue_days: 42,
        };
        let cases: &[(DateRule, &str, Result<(), DateProblem>)] = &[
            (since, "2026-11-23", Ok(())),
            (since, "2026-11-24", Err(DateProblem::InFuture)),
            (since, "2026-05-24", Ok(())),
            (since, "2026-05-23", Err(DateProblem::OutsideWindow)),
            (since, "1926-11-23", Err(DateProblem::OutsideWindow)),
            (since, "1925-01-01", Err(DateProblem::TooLongAgo)),
            (days, "2026-11-10", Ok(())),
            (days, "2026-11-09", Err(DateProblem::OutsideWindow)),
            (days, "2026-11-02", Err(DateProblem::OutsideWindow)),
            (until, "2026-11-23", Ok(())),
            (until, "2026-11-22", Ok(())),
            (until, "2026-10-12", Ok(())),
            (until, "2026-10-11", Err(DateProblem::InPast)),
            (until, "2027-09-19", Ok(())),
            (until, "2027-09-20", Err(DateProblem::TooFarAhead)),
        ];
        for (rule, given, expected) in cases {
            assert_eq!(
                check_date(*rule, date(given), today()),
                *expected,
                "{rule:?} {given}"
            );
        }
    }

    #[test]
    fn answer_codes_round_trip_and_reject_garbage() {
        let answers = [
            Answer::Yes,
            Answer::No,
            Answer::NotSure,
            Answer::Choice("face".into()),
            Answer::Date(date("2024-02-29")),
            Answer::DateUnknown,
        ];
        for answer in answers {
            assert_eq!(Answer::from_code(&answer.to_code()), Some(answer));
        }
        for bad in ["", "maybe", "date:2023-02-29", "date:", "YES"] {
            assert_eq!(Answer::from_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn completion_follows_the_branches() {
        let mut answers = all_no();
        assert!(is_complete(QUESTIONS, &answers));
        answers.set("isotretinoin", Answer::Yes);
        assert!(
            !is_complete(QUESTIONS, &answers),
            "the date is still to answer"
        );
        answers.set("isotretinoin.date", Answer::DateUnknown);
        assert!(is_complete(QUESTIONS, &answers));
        answers.set("goal", Answer::Choice("stretch_marks".into()));
        answers.0.retain(|(k, _)| k != "red_stretch_marks");
        assert_eq!(
            first_missing(QUESTIONS, &answers),
            Some(Step::Question("red_stretch_marks"))
        );
    }

    /// A small deterministic generator (xorshift64*): the same answers on
    /// every run, no dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Dates of every kind, relative to today: today, yesterday, just
    /// inside and just outside a 14-day window, months and a century ago,
    /// tomorrow, months and years ahead, and "I don't know".
    fn some_date(rng: &mut Rng, today: CivilDate) -> Answer {
        const OFFSETS: [i64; 11] = [0, -1, -13, -14, -20, -200, -40_000, 1, 100, 400, 2000];
        match rng.below(OFFSETS.len() + 1) {
            i if i < OFFSETS.len() => Answer::Date(today.add_days(OFFSETS[i])),
            _ => Answer::DateUnknown,
        }
    }

    /// An answer that fits `step`, drawn at random (mostly "no").
    fn some_answer(rng: &mut Rng, questions: &[Question], step: Step, today: CivilDate) -> Answer {
        let q = questions
            .iter()
            .find(|q| q.id == step.question_id())
            .unwrap();
        match (step, q.kind) {
            (Step::Date(_), _) => some_date(rng, today),
            (_, Kind::Choice(choices)) => Answer::Choice(choices[rng.below(choices.len())].into()),
            (_, Kind::YesNo { not_sure }) => match rng.below(10) {
                0..=5 => Answer::No,
                6..=8 => Answer::Yes,
                _ if not_sure => Answer::NotSure,
                _ => Answer::Yes,
            },
        }
    }

    /// Answers every step still missing, at random.
    fn fill(rng: &mut Rng, questions: &[Question], answers: &mut Answers, today: CivilDate) {
        while let Some(step) = first_missing(questions, answers) {
            let answer = some_answer(rng, questions, step, today);
            answers.set(&step.key(), answer);
        }
    }

    /// The default questions, and a clinic's stricter self-check: every ASK
    /// question raised to NOT NOW and one question of its own.
    fn question_sets() -> Vec<Vec<Question>> {
        let mut strict: Vec<Question> = QUESTIONS
            .iter()
            .map(|q| Question {
                outcome: if q.outcome == Outcome::Ask {
                    Outcome::NotNow
                } else {
                    q.outcome
                },
                ..*q
            })
            .collect();
        strict.push(yes_no("clinic_1", Outcome::Ask));
        vec![QUESTIONS.to_vec(), strict]
    }

    #[test]
    fn property_no_to_yes_or_not_sure_never_makes_the_outcome_milder() {
        let mut rng = Rng(0x5EED_1313);
        let days = [today(), today().add_days(20), today().add_days(400)];
        for questions in question_sets() {
            for round in 0..800 {
                let day = days[round % days.len()];
                let mut base = Answers::default();
                fill(&mut rng, &questions, &mut base, day);
                let before = evaluate(&questions, &base, day).unwrap().overall;
                for q in questions.iter().filter(|q| applies(&questions, q, &base)) {
                    let Kind::YesNo { not_sure } = q.kind else {
                        continue;
                    };
                    if base.get(q.id) != Some(&Answer::No) {
                        continue;
                    }
                    let mut changes = vec![Answer::Yes];
                    if not_sure {
                        changes.push(Answer::NotSure);
                    }
                    for change in changes {
                        let mut after = base.clone();
                        after.set(q.id, change.clone());
                        fill(&mut rng, &questions, &mut after, day);
                        let result = evaluate(&questions, &after, day).unwrap();
                        assert!(
                            result.overall >= before,
                            "{} {change:?} made {before:?} into {:?}: {after:?}",
                            q.id,
                            result.overall
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn property_a_yes_counts_in_full_whatever_the_dates() {
        let mut rng = Rng(0xDA7E_0013);
        for questions in question_sets() {
            for round in 0..800 {
                let answered_on = today().add_days(-(round as i64 % 60));
                let mut answers = Answers::default();
                fill(&mut rng, &questions, &mut answers, answered_on);
                // Evaluated on the day, or later: dates never soften it.
                let mut overall = Vec::new();
                for later in [0, 1, 14, 200, 3000] {
                    let day = answered_on.add_days(later);
                    let result = evaluate(&questions, &answers, day).unwrap();
                    for q in questions
                        .iter()
                        .filter(|q| applies(&questions, q, &answers))
                    {
                        let answer = answers.get(q.id);
                        if counts_as_yes(q, answer) || answer == Some(&Answer::NotSure) {
                            let finding = result
                                .findings
                                .iter()
                                .find(|f| f.question == q.id)
                                .unwrap_or_else(|| panic!("{}: no finding", q.id));
                            if counts_as_yes(q, answer) {
                                assert_eq!(finding.outcome, q.outcome, "{}", q.id);
                            }
                            assert!(result.overall >= finding.outcome);
                            assert!(result.overall >= Outcome::Ask, "{}", q.id);
                        }
                        if q.outcome == Outcome::NotNow && counts_as_yes(q, answer) {
                            assert_eq!(result.overall, Outcome::NotNow, "{}", q.id);
                        }
                    }
                    let most = result.findings.iter().map(|f| f.outcome).max();
                    assert_eq!(result.overall, most.unwrap_or(Outcome::Ok));
                    overall.push(result.overall);
                }
                assert!(overall.windows(2).all(|w| w[0] == w[1]), "{overall:?}");
            }
        }
    }

    #[test]
    fn every_question_has_its_words_in_every_language() {
        let sources = [
            ("en", include_str!("../../public/locales/en.check.json")),
            (
                "pt-BR",
                include_str!("../../public/locales/pt-BR.check.json"),
            ),
            ("es", include_str!("../../public/locales/es.check.json")),
        ];
        let en = CheckText::parse("en", sources[0].1).unwrap();
        for (code, json) in sources {
            let text = CheckText::parse(code, json).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(text.missing(QUESTIONS), Vec::<String>::new(), "{code}");
            let known: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
            for (id, _) in &text.questions {
                assert!(known.contains(&id.as_str()), "{code}: stale question {id}");
            }
            if code != "en" {
                for q in QUESTIONS {
                    assert_ne!(
                        text.question(q.id).text,
                        en.question(q.id).text,
                        "{code}: {} untranslated",
                        q.id
                    );
                }
            }
            assert!(!json.contains('<'), "{code}: markup");
        }
        assert!(
            CheckText::parse("es", sources[0].1).is_err(),
            "wrong language"
        );
        assert!(CheckText::parse("en", "{").is_err());
        assert!(!en.choice("area", "body").is_empty());
    }

    #[test]
    fn the_words_match_the_rules() {
        let en =
            CheckText::parse("en", include_str!("../../public/locales/en.check.json")).unwrap();
        // The window a question names is its wait.
        for (id, window) in [
            ("sunburn", "14 days"),
            ("filler_toxin", "14 days"),
            ("peel_laser", "4 weeks"),
            ("isotretinoin", "6 months"),
            ("recent_scar", "6 months"),
            ("recent_birth", "12 months"),
        ] {
            assert!(en.question(id).text.contains(window), "{id}");
        }
        // The possibility that makes "not sure" count as "yes".
        for q in QUESTIONS {
            assert_eq!(
                en.question(q.id).text.contains("could you be"),
                q.unsure_is_yes,
                "{}",
                q.id
            );
        }
    }

    #[test]
    fn an_open_scabbed_or_weeping_scar_is_the_open_wound_question_in_every_language() {
        // Reference: a scar or wound that is scabbed, weeping or oozing is an
        // open wound (NOT NOW), and the infection question says so in its own
        // words; the unhealed-scar question (ASK) is about a closed scar, and
        // sends an open one back to the open-wound question.
        let cases: [(&str, &str, &[&str], &str, &str); 3] = [
            (
                "en",
                include_str!("../../public/locales/en.check.json"),
                &["scab", "weeping", "oozing"],
                "closed",
                "open wound",
            ),
            (
                "pt-BR",
                include_str!("../../public/locales/pt-BR.check.json"),
                &["casquinha", "líquido"],
                "fechada",
                "ferida aberta",
            ),
            (
                "es",
                include_str!("../../public/locales/es.check.json"),
                &["costra", "supura", "líquido"],
                "cerrada",
                "herida abierta",
            ),
        ];
        for (code, json, open_words, closed, open_wound) in cases {
            let text = CheckText::parse(code, json).unwrap();
            let infection = text.question("infection").text.to_lowercase();
            for word in open_words {
                assert!(infection.contains(word), "{code}: infection lacks {word:?}");
            }
            let hint = text.question("unhealed_scar").hint.to_lowercase();
            assert!(
                hint.contains(closed),
                "{code}: unhealed_scar is not about a closed scar"
            );
            for sentence in hint.split(". ") {
                if open_words.iter().any(|w| sentence.contains(w)) {
                    assert!(
                        sentence.contains(open_wound),
                        "{code}: the unhealed-scar hint takes an open scar as its own: {sentence:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_self_check_is_not_called_an_assessment_in_portuguese_and_spanish() {
        // The clinic's own assessment is "avaliação"/"evaluación"; the
        // self-check is the "Questionário"/"Cuestionario".
        for (code, json, own, other) in [
            (
                "pt-BR",
                include_str!("../../public/locales/pt-BR.check.json"),
                "questionário",
                "autoavalia",
            ),
            (
                "es",
                include_str!("../../public/locales/es.check.json"),
                "cuestionario",
                "autoevalua",
            ),
        ] {
            let lower = json.to_lowercase();
            assert!(!lower.contains(other), "{code}: {other}");
            assert!(lower.contains(own), "{code}: {own}");
        }
        // One Spanish: Latin American forms, one word per concept.
        let es = include_str!("../../public/locales/es.check.json");
        for spain in ["añad", "vosotros", "ordenador", "móvil", "No lo sé"] {
            assert!(!es.contains(spain), "es: {spain}");
        }
        assert!(es.contains("No estoy seguro/a"), "es: not sure");
    }

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
                Condition::GoalIs(goal) => assert!(GOALS.contains(&goal)),
                Condition::AreaOrGoalIs { area, goal } => {
                    assert!(AREAS.contains(&area) && GOALS.contains(&goal), "{}", q.id)
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
