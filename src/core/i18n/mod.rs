//! Languages and the text a person reads.
//!
//! Every piece of text lives in one file per language: the frame and the
//! pages' headings in `public/locales/<code>.json`, and each section's
//! inner screens in that section's content file (`<code>.faq.json`,
//! `<code>.check.json`, `<code>.aftercare.json`, their `ui` object), which
//! loads with the section. Each file's strings are named by their own enum
//! ([`Key`], [`FaqKey`], [`CheckKey`], [`CareKey`]): a section's string can
//! only be read from that section's loaded file ([`Strings`]), so the
//! compiler, not a naming rule, says where a string comes from, and no
//! screen can show a string whose file has not arrived.
//!
//! Each key declares its placeholders (`{date}`, `{n}`) and whether it has
//! plural forms; a test checks every language against that, and plural
//! forms follow each language's own rules ([`Lang::plural`], CLDR).
//!
//! ```
//! use microcare::core::i18n::{Lang, PluralCategory};
//! let prefs = ["pt-PT".to_string(), "en".to_string()];
//! assert_eq!(Lang::negotiate(&prefs, |_| true), Some(Lang::PtBr));
//! assert_eq!(Lang::negotiate(&prefs, |lang| lang != Lang::PtBr), Some(Lang::En));
//! // Portuguese counts 0 as singular; English does not.
//! assert_eq!(Lang::PtBr.plural(0), PluralCategory::One);
//! assert_eq!(Lang::En.plural(0), PluralCategory::Other);
//! ```
//!
//! # Adding a language, a question or an aftercare step
//!
//! The compiler and the tests walk you through it; see
//! `docs/TRANSLATING.md` for the checklist.

mod keys;
mod locale;
mod strings;

pub use keys::{CareKey, CheckKey, FaqKey, Key, TextFile, TextKey};
pub use locale::{section_strings, Locale, LocaleError};
pub use strings::{PluralCategory, Strings, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    PtBr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::PtBr, Lang::Es];

    /// The BCP 47 code, used for `<html lang>` and the locale file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
            Lang::Es => "es",
        }
    }

    /// The locale used to write dates: English dates are written day first
    /// ("14 March 2027"), as most of our English readers outside the US do.
    pub fn date_locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::PtBr => "pt-BR",
            Lang::Es => "es",
        }
    }

    /// The language's own name, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
            Lang::Es => "Español",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Maps one browser language tag onto ours: any Portuguese falls back to
    /// Brazilian Portuguese, any Spanish to Spanish.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::PtBr),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The first of the person's preferred languages that we speak and
    /// that is `offered` (a clinic may offer fewer).
    pub fn negotiate(preferences: &[String], offered: impl Fn(Lang) -> bool) -> Option<Lang> {
        preferences
            .iter()
            .filter_map(|tag| Lang::from_tag(tag))
            .find(|lang| offered(*lang))
    }

    /// The plural category of the whole number `n` in this language, after
    /// the Unicode CLDR plural rules (cardinal, integers):
    /// - English: one for 1, other;
    /// - Portuguese: one for 0 and 1 (`i = 0..1`), other;
    /// - Spanish: one for 1, many for a non-zero multiple of a million,
    ///   other.
    ///
    /// A language with more categories (Polish: one, few, many) adds its
    /// rule here; its files then give a form for each.
    pub fn plural(self, n: u64) -> PluralCategory {
        match self {
            Lang::En if n == 1 => PluralCategory::One,
            Lang::PtBr if n <= 1 => PluralCategory::One,
            Lang::Es if n == 1 => PluralCategory::One,
            Lang::Es if n != 0 && n.is_multiple_of(1_000_000) => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

// A language is stored and linked as its code (`en`, `pt-BR`, `es`).
serde_as_id!(Lang, code, from_code, "language");

/// The committed locale files, for tests that check their content.
#[cfg(test)]
pub(crate) fn locale_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../public/locales/en.json"),
        Lang::PtBr => include_str!("../../../public/locales/pt-BR.json"),
        Lang::Es => include_str!("../../../public/locales/es.json"),
    }
}

/// The committed section files, for tests that check their content.
#[cfg(test)]
pub(crate) fn section_source(lang: Lang, file: TextFile) -> &'static str {
    match (lang, file) {
        (_, TextFile::Main) => locale_source(lang),
        (Lang::En, TextFile::Faq) => include_str!("../../../public/locales/en.faq.json"),
        (Lang::PtBr, TextFile::Faq) => include_str!("../../../public/locales/pt-BR.faq.json"),
        (Lang::Es, TextFile::Faq) => include_str!("../../../public/locales/es.faq.json"),
        (Lang::En, TextFile::Check) => include_str!("../../../public/locales/en.check.json"),
        (Lang::PtBr, TextFile::Check) => include_str!("../../../public/locales/pt-BR.check.json"),
        (Lang::Es, TextFile::Check) => include_str!("../../../public/locales/es.check.json"),
        (Lang::En, TextFile::Aftercare) => {
            include_str!("../../../public/locales/en.aftercare.json")
        }
        (Lang::PtBr, TextFile::Aftercare) => {
            include_str!("../../../public/locales/pt-BR.aftercare.json")
        }
        (Lang::Es, TextFile::Aftercare) => {
            include_str!("../../../public/locales/es.aftercare.json")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn negotiation_table() {
        let cases: &[(&[&str], Lang)] = &[
            (&[], Lang::En),
            (&["en-US"], Lang::En),
            (&["pt-BR"], Lang::PtBr),
            (&["pt-PT"], Lang::PtBr),
            (&["pt"], Lang::PtBr),
            (&["PT_br"], Lang::PtBr),
            (&["es"], Lang::Es),
            (&["es-MX"], Lang::Es),
            (&["es-419"], Lang::Es),
            (&["fr-FR"], Lang::En),
            (&["fr-FR", "es-AR", "en"], Lang::Es),
            (&["de", "pt-PT", "es"], Lang::PtBr),
            (&[""], Lang::En),
        ];
        for (tags, expected) in cases {
            let chosen = Lang::negotiate(&prefs(tags), |_| true).unwrap_or(Lang::En);
            assert_eq!(chosen, *expected, "{tags:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("pt"), None);
    }

    #[test]
    fn a_language_is_serialised_as_its_code() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
        for bad in [r#""pt""#, r#""pt-br""#, r#""fr""#, r#""""#, "null", "1"] {
            assert!(serde_json::from_str::<Lang>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use PluralCategory::{Many, One, Other};
        let cases: &[(Lang, u64, PluralCategory)] = &[
            (Lang::En, 0, Other),
            (Lang::En, 1, One),
            (Lang::En, 2, Other),
            (Lang::En, 21, Other),
            (Lang::PtBr, 0, One),
            (Lang::PtBr, 1, One),
            (Lang::PtBr, 2, Other),
            (Lang::PtBr, 1_000_000, Other),
            (Lang::Es, 0, Other),
            (Lang::Es, 1, One),
            (Lang::Es, 2, Other),
            (Lang::Es, 1_000_000, Many),
            (Lang::Es, 3_000_000, Many),
            (Lang::Es, 1_000_001, Other),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(lang.plural(*n), *expected, "{lang:?} {n}");
        }
    }
}
