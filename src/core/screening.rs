//! The self-check: which questions are asked, and what the answers mean.
//!
//! Questions, branching and outcomes are data ([`QUESTIONS`], following the
//! table in the clinical reference); their words are in
//! `public/locales/<lang>.check.json`. The engine never diagnoses: its result
//! says what a professional should look at, and from which date an answer no
//! longer stands in the way.
//!
//! ```
//! use microcare::core::screening::{evaluate, Answer, Answers, Outcome, QUESTIONS};
//! use microcare::core::calendar::CivilDate;
//! let today = CivilDate::parse_iso("2026-11-23").unwrap();
//! let mut answers = Answers::default();
//! answers.set("pregnant", Answer::Yes);
//! assert_eq!(evaluate(QUESTIONS, &answers, today).overall, Outcome::NotNow);
//! ```

use crate::core::calendar::CivilDate;
use crate::core::json::Json;

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

/// How long an answer stands in the way after its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    Days(u32),
    Months(u32),
}

/// The date asked after a "yes", and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRule {
    /// A date in the past (last dose, a treatment, a sunburn, a scar): the
    /// answer stands in the way until that date plus `wait`.
    Since { wait: Wait },
    /// A date to come (a due date, the planned end of breastfeeding): the
    /// answer stands in the way until then. Further ahead than `max_days`
    /// is taken for a typing mistake.
    Until { max_days: i64 },
}

/// When a question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    Always,
    /// Only when the treatment area is one of these.
    AreaIn(&'static [&'static str]),
    /// Only when the goal is this one.
    GoalIs(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Yes or no; `not_sure` adds "I'm not sure", which yields ASK.
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
    /// The FAQ entry that explains this answer, linked from the result.
    pub faq: &'static str,
}

pub const AREAS: &[&str] = &["face", "neck", "body"];
pub const GOALS: &[&str] = &["stretch_marks", "scars", "acne_scars", "face", "other"];

const fn yes_no(id: &'static str, outcome: Outcome) -> Question {
    Question {
        id,
        kind: Kind::YesNo { not_sure: true },
        when: Condition::Always,
        outcome,
        date: None,
        faq: match outcome {
            Outcome::NotNow => "who-should-not",
            _ => "ask-first",
        },
    }
}

/// The default self-check, in the order it is asked.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "area",
        kind: Kind::Choice(AREAS),
        when: Condition::Always,
        outcome: Outcome::Ok,
        date: None,
        faq: "neck-and-neckline",
    },
    Question {
        id: "goal",
        kind: Kind::Choice(GOALS),
        when: Condition::Always,
        outcome: Outcome::Ok,
        date: None,
        faq: "what-is-microneedling",
    },
    Question {
        id: "under_18",
        kind: Kind::YesNo { not_sure: false },
        ..yes_no("under_18", Outcome::Ask)
    },
    Question {
        date: Some(DateRule::Until { max_days: 300 }),
        ..yes_no("pregnant", Outcome::NotNow)
    },
    Question {
        date: Some(DateRule::Until { max_days: 3 * 366 }),
        ..yes_no("breastfeeding", Outcome::NotNow)
    },
    yes_no("infection", Outcome::NotNow),
    yes_no("skin_flare", Outcome::NotNow),
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        faq: "sun-protection",
        ..yes_no("sunburn", Outcome::NotNow)
    },
    yes_no("cancer", Outcome::NotNow),
    yes_no("bleeding_disorder", Outcome::NotNow),
    yes_no("keloid", Outcome::Ask),
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        faq: "medicines-before-treatment",
        ..yes_no("isotretinoin", Outcome::Ask)
    },
    Question {
        faq: "medicines-before-treatment",
        ..yes_no("blood_thinners", Outcome::Ask)
    },
    yes_no("diabetes", Outcome::Ask),
    yes_no("immune", Outcome::Ask),
    yes_no("autoimmune", Outcome::Ask),
    yes_no("allergy", Outcome::Ask),
    yes_no("cold_sores", Outcome::Ask),
    Question {
        faq: "skin-types-and-seasons",
        ..yes_no("dark_marks", Outcome::Ask)
    },
    Question {
        when: Condition::AreaIn(&["face", "neck"]),
        date: Some(DateRule::Since {
            wait: Wait::Days(14),
        }),
        ..yes_no("filler_toxin", Outcome::Ask)
    },
    Question {
        date: Some(DateRule::Since {
            wait: Wait::Days(28),
        }),
        ..yes_no("peel_laser", Outcome::Ask)
    },
    Question {
        when: Condition::GoalIs("scars"),
        date: Some(DateRule::Since {
            wait: Wait::Months(6),
        }),
        faq: "skin-healed-first",
        ..yes_no("recent_scar", Outcome::Ask)
    },
    Question {
        when: Condition::GoalIs("stretch_marks"),
        faq: "stretch-marks",
        ..yes_no("red_stretch_marks", Outcome::Ask)
    },
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

/// Whether `question` applies, given the answers so far.
pub fn applies(question: &Question, answers: &Answers) -> bool {
    match question.when {
        Condition::Always => true,
        Condition::AreaIn(areas) => answers.choice("area").is_none_or(|a| areas.contains(&a)),
        Condition::GoalIs(goal) => answers.choice("goal") == Some(goal),
    }
}

/// The screens to show, in order: every question that applies, and the date
/// after each "yes" that has one. Answers to steps not listed are ignored.
pub fn steps(questions: &[Question], answers: &Answers) -> Vec<Step> {
    let mut steps = Vec::new();
    for question in questions.iter().filter(|q| applies(q, answers)) {
        steps.push(Step::Question(question.id));
        if question.date.is_some() && answers.get(question.id) == Some(&Answer::Yes) {
            steps.push(Step::Date(question.id));
        }
    }
    steps
}

/// Why a date cannot be accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// A past event dated in the future.
    InFuture,
    /// A date to come that has already passed.
    InPast,
    /// More than 100 years ago: surely a typing mistake.
    TooLongAgo,
    /// Further ahead than such a date can be.
    TooFarAhead,
}

/// Checks a date given for `rule` against today.
pub fn check_date(rule: DateRule, date: CivilDate, today: CivilDate) -> Result<(), DateProblem> {
    let ahead = today.days_until(date);
    match rule {
        DateRule::Since { .. } if ahead > 0 => Err(DateProblem::InFuture),
        DateRule::Since { .. } if date.year < today.year - 100 => Err(DateProblem::TooLongAgo),
        DateRule::Until { .. } if ahead < 0 => Err(DateProblem::InPast),
        DateRule::Until { max_days } if ahead > max_days => Err(DateProblem::TooFarAhead),
        _ => Ok(()),
    }
}

/// The first day on which an answer dated `date` no longer stands in the way.
pub fn clear_from(rule: DateRule, date: CivilDate) -> CivilDate {
    match rule {
        DateRule::Since {
            wait: Wait::Days(days),
        } => date.add_days(i64::from(days)),
        DateRule::Since {
            wait: Wait::Months(months),
        } => date.add_months(months),
        DateRule::Until { .. } => date,
    }
}

/// One answer that matters, with why and until when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub question: &'static str,
    pub outcome: Outcome,
    /// The person answered "I'm not sure".
    pub unsure: bool,
    /// From this day on, the answer no longer stands in the way.
    pub clear_from: Option<CivilDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The most serious outcome of all findings, `Ok` when there are none.
    pub overall: Outcome,
    /// Every answer that contributes, most serious first.
    pub findings: Vec<Finding>,
}

/// What the answers mean on `today`, in the person's own calendar.
pub fn evaluate(questions: &[Question], answers: &Answers, today: CivilDate) -> Evaluation {
    let mut findings = Vec::new();
    for step in steps(questions, answers) {
        let Step::Question(id) = step else { continue };
        let Some(question) = questions.iter().find(|q| q.id == id) else {
            continue;
        };
        let finding = match (answers.get(id), question.kind) {
            (Some(Answer::Yes), Kind::YesNo { .. }) => {
                let dated = match (question.date, answers.get(&Step::Date(id).key())) {
                    (Some(rule), Some(Answer::Date(date)))
                        if check_date(rule, *date, today).is_ok() =>
                    {
                        Some(clear_from(rule, *date))
                    }
                    _ => None,
                };
                if dated.is_some_and(|clear| clear <= today) {
                    // The waiting time is over: this answer no longer counts.
                    continue;
                }
                Finding {
                    question: id,
                    outcome: question.outcome,
                    unsure: false,
                    clear_from: dated,
                }
            }
            (Some(Answer::NotSure), Kind::YesNo { not_sure: true }) => Finding {
                question: id,
                outcome: Outcome::Ask,
                unsure: true,
                clear_from: None,
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
    Evaluation {
        overall: ordered.first().map_or(Outcome::Ok, |f| f.outcome),
        findings: ordered,
    }
}

/// Whether every step has an answer.
pub fn is_complete(questions: &[Question], answers: &Answers) -> bool {
    steps(questions, answers)
        .iter()
        .all(|step| answers.get(&step.key()).is_some())
}

/// The words of one question in one language.
#[derive(Clone, Debug, Default)]
pub struct QuestionText {
    pub text: String,
    pub hint: String,
    pub reason: String,
    pub next: String,
    pub date_label: String,
    /// Choice id and its label, in the order of the question's choices.
    pub choices: Vec<(String, String)>,
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
        let json = Json::parse(json)?;
        let lang = json.get("lang").and_then(Json::as_str).unwrap_or_default();
        if lang != lang_code {
            return Err(format!("the file is for \"{lang}\", not \"{lang_code}\""));
        }
        let text = |q: &Json, key: &str| {
            q.get(key)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let questions = json
            .get("questions")
            .and_then(Json::as_object)
            .ok_or("questions is missing")?
            .iter()
            .map(|(id, q)| {
                let choices = q
                    .get("choices")
                    .and_then(Json::as_object)
                    .map(|c| {
                        c.iter()
                            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                            .collect()
                    })
                    .unwrap_or_default();
                let words = QuestionText {
                    text: text(q, "text"),
                    hint: text(q, "hint"),
                    reason: text(q, "reason"),
                    next: text(q, "next"),
                    date_label: text(q, "date_label"),
                    choices,
                };
                (id.clone(), words)
            })
            .collect();
        Ok(CheckText {
            lang: lang.to_string(),
            questions,
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

    /// Answers with every yes/no question answered "no", area face, goal face.
    fn all_no() -> Answers {
        let mut answers = Answers::default();
        answers.set("area", Answer::Choice("face".into()));
        answers.set("goal", Answer::Choice("face".into()));
        for q in QUESTIONS {
            if matches!(q.kind, Kind::YesNo { .. }) {
                answers.set(q.id, Answer::No);
            }
        }
        answers
    }

    fn eval(answers: &Answers) -> Evaluation {
        evaluate(QUESTIONS, answers, date(TODAY))
    }

    #[test]
    fn every_row_of_the_clinical_table_has_its_outcome() {
        let table: &[(&str, Outcome)] = &[
            ("pregnant", Outcome::NotNow),
            ("breastfeeding", Outcome::NotNow),
            ("infection", Outcome::NotNow),
            ("skin_flare", Outcome::NotNow),
            ("sunburn", Outcome::NotNow),
            ("cancer", Outcome::NotNow),
            ("bleeding_disorder", Outcome::NotNow),
            ("keloid", Outcome::Ask),
            ("isotretinoin", Outcome::Ask),
            ("blood_thinners", Outcome::Ask),
            ("diabetes", Outcome::Ask),
            ("immune", Outcome::Ask),
            ("autoimmune", Outcome::Ask),
            ("allergy", Outcome::Ask),
            ("cold_sores", Outcome::Ask),
            ("dark_marks", Outcome::Ask),
            ("filler_toxin", Outcome::Ask),
            ("peel_laser", Outcome::Ask),
            ("recent_scar", Outcome::Ask),
            ("red_stretch_marks", Outcome::Ask),
            ("tattoo", Outcome::Ask),
            ("under_18", Outcome::Ask),
        ];
        for (id, outcome) in table {
            let mut answers = all_no();
            if *id == "recent_scar" {
                answers.set("goal", Answer::Choice("scars".into()));
            }
            if *id == "red_stretch_marks" {
                answers.set("goal", Answer::Choice("stretch_marks".into()));
            }
            answers.set(id, Answer::Yes);
            let result = eval(&answers);
            assert_eq!(result.overall, *outcome, "{id}");
            assert_eq!(result.findings.len(), 1, "{id}");
            assert_eq!(result.findings[0].question, *id);
        }
        let yes_no = QUESTIONS
            .iter()
            .filter(|q| matches!(q.kind, Kind::YesNo { .. }))
            .count();
        assert_eq!(yes_no, table.len(), "a question is missing from this table");
    }

    #[test]
    fn none_of_the_above_is_ok() {
        let result = eval(&all_no());
        assert_eq!(result.overall, Outcome::Ok);
        assert!(result.findings.is_empty());
    }

    #[test]
    fn not_sure_yields_ask_even_for_a_not_now_question() {
        for id in ["pregnant", "infection", "keloid", "tattoo"] {
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
                answers.set(id, Answer::Yes);
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
        let ids = |a: &Answers| {
            steps(QUESTIONS, a)
                .iter()
                .map(|s| s.key())
                .collect::<Vec<_>>()
        };
        // Before the area and goal are known, area-only questions show, goal-only do not.
        let start = ids(&answers);
        assert!(start.contains(&"filler_toxin".into()));
        assert!(!start.contains(&"recent_scar".into()));
        assert!(!start.contains(&"red_stretch_marks".into()));
        answers.set("area", Answer::Choice("body".into()));
        answers.set("goal", Answer::Choice("stretch_marks".into()));
        let body = ids(&answers);
        assert!(
            !body.contains(&"filler_toxin".into()),
            "no filler question for the body"
        );
        assert!(body.contains(&"red_stretch_marks".into()));
        assert!(!body.contains(&"recent_scar".into()));
        answers.set("goal", Answer::Choice("scars".into()));
        assert!(ids(&answers).contains(&"recent_scar".into()));
        // A date is asked only after a yes.
        assert!(!ids(&answers).contains(&"isotretinoin.date".into()));
        answers.set("isotretinoin", Answer::NotSure);
        assert!(!ids(&answers).contains(&"isotretinoin.date".into()));
        answers.set("isotretinoin", Answer::Yes);
        let with_date = ids(&answers);
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
        let mut answers = all_no();
        answers.set("goal", Answer::Choice("scars".into()));
        answers.set("recent_scar", Answer::Yes);
        assert_eq!(eval(&answers).overall, Outcome::Ask);
        answers.set("goal", Answer::Choice("face".into()));
        assert_eq!(eval(&answers).overall, Outcome::Ok);
    }

    /// (question, date answered, expected first clear day or None when the
    /// answer no longer counts on TODAY).
    #[test]
    fn dates_give_the_day_an_answer_stops_standing_in_the_way() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Isotretinoin: 6 months after the last dose.
            ("isotretinoin", "2026-09-23", Some("2027-03-23")),
            ("isotretinoin", "2026-05-24", Some("2026-11-24")), // clear tomorrow
            ("isotretinoin", "2026-05-23", None),               // clear today
            ("isotretinoin", "2026-05-22", None),               // clear yesterday
            ("isotretinoin", "2026-08-31", Some("2027-02-28")), // month end
            // Filler or toxin: 14 days.
            ("filler_toxin", "2026-11-20", Some("2026-12-04")),
            ("filler_toxin", "2026-11-10", Some("2026-11-24")),
            ("filler_toxin", "2026-11-09", None),
            // Peel or laser: 28 days.
            ("peel_laser", "2026-11-23", Some("2026-12-21")),
            ("peel_laser", "2026-10-26", None),
            // Sunburn: 14 days.
            ("sunburn", "2026-11-22", Some("2026-12-06")),
            // Scar: 6 months.
            ("recent_scar", "2026-06-30", Some("2026-12-30")),
            // Pregnancy and breastfeeding: until the date given.
            ("pregnant", "2027-03-14", Some("2027-03-14")),
            ("pregnant", "2026-11-23", None),
            ("breastfeeding", "2027-06-01", Some("2027-06-01")),
        ];
        for (id, given, expected) in cases {
            let mut answers = all_no();
            answers.set("goal", Answer::Choice("scars".into()));
            answers.set(id, Answer::Yes);
            answers.set(&Step::Date(id).key(), Answer::Date(date(given)));
            let result = eval(&answers);
            let found = result.findings.iter().find(|f| f.question == *id);
            match expected {
                Some(day) => {
                    let found = found.unwrap_or_else(|| panic!("{id} {given}: no finding"));
                    assert_eq!(found.clear_from, Some(date(day)), "{id} {given}");
                }
                None => assert!(found.is_none(), "{id} {given}: should no longer count"),
            }
        }
    }

    #[test]
    fn leap_years_in_waiting_times() {
        let today = date("2027-12-01");
        let mut answers = all_no();
        answers.set("isotretinoin", Answer::Yes);
        answers.set("isotretinoin.date", Answer::Date(date("2027-08-31")));
        let result = evaluate(QUESTIONS, &answers, today);
        assert_eq!(result.findings[0].clear_from, Some(date("2028-02-29")));
        let mut answers = all_no();
        answers.set("filler_toxin", Answer::Yes);
        answers.set("filler_toxin.date", Answer::Date(date("2028-02-20")));
        let result = evaluate(QUESTIONS, &answers, date("2028-02-25"));
        assert_eq!(result.findings[0].clear_from, Some(date("2028-03-05")));
    }

    #[test]
    fn an_unknown_or_unusable_date_keeps_the_finding_without_a_date() {
        for given in [Answer::DateUnknown, Answer::Date(date("2030-01-01"))] {
            let mut answers = all_no();
            answers.set("isotretinoin", Answer::Yes);
            answers.set("isotretinoin.date", given.clone());
            let result = eval(&answers);
            assert_eq!(result.overall, Outcome::Ask, "{given:?}");
            assert_eq!(result.findings[0].clear_from, None, "{given:?}");
        }
    }

    #[test]
    fn date_checks() {
        let today = date(TODAY);
        let since = DateRule::Since {
            wait: Wait::Months(6),
        };
        let until = DateRule::Until { max_days: 300 };
        let cases: &[(DateRule, &str, Result<(), DateProblem>)] = &[
            (since, "2026-11-23", Ok(())),
            (since, "2026-11-24", Err(DateProblem::InFuture)),
            (since, "1926-11-23", Ok(())),
            (since, "1925-01-01", Err(DateProblem::TooLongAgo)),
            (until, "2026-11-23", Ok(())),
            (until, "2026-11-22", Err(DateProblem::InPast)),
            (until, "2027-09-19", Ok(())),
            (until, "2027-09-20", Err(DateProblem::TooFarAhead)),
        ];
        for (rule, given, expected) in cases {
            assert_eq!(check_date(*rule, date(given), today), *expected, "{given}");
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
    fn ids_are_unique_and_choices_known() {
        let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
        for q in QUESTIONS {
            match q.when {
                Condition::AreaIn(areas) => assert!(areas.iter().all(|a| AREAS.contains(a))),
                Condition::GoalIs(goal) => assert!(GOALS.contains(&goal)),
                Condition::Always => {}
            }
        }
    }
}
