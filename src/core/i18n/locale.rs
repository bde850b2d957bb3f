//! Reading a language's files: the main locale file, loaded at start, and a
//! section file's strings, loaded with that section.

use super::{Key, Lang, Strings, Text, TextKey};
use crate::core::calendar::CivilDate;
use crate::core::dates::{DateStyle, DateWords};
use serde::Deserialize;
use std::collections::HashMap;

/// One language's main file: the strings of the frame and the pages'
/// headings, and how the language writes dates.
#[derive(Clone, Debug)]
pub struct Locale {
    pub lang: Lang,
    pub ui: Strings<Key>,
    pub dates: DateWords,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LocaleError {
    /// The file is not valid JSON of the expected shape.
    Malformed(String),
    /// The file's `lang` is not the language it was loaded for.
    WrongLanguage { expected: String, found: String },
    /// Strings that are absent, empty, or plain where forms are expected
    /// (or the other way round).
    MissingKeys(Vec<&'static str>),
    /// The names or patterns to write dates are absent or incomplete.
    Dates(Vec<String>),
}

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocaleError::Malformed(why) => write!(f, "locale file is malformed: {why}"),
            LocaleError::WrongLanguage { expected, found } => {
                write!(f, "locale file is for \"{found}\", expected \"{expected}\"")
            }
            LocaleError::MissingKeys(keys) => write!(f, "locale file lacks {}", keys.join(", ")),
            LocaleError::Dates(problems) => write!(f, "locale file: {}", problems.join(", ")),
        }
    }
}

impl Locale {
    /// Parses and checks the main file of `lang`: a file that parses but
    /// lacks strings is an error, so that no English leaks into another
    /// language's screen and no key name is ever shown to a person.
    pub fn parse(lang: Lang, json: &str) -> Result<Locale, LocaleError> {
        let file = TextFileJson::parse(lang, json)?;
        let dates = file
            .dates
            .ok_or_else(|| LocaleError::Dates(vec!["no dates".into()]))?;
        let problems = dates.problems();
        if !problems.is_empty() {
            return Err(LocaleError::Dates(problems));
        }
        Ok(Locale {
            lang,
            ui: Strings::new(lang, texts(file.ui))?,
            dates,
        })
    }

    /// The text of `key`.
    pub fn t(&self, key: Key) -> &str {
        self.ui.t(key)
    }

    /// `date` as this language writes it in `style`.
    pub fn date(&self, date: CivilDate, style: DateStyle) -> String {
        self.dates.write(date, style)
    }
}

/// The strings of a section's screens, from that section's file (its `ui`
/// object), all of them present.
pub fn section_strings<K: TextKey>(lang: Lang, json: &str) -> Result<Strings<K>, LocaleError> {
    Strings::new(lang, texts(TextFileJson::parse(lang, json)?.ui))
}

/// What is read of a language file: its language, its `ui` strings and,
/// in the main file, its dates (a section file's other fields are its
/// content's).
#[derive(Deserialize)]
struct TextFileJson {
    #[serde(default)]
    lang: String,
    ui: HashMap<String, serde_json::Value>,
    #[serde(default)]
    dates: Option<DateWords>,
}

/// A file's strings, each as plain text or forms; one that is neither is
/// left out (and then reported missing).
fn texts(ui: HashMap<String, serde_json::Value>) -> HashMap<String, Text> {
    ui.into_iter()
        .filter_map(|(key, value)| Some((key, Text::from_json(value)?)))
        .collect()
}

impl TextFileJson {
    fn parse(lang: Lang, json: &str) -> Result<TextFileJson, LocaleError> {
        let file: TextFileJson =
            serde_json::from_str(json).map_err(|why| LocaleError::Malformed(why.to_string()))?;
        if file.lang != lang.code() {
            return Err(LocaleError::WrongLanguage {
                expected: lang.code().to_string(),
                found: file.lang,
            });
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{locale_source, section_source, CareKey, CheckKey, FaqKey, TextFile};
    use super::*;

    /// Runs `check` on every language's strings of every file.
    fn every_file(
        mut check: impl FnMut(Lang, TextFile, Vec<String>, Vec<String>, &dyn Fn(&str) -> String),
    ) {
        fn run<K: TextKey>(
            lang: Lang,
            check: &mut impl FnMut(Lang, TextFile, Vec<String>, Vec<String>, &dyn Fn(&str) -> String),
        ) {
            let strings: Strings<K> = section_strings(lang, section_source(lang, K::FILE))
                .unwrap_or_else(|e| panic!("{} {:?}: {e}", lang.code(), K::FILE));
            let keys = strings.file_keys().map(str::to_string).collect();
            let problems = strings.placeholder_problems();
            let text = |key: &str| {
                K::ALL
                    .iter()
                    .find(|k| k.as_str() == key)
                    .map(|k| strings.t(*k).to_string())
                    .unwrap_or_default()
            };
            check(lang, K::FILE, keys, problems, &text);
        }
        for lang in Lang::ALL {
            run::<Key>(lang, &mut check);
            run::<FaqKey>(lang, &mut check);
            run::<CheckKey>(lang, &mut check);
            run::<CareKey>(lang, &mut check);
        }
    }

    fn all_keys(file: TextFile) -> Vec<&'static str> {
        match file {
            TextFile::Main => Key::ALL.iter().map(|k| k.as_str()).collect(),
            TextFile::Faq => FaqKey::ALL.iter().map(|k| k.as_str()).collect(),
            TextFile::Check => CheckKey::ALL.iter().map(|k| k.as_str()).collect(),
            TextFile::Aftercare => CareKey::ALL.iter().map(|k| k.as_str()).collect(),
        }
    }

    #[test]
    fn every_file_has_every_string_of_its_own_and_no_other() {
        every_file(|lang, file, keys, _, _| {
            // Every string is in the file its enum names, and no file holds
            // strings nothing uses.
            let names = all_keys(file);
            let stray: Vec<&String> = keys
                .iter()
                .filter(|k| !names.contains(&k.as_str()))
                .collect();
            assert!(
                stray.is_empty(),
                "{} {file:?}: strings no key names {stray:?}",
                lang.code()
            );
        });
    }

    #[test]
    fn every_translation_keeps_its_placeholders_and_plural_forms() {
        every_file(|lang, file, _, problems, _| {
            assert!(
                problems.is_empty(),
                "{} {file:?}: {problems:#?}",
                lang.code()
            );
        });
        // A count's form exists for every category the language's rule
        // gives for the counts a screen may show.
        fn forms<K: TextKey>(lang: Lang) {
            let strings: Strings<K> = section_strings(lang, section_source(lang, K::FILE)).unwrap();
            for key in K::ALL.iter().filter(|k| k.is_plural()) {
                let have = strings.forms(*key);
                for n in 0..=1000 {
                    let category = lang.plural(n);
                    assert!(
                        have.contains(&category),
                        "{} {}: no {category:?} form",
                        lang.code(),
                        key.as_str()
                    );
                }
            }
        }
        for lang in Lang::ALL {
            forms::<Key>(lang);
            forms::<FaqKey>(lang);
            forms::<CheckKey>(lang);
            forms::<CareKey>(lang);
        }
    }

    #[test]
    fn a_count_takes_its_language_form() {
        let en = Locale::parse(Lang::En, locale_source(Lang::En)).unwrap();
        let pt = Locale::parse(Lang::PtBr, locale_source(Lang::PtBr)).unwrap();
        let one = en.ui.count(Key::PrivacyExportedPhotos, 1, &[]);
        let two = en.ui.count(Key::PrivacyExportedPhotos, 2, &[]);
        assert!(!one.contains('1') && !one.contains('{'), "{one}");
        assert!(two.contains(" 2 "), "{two}");
        // Portuguese: 0 takes the singular form, as 1 does.
        assert_eq!(
            pt.ui.count(Key::PrivacyExportedPhotos, 0, &[]),
            pt.ui.count(Key::PrivacyExportedPhotos, 1, &[])
        );
    }

    #[test]
    fn translations_differ_from_english() {
        // A string copied from English into another language is a leak.
        let mut english: HashMap<(String, String), String> = HashMap::new();
        every_file(|lang, file, keys, _, text| {
            if lang == Lang::En {
                for key in keys {
                    english.insert((format!("{file:?}"), key.clone()), text(&key));
                }
            }
        });
        every_file(|lang, file, keys, _, text| {
            if lang == Lang::En {
                return;
            }
            let same: Vec<String> = keys
                .into_iter()
                // The product name, Spanish "No", "{n} min" and a photo's
                // "{area}, {date}" are the same words.
                .filter(|k| {
                    ![
                        "app.name",
                        "check.no",
                        "care.time.minutes",
                        "care.photos.alt",
                    ]
                    .contains(&k.as_str())
                })
                .filter(|k| english.get(&(format!("{file:?}"), k.clone())) == Some(&text(k)))
                .collect();
            assert!(
                same.is_empty(),
                "{} {file:?}: untranslated {same:?}",
                lang.code()
            );
        });
    }

    #[test]
    fn every_string_is_used_by_the_interface() {
        // A string nothing shows still costs a translation in every
        // language and bytes in every download.
        fn read_all(dir: &std::path::Path, code: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    read_all(&path, code);
                } else {
                    code.push_str(&std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut code = String::new();
        for dir in ["ui", "browser"] {
            read_all(&root.join(dir), &mut code);
        }
        // The core modules that build a sentence from interface strings
        // (a photo's text alternative) use their keys themselves.
        code.push_str(&std::fs::read_to_string(root.join("core/photos.rs")).unwrap());
        fn unused<K: TextKey>(code: &str, name: &str) -> Vec<String> {
            K::ALL
                .iter()
                .map(|key| format!("{name}::{key:?}"))
                .filter(|used| !code.contains(used.as_str()))
                .collect()
        }
        let mut never = unused::<Key>(&code, "Key");
        never.extend(unused::<FaqKey>(&code, "FaqKey"));
        never.extend(unused::<CheckKey>(&code, "CheckKey"));
        never.extend(unused::<CareKey>(&code, "CareKey"));
        assert!(never.is_empty(), "never shown: {never:?}");
    }

    #[test]
    fn a_file_missing_a_string_is_rejected_with_its_name() {
        let json = r#"{"lang":"en","ui":{"check.yes":"Yes"}}"#;
        match section_strings::<CheckKey>(Lang::En, json) {
            Err(LocaleError::MissingKeys(keys)) => {
                assert!(keys.contains(&"check.no"));
                assert!(!keys.contains(&"check.yes"));
            }
            other => panic!("expected missing keys, got {other:?}"),
        }
        // Blank, or plain where forms are expected.
        let mut en: serde_json::Value = serde_json::from_str(locale_source(Lang::En)).unwrap();
        en["ui"]["nav.faq"] = "  ".into();
        en["ui"]["privacy.exported_photos"] = "Your backup was downloaded.".into();
        match Locale::parse(Lang::En, &en.to_string()) {
            Err(LocaleError::MissingKeys(keys)) => {
                assert!(keys.contains(&"nav.faq"));
                assert!(keys.contains(&"privacy.exported_photos"));
                assert!(!keys.contains(&"app.name"));
            }
            other => panic!("expected missing keys, got {other:?}"),
        }
    }

    #[test]
    fn a_file_for_another_language_or_broken_is_rejected() {
        assert_eq!(
            section_strings::<FaqKey>(Lang::Es, section_source(Lang::En, TextFile::Faq))
                .unwrap_err(),
            LocaleError::WrongLanguage {
                expected: "es".into(),
                found: "en".into()
            }
        );
        assert!(matches!(
            Locale::parse(Lang::En, "{ not json"),
            Err(LocaleError::Malformed(_))
        ));
    }
}
