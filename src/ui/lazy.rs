//! Content files loaded the first time a page needs them (the FAQ, the
//! self-check's questions), one language at a time, kept while the app is
//! open.

use crate::browser::locale_loader::load_content_file;
use crate::core::aftercare::CareText;
use crate::core::clinic::Clinic;
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang};
use crate::core::screening::CheckText;
use crate::ui::clinic::use_clinic;
use crate::ui::content_dom::{append, element, listen, redraw, set};
use crate::ui::i18n::{append_text, use_i18n, I18n};
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::Element;

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

/// Draws the page part that needs content `T` into a new container in
/// `parent`: "Loading…" until `T` has loaded in the current language, then
/// `draw` with it; if loading failed, a message with "Try again". Language
/// switches load and draw again.
pub fn with_content<T: LanguageContent>(
    parent: &Element,
    draw: impl Fn(&Element, Arc<T>) + 'static,
) {
    let state = expect_context::<LazyContent<T>>();
    let i18n = use_i18n();
    Effect::new(move |_| state.ensure(i18n.lang.get()));
    let holder = append(parent, element("div", None, None));
    redraw(&holder, move |holder| {
        match state.current(i18n.lang.get()) {
            // The part's own signals must not redraw the whole part.
            Some(content) => untrack(|| draw(holder, content)),
            None => loading(holder, state.failed(), move || {
                state.ensure(i18n.lang.get_untracked())
            }),
        }
    });
}

/// What a page shows while its content loads, or after loading failed,
/// with a way to try again.
fn loading(parent: &Element, failed: bool, retry: impl Fn() + 'static) {
    if failed {
        let notice = append(parent, element("div", Some("mc-notice"), None));
        set(&notice, "role", "alert");
        append_text(&notice, "p", None, Key::FaqLoadFailed);
        let button = append_text(&notice, "button", Some("mc-button"), Key::FaqRetry);
        set(&button, "type", "button");
        listen(&button, "click", move |_| retry());
    } else {
        let status = append_text(parent, "p", Some("mc-status"), Key::FaqLoading);
        set(&status, "role", "status");
    }
}
