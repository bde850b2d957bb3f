//! The clinic's configuration applied to the app: the ways to reach the
//! clinic, and the plan, aftercare protocol, self-check and FAQ with what
//! the clinic added (never less strict than the app's own).

use crate::core::aftercare::{Step, DEFAULT_PROTOCOL};
use crate::core::clinic::additions::{QUESTION_IDS, STEP_IDS};
use crate::core::clinic::contact::{tel, Action};
use crate::core::clinic::file::Clinic;
use crate::core::faq::{Entry, FaqContent};
use crate::core::i18n::Lang;
use crate::core::plan::{Plan, DEFAULT_PLAN};
use crate::core::screening::{Outcome, Question, QuestionText, QUESTIONS};

impl Clinic {
    /// The ways to reach the clinic, each with its link.
    pub fn actions(&self) -> Vec<(Action, String)> {
        let c = &self.contact;
        [
            (Action::Book, self.booking.clone()),
            (Action::Call, c.phone.as_deref().map(tel)),
            (
                Action::WhatsApp,
                c.whatsapp.as_ref().map(|n| format!("https://wa.me/{n}")),
            ),
            (
                Action::Email,
                c.email.as_ref().map(|e| format!("mailto:{e}")),
            ),
        ]
        .into_iter()
        .filter_map(|(action, href)| Some((action, href?)))
        .collect()
    }

    /// The treatment plan: the clinic's, else the default.
    pub fn plan(&self) -> Plan {
        self.plan.unwrap_or(DEFAULT_PLAN)
    }

    /// The aftercare protocol: the default steps, those the clinic made
    /// longer lengthened (never shortened, whatever `longer` says), then the
    /// clinic's own steps.
    pub fn protocol(&self) -> Vec<Step> {
        let mut steps: Vec<Step> = DEFAULT_PROTOCOL
            .iter()
            .map(|step| {
                let longer = self.longer.iter().find(|(id, _)| *id == step.id);
                Step {
                    end_hours: match (step.end_hours, longer) {
                        (Some(end), Some((_, hours))) => Some(end.max(*hours)),
                        (end, _) => end,
                    },
                    ..*step
                }
            })
            .collect();
        steps.extend(self.steps.iter().zip(STEP_IDS).map(|(s, id)| Step {
            id,
            category: s.category,
            start_hours: s.start_hours,
            end_hours: s.end_hours,
            reminder: None,
            products: &[],
        }));
        steps
    }

    /// The words of a step the clinic added.
    pub fn step_text(&self, id: &str, lang: Lang) -> Option<&str> {
        let index = STEP_IDS.iter().position(|s| *s == id)?;
        self.steps.get(index).map(|s| s.text.get(lang))
    }

    /// The self-check: the default questions, those the clinic raised to
    /// NOT NOW raised, then the clinic's own questions.
    pub fn questions(&self) -> Vec<Question> {
        let mut questions: Vec<Question> = QUESTIONS
            .iter()
            .map(|q| Question {
                outcome: if self.not_now.contains(&q.id) {
                    q.outcome.max(Outcome::NotNow)
                } else {
                    q.outcome
                },
                ..*q
            })
            .collect();
        for (extra, id) in self.questions.iter().zip(QUESTION_IDS) {
            let base = QUESTIONS[QUESTIONS.len() - 1];
            questions.push(Question {
                id,
                outcome: extra.outcome,
                faq: if extra.outcome == Outcome::NotNow {
                    "who-should-not"
                } else {
                    "ask-first"
                },
                ..base
            });
        }
        questions
    }

    /// The words of the clinic's questions in `lang`.
    pub fn question_words(&self, lang: Lang) -> Vec<(String, QuestionText)> {
        self.questions
            .iter()
            .zip(QUESTION_IDS)
            .map(|(q, id)| {
                let words = QuestionText {
                    text: q.text.get(lang).to_string(),
                    reason: q.reason.get(lang).to_string(),
                    next: q.next.get(lang).to_string(),
                    ..QuestionText::default()
                };
                (id.to_string(), words)
            })
            .collect()
    }

    /// Adds the clinic's FAQ entries in `lang` as a category of their own.
    pub fn add_faq(&self, content: &mut FaqContent, lang: Lang, title: &str) {
        let Some((_, extras)) = self.faq.iter().find(|(l, _)| *l == lang) else {
            return;
        };
        let entries = extras
            .iter()
            .enumerate()
            .map(|(i, e)| Entry {
                id: format!("clinic-{}", i + 1),
                category: "clinic".into(),
                goals: Vec::new(),
                question: e.question.clone(),
                answer: e.answer.clone(),
                related: Vec::new(),
                sources: Vec::new(),
                action: None,
                reviewed: String::new(),
                clinical: false,
            })
            .collect();
        content.add_category("clinic", self.name.as_deref().unwrap_or(title), entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clinic::file::tests::parse;

    #[test]
    fn the_protocol_never_shortens_a_default_even_when_built_by_hand() {
        let clinic = Clinic {
            longer: vec![("no_makeup", 1), ("no_tanning", 1000)],
            ..Clinic::default()
        };
        let protocol = clinic.protocol();
        for default in DEFAULT_PROTOCOL {
            let step = protocol.iter().find(|s| s.id == default.id).unwrap();
            assert!(step.end_hours >= default.end_hours, "{}", default.id);
        }
        let end = |id: &str| protocol.iter().find(|s| s.id == id).unwrap().end_hours;
        assert_eq!(end("no_makeup"), Some(24));
        assert_eq!(end("no_tanning"), Some(1000));
    }

    #[test]
    fn a_clinic_question_is_asked_and_counts_in_the_result() {
        use crate::core::calendar::CivilDate;
        use crate::core::screening::{evaluate, steps, Answer, Answers, Step};
        let (clinic, problems) = parse(
            r#"{"screening": {"questions": [{"outcome": "not_now",
                "text": {"en": "Gold allergy?", "pt-BR": "Alergia a ouro?"},
                "reason": "R", "next": "N"}]}}"#,
        );
        assert_eq!(problems, vec![]);
        let questions = clinic.questions();
        let mut answers = Answers::default();
        answers.set("area", Answer::Choice("face".into()));
        answers.set("goal", Answer::Choice("face".into()));
        assert!(steps(&questions, &answers).contains(&Step::Question("clinic_1")));
        for step in steps(&questions, &answers) {
            if answers.get(&step.key()).is_none() {
                answers.set(&step.key(), Answer::No);
            }
        }
        let today = CivilDate::parse_iso("2026-11-23").unwrap();
        // Every default question answered, the clinic's still open: no result.
        answers.0.retain(|(k, _)| k != "clinic_1");
        assert!(evaluate(&questions, &answers, today).is_err());
        answers.set("clinic_1", Answer::Yes);
        let result = evaluate(&questions, &answers, today).unwrap();
        assert_eq!(result.overall, Outcome::NotNow);
        assert_eq!(result.findings[0].question, "clinic_1");
        let words = clinic.question_words(Lang::PtBr);
        assert_eq!(words[0].0, "clinic_1");
        assert_eq!(words[0].1.text, "Alergia a ouro?");
        assert_eq!(clinic.question_words(Lang::Es)[0].1.text, "Gold allergy?");
    }

    #[test]
    fn clinic_faq_entries_join_the_faq_of_their_language() {
        let (clinic, problems) = parse(
            r#"{"name": "Bela", "faq": {"en": [{"question": "Where do I park?", "answer": "Street 98."}]}}"#,
        );
        assert_eq!(problems, vec![]);
        let source = include_str!("../../../public/locales/en.faq.json");
        let mut content = FaqContent::parse("en", source).unwrap();
        let before = content.entries.len();
        clinic.add_faq(&mut content, Lang::En, "From your clinic");
        assert_eq!(content.entries.len(), before + 1);
        assert_eq!(
            content.entry("clinic-1").unwrap().question,
            "Where do I park?"
        );
        assert_eq!(content.categories.last().unwrap().title, "Bela");
        assert_eq!(content.search("park")[0].id, "clinic-1");
        assert_eq!(content.problems(), Vec::<String>::new());
        let mut es =
            FaqContent::parse("es", include_str!("../../../public/locales/es.faq.json")).unwrap();
        let before = es.entries.len();
        clinic.add_faq(&mut es, Lang::Es, "De tu clínica");
        assert_eq!(es.entries.len(), before);
    }
}
