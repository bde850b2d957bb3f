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

/// A file whose reading has started before the app knows it needs it: at
/// start, the opening section's, in the language guessed before the
/// clinic's file has said which it offers. On a slow connection each round
/// trip after the WebAssembly is a wait before the app takes over.
pub struct EarlyRead {
    path: String,
    text: LocalFuture<Result<String, LoadError>>,
}

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

    /// Starts reading `file` in `lang` now, for [`Files::section`] to
    /// parse later.
    pub fn read_early(&self, lang: Lang, file: TextFile) -> EarlyRead {
        let path = file_path(lang, file);
        let text = (self.fetch)(&path);
        EarlyRead { path, text }
    }

    /// The file at `path`, parsed by `parse`: at once when it was read
    /// before, else from `early` when that is the same file. One function
    /// for every kind of file, so that the WASM holds one copy of the
    /// loading code.
    fn load(
        &self,
        path: String,
        parse: Parse,
        early: Option<EarlyRead>,
    ) -> LocalFuture<Result<Parsed, LoadError>> {
        if let Some(parsed) = self.kept(&path) {
            return Box::pin(std::future::ready(Ok(parsed)));
        }
        // A guess that missed (another language, another section) is
        // dropped: its download is wasted, the right file is read.
        let text = match early {
            Some(early) if early.path == path => early.text,
            _ => (self.fetch)(&path),
        };
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
        self.load(file_path(lang, TextFile::Main), parse, None)
    }

    /// The section file of kind `T` in `lang`, with what `clinic` adds;
    /// read from `early` when that is this file.
    pub fn section<T: SectionContent>(
        &self,
        lang: Lang,
        clinic: Arc<ClinicSetup>,
        early: Option<EarlyRead>,
    ) -> LocalFuture<Loaded> {
        let parse = Box::new(move |json: &str| {
            let damaged = |why: String| LoadError::Damaged(why);
            let ui = section_strings::<T::Key>(lang, json).map_err(|e| damaged(e.to_string()))?;
            let mut content = T::parse(lang, json).map_err(damaged)?;
            content.add_clinic(&clinic, lang, &ui);
            Ok(Arc::new(Section { content, ui }) as Parsed)
        });
        self.load(file_path(lang, <T::Key as TextKey>::FILE), parse, early)
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

#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use super::*;
    use futures::executor::block_on;

    /// Files read from the app's `public` folder, with every path asked for
    /// written down in order.
    fn counted() -> (Files, Arc<Mutex<Vec<String>>>) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let log = asked.clone();
        let folder = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public");
        let files = Files::new(move |path: &str| {
            log.lock().unwrap().push(path.to_string());
            Box::pin(std::future::ready(crate::ui::render::read_file(
                &folder, path,
            )))
        });
        (files, asked)
    }

    fn care(files: &Files, lang: Lang, early: Option<EarlyRead>) -> Arc<Section<CareText>> {
        let loaded = block_on(files.section::<CareText>(lang, Arc::default(), early));
        downcast::<Section<CareText>>(loaded.expect("the aftercare file reads")).unwrap()
    }

    // At start the opening section's file is read early (`ui::app::start`):
    // it must then be downloaded once, not again when the page asks for it.
    #[test]
    fn a_section_read_early_is_read_once_and_used() {
        let (files, asked) = counted();
        let early = files.read_early(Lang::PtBr, TextFile::Aftercare);
        let section = care(&files, Lang::PtBr, Some(early));
        assert_eq!(*asked.lock().unwrap(), ["locales/pt-BR.aftercare.json"]);
        assert_eq!(section.content.lang, "pt-BR");
        // Kept parsed: the page asking again reads nothing.
        care(&files, Lang::PtBr, None);
        assert_eq!(asked.lock().unwrap().len(), 1);
    }

    #[test]
    fn a_section_read_early_in_another_language_is_not_used() {
        let (files, asked) = counted();
        let early = files.read_early(Lang::Es, TextFile::Aftercare);
        let section = care(&files, Lang::En, Some(early));
        assert_eq!(
            *asked.lock().unwrap(),
            ["locales/es.aftercare.json", "locales/en.aftercare.json"]
        );
        assert_eq!(section.content.lang, "en");
    }

    #[test]
    fn a_section_read_early_for_another_section_is_not_used() {
        let (files, asked) = counted();
        let early = files.read_early(Lang::En, TextFile::Faq);
        care(&files, Lang::En, Some(early));
        assert_eq!(
            *asked.lock().unwrap(),
            ["locales/en.faq.json", "locales/en.aftercare.json"]
        );
    }
}
