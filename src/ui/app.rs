//! Start-up and the root component.
//!
//! [`start`] reads what the app needs from the browser (the stored data,
//! where it runs, the clinic's file, the language's file and the opening
//! page's section file), then [`mount`]s [`App`] in place of the page the
//! build wrote. [`App`] takes all of it as plain data ([`Boot`]) and
//! provides it as context: drawn natively (a test, the pages written at
//! build time) it needs no browser; the browser is called only in its
//! effects and event handlers.

use crate::browser::host::{find_root, report_height, Host};
use crate::browser::locale_loader::{fetch_text, read_clinic, ClinicFileCheck};
use crate::browser::navigation::{current_route, follow_navigation};
use crate::browser::scroll_anchor::ScrollAnchor;
use crate::browser::storage::Store;
use crate::core::aftercare::{is_recent, CareText};
use crate::core::faq::FaqContent;
use crate::core::files::LoadError;
use crate::core::first_paint::FirstPaintHint;
use crate::core::i18n::{Key, Lang, Locale, TextFile};
use crate::core::route::Route;
use crate::core::screening::CheckText;
use crate::core::session_link::link_language;
use crate::core::time::Millis;
use crate::ui::clinic::ClinicSetup;
use crate::ui::data::AppData;
use crate::ui::env::{Clock, Env};
use crate::ui::files::{downcast, Files};
use crate::ui::i18n::I18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::layout::{Footer, Header, TabBar};
use crate::ui::kit::notices::Notices;
use crate::ui::pages::home::HomePage;
use crate::ui::pages::not_found::NotFoundPage;
use crate::ui::pages::{aftercare, faq, privacy, screening};
use crate::ui::split::{self, OnDemand};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The id of the element MicroCare mounts into; `index.html` fills it with
/// the page written at build time, which shows until the app is ready.
pub const ROOT_ID: &str = "microcare";

/// Everything the app is drawn from: plain data, read from the browser at
/// start or given by a native render.
pub struct Boot {
    /// The language's main file.
    pub locale: Locale,
    /// The saved data.
    pub data: AppData,
    /// The clinic's configuration (the defaults without one).
    pub clinic: Arc<ClinicSetup>,
    /// Where the app runs.
    pub env: Env,
    /// The moment it started.
    pub now: Millis,
    /// The language files, with those already read.
    pub files: Files,
    /// The page to open on.
    pub route: Route,
}

/// The page to open on: the address's route; at the plain address, soon
/// after a session, that session's Today view (what to avoid now comes
/// first), else Home.
pub fn opening_route(
    address: Option<Route>,
    data: AppData,
    clinic: &ClinicSetup,
    now: Millis,
) -> Route {
    if let Some(route) = address {
        return route;
    }
    let recent = data.aftercare.with_untracked(|record| {
        record
            .latest()
            .is_some_and(|s| is_recent(&clinic.protocol, s.end, now))
    });
    if recent {
        Route::Aftercare
    } else {
        Route::Home
    }
}

/// The language to show: the saved choice, else the language of a
/// clinic's session link being opened, else the browser's, among the
/// clinic's languages.
fn wanted_language(data: AppData, clinic: &ClinicSetup, env: &Env, link: Option<Lang>) -> Lang {
    let saved = data.settings.with(|s| s.lang);
    clinic.pick_lang(saved.into_iter().chain(link), &env.languages)
}

/// Entry point of the WASM build: reads the browser, the clinic's file, the
/// language's file and the opening section's, then draws the app in place
/// of the page written at build time.
pub fn start() {
    let Some(root) = find_root(ROOT_ID) else {
        leptos::logging::warn!("MicroCare: no element with id {ROOT_ID}");
        return;
    };
    let data = AppData::new(Store::open());
    // Before anything is awaited: the browser's install prompt may come
    // while the files are still loading.
    crate::ui::pwa::keep_install_prompt(data);
    let env = Env::from_browser();
    let now = crate::browser::dates::now_millis();
    let files = Files::new(fetch_text);
    // The clinic's file, the likely language's file and the opening
    // section's load side by side.
    let address = current_route();
    let link = match &address {
        Some(Route::SessionLink(query)) => link_language(query, now),
        _ => None,
    };
    let guess = wanted_language(data, &ClinicSetup::default(), &env, link);
    let locale_early = files.locale(guess);
    // A deep link's section file, not one more round trip once the
    // clinic's file has arrived: the guess is checked when it is read. (The
    // plain address opens on a section only for a returning client, whose
    // files the service worker has.)
    let section_early = address
        .as_ref()
        .and_then(Route::section_file)
        .map(|file| files.read_early(guess, file));
    let clinic_request = read_clinic();
    // Leptos's executor starts with the first mount, so the boot future runs
    // on wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async move {
        let (clinic, file_check) = clinic_request.await;
        if !matches!(file_check, ClinicFileCheck::Unreachable(_)) {
            // For the next visit's first paint; a file that could not be
            // read says nothing about the clinic, so the last hint stays.
            data.remember_first_paint(FirstPaintHint::of(&clinic));
        }
        let clinic = ClinicSetup::new(clinic, file_check);
        let lang = wanted_language(data, &clinic, &env, link);
        let locale = if lang == guess {
            locale_early.await
        } else {
            files.locale(lang).await
        };
        // The clinic's choice of language, else English.
        let locale = match locale.and_then(downcast::<Locale>) {
            Ok(locale) => Ok(locale),
            Err(why) => {
                leptos::logging::warn!("MicroCare: {}: {why}", lang.code());
                files.locale(Lang::En).await.and_then(downcast::<Locale>)
            }
        };
        let Ok(locale) = locale else {
            could_not_start(&root);
            return;
        };
        let route = opening_route(address, data, &clinic, now);
        // The opening page's section, so that its first screen is drawn at
        // once, as the page written at build time showed it.
        let section: Result<(), LoadError> = match route.section_file() {
            Some(TextFile::Faq) => files
                .section::<FaqContent>(locale.lang, clinic.clone(), section_early)
                .await
                .map(drop),
            Some(TextFile::Check) => files
                .section::<CheckText>(locale.lang, clinic.clone(), section_early)
                .await
                .map(drop),
            Some(TextFile::Aftercare) => files
                .section::<CareText>(locale.lang, clinic.clone(), section_early)
                .await
                .map(drop),
            _ => Ok(()),
        };
        if let Err(why) = section {
            // The page shows its own message and "Try again".
            leptos::logging::warn!("MicroCare: {why}");
        }
        let locale = Arc::unwrap_or_clone(locale);
        // Reading the files and drawing the app, two tasks rather than one
        // long one on a slow phone (see `browser::tasks`).
        crate::browser::tasks::next_task().await;
        mount(
            root,
            Boot {
                locale,
                data,
                clinic,
                env,
                now,
                files,
                route,
            },
        );
    });
}

/// Says so in the page written at build time, which stays: in its status
/// line (the neutral shell's), else above its first screen.
fn could_not_start(root: &web_sys::HtmlElement) {
    const WHY: &str =
        "MicroCare could not start. Please check your connection and reload the page.";
    if let Some(status) = root.query_selector("[data-mc-status]").ok().flatten() {
        status.set_text_content(Some(WHY));
    } else if let Ok(status) = document().create_element("p") {
        status.set_class_name("mc-status");
        let _ = status.set_attribute("role", "alert");
        status.set_text_content(Some(WHY));
        let _ = root.prepend_with_node_1(&status);
    }
}

/// Replaces the content of the root element with the app, in the clinic's
/// colours (set as custom properties through the CSSOM, which a strict
/// Content-Security-Policy allows), for as long as the page lives.
pub fn mount(root: web_sys::HtmlElement, boot: Boot) {
    let classes = root.class_list();
    let _ = classes.add_1("mc");
    if boot.env.host != Host::Standalone {
        // Sized to its content, with the tab bar in the flow.
        let _ = classes.add_1("mc-embedded");
    }
    for (brand, colour) in &boot.clinic.colors {
        let _ = root.style().set_property(brand.property(), colour);
    }
    if boot.env.host == Host::Framed {
        report_height(&root);
    }
    // The app replaces the first screen the build wrote rather than
    // hydrating it (the app's first screen depends on what is stored, which
    // the build cannot know): what the person did there is carried over.
    let carried = carried_from_first_screen(&root);
    let search_focused = document()
        .active_element()
        .is_some_and(|element| element.id() == SEARCH_ID);
    let anchor = ScrollAnchor::take(&root);
    root.set_inner_text("");
    // Host pages and tests can tell the app from the first screen.
    let _ = root.remove_attribute("data-mc-first-screen");
    let _ = root.set_attribute("data-mc-started", "");
    // The app lives as long as the page: the handle is never dropped.
    mount_to(root.unchecked_into(), move || {
        provide_context(carried);
        view! { <App boot/> }
    })
    .forget();
    if let Some(anchor) = anchor {
        anchor.restore();
    }
    if search_focused {
        focus_now(&format!("#{SEARCH_ID}"));
    }
}

/// The FAQ's search box, on the first screen and in the app.
const SEARCH_ID: &str = "mc-faq-search";

/// The search typed and the answers opened on the FAQ's first screen
/// written at build time, before the app started.
fn carried_from_first_screen(root: &web_sys::HtmlElement) -> faq::FaqCarried {
    let mut carried = faq::FaqCarried::default();
    if root.get_attribute("data-mc-first-screen").as_deref() != Some("faq") {
        return carried;
    }
    if let Some(search) = root
        .query_selector(&format!("#{SEARCH_ID}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        carried.query = search.value();
    }
    if let Ok(opened) = root.query_selector_all("details[open]") {
        for i in 0..opened.length() {
            let id = opened
                .item(i)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                .map(|element| element.id());
            if let Some(entry) = id.as_deref().and_then(|id| id.strip_prefix("faq-")) {
                carried.opened.push(entry.to_string());
            }
        }
    }
    carried
}

/// Provides every context of the app from `boot`: what [`App`] does first,
/// and what a native render of a single page does.
pub fn provide_app_contexts(boot: Boot) -> ReadSignal<Route> {
    let Boot {
        locale,
        data,
        clinic,
        env,
        now,
        files,
        route,
    } = boot;
    let opening = route.clone();
    let (route, set_route) = signal(route);
    // Once a clinic's session link is opened, its language is wanted for
    // the rest of the visit (unless the person chose one).
    let link = Memo::new(move |kept: Option<&Option<Lang>>| match route.get() {
        Route::SessionLink(query) => link_language(&query, now),
        _ => kept.copied().flatten(),
    });
    let wanted = {
        let clinic = clinic.clone();
        let env = env.clone();
        move || wanted_language(data, &clinic, &env, link.get())
    };
    let i18n = I18n::following(locale, wanted, files.clone());
    provide_context(i18n);
    provide_context(data);
    provide_context(Clock::in_zone(now, env.zone));
    provide_context(env.clone());
    provide_context(clinic);
    provide_context(files);
    provide_context(route);
    // The browser, once the first screen is up: the address and its
    // changes, other tabs' changes, the offline copy and install prompt.
    Effect::new(move |_| {
        follow_navigation(set_route, opening.clone(), env.host);
        data.follow_other_tabs();
        crate::ui::pwa::start(data);
    });
    route
}

/// The whole app: the skip link, header, tab bar, the page for the current
/// route with the notices above it, and the footer.
#[component]
pub fn App(
    /// What start-up read, or a native render gives.
    boot: Boot,
) -> impl IntoView {
    let route = provide_app_contexts(boot);
    let i18n = crate::ui::i18n::use_i18n();
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
pub fn page(route: Route) -> AnyView {
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
    let host = crate::ui::env::use_env().host;
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        let to_faq_entry = matches!(current, Route::FaqEntry(_));
        if previous.is_some_and(|p| p != current) && !to_faq_entry {
            // After the new page is drawn.
            request_animation_frame(move || {
                // In a clinic's page, focusing the heading scrolls just enough.
                if host != Host::Mounted {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                // Now, or once a page still loading its code is shown.
                split::focus_heading();
            });
        }
        current
    });
}

/// The route provided by [`App`].
pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}
