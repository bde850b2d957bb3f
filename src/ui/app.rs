//! Start-up and the root component.

use crate::browser::dates::now_millis;
use crate::browser::host::{find_root, host, report_height, Host};
use crate::browser::locale_loader::{
    read_clinic, read_locale, request_clinic, request_locale, ClinicFileCheck,
};
use crate::browser::navigation::{current_route, use_route};
use crate::browser::storage::Store;
use crate::core::aftercare::{is_recent, CareText};
use crate::core::clinic::Clinic;
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang, Locale};
use crate::core::route::Route;
use crate::core::screening::CheckText;
use crate::core::session_link::link_language;
use crate::ui::clinic::{set_clinic, use_clinic};
use crate::ui::data::AppData;
use crate::ui::focus::focus_now;
use crate::ui::home::HomePage;
use crate::ui::i18n::I18n;
use crate::ui::layout::{Footer, Header, TabBar};
use crate::ui::lazy::LazyContent;
use crate::ui::not_found::NotFoundPage;
use crate::ui::notices::Notices;
use crate::ui::split::{self, OnDemand};
use crate::ui::{aftercare, faq, privacy, screening};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The id of the element MicroCare mounts into; `index.html` fills it with a
/// static shell that shows until the app is ready.
pub const ROOT_ID: &str = "microcare";

/// What the app needs before it can show anything.
pub struct Boot {
    /// The language the text was loaded for.
    pub lang: Lang,
    /// The loaded text of that language.
    pub locale: Locale,
    /// The saved data, loaded once at start.
    pub data: AppData,
    /// The clinic's configuration (the defaults without one).
    pub clinic: Clinic,
    /// What was found of the clinic's file: shown on the desk.
    pub clinic_check: ClinicFileCheck,
}

/// Entry point of the WASM build: opens storage, reads the clinic's
/// configuration, picks the language, loads its text, then replaces the
/// static shell (or the host page's element) with the app.
pub fn start() {
    let Some(root) = find_root(ROOT_ID) else {
        leptos::logging::warn!("MicroCare: no element with id {ROOT_ID}");
        return;
    };
    let data = AppData::new(Store::open());
    // Before anything is awaited: the browser's install prompt may come
    // while the text and the clinic's file are still loading.
    crate::ui::pwa::start(data);
    let saved_lang = data
        .settings
        .with_untracked(|s| s.lang.as_deref().and_then(Lang::from_code));
    // Opened from the clinic's link (a QR code scanned on a new phone): its
    // language is wanted from the first screen on.
    let link_lang = match current_route() {
        Route::SessionLink(query) => link_language(&query, now_millis()),
        _ => None,
    };
    let wishes = move || saved_lang.into_iter().chain(link_lang);
    // The clinic's file and the likely language's text load side by side.
    let preferences = browser_languages();
    let guess = Clinic::default().pick_lang(wishes(), &preferences);
    let mut guessed = Some((guess, request_locale(guess)));
    let clinic_request = request_clinic();
    // Leptos's executor starts with the first mount, so the boot future runs
    // on wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async move {
        let (clinic, clinic_check) = read_clinic(clinic_request).await;
        let lang = clinic.pick_lang(wishes(), &preferences);
        let mut loaded = Err(String::new());
        // The clinic's choice of language, else English.
        for candidate in [lang, Lang::En] {
            let request = match guessed.take() {
                Some((guess, request)) if guess == candidate => request,
                _ => request_locale(candidate),
            };
            loaded = read_locale(candidate, request)
                .await
                .map(|locale| (candidate, locale));
            match &loaded {
                Ok(_) => break,
                Err(why) => leptos::logging::warn!("MicroCare: {why}"),
            }
        }
        match loaded {
            Ok((lang, locale)) => mount(
                root,
                Boot {
                    lang,
                    locale,
                    data,
                    clinic,
                    clinic_check,
                },
            ),
            Err(_) => {
                if let Some(status) = root.query_selector("[data-mc-status]").ok().flatten() {
                    status.set_text_content(Some(
                        "MicroCare could not start. Please check your connection and reload the page.",
                    ));
                }
            }
        }
    });
}

/// Replaces the content of the root element with the app, in the clinic's
/// colours (set as custom properties through the CSSOM, which a strict
/// Content-Security-Policy allows), for as long as the page lives.
pub fn mount(root: web_sys::HtmlElement, boot: Boot) {
    let classes = root.class_list();
    let _ = classes.add_1("mc");
    if host() != Host::Standalone {
        // Sized to its content, with the tab bar in the flow.
        let _ = classes.add_1("mc-embedded");
    }
    for (brand, colour) in &boot.clinic.colors {
        let _ = root.style().set_property(brand.property(), colour);
    }
    if host() == Host::Framed {
        report_height(&root);
    }
    root.set_inner_text("");
    let element: Element = root.into();
    let app_root = element.clone();
    // The app lives as long as the page: the handle is never dropped.
    mount_to(
        element.unchecked_into(),
        move || view! { <App boot root=app_root/> },
    )
    .forget();
}

fn browser_languages() -> Vec<String> {
    let languages = window().navigator().languages();
    languages.iter().filter_map(|v| v.as_string()).collect()
}

/// The whole app: the skip link, header, tab bar, the page for the current
/// route with the notices above it, and the footer.
#[component]
pub fn App(
    /// What start-up loaded: language, text, saved data, clinic.
    boot: Boot,
    /// The element the app is mounted in; in a clinic's page, its route
    /// links are followed there, in memory.
    root: Element,
) -> impl IntoView {
    let i18n = I18n::new(boot.lang, boot.locale);
    set_clinic(boot.clinic, boot.clinic_check);
    provide_context(i18n);
    provide_context(boot.data);
    provide_context(LazyContent::<FaqContent>::new(i18n));
    provide_context(LazyContent::<CheckText>::new(i18n));
    provide_context(LazyContent::<CareText>::new(i18n));
    // Opened at its plain address soon after a session, the app opens on
    // that session's Today view: what to avoid now comes first.
    let recent = boot.data.aftercare.with_untracked(|record| {
        record
            .latest()
            .is_some_and(|s| is_recent(&use_clinic().protocol(), s.end, now_millis()))
    });
    let route = use_route(&root, recent.then_some(Route::Aftercare));
    follow_wanted_language(i18n, boot.data, route);
    focus_page_after_navigation(route);

    view! {
        <div class="mc-app">
            // The skip link moves focus without touching `location.hash`,
            // which holds the route.
            <a
                class="mc-skip-link"
                href="#mc-main"
                on:click=|ev| {
                    ev.prevent_default();
                    focus_now("#mc-main");
                }
            >
                {i18n.text(Key::SkipToContent)}
            </a>
            <Header/>
            <TabBar route/>
            <main id="mc-main" class="mc-main" tabindex="-1">
                <Notices/>
                {move || page(route.get())}
            </main>
            <Footer/>
        </div>
    }
}

/// The page for `route`; a new route disposes of the old page with its
/// signals, effects and listeners.
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage/> }.into_any(),
        Route::Faq => view! { <faq::FaqPage/> }.into_any(),
        Route::FaqEntry(id) => view! { <faq::FaqPage open=id/> }.into_any(),
        Route::Check => view! { <screening::CheckPage/> }.into_any(),
        Route::Aftercare => view! { <aftercare::AftercarePage/> }.into_any(),
        // Downloaded when first opened (see `split`).
        Route::Photos => view! { <OnDemand route load=|| Box::pin(split::photos())/> }.into_any(),
        Route::Privacy => view! { <privacy::PrivacyPage/> }.into_any(),
        Route::Desk => view! { <OnDemand route load=|| Box::pin(split::desk())/> }.into_any(),
        Route::SessionLink(_) => {
            view! { <OnDemand route load=|| Box::pin(split::session_link())/> }.into_any()
        }
        Route::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// After a navigation (not on the first page), focus goes to the new page's
/// heading and the view to the top, as screen reader and keyboard users
/// expect; a deep link to a FAQ entry focuses that entry instead (see `faq`).
fn focus_page_after_navigation(route: ReadSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        let to_faq_entry = matches!(current, Route::FaqEntry(_));
        if previous.is_some_and(|p| p != current) && !to_faq_entry {
            // After the new page is drawn.
            request_animation_frame(|| {
                // In a clinic's page, focusing the heading scrolls just enough.
                if host() != Host::Mounted {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                // Now, or once a page still loading its code is shown.
                split::focus_heading();
            });
        }
        current
    });
}

/// The saved language choice decides the language, whoever changed it: the
/// switcher, an import, another tab, or deleting everything (then the
/// browser's preference applies again). Without one, a clinic's session
/// link asks for its client's language, for the rest of the visit.
///
/// One effect decides, from everything that wants a language: a page that
/// switched on its own would be switched back by this one (issue #21: a
/// link opened on a phone that never chose a language kept the phone's).
fn follow_wanted_language(i18n: I18n, data: AppData, route: ReadSignal<Route>) {
    let link_lang = Memo::new(move |kept: Option<&Option<Lang>>| match route.get() {
        Route::SessionLink(query) => link_language(&query, now_millis()),
        _ => kept.copied().flatten(),
    });
    Effect::new(move |_| {
        let saved = data
            .settings
            .with(|s| s.lang.as_deref().and_then(Lang::from_code));
        let wishes = saved.into_iter().chain(link_lang.get());
        i18n.switch_to(use_clinic().pick_lang(wishes, &browser_languages()));
    });
}
