//! The self-check: which questions are asked, and what the answers mean.
//!
//! Questions, branching and outcomes are data ([`QUESTIONS`], following the
//! screening table of the clinical reference, `clinical-reference.md`);
//! their words are in `public/locales/<lang>.check.json`. The engine never
//! diagnoses: its result says what a professional should look at, and when
//! a waiting time ends.
//!
//! The module is laid out as the self-check works: `questions` (what is
//! asked, as data), `answers` (what was answered, and its stored codes),
//! `consent` (whether the answers are kept), `dates` (the date asked after
//! a "yes"), `engine` (which screens, and what
//! the answers mean) and `text` (the words of one language). Everything is
//! used from here, `core::screening`.
//!
//! # Invariants
//!
//! The self-check is never more permissive than the clinical reference.
//! Each rule below is pinned by a test of the same name in this module's
//! files (`engine`, `properties`, `reference`).
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

mod answers;
mod consent;
mod dates;
mod engine;
#[cfg(test)]
mod properties;
mod questions;
#[cfg(test)]
mod reference;
mod text;

pub use answers::{Answer, Answers, Step};
pub use consent::Consent;
pub use dates::{check_date, wait_ends, DateProblem};
pub use engine::{
    applies, evaluate, first_missing, is_complete, steps, Evaluation, Finding, Incomplete, WaitDate,
};
pub use questions::{
    yes_no, Condition, DateRule, Kind, Outcome, Question, Wait, MONTHS_AFTER_BIRTH, QUESTIONS,
};
pub use text::{CheckText, QuestionText};
