//! The reactive side of translations: the current language and its text,
//! shared through context with every component.

use crate::browser::locale_loader::load_locale;
use crate::core::i18n::{Key, Lang, Locale};
use leptos::prelude::*;
use std::collections::HashMap;

/// The language in use and its loaded text.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The language and its text, in one signal (each signal type costs
    /// WASM).
    text: RwSignal<(Lang, Locale)>,
    /// The language last asked for: a slower, older load must not win.
    requested: StoredValue<Lang>,
}

impl I18n {
    pub fn new(lang: Lang, locale: Locale) -> Self {
        set_document_lang(lang);
        I18n {
            text: RwSignal::new((lang, locale)),
            requested: StoredValue::new(lang),
        }
    }

    /// The current language (reactive).
    pub fn lang(&self) -> Lang {
        self.text.with(|(lang, _)| *lang)
    }

    /// The current language, without subscribing to changes.
    pub fn lang_untracked(&self) -> Lang {
        self.text.with_untracked(|(lang, _)| *lang)
    }

    /// The interface string for `key` in the current language (reactive).
    pub fn t(&self, key: Key) -> String {
        self.text.with(|(_, locale)| locale.t(key).to_string())
    }

    /// Runs `read` with the current language's text (reactive): for the
    /// core functions that build a sentence from several strings.
    pub fn with_locale<R>(&self, read: impl FnOnce(&Locale) -> R) -> R {
        self.text.with(|(_, locale)| read(locale))
    }

    /// The interface string for `key` as text or an attribute that follows
    /// language switches: `{i18n.text(Key::SkipToContent)}`. Every use has
    /// the same closure type, so Leptos's code that renders a reactive text
    /// is instantiated once for the whole app.
    pub fn text(self, key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The interface string for `key`, without subscribing to changes.
    pub fn t_untracked(&self, key: Key) -> String {
        self.text
            .with_untracked(|(_, locale)| locale.t(key).to_string())
    }

    /// Adds the strings of a section's `file` in `lang`, loaded with its
    /// content, if `lang` is still the current language.
    pub fn add_section(self, lang: Lang, file: &'static str, strings: HashMap<String, String>) {
        // Untracked: the header, the tabs and everything else showing text
        // must not redraw (and lose the keyboard focus) because a section's
        // strings arrived; the section draws itself once its content is set.
        if self.lang_untracked() == lang {
            self.text
                .update_untracked(|(_, locale)| locale.add(file, strings));
        }
    }

    /// Whether the strings of `file` are in the current text (reactive).
    pub fn has_section(&self, file: &str) -> bool {
        self.text.with(|(_, locale)| locale.has(file))
    }

    /// Loads `lang` and switches to it once loaded; on failure the current
    /// language stays and the reason goes to the console.
    pub fn switch_to(self, lang: Lang) {
        if lang == self.requested.get_value() {
            return;
        }
        self.requested.set_value(lang);
        leptos::task::spawn_local(async move {
            match load_locale(lang).await {
                Ok(_) if self.requested.get_value() != lang => {}
                Ok(locale) => {
                    self.text.set((lang, locale));
                    set_document_lang(lang);
                }
                Err(why) => {
                    self.requested.set_value(self.lang_untracked());
                    leptos::logging::warn!("MicroCare: {why}");
                }
            }
        });
    }
}

/// The I18n provided by [`crate::ui::app::App`].
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Sets `lang` on the page, or only on the app's element when it is
/// mounted in a clinic's page.
fn set_document_lang(lang: Lang) {
    let doc = document();
    let target = match doc.query_selector("[data-mc-mount]").ok().flatten() {
        Some(root) => Some(root),
        None => doc.document_element(),
    };
    if let Some(target) = target {
        let _ = target.set_attribute("lang", lang.code());
    }
}
