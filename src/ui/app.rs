//! Start-up and the root component.

use crate::browser::locale_loader::load_locale;
use crate::browser::navigation::use_hash_route;
use crate::browser::storage::Store;
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang, Locale};
use crate::core::route::Route;
use crate::core::screening::CheckText;
use crate::ui::data::AppData;
use crate::ui::focus::focus_now;
use crate::ui::i18n::tr;
use crate::ui::i18n::I18n;
use crate::ui::layout::{Footer, Header, TabBar};
use crate::ui::lazy::LazyContent;
use crate::ui::notices::Notices;
use crate::ui::{aftercare, faq, home, not_found, privacy, screening};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
}

/// Entry point of the WASM build: opens storage, picks the language, loads
/// its text, then replaces the static shell with the app.
pub fn start() {
    let data = AppData::new(Store::open());
    let saved_lang = data
        .settings
        .with_untracked(|s| s.lang.as_deref().and_then(Lang::from_code));
    let lang = saved_lang.unwrap_or_else(browser_lang);
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
            Ok((lang, locale)) => mount(root, Boot { lang, locale, data }),
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

/// Replaces the content of `root` with the app.
pub fn mount(root: web_sys::HtmlElement, boot: Boot) {
    root.set_inner_text("");
    leptos::mount::mount_to(root, move || view! { <App boot=boot /> }).forget();
}

fn browser_lang() -> Lang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(&tags)
}

/// The whole app: header, the page for the current route, the tab bar and
/// the footer.
#[component]
pub fn App(
    /// Language, text and saved data, ready at start.
    boot: Boot,
) -> impl IntoView {
    let i18n = I18n::new(boot.lang, boot.locale);
    provide_context(i18n);
    provide_context(boot.data);
    crate::ui::pwa::start(boot.data);
    provide_context(LazyContent::<FaqContent>::default());
    provide_context(LazyContent::<CheckText>::default());
    follow_saved_language(i18n, boot.data);
    let route = use_hash_route();
    move_focus_on_navigation(route);

    view! {
        <div class="mc-app">
            <a class="mc-skip-link" href="#mc-main" on:click=skip_to_main>
                {tr(Key::SkipToContent)}
            </a>
            <Header />
            <TabBar route=route />
            <main id="mc-main" class="mc-main" tabindex="-1">
                <Notices />
                {move || page_for(route.get())}
            </main>
            <Footer />
        </div>
    }
}

fn page_for(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::HomePage /> }.into_any(),
        Route::Faq => view! { <faq::FaqPage open=None /> }.into_any(),
        Route::FaqEntry(id) => view! { <faq::FaqPage open=Some(id) /> }.into_any(),
        Route::Check => view! { <screening::CheckPage /> }.into_any(),
        Route::Aftercare => view! { <aftercare::AftercarePage /> }.into_any(),
        Route::Privacy => view! { <privacy::PrivacyPage /> }.into_any(),
        Route::NotFound => view! { <not_found::NotFoundPage /> }.into_any(),
    }
}

/// The saved language choice decides the language, whoever changed it: the
/// switcher, an import, another tab, or deleting everything (then the
/// browser's preference applies again).
fn follow_saved_language(i18n: I18n, data: AppData) {
    Effect::new(move |_| {
        let saved = data
            .settings
            .with(|s| s.lang.as_deref().and_then(Lang::from_code));
        i18n.switch_to(saved.unwrap_or_else(browser_lang));
    });
}

/// The skip link moves focus without touching `location.hash`, which holds
/// the route.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_now("#mc-main");
}

/// After a navigation (not the first render), move focus to the new page's
/// heading and scroll to the top, as screen reader and keyboard users expect.
fn move_focus_on_navigation(route: ReadSignal<Route>) {
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        // A deep link to a FAQ entry focuses that entry instead (see `faq`).
        let to_faq_entry = matches!(current, Route::FaqEntry(_));
        if previous.is_some_and(|p| p != current) && !to_faq_entry {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_now("#mc-main h1");
        }
        current
    });
}
