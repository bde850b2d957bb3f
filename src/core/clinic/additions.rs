//! What a clinic adds to the app, or makes stricter: its treatment plan,
//! aftercare steps made longer and steps of its own, self-check answers
//! raised to NOT NOW and questions of its own, and FAQ entries. The app's
//! rules may only become stricter: durations only longer, answers only
//! more serious, questions only added.

use crate::core::aftercare::{Category, Step, DEFAULT_PROTOCOL};
use crate::core::clinic::check::{given, path, Check, Shape, Text};
use crate::core::i18n::Lang;
use crate::core::plan::{Plan, DEFAULT_PLAN};
use crate::core::screening::{Kind, Outcome, QUESTIONS};
use serde::Deserialize;
use serde_json::Value;

/// Ids of the self-check questions a clinic adds, in order.
pub const QUESTION_IDS: [&str; 5] = ["clinic_1", "clinic_2", "clinic_3", "clinic_4", "clinic_5"];

/// Ids of the aftercare steps a clinic adds, in order.
pub const STEP_IDS: [&str; 6] = [
    "clinic_1", "clinic_2", "clinic_3", "clinic_4", "clinic_5", "clinic_6",
];

/// Most FAQ entries a clinic adds per language.
pub const MAX_FAQ: usize = 20;

/// Longest aftercare step, in hours (90 days).
pub const MAX_HOURS: u32 = 90 * 24;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaqExtra {
    pub question: String,
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepExtra {
    pub category: Category,
    pub start_hours: u32,
    pub end_hours: Option<u32>,
    pub text: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionExtra {
    pub outcome: Outcome,
    pub text: Text,
    pub reason: Text,
    pub next: Text,
}

#[derive(Deserialize)]
pub(super) struct PlanFile {
    #[serde(default, deserialize_with = "given")]
    sessions: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    interval_days: Option<Value>,
}

impl Shape for PlanFile {
    const FIELDS: &'static [&'static str] = &["sessions", "interval_days"];
}

/// `aftercare`: `longer` is an object by step id, `extra` a list of steps.
#[derive(Deserialize)]
pub(super) struct AftercareFile {
    #[serde(default, deserialize_with = "given")]
    longer: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    extra: Option<Value>,
}

impl Shape for AftercareFile {
    const FIELDS: &'static [&'static str] = &["longer", "extra"];
}

/// One of `aftercare.extra`; an absent field is `null`.
#[derive(Default, Deserialize)]
pub(super) struct StepFile {
    #[serde(default)]
    category: Value,
    #[serde(default)]
    from_hours: Value,
    #[serde(default)]
    to_hours: Value,
    #[serde(default)]
    text: Value,
}

impl Shape for StepFile {
    const FIELDS: &'static [&'static str] = &["category", "from_hours", "to_hours", "text"];
}

/// One of `faq.<lang>`; an absent field is `null`.
#[derive(Default, Deserialize)]
pub(super) struct FaqFile {
    #[serde(default)]
    question: Value,
    #[serde(default)]
    answer: Value,
}

impl Shape for FaqFile {
    const FIELDS: &'static [&'static str] = &["question", "answer"];
}

#[derive(Deserialize)]
pub(super) struct ScreeningFile {
    #[serde(default, deserialize_with = "given")]
    not_now: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    questions: Option<Value>,
}

impl Shape for ScreeningFile {
    const FIELDS: &'static [&'static str] = &["not_now", "questions"];
}

/// One of `screening.questions`; an absent field is `null`.
#[derive(Default, Deserialize)]
pub(super) struct QuestionFile {
    #[serde(default)]
    outcome: Value,
    #[serde(default)]
    text: Value,
    #[serde(default)]
    reason: Value,
    #[serde(default)]
    next: Value,
}

impl Shape for QuestionFile {
    const FIELDS: &'static [&'static str] = &["outcome", "text", "reason", "next"];
}

impl Check {
    pub(super) fn plan(&mut self, v: &Value) -> Option<Plan> {
        let file = self.shape::<PlanFile>("plan", v)?;
        let mut plan = DEFAULT_PLAN;
        let mut any = false;
        if let Some(value) = &file.sessions {
            if let Some(n) = self.number("plan.sessions", value, 1, 12, "sessions") {
                plan.sessions = n;
                any = true;
            }
        }
        if let Some(value) = &file.interval_days {
            if let Some(n) = self.number("plan.interval_days", value, 28, 180, "days") {
                plan.interval_days = n;
                any = true;
            }
        }
        any.then_some(plan)
    }

    /// Reads `aftercare`: the steps made longer into `longer`, the clinic's
    /// own steps into `steps`.
    pub(super) fn aftercare(
        &mut self,
        v: &Value,
        longer: &mut Vec<(&'static str, u32)>,
        steps: &mut Vec<StepExtra>,
    ) {
        let Some(file) = self.shape::<AftercareFile>("aftercare", v) else {
            return;
        };
        if let Some(value) = &file.longer {
            // In the order of the default protocol, as documented.
            let steps: Vec<&Step> = DEFAULT_PROTOCOL
                .iter()
                .filter(|s| s.end_hours.is_some())
                .collect();
            let ids: Vec<&str> = steps.iter().map(|s| s.id).collect();
            if let Some(members) = self.object("aftercare.longer", value, &ids) {
                for step in steps {
                    let Some(hours) = members.get(step.id) else {
                        continue;
                    };
                    let default = step.end_hours.unwrap_or_default();
                    let field = path("aftercare.longer", step.id);
                    let unit = format!(
                        "hours (the default is {default}; durations can only be made longer)"
                    );
                    if let Some(h) = self.number(&field, hours, default, MAX_HOURS, &unit) {
                        longer.push((step.id, h));
                    }
                }
            }
        }
        if let Some(value) = &file.extra {
            for (i, item) in self
                .list("aftercare.extra", value, STEP_IDS.len())
                .iter()
                .enumerate()
            {
                let field = format!("aftercare.extra[{i}]");
                if let Some(step) = self.step(&field, item) {
                    steps.push(step);
                }
            }
        }
    }

    pub(super) fn step(&mut self, field: &str, v: &Value) -> Option<StepExtra> {
        let step: StepFile = self.shape(field, v).unwrap_or_default();
        let category = match step.category.as_str() {
            Some("avoid") => Category::Avoid,
            Some("do") => Category::Do,
            Some("expect") => Category::Expect,
            Some("warning") => Category::Warning,
            _ => {
                self.bad(
                    &path(field, "category"),
                    "avoid, do, expect or warning",
                    &step.category,
                );
                return None;
            }
        };
        let start_hours = match &step.from_hours {
            Value::Null => 0,
            h => self.number(&path(field, "from_hours"), h, 0, MAX_HOURS, "hours")?,
        };
        let end_hours = match (&step.to_hours, category) {
            (Value::Null, Category::Warning) => None,
            (found, _) => Some(self.number(
                &path(field, "to_hours"),
                found,
                start_hours + 1,
                MAX_HOURS,
                "hours",
            )?),
        };
        let text = self.texts(&path(field, "text"), &step.text, 300)?;
        Some(StepExtra {
            category,
            start_hours,
            end_hours,
            text,
        })
    }

    pub(super) fn faq(&mut self, v: &Value) -> Vec<(Lang, Vec<FaqExtra>)> {
        let codes = Lang::ALL.map(Lang::code);
        let mut faq = Vec::new();
        let Some(members) = self.object("faq", v, &codes) else {
            return faq;
        };
        for lang in Lang::ALL {
            let Some(list) = members.get(lang.code()) else {
                continue;
            };
            let field = path("faq", lang.code());
            let mut entries = Vec::new();
            for (i, item) in self.list(&field, list, MAX_FAQ).iter().enumerate() {
                let field = format!("{field}[{i}]");
                let entry: FaqFile = self.shape(&field, item).unwrap_or_default();
                let question = self.text(&path(&field, "question"), &entry.question, 200);
                let answer = self.text(&path(&field, "answer"), &entry.answer, 4000);
                if let (Some(question), Some(answer)) = (question, answer) {
                    entries.push(FaqExtra { question, answer });
                }
            }
            faq.push((lang, entries));
        }
        faq
    }

    /// Reads `screening`: the questions raised to NOT NOW into `not_now`, the
    /// clinic's own questions into `questions`.
    pub(super) fn screening(
        &mut self,
        v: &Value,
        not_now: &mut Vec<&'static str>,
        questions: &mut Vec<QuestionExtra>,
    ) {
        let Some(file) = self.shape::<ScreeningFile>("screening", v) else {
            return;
        };
        if let Some(value) = &file.not_now {
            for (i, item) in self
                .list("screening.not_now", value, QUESTIONS.len())
                .iter()
                .enumerate()
            {
                let question = QUESTIONS.iter().find(|q| {
                    Some(q.id) == item.as_str()
                        && q.outcome == Outcome::Ask
                        && matches!(q.kind, Kind::YesNo { .. })
                });
                match question {
                    Some(q) => not_now.push(q.id),
                    None => self.bad(
                        &format!("screening.not_now[{i}]"),
                        "the id of a self-check question whose answer is ASK (see docs/CLINICS.md)",
                        item,
                    ),
                }
            }
        }
        if let Some(value) = &file.questions {
            let items = self.list("screening.questions", value, QUESTION_IDS.len());
            for (i, item) in items.iter().enumerate() {
                let field = format!("screening.questions[{i}]");
                let q: QuestionFile = self.shape(&field, item).unwrap_or_default();
                let outcome = match q.outcome.as_str() {
                    Some("ask") => Some(Outcome::Ask),
                    Some("not_now") => Some(Outcome::NotNow),
                    _ => {
                        self.bad(&path(&field, "outcome"), "ask or not_now", &q.outcome);
                        None
                    }
                };
                let text = self.texts(&path(&field, "text"), &q.text, 200);
                let reason = self.texts(&path(&field, "reason"), &q.reason, 400);
                let next = self.texts(&path(&field, "next"), &q.next, 400);
                if let (Some(outcome), Some(text), Some(reason), Some(next)) =
                    (outcome, text, reason, next)
                {
                    questions.push(QuestionExtra {
                        outcome,
                        text,
                        reason,
                        next,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clinic::file::tests::parse;

    #[test]
    fn aftercare_durations_only_get_longer() {
        let cases: &[(&str, Option<u32>, &[&str])] = &[
            (r#"{"no_makeup": 48}"#, Some(48), &[]),
            (r#"{"no_makeup": 24}"#, Some(24), &[]),
            (
                r#"{"no_makeup": 12}"#,
                Some(24),
                &["aftercare.longer.no_makeup"],
            ),
            (
                r#"{"no_makeup": 0}"#,
                Some(24),
                &["aftercare.longer.no_makeup"],
            ),
            (
                r#"{"no_makeup": 99999}"#,
                Some(24),
                &["aftercare.longer.no_makeup"],
            ),
            (
                r#"{"warning_signs": 48}"#,
                Some(24),
                &["aftercare.longer.warning_signs"],
            ),
            (
                r#"{"no_sleeping": 48}"#,
                Some(24),
                &["aftercare.longer.no_sleeping"],
            ),
        ];
        for (longer, makeup, problems) in cases {
            let json = format!(r#"{{"aftercare": {{"longer": {longer}}}}}"#);
            let (clinic, found) = parse(&json);
            let found: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(&found, problems, "{json}");
            let step = clinic.protocol().into_iter().find(|s| s.id == "no_makeup");
            assert_eq!(step.and_then(|s| s.end_hours), *makeup, "{json}");
        }
        let (_, problems) = parse(r#"{"aftercare": {"longer": {"sunscreen": 24}}}"#);
        assert!(
            problems[0].expected.contains("the default is 336"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn aftercare_additions_are_steps_of_their_own() {
        let (clinic, problems) = parse(
            r#"{"aftercare": {"extra": [
                {"category": "avoid", "to_hours": 72, "text": {"en": "No pools", "es": "Sin piscina"}},
                {"category": "warning", "text": "Call us if it itches"}
            ]}}"#,
        );
        assert_eq!(problems, vec![]);
        let protocol = clinic.protocol();
        assert_eq!(protocol.len(), DEFAULT_PROTOCOL.len() + 2);
        let added = &protocol[DEFAULT_PROTOCOL.len()..];
        assert_eq!(
            (added[0].id, added[0].category, added[0].end_hours),
            ("clinic_1", Category::Avoid, Some(72))
        );
        assert_eq!(
            (added[1].category, added[1].end_hours),
            (Category::Warning, None)
        );
        assert_eq!(clinic.step_text("clinic_1", Lang::Es), Some("Sin piscina"));
        // A language without its own text gets the first one given.
        assert_eq!(clinic.step_text("clinic_1", Lang::PtBr), Some("No pools"));
        assert_eq!(
            clinic.step_text("clinic_2", Lang::En),
            Some("Call us if it itches")
        );
        assert_eq!(clinic.step_text("no_makeup", Lang::En), None);
    }

    #[test]
    fn screening_can_only_get_stricter() {
        let cases: &[(&str, &[&str])] = &[
            (r#"{"not_now": ["keloid", "tattoo"]}"#, &[]),
            (r#"{"not_now": ["pregnant"]}"#, &["screening.not_now[0]"]),
            (r#"{"not_now": ["area"]}"#, &["screening.not_now[0]"]),
            (r#"{"not_now": ["unknown"]}"#, &["screening.not_now[0]"]),
            (r#"{"not_now": [3]}"#, &["screening.not_now[0]"]),
            // There is no way to lower an outcome or drop a question.
            (r#"{"ask": ["pregnant"]}"#, &["screening.ask"]),
            (r#"{"ok": ["keloid"]}"#, &["screening.ok"]),
            (r#"{"skip": ["cancer"]}"#, &["screening.skip"]),
            (
                r#"{"questions": [{"outcome": "ok", "text": "Q?", "reason": "R", "next": "N"}]}"#,
                &["screening.questions[0].outcome"],
            ),
        ];
        for (screening, problems) in cases {
            let json = format!(r#"{{"screening": {screening}}}"#);
            let (clinic, found) = parse(&json);
            let found: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(&found, problems, "{json}");
            let questions = clinic.questions();
            for default in QUESTIONS {
                let q = questions.iter().find(|q| q.id == default.id).unwrap();
                assert!(q.outcome >= default.outcome, "{json}: {}", q.id);
            }
            assert!(questions.len() >= QUESTIONS.len());
        }
        let (clinic, _) = parse(r#"{"screening": {"not_now": ["keloid"]}}"#);
        let keloid = clinic
            .questions()
            .into_iter()
            .find(|q| q.id == "keloid")
            .unwrap();
        assert_eq!(keloid.outcome, Outcome::NotNow);
    }
}
