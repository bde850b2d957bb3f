//! One file's strings in one language, with their placeholders filled in
//! and their plural forms chosen by the language's own rules.

use super::{Lang, LocaleError, TextKey};
use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;

/// A plural category of the Unicode CLDR: the form a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category a file names: `"one"`, `"other"`, ...
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        Some(match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }
}

/// One string as a file holds it: plain, or one form per plural category
/// (`{"one": "{n} hour", "other": "{n} hours"}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Plural(BTreeMap<PluralCategory, String>),
}

impl Text {
    /// A string read from a file's JSON: text, or an object of forms by
    /// category. Anything else (a number, a form under another name) is
    /// `None`, and the string counts as missing. (Read from the JSON value
    /// rather than with serde's untagged enums, whose machinery would add
    /// to the download.)
    pub fn from_json(value: serde_json::Value) -> Option<Text> {
        match value {
            serde_json::Value::String(text) => Some(Text::Plain(text)),
            serde_json::Value::Object(forms) => forms
                .into_iter()
                .map(|(name, form)| {
                    Some((
                        PluralCategory::from_name(&name)?,
                        form.as_str()?.to_string(),
                    ))
                })
                .collect::<Option<BTreeMap<_, _>>>()
                .map(Text::Plural),
            _ => None,
        }
    }
}

/// Every string of the file `K` names, in one language: all present, of
/// the shape their key says (checked when read, so that no key name and no
/// empty text ever reaches a screen).
#[derive(Clone, Debug)]
pub struct Strings<K> {
    lang: Lang,
    texts: HashMap<String, Text>,
    keys: PhantomData<fn() -> K>,
}

impl<K: TextKey> Strings<K> {
    /// Takes a file's `ui` object for `lang`: every key of `K`, none empty,
    /// plain or plural as declared.
    pub fn new(lang: Lang, texts: HashMap<String, Text>) -> Result<Self, LocaleError> {
        let lacking: Vec<&'static str> = K::ALL
            .iter()
            .filter(|key| match (texts.get(key.as_str()), key.is_plural()) {
                (Some(Text::Plain(text)), false) => text.trim().is_empty(),
                (Some(Text::Plural(forms)), true) => forms
                    .get(&PluralCategory::Other)
                    .is_none_or(|text| text.trim().is_empty()),
                _ => true,
            })
            .map(|key| key.as_str())
            .collect();
        if !lacking.is_empty() {
            return Err(LocaleError::MissingKeys(lacking));
        }
        Ok(Strings {
            lang,
            texts,
            keys: PhantomData,
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` (a plural key's `other` form), with its
    /// placeholders as they are.
    pub fn t(&self, key: K) -> &str {
        match self.texts.get(key.as_str()) {
            Some(Text::Plain(text)) => text,
            Some(Text::Plural(forms)) => {
                forms.get(&PluralCategory::Other).map_or("", String::as_str)
            }
            None => "",
        }
    }

    /// The text of `key` with each `{name}` of `args` filled in.
    ///
    /// ```
    /// use microcare::core::i18n::{Key, Lang, Locale};
    /// # let locale = Locale::parse(Lang::En, include_str!("../../../public/locales/en.json")).unwrap();
    /// let text = locale.ui.fill(Key::PrivacyExported, &[]);
    /// assert!(!text.contains('{'));
    /// ```
    pub fn fill(&self, key: K, args: &[(&str, &str)]) -> String {
        debug_assert_args(key, args, false);
        fill_in(self.t(key), args)
    }

    /// The form of `key` for the count `n` in this language, with `{n}` and
    /// each `{name}` of `args` filled in.
    pub fn count(&self, key: K, n: u64, args: &[(&str, &str)]) -> String {
        debug_assert_args(key, args, true);
        let form = match self.texts.get(key.as_str()) {
            Some(Text::Plural(forms)) => forms
                .get(&self.lang.plural(n))
                .or_else(|| forms.get(&PluralCategory::Other))
                .map_or("", String::as_str),
            Some(Text::Plain(text)) => text,
            None => "",
        };
        let n = n.to_string();
        let mut all = args.to_vec();
        all.push(("n", n.as_str()));
        fill_in(form, &all)
    }

    /// Where a text's placeholders differ from what its key declares: a
    /// translation that lost `{date}`, or holds one nothing fills in.
    pub fn placeholder_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for key in K::ALL {
            let declared = key.placeholders();
            let forms: Vec<(Option<PluralCategory>, &str)> = match self.texts.get(key.as_str()) {
                Some(Text::Plain(text)) => vec![(None, text.as_str())],
                Some(Text::Plural(forms)) => forms
                    .iter()
                    .map(|(category, text)| (Some(*category), text.as_str()))
                    .collect(),
                None => Vec::new(),
            };
            for (category, text) in forms {
                let found = placeholders_in(text);
                for name in &found {
                    if !declared.contains(&name.as_str()) {
                        problems.push(format!(
                            "{} {category:?}: {{{name}}} is not filled in",
                            key.as_str()
                        ));
                    }
                }
                for name in declared {
                    // The count may go unsaid in a form for one ("your
                    // photo"), never in the form for many.
                    let optional =
                        *name == "n" && category.is_some_and(|c| c != PluralCategory::Other);
                    if !optional && !found.iter().any(|f| f == name) {
                        problems.push(format!("{} {category:?}: lacks {{{name}}}", key.as_str()));
                    }
                }
            }
        }
        problems
    }

    /// The plural categories `key` has a form for.
    pub fn forms(&self, key: K) -> Vec<PluralCategory> {
        match self.texts.get(key.as_str()) {
            Some(Text::Plural(forms)) => forms.keys().copied().collect(),
            _ => Vec::new(),
        }
    }

    /// The keys of the file as read, to find strings nothing names.
    pub fn file_keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

/// In debug builds (the native tests that render the screens), a call that
/// fills in other names than the key declares fails loudly.
fn debug_assert_args<K: TextKey>(key: K, args: &[(&str, &str)], counted: bool) {
    if cfg!(debug_assertions) {
        let mut given: Vec<&str> = args.iter().map(|(name, _)| *name).collect();
        if counted {
            given.push("n");
        }
        given.sort_unstable();
        let mut declared = key.placeholders().to_vec();
        declared.sort_unstable();
        assert_eq!(given, declared, "placeholders of {}", key.as_str());
        assert_eq!(counted, key.is_plural(), "plural forms of {}", key.as_str());
    }
}

/// The `{name}`s a text holds.
fn placeholders_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_name(&after[..end]) => {
                found.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// `template` with each `{name}` of `args` replaced by its value, in one
/// pass: a value that itself holds braces is never read as a placeholder.
pub(crate) fn fill_in(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (*value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_in_table() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: &[Case] = &[
            ("{n} days", &[("n", "3")], "3 days"),
            (
                "from {from} to {to}",
                &[("from", "a"), ("to", "b")],
                "from a to b",
            ),
            // A value holding braces stays as it is.
            ("“{query}”", &[("query", "{n}")], "“{n}”"),
            // Unknown or broken placeholders are left.
            ("{x} and {", &[("n", "1")], "{x} and {"),
            ("no placeholder", &[], "no placeholder"),
        ];
        for (template, args, expected) in cases {
            assert_eq!(fill_in(template, args), *expected, "{template}");
        }
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders_in("{a} {b_c} {} {X} {d"), ["a", "b_c"]);
    }
}
