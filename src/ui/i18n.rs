//! The reactive side of translations: the current language and its text,
//! shared through context with every component.

use crate::browser::locale_loader::load_locale;
use crate::core::i18n::{Key, Lang, Locale};
use leptos::prelude::*;
use std::sync::Arc;

/// The language in use and its loaded text.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
    locale: RwSignal<Arc<Locale>>,
}

impl I18n {
    pub fn new(lang: Lang, locale: Locale) -> Self {
        set_document_lang(lang);
        I18n {
            lang: RwSignal::new(lang),
            locale: RwSignal::new(Arc::new(locale)),
        }
    }

    /// The interface string for `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> String {
        self.locale.with(|locale| locale.t(key).to_string())
    }

    /// Loads `lang` and switches to it once loaded; on failure the current
    /// language stays and the reason goes to the console.
    pub fn switch_to(self, lang: Lang) {
        if lang == self.lang.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            match load_locale(lang).await {
                Ok(locale) => {
                    self.locale.set(Arc::new(locale));
                    self.lang.set(lang);
                    set_document_lang(lang);
                }
                Err(why) => leptos::logging::warn!("MicroCare: {why}"),
            }
        });
    }
}

/// The I18n provided by [`crate::ui::app::App`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}
