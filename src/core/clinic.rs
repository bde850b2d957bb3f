//! A clinic's configuration: the optional `clinic.json` beside the app.
//!
//! A clinic's web person writes it; nobody rebuilds anything. Every field is
//! optional. [`Clinic::parse`] never fails: whatever is invalid is left at
//! its default and reported as a [`Problem`] (field, expected, found), which
//! the app logs to the console and `check-clinic` prints. The rules of the
//! app may only become stricter: durations only longer, self-check answers
//! only more serious, questions only added.
//!
//! ```
//! use microcare::core::clinic::Clinic;
//! let (clinic, problems) = Clinic::parse(r##"{"name": "Bela Pele", "colors": {"primary": "#ff0"}}"##);
//! assert_eq!(clinic.name.as_deref(), Some("Bela Pele"));
//! assert!(clinic.colors.is_empty());
//! assert_eq!(problems[0].field, "colors.primary");
//! ```

use crate::core::aftercare::{Category, Plan, Step, DEFAULT_PLAN, DEFAULT_PROTOCOL};
use crate::core::faq::{Entry, FaqContent};
use crate::core::i18n::Lang;
use crate::core::json::Json;
use crate::core::screening::{Kind, Outcome, Question, QuestionText, QUESTIONS};

/// The file's name, beside `index.html`.
pub const FILE_NAME: &str = "clinic.json";
/// A larger file is not read: a configuration is a few kilobytes.
pub const MAX_BYTES: usize = 64 * 1024;
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
    /// The text in `lang`, else the first one given.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .iter()
            .find(|(l, _)| *l == Some(lang))
            .or(self.0.first())
            .map_or("", |(_, t)| t)
    }
}

/// The brand colours a clinic may set, and the CSS custom property of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Brand {
    /// Buttons (white text on it), accents.
    Primary,
    /// Links and titles on light backgrounds.
    PrimaryStrong,
    /// Light tint behind text.
    PrimarySoft,
}

impl Brand {
    pub const ALL: [Brand; 3] = [Brand::Primary, Brand::PrimaryStrong, Brand::PrimarySoft];

    pub fn key(self) -> &'static str {
        match self {
            Brand::Primary => "primary",
            Brand::PrimaryStrong => "primary_strong",
            Brand::PrimarySoft => "primary_soft",
        }
    }

    /// The property in `style/main.css` this colour sets.
    pub fn property(self) -> &'static str {
        match self {
            Brand::Primary => "--mc-color-primary",
            Brand::PrimaryStrong => "--mc-color-primary-strong",
            Brand::PrimarySoft => "--mc-color-primary-soft",
        }
    }

    /// The default in `style/main.css`.
    pub fn default_rgb(self) -> [u8; 3] {
        match self {
            Brand::Primary => [0x17, 0x69, 0x5f],
            Brand::PrimaryStrong => [0x0f, 0x4f, 0x47],
            Brand::PrimarySoft => [0xe4, 0xf2, 0xef],
        }
    }
}

/// White (text on buttons), the page background and the body text of
/// `style/main.css`: what brand colours must contrast with.
pub const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
pub const PAGE_BG: [u8; 3] = [0xf7, 0xf5, 0xf2];
pub const TEXT: [u8; 3] = [0x1e, 0x2a, 0x2d];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    /// As written, for showing.
    pub phone: Option<String>,
    /// Digits only, with the country code.
    pub whatsapp: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// A way to reach the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Book,
    Call,
    WhatsApp,
    Email,
}

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

const TOP: &[&str] = &[
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

impl Clinic {
    /// Reads `clinic.json`: the valid parts, and every problem found.
    #[inline(never)]
    pub fn parse(text: &str) -> (Clinic, Vec<Problem>) {
        let mut c = Check::default();
        let mut clinic = Clinic::default();
        if text.len() > MAX_BYTES {
            c.note(FILE_NAME, "at most 64 KB", format!("{} bytes", text.len()));
            return (clinic, c.problems);
        }
        let json = match Json::parse(text) {
            Ok(json) => json,
            Err(why) => {
                c.note(FILE_NAME, "valid JSON", why);
                return (clinic, c.problems);
            }
        };
        for (key, v) in c.object("", &json, TOP) {
            let key = key.as_str();
            match key {
                "name" => clinic.name = c.text(key, v, 80),
                "logo" => clinic.logo = c.logo(v),
                "colors" => clinic.colors = c.colors(v),
                "contact" => clinic.contact = c.contact(v),
                "booking_url" => clinic.booking = c.https(key, v),
                "languages" => clinic.languages = c.languages(v),
                "default_language" => clinic.default_lang = c.lang(key, v),
                "plan" => clinic.plan = c.plan(v),
                "aftercare" => c.aftercare(v, &mut clinic),
                "faq" => clinic.faq = c.faq(v),
                "screening" => c.screening(v, &mut clinic),
                _ => {}
            }
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

    /// The language to show: the saved choice if offered, else the first of
    /// the person's preferences that is offered, else the clinic's default.
    pub fn pick_lang(&self, saved: Option<Lang>, preferences: &[String]) -> Lang {
        saved
            .filter(|l| self.offers(*l))
            .or_else(|| Lang::negotiate(preferences, |l| self.offers(l)))
            .or(self.default_lang)
            .or(self.languages.first().copied())
            .unwrap_or(Lang::En)
    }

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

/// A `tel:` link: the digits, and the leading `+` if written.
fn tel(phone: &str) -> String {
    let plus = if phone.starts_with('+') { "+" } else { "" };
    format!("tel:{plus}{}", digits(phone))
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// A colour `#rgb` or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    let value = |s: &str| u8::from_str_radix(s, 16).ok();
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        3 => {
            let mut rgb = [0; 3];
            for (i, c) in hex.chars().enumerate() {
                rgb[i] = value(&c.to_string())? * 17;
            }
            Some(rgb)
        }
        6 => Some([value(&hex[0..2])?, value(&hex[2..4])?, value(&hex[4..6])?]),
        _ => None,
    }
}

/// sRGB channel value to linear light, times 65 535 (WCAG 2 formula;
/// a table, so the WASM needs no floating-point power function).
const LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313, 340, 367, 396, 427,
    458, 491, 526, 562, 599, 637, 677, 718, 761, 805, 851, 898, 947, 997, 1048, 1101, 1156, 1212,
    1270, 1330, 1391, 1453, 1517, 1583, 1651, 1720, 1790, 1863, 1937, 2013, 2090, 2170, 2250, 2333,
    2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258, 3360, 3464, 3570, 3678, 3788, 3900,
    4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124, 5257, 5392, 5530, 5669, 5810, 5953,
    6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500, 7666, 7834, 8004, 8177, 8352, 8528,
    8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417, 10619, 10822, 11028, 11235,
    11446, 11658, 11873, 12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909, 14146,
    14387, 14629, 14874, 15122, 15371, 15623, 15878, 16135, 16394, 16656, 16920, 17187, 17456,
    17727, 18001, 18277, 18556, 18837, 19121, 19407, 19696, 19987, 20281, 20577, 20876, 21177,
    21481, 21787, 22096, 22407, 22721, 23038, 23357, 23678, 24002, 24329, 24658, 24990, 25325,
    25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094, 28452, 28813, 29176, 29542, 29911,
    30282, 30656, 31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143, 34544, 34948,
    35355, 35764, 36176, 36591, 37008, 37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449,
    40891, 41337, 41785, 42236, 42690, 43147, 43606, 44069, 44534, 45002, 45473, 45947, 46423,
    46903, 47385, 47871, 48359, 48850, 49344, 49841, 50341, 50844, 51349, 51858, 52369, 52884,
    53401, 53921, 54445, 54971, 55500, 56032, 56567, 57105, 57646, 58190, 58737, 59287, 59840,
    60396, 60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

fn luminance(rgb: [u8; 3]) -> u64 {
    let [r, g, b] = rgb.map(|c| u64::from(LINEAR[usize::from(c)]));
    2126 * r + 7152 * g + 722 * b
}

/// The WCAG contrast ratio of two colours, times 100 (450 is 4.5:1).
pub fn contrast_x100(a: [u8; 3], b: [u8; 3]) -> u64 {
    // Luminances are scaled by 65 535 * 10 000, so 0.05 is 32 767 500.
    let (la, lb) = (luminance(a) + 32_767_500, luminance(b) + 32_767_500);
    la.max(lb) * 100 / la.min(lb)
}

fn hex(rgb: [u8; 3]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::from("#");
    for c in rgb {
        out.push(DIGITS[usize::from(c >> 4)] as char);
        out.push(DIGITS[usize::from(c & 15)] as char);
    }
    out
}

fn ratio(x100: u64) -> String {
    format!("{}.{:02}:1", x100 / 100, x100 % 100)
}

/// What a value is, for messages.
#[inline(never)]
fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("\"{s}\""),
        Json::Array(_) => "a list".into(),
        Json::Object(_) => "an object".into(),
    }
}

#[inline(never)]
fn path(field: &str, key: &str) -> String {
    if field.is_empty() {
        key.to_string()
    } else {
        format!("{field}.{key}")
    }
}

static NULL: Json = Json::Null;

/// The member `key` of an object's members, `null` if absent.
fn member<'a>(members: &'a [(String, Json)], key: &str) -> &'a Json {
    members
        .iter()
        .find(|(k, _)| k == key)
        .map_or(&NULL, |(_, v)| v)
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
}

impl Check {
    fn note(&mut self, field: &str, expected: &str, found: String) {
        self.problems.push(Problem {
            field: field.to_string(),
            expected: expected.to_string(),
            found,
        });
    }

    fn bad(&mut self, field: &str, expected: &str, found: &Json) {
        self.note(field, expected, describe(found));
    }

    /// An object's members; unknown keys (except `_comments`) are reported.
    fn object<'a>(&mut self, field: &str, v: &'a Json, known: &[&str]) -> &'a [(String, Json)] {
        let Some(members) = v.as_object() else {
            self.bad(field, "an object", v);
            return &[];
        };
        for (key, _) in members {
            if !key.starts_with('_') && !known.contains(&key.as_str()) {
                let expected = format!("only {}", known.join(", "));
                self.note(&path(field, key), &expected, "an unknown field".into());
            }
        }
        members
    }

    fn list<'a>(&mut self, field: &str, v: &'a Json, max: usize) -> &'a [Json] {
        match v.as_array() {
            Some(items) if items.len() <= max => items,
            _ => {
                self.bad(field, &format!("a list of at most {max} items"), v);
                &[]
            }
        }
    }

    fn text(&mut self, field: &str, v: &Json, max: usize) -> Option<String> {
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

    /// One text for all languages, or an object of texts by language code.
    fn texts(&mut self, field: &str, v: &Json, max: usize) -> Option<Text> {
        if let Some(members) = v.as_object() {
            let texts: Vec<(Option<Lang>, String)> = members
                .iter()
                .filter_map(|(code, t)| {
                    let field = path(field, code);
                    let lang = self.lang(&field, &Json::String(code.clone()))?;
                    Some((Some(lang), self.text(&field, t, max)?))
                })
                .collect();
            return (!texts.is_empty()).then_some(Text(texts));
        }
        let text = self.text(field, v, max)?;
        Some(Text(vec![(None, text)]))
    }

    fn number(&mut self, field: &str, v: &Json, min: u32, max: u32, unit: &str) -> Option<u32> {
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

    fn lang(&mut self, field: &str, v: &Json) -> Option<Lang> {
        let lang = v.as_str().and_then(Lang::from_code);
        if lang.is_none() {
            self.bad(field, "a language code: en, pt-BR or es", v);
        }
        lang
    }

    fn logo(&mut self, v: &Json) -> Option<String> {
        let name = v.as_str().unwrap_or_default();
        let ext = name.rsplit('.').next().unwrap_or_default();
        let ok = name.len() <= 100
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
            && ["png", "svg", "jpg", "jpeg", "webp"].contains(&ext);
        if !ok {
            self.bad(
                "logo",
                "a file name beside clinic.json ending in .png, .svg, .jpg or .webp",
                v,
            );
        }
        ok.then(|| name.to_string())
    }

    fn https(&mut self, field: &str, v: &Json) -> Option<String> {
        let url = v.as_str().unwrap_or_default();
        let host = url
            .strip_prefix("https://")
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or_default();
        let ok = url.len() <= 500
            && host.contains('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:".contains(&b))
            && url
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"\"'<>\\^`{|}".contains(&b));
        if !ok {
            self.bad(field, "an https:// address", v);
        }
        ok.then(|| url.to_string())
    }

    fn colors(&mut self, v: &Json) -> Vec<(Brand, String)> {
        let known = Brand::ALL.map(Brand::key);
        let mut given = [None; 3];
        for (key, value) in self.object("colors", v, &known) {
            let Some(i) = known.iter().position(|k| k == key) else {
                continue;
            };
            given[i] = value.as_str().and_then(parse_color);
            if given[i].is_none() {
                self.bad(&path("colors", key), "a colour #rgb or #rrggbb", value);
            }
        }
        // Each colour against what is drawn on or under it, with the other
        // colours as they will be (the clinic's if accepted, else default).
        let mut accept = |brand: Brand, against: &[([u8; 3], &str)]| {
            let rgb = given[brand as usize]?;
            for (other, what) in against {
                let x100 = contrast_x100(rgb, *other);
                if x100 < 450 {
                    self.note(
                        &path("colors", brand.key()),
                        &format!("a contrast of at least 4.5:1 with {what}"),
                        format!("{}, {}", hex(rgb), ratio(x100)),
                    );
                    return None;
                }
            }
            Some(rgb)
        };
        let primary = accept(Brand::Primary, &[(WHITE, "the white text of buttons")]);
        let soft = accept(Brand::PrimarySoft, &[(TEXT, "the text #1e2a2d")]);
        let soft_or_default = soft.unwrap_or(Brand::PrimarySoft.default_rgb());
        let strong = accept(
            Brand::PrimaryStrong,
            &[
                (PAGE_BG, "the page background #f7f5f2"),
                (soft_or_default, "primary_soft"),
            ],
        );
        let strong_or_default = strong.unwrap_or(Brand::PrimaryStrong.default_rgb());
        let soft = soft.filter(|soft| {
            let x100 = contrast_x100(*soft, strong_or_default);
            let ok = x100 >= 450;
            if !ok {
                self.note(
                    "colors.primary_soft",
                    "a contrast of at least 4.5:1 with primary_strong",
                    format!("{}, {}", hex(*soft), ratio(x100)),
                );
            }
            ok
        });
        [
            (Brand::Primary, primary),
            (Brand::PrimaryStrong, strong),
            (Brand::PrimarySoft, soft),
        ]
        .into_iter()
        .filter_map(|(brand, rgb)| Some((brand, hex(rgb?))))
        .collect()
    }

    fn contact(&mut self, v: &Json) -> Contact {
        let mut contact = Contact::default();
        for (key, value) in self.object("contact", v, &["phone", "whatsapp", "email", "address"]) {
            let field = path("contact", key);
            let text = value.as_str().unwrap_or_default().trim();
            let phone_like = |prefix_ok: bool| {
                let body = text.strip_prefix('+').unwrap_or(text);
                let count = digits(body).len();
                (prefix_ok || !text.starts_with('+'))
                    && (8..=15).contains(&count)
                    && body
                        .chars()
                        .all(|c| c.is_ascii_digit() || " -().".contains(c))
            };
            match key.as_str() {
                "phone" => {
                    contact.phone = phone_like(true).then(|| text.to_string());
                    if contact.phone.is_none() {
                        self.bad(
                            &field,
                            "a phone number of 8 to 15 digits, + and spaces allowed",
                            value,
                        );
                    }
                }
                "whatsapp" => {
                    let number = text.strip_prefix("https://wa.me/").unwrap_or(text);
                    let ok = {
                        let body = number.strip_prefix('+').unwrap_or(number);
                        let count = digits(body).len();
                        (8..=15).contains(&count)
                            && body
                                .chars()
                                .all(|c| c.is_ascii_digit() || " -()".contains(c))
                    };
                    contact.whatsapp = ok.then(|| digits(number));
                    if !ok {
                        self.bad(
                            &field,
                            "a WhatsApp number with country code (8 to 15 digits) or https://wa.me/<number>",
                            value,
                        );
                    }
                }
                "email" => {
                    let (local, domain) = text.split_once('@').unwrap_or_default();
                    let ok = text.len() <= 254
                        && !local.is_empty()
                        && local
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && domain
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b".-".contains(&b));
                    contact.email = ok.then(|| text.to_string());
                    if !ok {
                        self.bad(
                            &field,
                            "an email address such as hello@clinic.example",
                            value,
                        );
                    }
                }
                "address" => contact.address = self.text(&field, value, 200),
                _ => {}
            }
        }
        contact
    }

    fn languages(&mut self, v: &Json) -> Vec<Lang> {
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
        if v.as_array().is_some_and(<[Json]>::is_empty) {
            self.bad("languages", "at least one language", v);
        }
        langs
    }

    fn plan(&mut self, v: &Json) -> Option<Plan> {
        let mut plan = DEFAULT_PLAN;
        let mut any = false;
        for (key, value) in self.object("plan", v, &["sessions", "interval_days"]) {
            let field = path("plan", key);
            match key.as_str() {
                "sessions" => {
                    if let Some(n) = self.number(&field, value, 1, 12, "sessions") {
                        plan.sessions = n;
                        any = true;
                    }
                }
                "interval_days" => {
                    if let Some(n) = self.number(&field, value, 28, 180, "days") {
                        plan.interval_days = n;
                        any = true;
                    }
                }
                _ => {}
            }
        }
        any.then_some(plan)
    }

    fn aftercare(&mut self, v: &Json, clinic: &mut Clinic) {
        for (key, value) in self.object("aftercare", v, &["longer", "extra"]) {
            if key == "longer" {
                let ids: Vec<&str> = DEFAULT_PROTOCOL
                    .iter()
                    .filter(|s| s.end_hours.is_some())
                    .map(|s| s.id)
                    .collect();
                for (id, hours) in self.object("aftercare.longer", value, &ids) {
                    let Some(step) = DEFAULT_PROTOCOL.iter().find(|s| s.id == id) else {
                        continue;
                    };
                    let default = step.end_hours.unwrap_or_default();
                    let field = path("aftercare.longer", id);
                    let unit = format!(
                        "hours (the default is {default}; durations can only be made longer)"
                    );
                    if let Some(h) = self.number(&field, hours, default, MAX_HOURS, &unit) {
                        clinic.longer.push((step.id, h));
                    }
                }
            }
            if key == "extra" {
                for (i, item) in self
                    .list("aftercare.extra", value, STEP_IDS.len())
                    .iter()
                    .enumerate()
                {
                    let field = format!("aftercare.extra[{i}]");
                    if let Some(step) = self.step(&field, item) {
                        clinic.steps.push(step);
                    }
                }
            }
        }
    }

    fn step(&mut self, field: &str, v: &Json) -> Option<StepExtra> {
        let members = self.object(field, v, &["category", "from_hours", "to_hours", "text"]);
        let get = |key: &str| member(members, key);
        let category = match get("category").as_str() {
            Some("avoid") => Category::Avoid,
            Some("do") => Category::Do,
            Some("expect") => Category::Expect,
            Some("warning") => Category::Warning,
            _ => {
                let found = get("category");
                self.bad(
                    &path(field, "category"),
                    "avoid, do, expect or warning",
                    found,
                );
                return None;
            }
        };
        let start_hours = match get("from_hours") {
            Json::Null => 0,
            h => self.number(&path(field, "from_hours"), h, 0, MAX_HOURS, "hours")?,
        };
        let end_hours = match (get("to_hours"), category) {
            (Json::Null, Category::Warning) => None,
            (found, _) => Some(self.number(
                &path(field, "to_hours"),
                found,
                start_hours + 1,
                MAX_HOURS,
                "hours",
            )?),
        };
        let text = self.texts(&path(field, "text"), get("text"), 300)?;
        Some(StepExtra {
            category,
            start_hours,
            end_hours,
            text,
        })
    }

    fn faq(&mut self, v: &Json) -> Vec<(Lang, Vec<FaqExtra>)> {
        let codes = Lang::ALL.map(Lang::code);
        let mut faq = Vec::new();
        for (code, list) in self.object("faq", v, &codes) {
            let Some(lang) = Lang::from_code(code) else {
                continue;
            };
            let field = path("faq", code);
            let mut entries = Vec::new();
            for (i, item) in self.list(&field, list, MAX_FAQ).iter().enumerate() {
                let field = format!("{field}[{i}]");
                let members = self.object(&field, item, &["question", "answer"]);
                let get = |key: &str| member(members, key);
                let question = self.text(&path(&field, "question"), get("question"), 200);
                let answer = self.text(&path(&field, "answer"), get("answer"), 4000);
                if let (Some(question), Some(answer)) = (question, answer) {
                    entries.push(FaqExtra { question, answer });
                }
            }
            faq.push((lang, entries));
        }
        faq
    }

    fn screening(&mut self, v: &Json, clinic: &mut Clinic) {
        for (key, value) in self.object("screening", v, &["not_now", "questions"]) {
            if key == "not_now" {
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
                        Some(q) => clinic.not_now.push(q.id),
                        None => self.bad(
                            &format!("screening.not_now[{i}]"),
                            "the id of a self-check question whose answer is ASK (see docs/CLINICS.md)",
                            item,
                        ),
                    }
                }
            }
            if key == "questions" {
                let items = self.list("screening.questions", value, QUESTION_IDS.len());
                for (i, item) in items.iter().enumerate() {
                    let field = format!("screening.questions[{i}]");
                    let members = self.object(&field, item, &["outcome", "text", "reason", "next"]);
                    let get = |key: &str| member(members, key);
                    let outcome = match get("outcome").as_str() {
                        Some("ask") => Some(Outcome::Ask),
                        Some("not_now") => Some(Outcome::NotNow),
                        _ => {
                            self.bad(&path(&field, "outcome"), "ask or not_now", get("outcome"));
                            None
                        }
                    };
                    let text = self.texts(&path(&field, "text"), get("text"), 200);
                    let reason = self.texts(&path(&field, "reason"), get("reason"), 400);
                    let next = self.texts(&path(&field, "next"), get("next"), 400);
                    if let (Some(outcome), Some(text), Some(reason), Some(next)) =
                        (outcome, text, reason, next)
                    {
                        clinic.questions.push(QuestionExtra {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> (Clinic, Vec<Problem>) {
        Clinic::parse(json)
    }

    /// The fields of the problems of `json`.
    fn fields(json: &str) -> Vec<String> {
        parse(json).1.into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn the_committed_example_is_valid_and_uses_every_section() {
        let (clinic, problems) = parse(include_str!("../../docs/clinic.example.json"));
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
    fn colours_are_checked_for_format_and_contrast() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // (colour of primary, expected problem, accepted as)
            ("#8a3b5c", "", Some("#8a3b5c")),
            ("#333", "", Some("#333333")),
            ("#ABCDEF", "contrast", None),
            ("red", "#rgb", None),
            ("#12345", "#rgb", None),
            ("#gggggg", "#rgb", None),
            ("rgb(0,0,0)", "#rgb", None),
            ("#000;background:url(x)", "#rgb", None),
            ("#ff0", "contrast", None),
            ("#17695f", "", Some("#17695f")),
        ];
        for (colour, problem, accepted) in cases {
            let (clinic, problems) =
                parse(&format!(r##"{{"colors": {{"primary": "{colour}"}}}}"##));
            let got = clinic
                .colors
                .iter()
                .find(|(b, _)| *b == Brand::Primary)
                .map(|(_, c)| c.as_str());
            assert_eq!(got, *accepted, "{colour}");
            if problem.is_empty() {
                assert_eq!(problems, vec![], "{colour}");
            } else {
                assert_eq!(problems.len(), 1, "{colour}");
                assert_eq!(problems[0].field, "colors.primary");
                assert!(
                    problems[0].expected.contains(problem),
                    "{colour}: {}",
                    problems[0]
                );
            }
        }
        let (_, problems) = parse(r##"{"colors": {"primary": "#ff0"}}"##);
        assert_eq!(
            problems[0].to_string(),
            "colors.primary: expected a contrast of at least 4.5:1 with the white text of buttons, found #ffff00, 1.07:1"
        );
    }

    #[test]
    fn links_and_text_colours_are_checked_against_what_is_around_them() {
        // A light soft tint under dark text is fine; a dark one is not.
        assert_eq!(
            fields(r##"{"colors": {"primary_soft": "#fdf2f8"}}"##),
            Vec::<String>::new()
        );
        assert_eq!(
            fields(r##"{"colors": {"primary_soft": "#555555"}}"##),
            vec!["colors.primary_soft"]
        );
        // Links too light for the page background.
        assert_eq!(
            fields(r##"{"colors": {"primary_strong": "#8fbc8f"}}"##),
            vec!["colors.primary_strong"]
        );
        let (clinic, _) =
            parse(r##"{"colors": {"primary_strong": "#8fbc8f", "primary": "#6b2a47"}}"##);
        assert_eq!(clinic.colors, vec![(Brand::Primary, "#6b2a47".to_string())]);
    }

    #[test]
    fn the_contrast_table_matches_the_wcag_formula() {
        for (i, lin) in LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let exact = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!(
                (f64::from(*lin) / 65535.0 - exact).abs() <= 0.5 / 65535.0,
                "{i}"
            );
        }
        assert_eq!(contrast_x100([0; 3], WHITE), 2100);
        assert_eq!(contrast_x100(WHITE, WHITE), 100);
        // #767676 on white is the classic 4.54:1.
        assert_eq!(contrast_x100([0x76; 3], WHITE), 454);
        assert!(contrast_x100(Brand::Primary.default_rgb(), WHITE) >= 450);
    }

    #[test]
    fn links_allow_only_https_tel_mailto_and_whatsapp() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                r#"{"booking_url": "https://clinic.example/book?x=1"}"#,
                "booking_url",
                Some("https://clinic.example/book?x=1"),
            ),
            (
                r#"{"booking_url": "http://clinic.example/book"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "javascript:alert(1)"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "https://evil.example\"onclick=x"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "https://user@evil.example/"}"#,
                "booking_url",
                None,
            ),
            (r#"{"booking_url": "https:///path"}"#, "booking_url", None),
            (
                r#"{"booking_url": "data:text/html,hi"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"booking_url": "//clinic.example"}"#,
                "booking_url",
                None,
            ),
            (
                r#"{"contact": {"phone": "+55 (11) 4000-1234"}}"#,
                "contact.phone",
                Some("tel:+551140001234"),
            ),
            (
                r#"{"contact": {"phone": "javascript:alert(1)"}}"#,
                "contact.phone",
                None,
            ),
            (r#"{"contact": {"phone": "123"}}"#, "contact.phone", None),
            (
                r#"{"contact": {"phone": "+55 11 4000-1234?body=x"}}"#,
                "contact.phone",
                None,
            ),
            (
                r#"{"contact": {"whatsapp": "+55 11 94000-1234"}}"#,
                "contact.whatsapp",
                Some("https://wa.me/5511940001234"),
            ),
            (
                r#"{"contact": {"whatsapp": "https://wa.me/5511940001234"}}"#,
                "contact.whatsapp",
                Some("https://wa.me/5511940001234"),
            ),
            (
                r#"{"contact": {"whatsapp": "https://evil.example/5511940001234"}}"#,
                "contact.whatsapp",
                None,
            ),
            (
                r#"{"contact": {"email": "ola@belapele.example"}}"#,
                "contact.email",
                Some("mailto:ola@belapele.example"),
            ),
            (
                r#"{"contact": {"email": "ola@belapele.example?bcc=x@y.z"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "no-at-sign.example"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "a b@c.de"}}"#,
                "contact.email",
                None,
            ),
            (
                r#"{"contact": {"email": "a@localhost"}}"#,
                "contact.email",
                None,
            ),
        ];
        for (json, field, href) in cases {
            let (clinic, problems) = parse(json);
            let hrefs: Vec<String> = clinic.actions().into_iter().map(|(_, h)| h).collect();
            match href {
                Some(href) => {
                    assert_eq!(problems, vec![], "{json}");
                    assert_eq!(hrefs, vec![href.to_string()], "{json}");
                }
                None => {
                    assert_eq!(problems.len(), 1, "{json}");
                    assert_eq!(problems[0].field, *field, "{json}");
                    assert!(hrefs.is_empty(), "{json}");
                }
            }
        }
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
        assert_eq!(Clinic::default().offered(), Lang::ALL.to_vec());
    }

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
        let source = include_str!("../../public/locales/en.faq.json");
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
            FaqContent::parse("es", include_str!("../../public/locales/es.faq.json")).unwrap();
        let before = es.entries.len();
        clinic.add_faq(&mut es, Lang::Es, "De tu clínica");
        assert_eq!(es.entries.len(), before);
    }
}
