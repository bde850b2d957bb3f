//! The reader's tools: a clinic's file is read field by field from a JSON
//! value, and every problem is kept ([`Problem`]: field, expected, found),
//! so that one wrong field never hides the next. Each part of the file
//! ([`crate::core::clinic`]'s other modules) is read with these checks.

use crate::core::i18n::Lang;
use serde::de::{DeserializeOwned, Deserializer};
use serde::Deserialize;
use serde_json::{Map, Value};

/// One thing wrong in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `colors.primary`, `faq.en[2].answer`, ...
    pub field: String,
    pub expected: String,
    pub found: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: expected {}, found {}",
            self.field, self.expected, self.found
        )
    }
}

/// A text in each language, or one text for every language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<(Option<Lang>, String)>);

impl Text {
    /// The text in `lang`, else the first one given in the order of
    /// [`Lang::ALL`] (en, pt-BR, es).
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .iter()
            .find(|(l, _)| *l == Some(lang))
            .or(self.0.first())
            .map_or("", |(_, t)| t)
    }
}

// The file as serde reads it: a lenient shape, checked afterwards. Every
// field is kept as a JSON value, so a wrong type is a problem reported with
// the others instead of an error that stops the reading.

/// A field that was written, even as `null`; with `#[serde(default)]` an
/// absent field stays `None`.
pub(super) fn given<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The lenient shape of an object of the file.
pub(super) trait Shape: DeserializeOwned {
    /// Its fields, in the documented order, for messages.
    const FIELDS: &'static [&'static str];
}

/// What a value is, for messages.
#[inline(never)]
pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        // Whole numbers as written; others as serde_json prints them.
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[inline(never)]
pub(super) fn path(field: &str, key: &str) -> String {
    if field.is_empty() {
        key.to_string()
    } else {
        format!("{field}.{key}")
    }
}

/// The problems found so far, and the checks of values that every part
/// of the file uses.
#[derive(Default)]
pub(super) struct Check {
    pub(super) problems: Vec<Problem>,
}

impl Check {
    pub(super) fn note(&mut self, field: &str, expected: &str, found: String) {
        self.problems.push(Problem {
            field: field.to_string(),
            expected: expected.to_string(),
            found,
        });
    }

    pub(super) fn bad(&mut self, field: &str, expected: &str, found: &Value) {
        self.note(field, expected, describe(found));
    }

    /// Reports the keys of `keys` not in `known`, except `_comments`.
    pub(super) fn unknown<'a>(
        &mut self,
        field: &str,
        keys: impl IntoIterator<Item = &'a String>,
        known: &[&str],
    ) {
        for key in keys {
            if !key.starts_with('_') && !known.contains(&key.as_str()) {
                let expected = format!("only {}", known.join(", "));
                self.note(&path(field, key), &expected, "an unknown field".into());
            }
        }
    }

    /// An object whose keys are ids or language codes: its members, the
    /// unknown keys reported.
    pub(super) fn object<'a>(
        &mut self,
        field: &str,
        v: &'a Value,
        known: &[&str],
    ) -> Option<&'a Map<String, Value>> {
        let Some(members) = v.as_object() else {
            self.bad(field, "an object", v);
            return None;
        };
        self.unknown(field, members.keys(), known);
        Some(members)
    }

    /// An object read into its lenient shape, the unknown keys reported.
    pub(super) fn shape<T: Shape>(&mut self, field: &str, v: &Value) -> Option<T> {
        if !v.is_object() {
            self.bad(field, "an object", v);
            return None;
        }
        // Every field of a shape is a JSON value, so reading an object
        // cannot fail; were it to, the reason is reported all the same.
        // The fields the shape does not know are the object's other keys
        // (read from the value: serde's `flatten` would cost far more code).
        match T::deserialize(v) {
            Ok(known) => {
                if let Some(object) = v.as_object() {
                    self.unknown(field, object.keys(), T::FIELDS);
                }
                Some(known)
            }
            Err(why) => {
                self.note(field, "an object", why.to_string());
                None
            }
        }
    }

    pub(super) fn list<'a>(&mut self, field: &str, v: &'a Value, max: usize) -> &'a [Value] {
        match v.as_array() {
            Some(items) if items.len() <= max => items,
            _ => {
                self.bad(field, &format!("a list of at most {max} items"), v);
                &[]
            }
        }
    }

    pub(super) fn text(&mut self, field: &str, v: &Value, max: usize) -> Option<String> {
        match v.as_str().map(str::trim) {
            Some(t)
                if !t.is_empty()
                    && t.chars().count() <= max
                    && !t.chars().any(|c| c.is_control() && c != '\n') =>
            {
                Some(t.to_string())
            }
            _ => {
                self.bad(field, &format!("text of 1 to {max} characters"), v);
                None
            }
        }
    }

    /// One text for all languages, or an object of texts by language code,
    /// kept in the order of [`Lang::ALL`].
    pub(super) fn texts(&mut self, field: &str, v: &Value, max: usize) -> Option<Text> {
        let Some(members) = v.as_object() else {
            let text = self.text(field, v, max)?;
            return Some(Text(vec![(None, text)]));
        };
        for code in members.keys() {
            if Lang::from_code(code).is_none() {
                self.note(
                    &path(field, code),
                    "a language code: en, pt-BR or es",
                    format!("\"{code}\""),
                );
            }
        }
        if members.is_empty() {
            self.bad(
                field,
                &format!("text of 1 to {max} characters, or texts by language code"),
                v,
            );
        }
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            if let Some(t) = members.get(lang.code()) {
                if let Some(text) = self.text(&path(field, lang.code()), t, max) {
                    texts.push((Some(lang), text));
                }
            }
        }
        (!texts.is_empty()).then_some(Text(texts))
    }

    pub(super) fn number(
        &mut self,
        field: &str,
        v: &Value,
        min: u32,
        max: u32,
        unit: &str,
    ) -> Option<u32> {
        match v.as_u64() {
            Some(n) if (u64::from(min)..=u64::from(max)).contains(&n) => Some(n as u32),
            _ => {
                self.bad(
                    field,
                    &format!("a whole number of {unit} from {min} to {max}"),
                    v,
                );
                None
            }
        }
    }

    pub(super) fn lang(&mut self, field: &str, v: &Value) -> Option<Lang> {
        let lang = v.as_str().and_then(Lang::from_code);
        if lang.is_none() {
            self.bad(field, "a language code: en, pt-BR or es", v);
        }
        lang
    }

    pub(super) fn languages(&mut self, v: &Value) -> Vec<Lang> {
        let mut langs = Vec::new();
        for (i, item) in self.list("languages", v, 3).iter().enumerate() {
            let field = format!("languages[{i}]");
            if let Some(lang) = self.lang(&field, item) {
                if langs.contains(&lang) {
                    self.bad(&field, "each language once", item);
                } else {
                    langs.push(lang);
                }
            }
        }
        if v.as_array().is_some_and(Vec::is_empty) {
            self.bad("languages", "at least one language", v);
        }
        langs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clinic::file::tests::{fields, parse};

    #[test]
    fn messages_name_the_field_what_was_expected_and_what_was_found() {
        let (_, problems) = parse(r#"{"plan": {"sessions": 40}}"#);
        assert_eq!(
            problems[0].to_string(),
            "plan.sessions: expected a whole number of sessions from 1 to 12, found 40"
        );
        let (_, problems) = parse(r#"{"nmae": "Bela"}"#);
        assert_eq!(problems[0].field, "nmae");
        assert_eq!(problems[0].found, "an unknown field");
        assert!(problems[0].expected.contains("name"));
        // Keys starting with _ are comments.
        assert_eq!(
            fields(r#"{"_note": "hello", "contact": {"_x": 1}}"#),
            Vec::<String>::new()
        );
    }

    #[test]
    fn text_is_kept_as_written_for_the_page_to_show_literally() {
        let hostile = r#"{"name": "<img src=x onerror=alert(1)>"}"#;
        let (clinic, problems) = parse(hostile);
        assert_eq!(problems, vec![]);
        assert_eq!(clinic.name.as_deref(), Some("<img src=x onerror=alert(1)>"));
        assert_eq!(fields(r#"{"name": "Bela\u0000Pele"}"#), vec!["name"]);
        assert_eq!(
            fields(&format!(r#"{{"name": "{}"}}"#, "a".repeat(81))),
            vec!["name"]
        );
        assert_eq!(fields(r#"{"logo": "../secret.png"}"#), vec!["logo"]);
        assert_eq!(
            fields(r#"{"logo": "https://evil.example/x.png"}"#),
            vec!["logo"]
        );
        assert_eq!(fields(r#"{"logo": "logo.gif"}"#), vec!["logo"]);
    }

    #[test]
    fn found_values_are_described_as_written() {
        let found = |json: &str| parse(json).1[0].found.clone();
        assert_eq!(found(r#"{"name": null}"#), "null");
        assert_eq!(found(r#"{"name": false}"#), "false");
        assert_eq!(found(r#"{"name": 42}"#), "42");
        assert_eq!(found(r#"{"plan": {"sessions": -3}}"#), "-3");
        assert_eq!(found(r#"{"plan": {"sessions": 2.5}}"#), "2.5");
        assert_eq!(found(r#"{"logo": "x.gif"}"#), "\"x.gif\"");
        assert_eq!(found(r#"{"name": [1]}"#), "a list");
        assert_eq!(found(r#"{"name": {}}"#), "an object");
        assert_eq!(found(r#"{"nmae": 1}"#), "an unknown field");
        let (_, problems) = parse("[1, 2]");
        assert_eq!(
            problems[0].to_string(),
            "clinic.json: expected an object, found a list"
        );
    }

    #[test]
    fn texts_by_language_are_kept_in_the_order_of_the_languages() {
        let (clinic, problems) = parse(
            r#"{"aftercare": {"extra": [{"category": "warning", "text": {"es": "Sí", "pt-BR": "Sim"}}]}}"#,
        );
        assert_eq!(problems, vec![]);
        assert_eq!(
            clinic.steps[0].text,
            Text(vec![
                (Some(Lang::PtBr), "Sim".to_string()),
                (Some(Lang::Es), "Sí".to_string())
            ])
        );
        assert_eq!(clinic.step_text("clinic_1", Lang::En), Some("Sim"));
        // An empty object of texts is a problem too, not a silent omission.
        assert_eq!(
            fields(r#"{"aftercare": {"extra": [{"category": "warning", "text": {}}]}}"#),
            vec!["aftercare.extra[0].text"]
        );
    }
}
