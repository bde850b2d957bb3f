//! The answers as given, and their stored form: each answer is kept as a
//! short code by step key (`ScreeningRecord.answers`), so that a stored
//! self-check outlives changes to the questions.

use crate::core::calendar::CivilDate;

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

    pub(crate) fn choice(&self, id: &str) -> Option<&str> {
        match self.get(id) {
            Some(Answer::Choice(choice)) => Some(choice),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_codes_round_trip_and_reject_garbage() {
        let answers = [
            Answer::Yes,
            Answer::No,
            Answer::NotSure,
            Answer::Choice("face".into()),
            Answer::Date(CivilDate::parse_iso("2024-02-29").unwrap()),
            Answer::DateUnknown,
        ];
        for answer in answers {
            assert_eq!(Answer::from_code(&answer.to_code()), Some(answer));
        }
        for bad in ["", "maybe", "date:2023-02-29", "date:", "YES"] {
            assert_eq!(Answer::from_code(bad), None, "{bad}");
        }
    }
}
