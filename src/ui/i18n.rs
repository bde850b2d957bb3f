//! The reactive side of translations: the current language and its main
//! file, shared through context with every component. A section's own
//! strings come with that section's content ([`crate::ui::content`]).

use crate::core::calendar::CivilDate;
use crate::core::dates::DateStyle;
use crate::core::i18n::{Key, Lang, Locale};
use crate::ui::files::{downcast, Files};
use leptos::prelude::*;
use std::sync::Arc;

/// The language in use and its main file.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The main file shown: the wanted language's once it has loaded.
    locale: Signal<Arc<Locale>>,
    /// A language a page asks for while it is open (the desk's client's),
    /// before every other wish.
    preferred: RwSignal<Option<Lang>>,
}

impl I18n {
    /// One language, for good: a native render.
    pub fn fixed(locale: Locale) -> Self {
        I18n {
            locale: Signal::stored(Arc::new(locale)),
            preferred: RwSignal::new(None),
        }
    }

    /// Starts in `locale`'s language and follows `wanted` (unless a page
    /// prefers another, see [`I18n::prefer`]): another language's file is
    /// loaded through `files`, and shown once it is there. Until then, or
    /// if it cannot be loaded, the current one stays (the reason goes to the
    /// console).
    pub fn following(
        locale: Locale,
        wanted: impl Fn() -> Lang + Send + Sync + 'static,
        files: Files,
    ) -> Self {
        let first = Arc::new(locale);
        let preferred = RwSignal::new(None::<Lang>);
        let wanted = Memo::new(move |_| preferred.get().unwrap_or_else(&wanted));
        let loaded = AsyncDerived::new_unsync(move || files.locale(wanted.get()));
        let shown = Memo::new_with_compare(
            move |last: Option<&Arc<Locale>>| match loaded.get().map(|l| l.and_then(downcast)) {
                Some(Ok(locale)) => locale,
                _ => last.cloned().unwrap_or_else(|| first.clone()),
            },
            |old, new| match (old, new) {
                (Some(old), Some(new)) => !Arc::ptr_eq(old, new),
                _ => true,
            },
        );
        Effect::new(move |_| {
            if let Some(Err(why)) = loaded.get() {
                leptos::logging::warn!("MicroCare: {}: {why}", wanted.get_untracked().code());
            }
        });
        // The page's language, for screen readers and hyphenation.
        Effect::new(move |_| set_document_lang(shown.with(|l| l.lang)));
        I18n {
            locale: shown.into(),
            preferred,
        }
    }

    /// Shows `lang` while the calling page is open (`None`: back to the
    /// person's own choice).
    pub fn prefer(&self, lang: Option<Lang>) {
        self.preferred.set(lang);
    }

    /// The current language (reactive).
    pub fn lang(&self) -> Lang {
        self.locale.with(|l| l.lang)
    }

    /// The current language, without subscribing to changes.
    pub fn lang_untracked(&self) -> Lang {
        self.locale.with_untracked(|l| l.lang)
    }

    /// The string for `key` (reactive).
    pub fn t(&self, key: Key) -> String {
        self.locale.with(|l| l.t(key).to_string())
    }

    /// The string for `key`, without subscribing to changes.
    pub fn t_untracked(&self, key: Key) -> String {
        self.locale.with_untracked(|l| l.t(key).to_string())
    }

    /// The string for `key` as text or an attribute that follows language
    /// switches: `{i18n.text(Key::SkipToContent)}`. Every use has the same
    /// closure type, so Leptos's code that renders a reactive text is
    /// instantiated once for the whole app.
    pub fn text(self, key: Key) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The string for `key` with its `{name}`s filled in (reactive).
    pub fn fill(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| l.ui.fill(key, args))
    }

    /// The form of `key` for the count `n`, filled in (reactive).
    pub fn count(&self, key: Key, n: u64, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| l.ui.count(key, n, args))
    }

    /// `date` as the current language writes it (reactive).
    pub fn date(&self, date: CivilDate, style: DateStyle) -> String {
        self.locale.with(|l| l.date(date, style))
    }

    /// Runs `read` with the current language's main file (reactive).
    pub fn with_locale<R>(&self, read: impl FnOnce(&Locale) -> R) -> R {
        self.locale.with(|locale| read(locale))
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
