//! Reading `clinic.json`: the whole file, field by field, into a [`Clinic`]
//! and every [`Problem`] found. [`Clinic::parse`] never fails: whatever is
//! invalid is left at its default and reported, in the documented order of
//! the fields.

use crate::core::clinic::additions::{FaqExtra, QuestionExtra, StepExtra};
use crate::core::clinic::branding::Brand;
use crate::core::clinic::check::{given, Check, Problem, Shape};
use crate::core::clinic::contact::Contact;
use crate::core::i18n::Lang;
use crate::core::plan::Plan;
use serde::Deserialize;
use serde_json::Value;

/// The file's name, beside `index.html`.
pub const FILE_NAME: &str = "clinic.json";

/// A larger file is not read: a configuration is a few kilobytes.
pub const MAX_BYTES: usize = 64 * 1024;

/// A clinic's configuration; `Clinic::default()` is the app without one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clinic {
    pub name: Option<String>,
    /// A file name beside `clinic.json`.
    pub logo: Option<String>,
    /// Valid colours only, each with enough contrast.
    pub colors: Vec<(Brand, String)>,
    pub contact: Contact,
    /// An `https://` address.
    pub booking: Option<String>,
    /// The languages offered, in the clinic's order; empty: all.
    pub languages: Vec<Lang>,
    pub default_lang: Option<Lang>,
    pub plan: Option<Plan>,
    /// Aftercare steps made longer: step id and hours.
    pub longer: Vec<(&'static str, u32)>,
    pub steps: Vec<StepExtra>,
    pub faq: Vec<(Lang, Vec<FaqExtra>)>,
    /// Self-check questions raised from ASK to NOT NOW.
    pub not_now: Vec<&'static str>,
    pub questions: Vec<QuestionExtra>,
}

impl Clinic {
    /// Reads `clinic.json`: the valid parts, and every problem found.
    ///
    /// Problems are listed in the documented order of the fields (that of
    /// `docs/CLINICS.md` and `docs/clinic.example.json`), whatever order the
    /// file uses, each field's own problems before the next field's; in each
    /// object, its unknown fields come first.
    #[inline(never)]
    pub fn parse(text: &str) -> (Clinic, Vec<Problem>) {
        let mut c = Check::default();
        let mut clinic = Clinic::default();
        if text.len() > MAX_BYTES {
            c.note(FILE_NAME, "at most 64 KB", format!("{} bytes", text.len()));
            return (clinic, c.problems);
        }
        // serde_json refuses nesting deeper than its recursion limit (128).
        let json: Value = match serde_json::from_str(text) {
            Ok(json) => json,
            Err(why) => {
                c.note(FILE_NAME, "valid JSON", why.to_string());
                return (clinic, c.problems);
            }
        };
        if !json.is_object() {
            c.bad(FILE_NAME, "an object", &json);
            return (clinic, c.problems);
        }
        let Some(file) = c.shape::<ClinicFile>("", &json) else {
            return (clinic, c.problems);
        };
        if let Some(v) = &file.name {
            clinic.name = c.text("name", v, 80);
        }
        if let Some(v) = &file.logo {
            clinic.logo = c.logo(v);
        }
        if let Some(v) = &file.colors {
            clinic.colors = c.colors(v);
        }
        if let Some(v) = &file.contact {
            clinic.contact = c.contact(v);
        }
        if let Some(v) = &file.booking_url {
            clinic.booking = c.https("booking_url", v);
        }
        if let Some(v) = &file.languages {
            clinic.languages = c.languages(v);
        }
        if let Some(v) = &file.default_language {
            clinic.default_lang = c.lang("default_language", v);
        }
        if let Some(v) = &file.plan {
            clinic.plan = c.plan(v);
        }
        if let Some(v) = &file.aftercare {
            c.aftercare(v, &mut clinic.longer, &mut clinic.steps);
        }
        if let Some(v) = &file.faq {
            clinic.faq = c.faq(v);
        }
        if let Some(v) = &file.screening {
            c.screening(v, &mut clinic.not_now, &mut clinic.questions);
        }
        if let Some(lang) = clinic.default_lang {
            if !clinic.offers(lang) {
                let offered: Vec<&str> = clinic.languages.iter().map(|l| l.code()).collect();
                c.note(
                    "default_language",
                    &format!("one of the offered languages ({})", offered.join(", ")),
                    format!("\"{}\"", lang.code()),
                );
                clinic.default_lang = None;
            }
        }
        (clinic, c.problems)
    }

    pub fn offers(&self, lang: Lang) -> bool {
        self.languages.is_empty() || self.languages.contains(&lang)
    }

    /// The languages offered, in order.
    pub fn offered(&self) -> Vec<Lang> {
        if self.languages.is_empty() {
            Lang::ALL.to_vec()
        } else {
            self.languages.clone()
        }
    }

    /// The language to show: the first of `wishes` that is offered (the
    /// person's saved choice, then the language of the clinic's link being
    /// opened), else the first of the browser's `preferences` that is
    /// offered, else the clinic's default.
    pub fn pick_lang(
        &self,
        wishes: impl IntoIterator<Item = Lang>,
        preferences: &[String],
    ) -> Lang {
        wishes
            .into_iter()
            .find(|l| self.offers(*l))
            .or_else(|| Lang::negotiate(preferences, |l| self.offers(l)))
            .or(self.default_lang)
            .or(self.languages.first().copied())
            .unwrap_or(Lang::En)
    }
}

/// The whole file: `None` for a field not written.
#[derive(Deserialize)]
pub(super) struct ClinicFile {
    #[serde(default, deserialize_with = "given")]
    name: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    logo: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    colors: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    contact: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    booking_url: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    languages: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    default_language: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    plan: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    aftercare: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    faq: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    screening: Option<Value>,
}

impl Shape for ClinicFile {
    const FIELDS: &'static [&'static str] = &[
        "name",
        "logo",
        "colors",
        "contact",
        "booking_url",
        "languages",
        "default_language",
        "plan",
        "aftercare",
        "faq",
        "screening",
    ];
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::aftercare::DEFAULT_PROTOCOL;
    use crate::core::clinic::additions::{
        AftercareFile, FaqFile, PlanFile, QuestionFile, ScreeningFile, StepFile,
    };
    use crate::core::clinic::branding::ColorsFile;
    use crate::core::clinic::contact::ContactFile;
    use crate::core::plan::DEFAULT_PLAN;
    use crate::core::screening::QUESTIONS;
    use serde_json::Map;

    pub(crate) fn parse(json: &str) -> (Clinic, Vec<Problem>) {
        Clinic::parse(json)
    }

    /// The fields of the problems of `json`.
    pub(crate) fn fields(json: &str) -> Vec<String> {
        parse(json).1.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn the_committed_example_is_valid_and_uses_every_section() {
        let (clinic, problems) = parse(include_str!("../../../docs/clinic.example.json"));
        assert_eq!(problems, vec![]);
        assert_eq!(clinic.name.as_deref(), Some("Clínica Bela Pele"));
        assert_eq!(clinic.logo.as_deref(), Some("logo.svg"));
        assert_eq!(clinic.colors.len(), 3);
        assert_eq!(clinic.languages, vec![Lang::PtBr, Lang::En, Lang::Es]);
        assert_eq!(clinic.default_lang, Some(Lang::PtBr));
        assert_eq!(
            clinic.plan(),
            Plan {
                sessions: 4,
                interval_days: 35
            }
        );
        assert_eq!(clinic.actions().len(), 4);
        assert_eq!(clinic.longer, vec![("no_makeup", 48), ("sunscreen", 720)]);
        assert_eq!(clinic.steps.len(), 1);
        assert_eq!(clinic.faq.len(), 2);
        assert_eq!(clinic.not_now, vec!["keloid", "isotretinoin"]);
        assert_eq!(clinic.questions.len(), 1);
    }

    #[test]
    fn no_file_content_and_an_empty_object_are_the_defaults() {
        assert_eq!(parse("{}"), (Clinic::default(), vec![]));
        let (clinic, problems) = parse("{ not json");
        assert_eq!(clinic, Clinic::default());
        assert_eq!(problems[0].field, "clinic.json");
        assert_eq!(problems[0].expected, "valid JSON");
        let (_, problems) = parse("[1, 2]");
        assert_eq!(problems[0].expected, "an object");
        let huge = format!("{{\"name\": \"{}\"}}", "a".repeat(MAX_BYTES));
        assert_eq!(fields(&huge), vec!["clinic.json"]);
    }

    #[test]
    fn every_field_with_a_wrong_type_is_reported_and_left_at_its_default() {
        let cases: &[(&str, &str)] = &[
            (r#"{"name": 5}"#, "name"),
            (r#"{"name": ""}"#, "name"),
            (r#"{"name": "   "}"#, "name"),
            (r#"{"logo": true}"#, "logo"),
            (r##"{"colors": "#fff"}"##, "colors"),
            (r#"{"contact": []}"#, "contact"),
            (r#"{"contact": {"phone": 5511}}"#, "contact.phone"),
            (r#"{"contact": {"address": ["a"]}}"#, "contact.address"),
            (r#"{"booking_url": {}}"#, "booking_url"),
            (r#"{"languages": "en"}"#, "languages"),
            (r#"{"languages": []}"#, "languages"),
            (r#"{"languages": ["fr"]}"#, "languages[0]"),
            (r#"{"languages": ["en", "en"]}"#, "languages[1]"),
            (r#"{"default_language": "pt"}"#, "default_language"),
            (r#"{"plan": 4}"#, "plan"),
            (r#"{"plan": {"sessions": "4"}}"#, "plan.sessions"),
            (r#"{"plan": {"sessions": 0}}"#, "plan.sessions"),
            (r#"{"plan": {"sessions": 2.5}}"#, "plan.sessions"),
            (r#"{"plan": {"interval_days": -30}}"#, "plan.interval_days"),
            (r#"{"aftercare": []}"#, "aftercare"),
            (
                r#"{"aftercare": {"longer": {"no_makeup": "48"}}}"#,
                "aftercare.longer.no_makeup",
            ),
            (r#"{"aftercare": {"extra": {}}}"#, "aftercare.extra"),
            (
                r#"{"aftercare": {"extra": [{"category": "relax", "to_hours": 5, "text": "x"}]}}"#,
                "aftercare.extra[0].category",
            ),
            (
                r#"{"aftercare": {"extra": [{"category": "do", "text": "x"}]}}"#,
                "aftercare.extra[0].to_hours",
            ),
            (
                r#"{"aftercare": {"extra": [{"category": "do", "from_hours": 9, "to_hours": 9, "text": "x"}]}}"#,
                "aftercare.extra[0].to_hours",
            ),
            (
                r#"{"aftercare": {"extra": [{"category": "do", "to_hours": 9}]}}"#,
                "aftercare.extra[0].text",
            ),
            (
                r#"{"aftercare": {"extra": [{"category": "do", "to_hours": 9, "text": {"fr": "x"}}]}}"#,
                "aftercare.extra[0].text.fr",
            ),
            (r#"{"faq": []}"#, "faq"),
            (r#"{"faq": {"en": {}}}"#, "faq.en"),
            (
                r#"{"faq": {"en": [{"question": "Q?"}]}}"#,
                "faq.en[0].answer",
            ),
            (
                r#"{"faq": {"en": [{"question": "", "answer": "A"}]}}"#,
                "faq.en[0].question",
            ),
            (
                r#"{"screening": {"not_now": "keloid"}}"#,
                "screening.not_now",
            ),
            (
                r#"{"screening": {"questions": [{"outcome": "ask", "text": "Q?", "reason": "R"}]}}"#,
                "screening.questions[0].next",
            ),
        ];
        for (json, field) in cases {
            let (clinic, problems) = parse(json);
            let found: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
            assert_eq!(found, vec![*field], "{json}");
            assert!(!problems[0].expected.is_empty() && !problems[0].found.is_empty());
            assert_eq!(clinic.name, None, "{json}");
            assert_eq!(clinic.plan(), DEFAULT_PLAN, "{json}");
            assert_eq!(clinic.protocol(), DEFAULT_PROTOCOL.to_vec(), "{json}");
            assert_eq!(clinic.questions(), QUESTIONS.to_vec(), "{json}");
        }
    }

    #[test]
    fn languages_offered_and_the_default_one() {
        let (clinic, problems) =
            parse(r#"{"languages": ["es", "pt-BR"], "default_language": "pt-BR"}"#);
        assert_eq!(problems, vec![]);
        assert_eq!(clinic.offered(), vec![Lang::Es, Lang::PtBr]);
        let prefs = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(clinic.pick_lang(None, &prefs(&["en-US"])), Lang::PtBr);
        assert_eq!(clinic.pick_lang(None, &prefs(&["en", "es-MX"])), Lang::Es);
        assert_eq!(clinic.pick_lang(Some(Lang::En), &prefs(&["es"])), Lang::Es);
        assert_eq!(
            clinic.pick_lang(Some(Lang::PtBr), &prefs(&["es"])),
            Lang::PtBr
        );
        let (clinic, problems) = parse(r#"{"languages": ["es"], "default_language": "en"}"#);
        assert_eq!(problems[0].field, "default_language");
        assert_eq!(clinic.default_lang, None);
        assert_eq!(clinic.pick_lang(None, &[]), Lang::Es);
        assert_eq!(Clinic::default().pick_lang(None, &prefs(&["fr"])), Lang::En);
        // Issue #21: a saved choice first, then the language of the clinic's
        // link, then the browser's.
        let any = Clinic::default();
        let wishes = |saved: Option<Lang>| saved.into_iter().chain(Some(Lang::PtBr));
        assert_eq!(any.pick_lang(wishes(None), &prefs(&["en-US"])), Lang::PtBr);
        assert_eq!(
            any.pick_lang(wishes(Some(Lang::Es)), &prefs(&["en"])),
            Lang::Es
        );
        assert_eq!(Clinic::default().offered(), Lang::ALL.to_vec());
    }

    #[test]
    fn problems_are_listed_in_the_documented_order_whatever_the_file_order() {
        let (_, problems) = parse(
            r#"{"screening": {"questions": 3, "not_now": 4}, "faq": {"es": 1, "en": 2},
                "plan": {"interval_days": 1, "sessions": 0},
                "contact": {"address": 1, "email": 2, "whatsapp": 3, "phone": 4},
                "zzz": 1, "name": 5, "aaa": 2}"#,
        );
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "aaa",
                "zzz",
                "name",
                "contact.phone",
                "contact.whatsapp",
                "contact.email",
                "contact.address",
                "plan.sessions",
                "plan.interval_days",
                "faq.en",
                "faq.es",
                "screening.not_now",
                "screening.questions",
            ]
        );
    }

    #[test]
    fn a_field_written_as_null_is_reported_an_absent_one_is_not() {
        assert_eq!(fields(r#"{"name": null}"#), vec!["name"]);
        assert_eq!(
            fields(r#"{"contact": {"phone": null}}"#),
            vec!["contact.phone"]
        );
        assert_eq!(
            fields(r#"{"plan": {"sessions": null}}"#),
            vec!["plan.sessions"]
        );
        let (_, problems) = parse(r#"{"logo": null}"#);
        assert_eq!(problems[0].found, "null");
        // Inside a step, a question or an FAQ entry null is as good as absent.
        assert_eq!(
            fields(
                r#"{"aftercare": {"extra": [{"category": "warning", "from_hours": null, "to_hours": null, "text": "x"}]}}"#
            ),
            Vec::<String>::new()
        );
    }

    /// Every field a shape lists for messages is one serde reads into it.
    /// One object of the file: the fields of its shape `T`, and the others.
    #[derive(Deserialize)]
    struct Lenient<T> {
        #[serde(flatten)]
        _known: T,
        #[serde(flatten)]
        unknown: Map<String, Value>,
    }

    fn shape_lists_its_fields<T: Shape>() {
        let object: Map<String, Value> = T::FIELDS
            .iter()
            .map(|f| (f.to_string(), Value::Null))
            .collect();
        let read = Lenient::<T>::deserialize(&Value::Object(object)).unwrap();
        assert!(read.unknown.is_empty(), "{:?}", read.unknown);
    }

    #[test]
    fn every_shape_reads_the_fields_it_documents() {
        shape_lists_its_fields::<ClinicFile>();
        shape_lists_its_fields::<ColorsFile>();
        shape_lists_its_fields::<ContactFile>();
        shape_lists_its_fields::<PlanFile>();
        shape_lists_its_fields::<AftercareFile>();
        shape_lists_its_fields::<StepFile>();
        shape_lists_its_fields::<FaqFile>();
        shape_lists_its_fields::<ScreeningFile>();
        shape_lists_its_fields::<QuestionFile>();
        assert_eq!(
            ColorsFile::FIELDS.to_vec(),
            Brand::ALL.map(Brand::key).to_vec()
        );
    }

    #[test]
    fn a_hostile_file_lists_every_problem_and_keeps_the_rest() {
        let (clinic, problems) = parse(
            r##"{"name": "Bela", "booking_url": "javascript:alert(1)",
                "colors": {"primary": "red;background:url(x)", "primary_strong": "#ffff00"},
                "contact": {"phone": "\"><script>", "email": "x@y.z?bcc=a@b.c", "address": "<b>bold</b>"},
                "logo": "https://evil.example/logo.png", "plan": {"sessions": 99, "interval_days": 30},
                "languages": ["en", "fr", "en"], "default_language": "es",
                "aftercare": {"longer": {"no_makeup": 1, "redness": 96}, "extra": "x"},
                "faq": {"en": [{"question": "<script>", "answer": 5}], "de": []},
                "screening": {"not_now": ["pregnant", "keloid"], "questions": [{"outcome": "ok"}]},
                "evil": {"__proto__": 1}}"##,
        );
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "evil",
                "logo",
                "colors.primary",
                "colors.primary_strong",
                "contact.phone",
                "contact.email",
                "booking_url",
                "languages[1]",
                "languages[2]",
                "plan.sessions",
                "aftercare.longer.no_makeup",
                "aftercare.extra",
                "faq.de",
                "faq.en[0].answer",
                "screening.not_now[0]",
                "screening.questions[0].outcome",
                "screening.questions[0].text",
                "screening.questions[0].reason",
                "screening.questions[0].next",
                "default_language",
            ]
        );
        assert_eq!(clinic.name.as_deref(), Some("Bela"));
        assert_eq!(clinic.contact.address.as_deref(), Some("<b>bold</b>"));
        assert_eq!(clinic.plan().interval_days, 30);
        assert_eq!(clinic.longer, vec![("redness", 96)]);
        assert_eq!(clinic.not_now, vec!["keloid"]);
        assert_eq!(clinic.languages, vec![Lang::En]);
        assert!(clinic.actions().is_empty());
    }

    #[test]
    fn deep_nesting_and_odd_numbers_are_refused_without_a_panic() {
        for depth in [127, 129, 10_000, MAX_BYTES / 2] {
            let deep = format!("{{\"name\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
            let problems = parse(&deep).1;
            assert_eq!(problems.len(), 1, "{depth}");
        }
        let deep = format!("{}{}", "{\"a\":".repeat(10_000) + "1", "}".repeat(10_000));
        assert_eq!(fields(&deep), vec!["clinic.json"]);
        for number in [
            "1e999",
            "-1e999",
            "18446744073709551616",
            "-0",
            "1e2",
            "0.0000001",
        ] {
            let json = format!(r#"{{"plan": {{"sessions": {number}}}}}"#);
            let (clinic, _) = parse(&json);
            assert_eq!(clinic.plan(), DEFAULT_PLAN, "{json}");
        }
    }

    use crate::core::testing::Rng;

    /// The keys an object under `parent` usually has, so that random files
    /// reach the checks of nested objects, not only the top-level one.
    fn keys_under(parent: &str) -> &'static [&'static str] {
        match parent {
            "" => ClinicFile::FIELDS,
            "colors" => ColorsFile::FIELDS,
            "contact" => ContactFile::FIELDS,
            "plan" => PlanFile::FIELDS,
            "aftercare" => AftercareFile::FIELDS,
            "longer" => &["redness", "no_makeup", "sunscreen", "flaking", "nope"],
            "extra" => StepFile::FIELDS,
            "faq" | "text" | "reason" | "next" => &["en", "pt-BR", "es", "fr"],
            "en" | "pt-BR" | "es" => FaqFile::FIELDS,
            "screening" => ScreeningFile::FIELDS,
            "questions" => QuestionFile::FIELDS,
            _ => &["name", "text", "_x", ""],
        }
    }

    /// Random JSON shaped roughly like a clinic file, with odd values.
    fn random_json(rng: &mut Rng, depth: u32, parent: &str) -> Value {
        const WORDS: &[&str] = &[
            "",
            " ",
            "en",
            "pt-BR",
            "es",
            "fr",
            "#fff",
            "#17695f",
            "#ffff00",
            "avoid",
            "warning",
            "do",
            "ask",
            "not_now",
            "keloid",
            "pregnant",
            "logo.svg",
            "https://a.example/",
            "+55 11 4000-1234",
            "a@b.example",
            "\u{0}",
            "é\u{202e}",
        ];
        let pick =
            |rng: &mut Rng, from: &[&'static str]| from[rng.below(from.len() as u64) as usize];
        // The top level is an object, as in a real file; random bytes test
        // the rest.
        let kind = match depth {
            0 => 7,
            1..=4 => rng.below(8),
            _ => rng.below(5),
        };
        match kind {
            0 => Value::Null,
            1 => Value::Bool(rng.below(2) == 1),
            2 => match rng.below(4) {
                0 => serde_json::json!(rng.next_u64()),
                1 => serde_json::json!(rng.below(400) as i64 - 100),
                2 => serde_json::json!(rng.next_u64() as i64),
                _ => serde_json::json!((rng.below(10_000) as f64) / 7.0),
            },
            3 | 4 => Value::String(pick(rng, WORDS).to_string()),
            // A list's items are read like the list's field.
            5 => Value::Array(
                (0..rng.below(8))
                    .map(|_| random_json(rng, depth + 1, parent))
                    .collect(),
            ),
            _ => Value::Object(
                (0..rng.below(6))
                    .map(|_| {
                        let key = if rng.below(5) == 0 {
                            {
                                let section = pick(rng, ClinicFile::FIELDS);
                                pick(rng, keys_under(section))
                            }
                        } else {
                            pick(rng, keys_under(parent))
                        };
                        (key.to_string(), random_json(rng, depth + 1, key))
                    })
                    .collect(),
            ),
        }
    }

    #[test]
    fn property_random_json_never_panics_the_clinic_reader() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut nested = 0;
        for _ in 0..20_000 {
            let json = random_json(&mut rng, 0, "");
            let (clinic, problems) = parse(&json.to_string());
            // Whatever was accepted keeps the rules: no default step gets
            // shorter, no default answer milder.
            for q in clinic.questions() {
                if let Some(default) = QUESTIONS.iter().find(|d| d.id == q.id) {
                    assert!(q.outcome >= default.outcome);
                }
            }
            for step in clinic.protocol() {
                if let Some(default) = DEFAULT_PROTOCOL.iter().find(|d| d.id == step.id) {
                    assert!(step.end_hours >= default.end_hours);
                }
            }
            for p in &problems {
                assert!(!p.expected.is_empty() && !p.found.is_empty(), "{p}");
            }
            if problems
                .iter()
                .any(|p| p.field.matches(['.', '[']).count() >= 2)
            {
                nested += 1;
            }
        }
        // The checks inside steps, questions and FAQ entries were reached
        // (a fixed seed: the same 20 000 files every run).
        assert!(nested > 200, "{nested}");
    }

    #[test]
    fn property_random_bytes_never_panic_the_clinic_reader() {
        let mut rng = Rng(42);
        let valid = include_str!("../../../docs/clinic.example.json").as_bytes();
        for _ in 0..20_000 {
            let bytes: Vec<u8> = if rng.below(2) == 0 {
                let len = rng.below(64) as usize;
                (0..len).map(|_| rng.below(256) as u8).collect()
            } else {
                // The example with a few bytes changed: mostly valid JSON.
                let mut bytes = valid.to_vec();
                for _ in 0..=rng.below(3) {
                    let at = rng.below(bytes.len() as u64) as usize;
                    bytes[at] = b"{}[]\":,0a \\"[rng.below(11) as usize];
                }
                bytes
            };
            let _ = parse(&String::from_utf8_lossy(&bytes));
        }
    }
}
