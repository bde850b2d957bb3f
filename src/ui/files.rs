//! The language files and how they are read: the main file of a language
//! and each section's file (its content and its screens' strings), fetched
//! in the browser or read from disk natively, each kept once parsed. No
//! reactive code here: [`crate::ui::content`] and [`crate::ui::i18n`] build
//! on it.

use crate::core::aftercare::CareText;
use crate::core::faq::FaqContent;
use crate::core::files::file_path;
pub use crate::core::files::LoadError;
use crate::core::i18n::{
    section_strings, CareKey, CheckKey, FaqKey, Key, Lang, Locale, Strings, TextFile, TextKey,
};
use crate::core::screening::CheckText;
use crate::ui::clinic::ClinicSetup;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

/// A section's file: its content, and the strings of its screens.
#[derive(Debug)]
pub struct Section<T: SectionContent> {
    pub content: T,
    pub ui: Strings<T::Key>,
}

impl<T: SectionContent> Deref for Section<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.content
    }
}

impl<T: SectionContent> Section<T> {
    /// The text of `key`.
    pub fn t(&self, key: T::Key) -> &str {
        self.ui.t(key)
    }

    /// The text of `key` with its `{name}`s filled in.
    pub fn fill(&self, key: T::Key, args: &[(&str, &str)]) -> String {
        self.ui.fill(key, args)
    }

    /// The form of `key` for the count `n`, filled in.
    pub fn count(&self, key: T::Key, n: u64, args: &[(&str, &str)]) -> String {
        self.ui.count(key, n, args)
    }
}

/// A kind of section file: `locales/<code>.<FILE>.json`, its content and
/// its `ui` strings.
pub trait SectionContent: Sized + Send + Sync + 'static {
    /// The names of its screens' strings.
    type Key: TextKey;
    /// Shown while the file loads, and when it could not be.
    const LOADING: Key;
    const FAILED: Key;
    fn parse(lang: Lang, json: &str) -> Result<Self, String>;
    /// Adds what the clinic adds to this content (its FAQ entries, its
    /// questions, its aftercare steps).
    fn add_clinic(&mut self, clinic: &ClinicSetup, lang: Lang, ui: &Strings<Self::Key>);
}

impl SectionContent for FaqContent {
    type Key = FaqKey;
    const LOADING: Key = Key::FaqLoading;
    const FAILED: Key = Key::FaqLoadFailed;
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        FaqContent::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &ClinicSetup, lang: Lang, ui: &Strings<FaqKey>) {
        clinic.add_faq(self, lang, ui.t(FaqKey::ClinicCategory));
    }
}

impl SectionContent for CheckText {
    type Key = CheckKey;
    const LOADING: Key = Key::CheckLoading;
    const FAILED: Key = Key::CheckLoadFailed;
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        CheckText::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &ClinicSetup, lang: Lang, _: &Strings<CheckKey>) {
        self.questions.extend(clinic.question_words(lang));
    }
}

impl SectionContent for CareText {
    type Key = CareKey;
    const LOADING: Key = Key::CareLoading;
    const FAILED: Key = Key::CareLoadFailed;
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        CareText::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &ClinicSetup, lang: Lang, _: &Strings<CareKey>) {
        for step in &clinic.protocol {
            if let Some(title) = clinic.step_text(step.id, lang) {
                self.steps
                    .push((step.id.to_string(), title.to_string(), String::new()));
            }
        }
    }
}

/// A future that stays on this thread (a browser `fetch`).
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Reads one file of the app's folder (`locales/en.faq.json`) as text.
pub type Fetch = dyn Fn(&str) -> LocalFuture<Result<String, LoadError>> + Send + Sync;

/// A parsed file, whatever its kind.
pub type Parsed = Arc<dyn Any + Send + Sync>;

/// What turns a file's text into its parsed kind.
type Parse = Box<dyn FnOnce(&str) -> Result<Parsed, LoadError>>;

/// Reads the language files and keeps each one parsed. Cheap to clone;
/// provided once as context.
#[derive(Clone)]
pub struct Files {
    parsed: Arc<Mutex<HashMap<String, Parsed>>>,
    fetch: Arc<Fetch>,
}

impl Files {
    /// Reads with `fetch` what it has not read yet.
    pub fn new(
        fetch: impl Fn(&str) -> LocalFuture<Result<String, LoadError>> + Send + Sync + 'static,
    ) -> Self {
        Files {
            parsed: Arc::default(),
            fetch: Arc::new(fetch),
        }
    }

    /// Keeps a main file already read (at start, before the app is drawn).
    pub fn keep_locale(&self, locale: Locale) {
        let path = file_path(locale.lang, TextFile::Main);
        self.keep(path, Arc::new(locale));
    }

    fn keep(&self, path: String, parsed: Parsed) {
        if let Ok(mut all) = self.parsed.lock() {
            all.insert(path, parsed);
        }
    }

    fn kept(&self, path: &str) -> Option<Parsed> {
        self.parsed.lock().ok()?.get(path).cloned()
    }

    /// The file at `path`, parsed by `parse`: at once when it was read
    /// before. One function for every kind of file, so that the WASM holds
    /// one copy of the loading code.
    fn load(&self, path: String, parse: Parse) -> LocalFuture<Result<Parsed, LoadError>> {
        if let Some(parsed) = self.kept(&path) {
            return Box::pin(std::future::ready(Ok(parsed)));
        }
        let text = (self.fetch)(&path);
        let files = self.clone();
        Box::pin(async move {
            let parsed = parse(&text.await?)?;
            files.keep(path, parsed.clone());
            Ok(parsed)
        })
    }

    /// The main file of `lang`.
    pub fn locale(&self, lang: Lang) -> LocalFuture<Loaded> {
        let parse = Box::new(move |json: &str| {
            Locale::parse(lang, json)
                .map(|locale| Arc::new(locale) as Parsed)
                .map_err(|why| LoadError::Damaged(why.to_string()))
        });
        self.load(file_path(lang, TextFile::Main), parse)
    }

    /// The section file of kind `T` in `lang`, with what `clinic` adds.
    pub fn section<T: SectionContent>(
        &self,
        lang: Lang,
        clinic: Arc<ClinicSetup>,
    ) -> LocalFuture<Loaded> {
        let parse = Box::new(move |json: &str| {
            let damaged = |why: String| LoadError::Damaged(why);
            let ui = section_strings::<T::Key>(lang, json).map_err(|e| damaged(e.to_string()))?;
            let mut content = T::parse(lang, json).map_err(damaged)?;
            content.add_clinic(&clinic, lang, &ui);
            Ok(Arc::new(Section { content, ui }) as Parsed)
        });
        self.load(file_path(lang, <T::Key as TextKey>::FILE), parse)
    }
}

/// A file of any kind, parsed, or why it could not be: one type for every
/// file, so that the WASM holds one copy of Leptos's async code for all.
pub type Loaded = Result<Parsed, LoadError>;

/// `parsed` as the kind of file it is.
pub fn downcast<T: Send + Sync + 'static>(parsed: Parsed) -> Result<Arc<T>, LoadError> {
    parsed
        .downcast::<T>()
        .map_err(|_| LoadError::Damaged("a file read as another kind".into()))
}
