//! The language files: each section's file (the FAQ, the self-check's
//! questions, the aftercare steps, each with its screens' strings) loaded
//! the first time a page needs it, one language at a time, and kept; and
//! the main file of a language switched to.
//!
//! A page asks for its section with [`use_section`], a Leptos async value
//! ([`AsyncDerived`]) that follows the language and a retry counter, and
//! draws it inside [`SectionView`]: `<Transition>` shows the loading text
//! the first time (and keeps the words on screen while another language
//! loads), `<ErrorBoundary>` the failure with "Try again". Inside, the
//! section's words are a context ([`use_words`]).
//!
//! [`Files`] reads the files: in the browser with `fetch`, in a native
//! render from `public/locales`. A file it has read is kept, parsed, so
//! reading it again is ready at once: a section preloaded before the app
//! starts is drawn in the app's first render, with no loading text between
//! the page written at build time and the app's own.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use microcare::core::aftercare::CareText;
//! use microcare::core::i18n::CareKey;
//! use microcare::ui::content::{use_words, SectionView};
//! #[component]
//! fn Inner() -> impl IntoView {
//!     let words = use_words::<CareText>();
//!     view! { <h2>{words.t(CareKey::TodayTitle)}</h2> }
//! }
//! let page = view! { <SectionView<CareText>><Inner/></SectionView<CareText>> };
//! ```

use crate::core::aftercare::CareText;
use crate::core::faq::FaqContent;
use crate::core::files::file_path;
pub use crate::core::files::LoadError;
use crate::core::i18n::{
    section_strings, CareKey, CheckKey, FaqKey, Key, Lang, Locale, Strings, TextFile, TextKey,
};
use crate::core::screening::CheckText;
use crate::ui::clinic::{use_clinic, ClinicSetup};
use crate::ui::i18n::use_i18n;
use leptos::context::Provider;
use leptos::prelude::*;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::marker::PhantomData;
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
type Parsed = Arc<dyn Any + Send + Sync>;

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

/// The Files provided by [`crate::ui::app::App`].
pub fn use_files() -> Files {
    expect_context::<Files>()
}

/// A section's file in the current language, and the way to try again.
pub struct SectionData<T: SectionContent> {
    data: AsyncDerived<Loaded, LocalStorage>,
    retry: RwSignal<u32>,
    kind: PhantomData<fn() -> T>,
}

impl<T: SectionContent> Clone for SectionData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: SectionContent> Copy for SectionData<T> {}

impl<T: SectionContent> SectionData<T> {
    /// The words, once loaded, without subscribing.
    pub fn get_untracked(self) -> Option<Arc<Section<T>>> {
        self.data.get_untracked()?.and_then(downcast).ok()
    }
}

/// The section `T` in the current language: loads it now and again
/// whenever the language changes or the person taps "Try again".
pub fn use_section<T: SectionContent>() -> SectionData<T> {
    let files = use_files();
    let i18n = use_i18n();
    let clinic = use_clinic();
    let retry = RwSignal::new(0_u32);
    let data = AsyncDerived::new_unsync(move || {
        retry.track();
        files.section::<T>(i18n.lang(), clinic.clone())
    });
    SectionData {
        data,
        retry,
        kind: PhantomData,
    }
}

/// The words of a section, as the screens inside its [`SectionView`] read
/// them: a `Copy` handle, for the many closures of a view.
pub struct Words<T: SectionContent>(StoredValue<Arc<Section<T>>>);

impl<T: SectionContent> Clone for Words<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: SectionContent> Copy for Words<T> {}

impl<T: SectionContent> Words<T> {
    /// The section's file.
    pub fn get(self) -> Arc<Section<T>> {
        self.0.get_value()
    }

    /// The text of `key`.
    pub fn t(self, key: T::Key) -> String {
        self.0.with_value(|words| words.t(key).to_string())
    }

    /// The text of `key` with its `{name}`s filled in.
    pub fn fill(self, key: T::Key, args: &[(&str, &str)]) -> String {
        self.0.with_value(|words| words.fill(key, args))
    }

    /// The form of `key` for the count `n`, filled in.
    pub fn count(self, key: T::Key, n: u64, args: &[(&str, &str)]) -> String {
        self.0.with_value(|words| words.count(key, n, args))
    }

    /// Runs `read` with the section's file.
    pub fn with<R>(self, read: impl FnOnce(&Section<T>) -> R) -> R {
        self.0.with_value(|words| read(words))
    }
}

/// The words of the section `T` drawn by the enclosing [`SectionView`].
pub fn use_words<T: SectionContent>() -> Words<T> {
    Words(StoredValue::new(expect_context::<Arc<Section<T>>>()))
}

/// Draws its children once the section `T` has loaded, with the section's
/// words as context; meanwhile the loading text, and after a failure the
/// reason with "Try again". Another language's words replace the current
/// ones once they have loaded: the screen never goes blank.
#[component]
pub fn SectionView<T: SectionContent>(
    /// What shows once the section's words are there.
    children: ChildrenFn,
    /// The section, when the page already holds it (else it is loaded
    /// here).
    #[prop(optional)]
    section: Option<SectionData<T>>,
) -> impl IntoView {
    let section = section.unwrap_or_else(use_section::<T>);
    section_view(
        section.data,
        section.retry,
        (T::LOADING, T::FAILED),
        provide_words::<T>,
        children,
    )
}

/// The children with the words of `T` as context.
fn provide_words<T: SectionContent>(
    parsed: Parsed,
    children: ChildrenFn,
) -> Result<AnyView, LoadError> {
    let words = downcast::<Section<T>>(parsed)?;
    Ok(view! { <Provider value=words>{children()}</Provider> }.into_any())
}

/// [`SectionView`]'s one body for every kind of section.
fn section_view(
    data: AsyncDerived<Loaded, LocalStorage>,
    retry: RwSignal<u32>,
    (loading, failed): (Key, Key),
    draw: fn(Parsed, ChildrenFn) -> Result<AnyView, LoadError>,
    children: ChildrenFn,
) -> AnyView {
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    let loading = move || {
        view! { <p class="mc-status" role="status">{i18n.text(loading)}</p> }
    };
    let failed = move |_errors: ArcRwSignal<leptos::error::Errors>| {
        view! {
            <div class="mc-notice" role="alert">
                <p>{i18n.text(failed)}</p>
                <button type="button" class="mc-button" on:click=move |_| retry.update(|n| *n += 1)>
                    {i18n.text(Key::ContentRetry)}
                </button>
            </div>
        }
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=failed>
                {move || Suspend::new(async move {
                    let parsed = data.await?;
                    draw(parsed, children.get_value())
                })}
            </ErrorBoundary>
        </Transition>
    }
    .into_any()
}
