//! Start-up and the root component.

use crate::browser::dates::now_millis;
use crate::browser::locale_loader::load_locale;
use crate::browser::navigation::{replace_route, use_hash_route};
use crate::browser::storage::Store;
use crate::core::aftercare::{is_recent, CareText, DEFAULT_PROTOCOL};
use crate::core::faq::FaqContent;
use crate::core::i18n::{Key, Lang, Locale};
use crate::core::route::Route;
use crate::core::screening::CheckText;
use crate::ui::content_dom::{append, element, listen, set};
use crate::ui::data::AppData;
use crate::ui::focus::focus_now;
use crate::ui::i18n::{append_text, I18n};
use crate::ui::layout::{footer, header, tab_bar};
use crate::ui::lazy::LazyContent;
use crate::ui::notices::storage_notices;
use crate::ui::{aftercare, faq, home, not_found, privacy, screening};
use any_spawner::Executor;
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

/// Replaces the content of `root` with the app, for as long as the page
/// lives.
pub fn mount(root: web_sys::HtmlElement, boot: Boot) {
    root.set_inner_text("");
    // Effects run on wasm-bindgen-futures; an error only means it already
    // does.
    let _ = Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| app(&root, boot));
    // The app's reactive owner must outlive this function: dropping it would
    // dispose of every signal and effect.
    std::mem::forget(owner);
}

fn browser_lang() -> Lang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(&tags)
}

/// The whole app: header, the page for the current route, the tab bar and
/// the footer, drawn into `root`.
///
/// Built with [`content_dom`](crate::ui::content_dom) like every page, with
/// no `view!`: Leptos's renderer is then left out of the WASM, a third less
/// to download on a phone. Leptos provides the signals, effects and
/// context.
pub fn app(root: &Element, boot: Boot) {
    let i18n = I18n::new(boot.lang, boot.locale);
    provide_context(i18n);
    provide_context(boot.data);
    provide_context(LazyContent::<FaqContent>::default());
    provide_context(LazyContent::<CheckText>::default());
    provide_context(LazyContent::<CareText>::default());
    follow_saved_language(i18n, boot.data);
    // Opened at its plain address soon after a session, the app opens on
    // that session's Today view: what to avoid now comes first.
    let recent = boot.data.aftercare.with_untracked(|record| {
        record
            .latest()
            .is_some_and(|s| is_recent(DEFAULT_PROTOCOL, s.end, now_millis()))
    });
    if recent && window().location().hash().unwrap_or_default().is_empty() {
        replace_route(&Route::Aftercare);
    }
    let route = use_hash_route();

    let frame = append(root, element("div", Some("mc-app"), None));
    // The skip link moves focus without touching `location.hash`, which
    // holds the route.
    let skip = append_text(&frame, "a", Some("mc-skip-link"), Key::SkipToContent);
    set(&skip, "href", "#mc-main");
    listen(&skip, "click", |ev| {
        ev.prevent_default();
        focus_now("#mc-main");
    });
    header(&frame);
    tab_bar(&frame, route);
    let main = append(&frame, element("main", Some("mc-main"), None));
    set(&main, "id", "mc-main");
    set(&main, "tabindex", "-1");
    storage_notices(&main);
    footer(&frame);

    // One page at a time: leaving a page removes it and disposes of its
    // signals, effects and listeners (the effect's cleanup).
    Effect::new(move |previous: Option<(Route, Element)>| {
        let current = route.get();
        let before = previous.map(|(route, page)| {
            page.remove();
            route
        });
        let page = untrack(|| page_for(&main, current.clone()));
        // After a navigation (not the first page), focus goes to the new
        // page's heading and the view to the top, as screen reader and
        // keyboard users expect; a deep link to a FAQ entry focuses that
        // entry instead (see `faq`).
        let to_faq_entry = matches!(current, Route::FaqEntry(_));
        if before.is_some_and(|b| b != current) && !to_faq_entry {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            focus_now("#mc-main h1");
        }
        (current, page)
    });
}

fn page_for(main: &Element, route: Route) -> Element {
    match route {
        Route::Home => home::home_page(main),
        Route::Faq => faq::faq_page(main, None),
        Route::FaqEntry(id) => faq::faq_page(main, Some(id)),
        Route::Check => screening::check_page(main),
        Route::Aftercare => aftercare::aftercare_page(main),
        Route::Privacy => privacy::privacy_page(main),
        Route::NotFound => not_found::not_found_page(main),
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
