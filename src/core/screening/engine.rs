//! The self-check's engine: which screens are shown for the answers so far,
//! whether they are complete, and what a complete set of answers means.
//! It never diagnoses: a result says what a professional should look at,
//! and when a waiting time ends. The invariants it keeps are listed in
//! [`crate::core::screening`], each pinned by a test here or in `properties`.

use crate::core::calendar::CivilDate;
use crate::core::screening::answers::{Answer, Answers, Step};
use crate::core::screening::dates::{check_date, wait_ends, DateProblem};
use crate::core::screening::questions::{Condition, DateRule, Kind, Outcome, Question};

/// Whether the answer to `question` counts as "yes": a "yes", or "not sure"
/// where the question includes a possibility.
pub(crate) fn counts_as_yes(question: &Question, answer: Option<&Answer>) -> bool {
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
        Condition::GoalIs(goal) => answers.choice("goal") == Some(goal.id()),
        Condition::AreaOrGoalIs { area, goal } => {
            answers.choice("area") == Some(area.id()) || answers.choice("goal") == Some(goal.id())
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::area::Area;
    use crate::core::goal::Goal;
    pub(crate) use crate::core::screening::dates::tests::{date, today};
    use crate::core::screening::questions::{yes_no, Wait, MONTHS_AFTER_BIRTH, QUESTIONS};

    /// A complete set of answers: `area` and `goal`, every yes/no question
    /// that applies answered "no".
    pub(crate) fn all_no_for(area: &str, goal: &str) -> Answers {
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

    pub(crate) fn all_no() -> Answers {
        all_no_for("face", "face")
    }

    /// Answers `id` "yes", with `dated` on its date screen if it has one.
    pub(crate) fn yes(answers: &mut Answers, id: &str, dated: Answer) {
        answers.set(id, Answer::Yes);
        let question = QUESTIONS.iter().find(|q| q.id == id).unwrap();
        if question.date.is_some() {
            answers.set(&format!("{id}.date"), dated);
        }
    }

    pub(crate) fn eval(answers: &Answers) -> Evaluation {
        evaluate(QUESTIONS, answers, today())
            .unwrap_or_else(|missing| panic!("incomplete: {missing:?} in {answers:?}"))
    }

    pub(crate) fn keys(answers: &Answers) -> Vec<String> {
        steps(QUESTIONS, answers).iter().map(|s| s.key()).collect()
    }

    #[test]
    fn none_of_the_above_is_ok() {
        for area in &Area::IDS {
            for goal in &Goal::CHECK_IDS {
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
        for goal in &Goal::CHECK_IDS {
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
        for goal in &Goal::CHECK_IDS {
            let mut answers = all_no_for("body", goal);
            assert!(
                keys(&answers).contains(&"red_stretch_marks".into()),
                "body, {goal}"
            );
            answers.set("red_stretch_marks", Answer::Yes);
            assert_eq!(eval(&answers).overall, Outcome::Ask, "body, {goal}");
        }
        for area in &Area::IDS {
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
                Condition::GoalIs(goal) | Condition::AreaOrGoalIs { goal, .. } => goal.id(),
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
        for area in &Area::IDS {
            for goal in &Goal::CHECK_IDS {
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
}
