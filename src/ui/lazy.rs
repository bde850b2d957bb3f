//! Content files loaded the first time a page needs them (the FAQ, the
//! self-check's questions, the aftercare steps, each with its screens'
//! strings), one language at a time, kept while the app is open.

use crate::browser::locale_loader::load_content_file;
use crate::core::aftercare::CareText;
use crate::core::clinic::Clinic;
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang, Locale};
use crate::core::screening::CheckText;
use crate::ui::clinic::use_clinic;
use crate::ui::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

/// A kind of per-language content file. Its `ui` object holds the strings
/// of the section's inner screens (see `Key::file`).
pub trait LanguageContent: Sized + Send + Sync + 'static {
    /// The file name part: `locales/<code>.<FILE>.json`.
    const FILE: &'static str;
    fn parse(lang: Lang, json: &str) -> Result<Self, String>;
    /// Adds what the clinic adds to this content (its FAQ entries, its
    /// questions); `title` names the clinic's own FAQ category.
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, title: &str);
}

impl LanguageContent for FaqContent {
    const FILE: &'static str = "faq";
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        FaqContent::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, title: &str) {
        clinic.add_faq(self, lang, title);
    }
}

impl LanguageContent for CareText {
    const FILE: &'static str = "aftercare";
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        CareText::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, _: &str) {
        for step in clinic.protocol() {
            if let Some(title) = clinic.step_text(step.id, lang) {
                self.steps
                    .push((step.id.to_string(), title.to_string(), String::new()));
            }
        }
    }
}

impl LanguageContent for CheckText {
    const FILE: &'static str = "check";
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        CheckText::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, _: &str) {
        self.questions.extend(clinic.question_words(lang));
    }
}

/// Loaded content of any kind, with its language.
type Loaded = (Lang, Arc<dyn Any + Send + Sync>);

/// Parses a file of kind `T` and adds the clinic's part to it.
fn parse_file<T: LanguageContent>(
    lang: Lang,
    json: &str,
    clinic: &Clinic,
    title: &str,
) -> Result<Arc<dyn Any + Send + Sync>, String> {
    let mut content = T::parse(lang, json)?;
    content.add_clinic(clinic, lang, title);
    Ok(Arc::new(content))
}

/// One kind of content: loaded, loading, or failed to load.
///
/// The state is the same type for every kind, and loading is one
/// non-generic function: three kinds of content then cost one copy of the
/// loading code in the WASM, not three.
pub struct LazyContent<T: LanguageContent> {
    /// The content loaded, and whether the last load failed.
    state: RwSignal<(Option<Loaded>, bool)>,
    wanted: StoredValue<Option<Lang>>,
    i18n: I18n,
    kind: PhantomData<fn() -> T>,
}

impl<T: LanguageContent> Clone for LazyContent<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: LanguageContent> Copy for LazyContent<T> {}

impl<T: LanguageContent> LazyContent<T> {
    pub fn new(i18n: I18n) -> Self {
        LazyContent {
            state: RwSignal::new((None, false)),
            wanted: StoredValue::new(None),
            i18n,
            kind: PhantomData,
        }
    }

    /// Starts loading `lang`'s file unless it is loaded or on its way.
    pub fn ensure(self, lang: Lang) {
        load(
            self.state,
            self.wanted,
            self.i18n,
            lang,
            T::FILE,
            parse_file::<T>,
        );
    }

    /// The content in `lang`, if loaded (reactive).
    ///
    /// A language switch replaces the interface text, and with it the
    /// strings that came with this content: until they are loaded again,
    /// there is no content.
    pub fn current(self, lang: Lang) -> Option<Arc<T>> {
        // Read (and subscribe to) the state first: returning early before
        // reading it would leave a reader waiting on "Loading…" forever.
        let loaded = self.state.get().0;
        if !self.i18n.has_section(T::FILE) {
            return None;
        }
        loaded
            .filter(|(loaded, _)| *loaded == lang)
            .and_then(|(_, content)| content.downcast::<T>().ok())
    }

    pub fn failed(self) -> bool {
        self.state.with(|s| s.1)
    }
}

type Parse = fn(Lang, &str, &Clinic, &str) -> Result<Arc<dyn Any + Send + Sync>, String>;

/// Loads `lang`'s `file` into `content` unless it is loaded or on its way.
fn load(
    state: RwSignal<(Option<Loaded>, bool)>,
    wanted: StoredValue<Option<Lang>>,
    i18n: I18n,
    lang: Lang,
    file: &'static str,
    parse: Parse,
) {
    let (loaded, failed) = state.with_untracked(|(content, failed)| {
        (content.as_ref().is_some_and(|(l, _)| *l == lang), *failed)
    });
    let on_its_way = wanted.get_value() == Some(lang) && !failed;
    // Loaded, but its strings went with a language switch: load again.
    let strings = untrack(|| i18n.has_section(file));
    if (loaded && strings) || (!loaded && on_its_way) {
        return;
    }
    wanted.set_value(Some(lang));
    state.update(|s| s.1 = false);
    leptos::task::spawn_local(async move {
        let title = i18n.t_untracked(Key::ClinicFaqCategory);
        let result = load_content_file(lang, file).await.and_then(|json| {
            // The strings of the section's screens come in the same file.
            let strings = Locale::section(file, &json).map_err(|why| why.to_string())?;
            Ok((parse(lang, &json, &use_clinic(), &title)?, strings))
        });
        if wanted.get_value() != Some(lang) {
            return;
        }
        match result {
            Ok((loaded, strings)) => {
                i18n.add_section(lang, file, strings);
                state.set((Some((lang, loaded)), false));
            }
            Err(why) => {
                leptos::logging::warn!("MicroCare: {file} for {}: {why}", lang.code());
                state.update(|s| s.1 = true);
            }
        }
    });
}

/// The content `T` in the current language (reactive): `None` until it has
/// loaded, and again for a moment after a language switch. Starts loading
/// whenever the language needs it. A page keeps its own state (the step, an
/// answer being chosen, text being typed) in its own signals, outside what it
/// draws from the content, so that a language switch changes only words.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::faq::FaqContent;
/// use microcare::ui::lazy::{use_content, ContentPending};
/// let faq = use_content::<FaqContent>();
/// let view = move || match faq.get() {
///     Some(faq) => view! { <p>{faq.categories.len()}</p> }.into_any(),
///     None => view! { <ContentPending<FaqContent>/> }.into_any(),
/// };
/// ```
pub fn use_content<T: LanguageContent>() -> Signal<Option<Arc<T>>> {
    let state = expect_context::<LazyContent<T>>();
    let i18n = use_i18n();
    Effect::new(move |_| state.ensure(i18n.lang()));
    Signal::derive(move || state.current(i18n.lang()))
}

/// What a page shows while its content `T` loads ("Loading…"), or after
/// loading failed: a message with "Try again".
#[component]
pub fn ContentPending<T: LanguageContent>(
    /// Which content; only its type matters.
    #[prop(optional)]
    _kind: PhantomData<fn() -> T>,
) -> impl IntoView {
    let state = expect_context::<LazyContent<T>>();
    let i18n = use_i18n();
    move || {
        if state.failed() {
            view! {
                <div class="mc-notice" role="alert">
                    <p>{i18n.text(Key::FaqLoadFailed)}</p>
                    <button
                        type="button"
                        class="mc-button"
                        on:click=move |_| state.ensure(i18n.lang_untracked())
                    >
                        {i18n.text(Key::FaqRetry)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p class="mc-status" role="status">{i18n.text(Key::FaqLoading)}</p>
            }
            .into_any()
        }
    }
}
