//! Start-up and the root component.

use crate::browser::locale_loader::load_locale;
use crate::browser::navigation::use_hash_route;
use crate::core::i18n::{Lang, Locale};
use crate::core::route::Route;
use crate::ui::i18n::I18n;
use crate::ui::layout::{Footer, Header, TabBar};
use crate::ui::{aftercare, faq, home, not_found, privacy, screening};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element MicroCare mounts into; `index.html` fills it with a
/// static shell that shows until the app is ready.
pub const ROOT_ID: &str = "microcare";

/// Entry point of the WASM build: picks the language, loads its text, then
/// replaces the static shell with the app.
pub fn start() {
    let lang = preferred_lang();
    // Leptos's executor starts with the first mount, so the boot future runs
    // on wasm-bindgen-futures directly.
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = match load_locale(lang).await {
            Ok(locale) => Ok((lang, locale)),
            Err(why) if lang != Lang::En => {
                leptos::logging::warn!("MicroCare: {why}; falling back to English");
                load_locale(Lang::En).await.map(|locale| (Lang::En, locale))
            }
            Err(why) => Err(why),
        };
        let Some(root) = document()
            .get_element_by_id(ROOT_ID)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            leptos::logging::warn!("MicroCare: no element with id {ROOT_ID}");
            return;
        };
        match loaded {
            Ok((lang, locale)) => mount(root, lang, locale),
            Err(why) => {
                leptos::logging::warn!("MicroCare: {why}");
                if let Some(status) = root.query_selector("[data-mc-status]").ok().flatten() {
                    status.set_text_content(Some(
                        "MicroCare could not start. Please check your connection and reload the page.",
                    ));
                }
            }
        }
    });
}

/// Replaces the content of `root` with the app in `lang`.
pub fn mount(root: web_sys::HtmlElement, lang: Lang, locale: Locale) {
    root.set_inner_text("");
    leptos::mount::mount_to(root, move || view! { <App lang=lang locale=locale /> }).forget();
}

fn preferred_lang() -> Lang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(&tags)
}

/// The whole app: header, the page for the current route, the tab bar and
/// the footer.
#[component]
pub fn App(
    /// The language the text was loaded for.
    lang: Lang,
    /// The loaded text of that language.
    locale: Locale,
) -> impl IntoView {
    let i18n = I18n::new(lang, locale);
    provide_context(i18n);
    let route = use_hash_route();
    move_focus_on_navigation(route);

    view! {
        <div class="mc-app">
            <a class="mc-skip-link" href="#mc-main" on:click=skip_to_main>
                {move || i18n.t(crate::core::i18n::Key::SkipToContent)}
            </a>
            <Header />
            <TabBar route=route />
            <main id="mc-main" class="mc-main" tabindex="-1">
                {move || page_for(route.get())}
            </main>
            <Footer />
        </div>
    }
}

fn page_for(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::HomePage /> }.into_any(),
        Route::Faq | Route::FaqEntry(_) => view! { <faq::FaqPage /> }.into_any(),
        Route::Check => view! { <screening::CheckPage /> }.into_any(),
        Route::Aftercare => view! { <aftercare::AftercarePage /> }.into_any(),
        Route::Privacy => view! { <privacy::PrivacyPage /> }.into_any(),
        Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
    }
}

/// The skip link moves focus without touching `location.hash`, which holds
/// the route.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_selector("#mc-main");
}

/// After a navigation (not the first render), move focus to the new page's
/// heading and scroll to the top, as screen reader and keyboard users expect.
fn move_focus_on_navigation(route: ReadSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if previous.is_some_and(|p| p != current) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_selector("#mc-main h1");
        }
        current
    });
}

fn focus_selector(selector: &str) {
    if let Some(el) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
