//! Property tests of the engine's invariants over many generated sets of
//! answers and dates, for the default questions and a stricter clinic's:
//! "no" to "yes" or "not sure" never makes the outcome milder (invariant
//! 7), and a "yes" counts in full whatever the dates (invariant 2).

use crate::core::calendar::CivilDate;
use crate::core::screening::answers::{Answer, Answers, Step};
use crate::core::screening::engine::tests::today;
use crate::core::screening::engine::{applies, counts_as_yes, evaluate, first_missing};
use crate::core::screening::questions::{yes_no, Kind, Outcome, Question, QUESTIONS};

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
