//! The frame around every page: header, section navigation, footer, and the
//! heading and introduction every page starts with.

use crate::core::i18n::{Key, Lang};
use crate::core::route::{Route, Section};
use crate::ui::clinic::use_clinic;
use crate::ui::data::use_data;
use crate::ui::env::use_env;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::contact::ContactLinks;
use crate::ui::kit::widgets::LanguageOptions;
use leptos::prelude::*;

/// The top bar: product name (a link home) and the language switcher, a
/// native `<select>` of the languages, each in its own name.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let clinic = use_clinic();
    let env = use_env();
    let brand_mark = match clinic.logo.as_deref() {
        Some(logo) => {
            view! { <img class="mc-brand-logo" src=env.asset_url(logo) alt=""/> }.into_any()
        }
        None => view! { <span class="mc-brand-mark" aria-hidden="true"></span> }.into_any(),
    };
    let clinic_name = clinic.name.clone();
    let name = move || clinic_name.clone().unwrap_or_else(|| i18n.t(Key::AppName));
    let switcher = (clinic.offered().len() > 1).then(|| {
        view! {
            <div class="mc-lang">
                <label class="mc-visually-hidden" for="mc-lang-select">
                    {i18n.text(Key::LanguageLabel)}
                </label>
                <select
                    id="mc-lang-select"
                    on:change:target=move |ev| {
                        if let Some(lang) = Lang::from_code(&ev.target().value()) {
                            data.update_settings(|s| s.lang = Some(lang));
                            // The person's choice wins over a page's.
                            i18n.prefer(None);
                        }
                    }
                >
                    <LanguageOptions selected=Signal::derive(move || i18n.lang())/>
                </select>
            </div>
        }
    });
    view! {
        <header class="mc-header">
            <a class="mc-brand" href=Route::Home.href()>
                {brand_mark}
                <span class="mc-brand-text">
                    <span class="mc-brand-name">{name}</span>
                    <span class="mc-brand-tagline">{i18n.text(Key::AppTagline)}</span>
                </span>
            </a>
            {switcher}
        </header>
    }
}

const SECTIONS: [(Section, Key, &str); 5] = [
    (Section::Home, Key::NavHome, "M4 11l8-7 8 7v9a1 1 0 0 1-1 1h-5v-6h-4v6H5a1 1 0 0 1-1-1z"),
    (Section::Faq, Key::NavFaq, "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.01"),
    (Section::Check, Key::NavCheck, "M9 4h6M9 4a1 1 0 0 0-1 1v1h8V5a1 1 0 0 0-1-1M8 5H6a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1h-2M9 13l2 2 4-4"),
    (Section::Aftercare, Key::NavAftercare, "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"),
    (Section::Privacy, Key::NavPrivacy, "M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z"),
];

/// Section navigation: a bottom tab bar on phones, a row under the header on
/// wider screens. The current section carries `aria-current="page"`; a
/// navigation changes that attribute and nothing else.
#[component]
pub fn TabBar(
    /// The current route, to mark the active section.
    route: ReadSignal<Route>,
) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = SECTIONS
        .into_iter()
        .map(|(section, label, path)| {
            let current = move || (route.get().section() == Some(section)).then_some("page");
            view! {
                <li>
                    <a href=section.route().href() aria-current=current>
                        <svg class="mc-tab-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d=path></path>
                        </svg>
                        <span>{i18n.text(label)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="mc-tabs" aria-label=i18n.text(Key::NavLabel)>
            <ul>{tabs}</ul>
        </nav>
    }
}

/// The clinic's name, address and ways to reach it, if it gave any, and
/// the closing line: education, not medical advice.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let clinic = use_clinic();
    let address = clinic.contact.address.clone();
    let has_block = address.is_some() || !clinic.actions.is_empty();
    let clinic_name = clinic.name.clone();
    let block = has_block.then(|| {
        let title = move || {
            clinic_name
                .clone()
                .unwrap_or_else(|| i18n.t(Key::ClinicContactTitle))
        };
        view! {
            <section class="mc-clinic">
                <h2>{title}</h2>
                {address.map(|address| view! { <p>{address}</p> })}
                <ContactLinks/>
            </section>
        }
    });
    view! {
        <footer class="mc-footer">
            {block}
            <p>{i18n.text(Key::FooterDisclaimer)}</p>
        </footer>
    }
}

/// A page: a `<section>` labelled by its heading, with the heading, a
/// one-line introduction, and the page's content. The heading takes focus
/// after navigation (see `app`), hence `tabindex="-1"`.
///
/// ```no_run
/// use leptos::prelude::*;
/// use microcare::core::i18n::Key;
/// use microcare::ui::kit::layout::PageSection;
/// let page = view! {
///     <PageSection class="mc-page" title=Key::NotFoundTitle intro=Key::NotFoundText>
///         <p>"More content"</p>
///     </PageSection>
/// };
/// ```
#[component]
pub fn PageSection(
    /// The section's classes, e.g. `"mc-page mc-home"`.
    class: &'static str,
    /// The page's heading.
    title: Key,
    /// The line under the heading.
    intro: Key,
    /// What follows the introduction.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class=class aria-labelledby="mc-page-title">
            <h1 id="mc-page-title" tabindex="-1">{i18n.text(title)}</h1>
            <p class="mc-lead">{i18n.text(intro)}</p>
            {children()}
        </section>
    }
}
