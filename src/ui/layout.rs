//! The frame around every page: header, section navigation, footer.

use crate::core::i18n::{Key, Lang};
use crate::core::route::{Route, Section};
use crate::ui::data::use_data;
use crate::ui::i18n::{tr, use_i18n};
use leptos::prelude::*;

/// The top bar: product name (a link home) and the language switcher.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="mc-header">
            <a class="mc-brand" href=Route::Home.href()>
                <span class="mc-brand-mark" aria-hidden="true"></span>
                <span class="mc-brand-text">
                    <span class="mc-brand-name">{tr(Key::AppName)}</span>
                    <span class="mc-brand-tagline">{tr(Key::AppTagline)}</span>
                </span>
            </a>
            <LanguageSwitcher />
        </header>
    }
}

/// A native `<select>` of the languages, each in its own name.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
            data.update_settings(|s| s.lang = Some(lang.code().to_string()));
        }
    };
    view! {
        <div class="mc-lang">
            <label for="mc-lang-select" class="mc-visually-hidden">
                {tr(Key::LanguageLabel)}
            </label>
            <select id="mc-lang-select" on:change=on_change prop:value=move || i18n.lang.get().code()>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code() selected=move || i18n.lang.get() == lang>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

const SECTIONS: [(Section, Key); 5] = [
    (Section::Home, Key::NavHome),
    (Section::Faq, Key::NavFaq),
    (Section::Check, Key::NavCheck),
    (Section::Aftercare, Key::NavAftercare),
    (Section::Privacy, Key::NavPrivacy),
];

/// Section navigation: a bottom tab bar on phones, a row under the header on
/// wider screens. The current section carries `aria-current="page"`.
#[component]
pub fn TabBar(
    /// The current route, to mark the active section.
    route: ReadSignal<Route>,
) -> impl IntoView {
    view! {
        <nav class="mc-tabs" aria-label=tr(Key::NavLabel)>
            <ul>
                {SECTIONS
                    .into_iter()
                    .map(|(section, label)| {
                        let is_current = move || route.get().section() == Some(section);
                        view! {
                            <li>
                                <a
                                    href=section.route().href()
                                    aria-current=move || is_current().then_some("page")
                                >
                                    <TabIcon section=section />
                                    <span>{tr(label)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A simple line icon for a section; decorative, the label says it all.
#[component]
fn TabIcon(
    /// Which section's icon to draw.
    section: Section,
) -> impl IntoView {
    let path = match section {
        Section::Home => "M4 11l8-7 8 7v9a1 1 0 0 1-1 1h-5v-6h-4v6H5a1 1 0 0 1-1-1z",
        Section::Faq => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01",
        Section::Check => "M9 4h6M9 4a1 1 0 0 0-1 1v1h8V5a1 1 0 0 0-1-1M8 5H6a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1h-2M9 13l2 2 4-4",
        Section::Aftercare => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z",
        Section::Privacy => "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z",
    };
    view! {
        <svg class="mc-tab-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path />
        </svg>
    }
}

/// The closing line: education, not medical advice.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="mc-footer">
            <p>{tr(Key::FooterDisclaimer)}</p>
        </footer>
    }
}

/// A page's heading and its one-line introduction. The heading takes focus
/// after navigation (see `App`), hence `tabindex="-1"`.
#[component]
pub fn PageHeading(
    /// The page title, shown as the `<h1>`.
    title: Key,
    /// One sentence under the title saying what the page is for.
    intro: Key,
) -> impl IntoView {
    view! {
        <h1 id="mc-page-title" tabindex="-1">{tr(title)}</h1>
        <p class="mc-lead">{tr(intro)}</p>
    }
}
