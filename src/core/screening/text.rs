//! The self-check's words in one language: `public/locales/<code>.check.json`,
//! loaded when the self-check is first opened, and checked against the
//! questions so that a missing text fails the tests, not a phone.

use crate::core::screening::questions::{Kind, Question};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

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
    use crate::core::screening::questions::QUESTIONS;

    #[test]
    fn every_question_has_its_words_in_every_language() {
        let sources = [
            ("en", include_str!("../../../public/locales/en.check.json")),
            (
                "pt-BR",
                include_str!("../../../public/locales/pt-BR.check.json"),
            ),
            ("es", include_str!("../../../public/locales/es.check.json")),
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
            CheckText::parse("en", include_str!("../../../public/locales/en.check.json")).unwrap();
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
                include_str!("../../../public/locales/en.check.json"),
                &["scab", "weeping", "oozing"],
                "closed",
                "open wound",
            ),
            (
                "pt-BR",
                include_str!("../../../public/locales/pt-BR.check.json"),
                &["casquinha", "líquido"],
                "fechada",
                "ferida aberta",
            ),
            (
                "es",
                include_str!("../../../public/locales/es.check.json"),
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
                include_str!("../../../public/locales/pt-BR.check.json"),
                "questionário",
                "autoavalia",
            ),
            (
                "es",
                include_str!("../../../public/locales/es.check.json"),
                "cuestionario",
                "autoevalua",
            ),
        ] {
            let lower = json.to_lowercase();
            assert!(!lower.contains(other), "{code}: {other}");
            assert!(lower.contains(own), "{code}: {own}");
        }
        // One Spanish: Latin American forms, one word per concept.
        let es = include_str!("../../../public/locales/es.check.json");
        for spain in ["añad", "vosotros", "ordenador", "móvil", "No lo sé"] {
            assert!(!es.contains(spain), "es: {spain}");
        }
        assert!(es.contains("No estoy seguro/a"), "es: not sure");
    }
}
