//! Content files loaded the first time a page needs them (the FAQ, the
//! self-check's questions), one language at a time, kept while the app is
//! open.

use crate::browser::locale_loader::load_content_file;
use crate::core::clinic::Clinic;
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang};
use crate::core::screening::CheckText;
use crate::ui::clinic::use_clinic;
use crate::ui::i18n::{tr, I18n};
use leptos::prelude::*;
use std::sync::Arc;

/// A kind of per-language content file.
pub trait LanguageContent: Sized + Send + Sync + 'static {
    /// The file name part: `locales/<code>.<FILE>.json`.
    const FILE: &'static str;
    fn parse(lang: Lang, json: &str) -> Result<Self, String>;
    /// Adds what the clinic adds to this content (its FAQ entries, its
    /// questions); `title` names the clinic's own FAQ category.
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, title: &str);
    fn lang(&self) -> &str;
}

impl LanguageContent for FaqContent {
    const FILE: &'static str = "faq";
    fn parse(lang: Lang, json: &str) -> Result<Self, String> {
        FaqContent::parse(lang.code(), json)
    }
    fn add_clinic(&mut self, clinic: &Clinic, lang: Lang, title: &str) {
        clinic.add_faq(self, lang, title);
    }
    fn lang(&self) -> &str {
        &self.lang
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
    fn lang(&self) -> &str {
        &self.lang
    }
}

/// One kind of content: loaded, loading, or failed to load.
pub struct LazyContent<T: LanguageContent> {
    content: RwSignal<Option<Arc<T>>>,
    failed: RwSignal<bool>,
    wanted: StoredValue<Option<Lang>>,
    i18n: I18n,
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
            content: RwSignal::new(None),
            failed: RwSignal::new(false),
            wanted: StoredValue::new(None),
            i18n,
        }
    }

    /// Starts loading `lang`'s file unless it is loaded or on its way.
    pub fn ensure(self, lang: Lang) {
        let loaded = self
            .content
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.lang() == lang.code()));
        if loaded || (self.wanted.get_value() == Some(lang) && !self.failed.get_untracked()) {
            return;
        }
        self.wanted.set_value(Some(lang));
        self.failed.set(false);
        leptos::task::spawn_local(async move {
            let title = self.i18n.t_untracked(Key::ClinicFaqCategory);
            let result = load_content_file(lang, T::FILE)
                .await
                .and_then(|json| T::parse(lang, &json))
                .map(|mut content| {
                    content.add_clinic(&use_clinic(), lang, &title);
                    content
                });
            if self.wanted.get_value() != Some(lang) {
                return;
            }
            match result {
                Ok(content) => self.content.set(Some(Arc::new(content))),
                Err(why) => {
                    leptos::logging::warn!("MicroCare: {} for {}: {why}", T::FILE, lang.code());
                    self.failed.set(true);
                }
            }
        });
    }

    /// The content in `lang`, if loaded (reactive).
    pub fn current(self, lang: Lang) -> Option<Arc<T>> {
        self.content
            .get()
            .filter(|content| content.lang() == lang.code())
    }

    pub fn failed(self) -> bool {
        self.failed.get()
    }
}

/// What a page shows while its content loads, or after loading failed,
/// with a way to try again.
#[component]
pub fn Loading(
    /// Whether loading failed.
    failed: bool,
    /// Called by "Try again".
    retry: Callback<()>,
) -> impl IntoView {
    if failed {
        view! {
            <div class="mc-notice" role="alert">
                <p>{tr(Key::FaqLoadFailed)}</p>
                <button type="button" class="mc-button" on:click=move |_| retry.run(())>
                    {tr(Key::FaqRetry)}
                </button>
            </div>
        }
        .into_any()
    } else {
        view! { <p class="mc-status" role="status">{tr(Key::FaqLoading)}</p> }.into_any()
    }
}
