//! The route as a signal: the only way MicroCare navigates.
//!
//! Links are plain `<a href="#/faq">`. In the app's own page (and in an
//! iframe) the route is `location.hash`: the browser keeps history, so Back
//! and Forward work without any code here, and nothing intercepts clicks.
//! Mounted in a clinic's page, the route lives in memory instead: a click on
//! one of the app's route links inside its root changes the signal, and the
//! host page's address, history and links are never touched.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use microcare::browser::navigation::use_route;
//! # let root: web_sys::Element = unimplemented!();
//! let route = use_route(&root, None);
//! Effect::new(move |_| leptos::logging::log!("{:?}", route.get()));
//! ```

use crate::browser::host::{host, Host};
use crate::core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The route in the current `location.hash`, `Home` where it is not a route.
pub fn current_route() -> Route {
    Route::parse(&hash()).unwrap_or(Route::Home)
}

fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A signal of the current route. `root` is the app's element, whose route
/// links are followed in memory when the app is mounted in another page.
/// `opening` is the page to open on when the app is opened at its plain
/// address (no route in the link), instead of Home.
pub fn use_route(root: &web_sys::Element, opening: Option<Route>) -> ReadSignal<Route> {
    let opening = opening.unwrap_or(Route::Home);
    if host() == Host::Mounted {
        let (route, set_route) = signal(opening);
        let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let href = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href^='#']").ok().flatten())
                .and_then(|a| a.get_attribute("href"));
            if let Some(next) = href.as_deref().and_then(Route::parse) {
                ev.prevent_default();
                set_route.set(next);
            }
        });
        let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        return route;
    }
    if hash().is_empty() && opening != Route::Home {
        replace_route(&opening);
    }
    let (route, set_route) = signal(current_route());
    // An in-page anchor such as `#main` leaves the route as it was.
    let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(next) = Route::parse(&hash()) {
            set_route.set(next);
        }
    });
    route
}

/// Puts `route` in the address bar in place of the current history entry,
/// with no new entry and no `hashchange`: for the page chosen at start.
fn replace_route(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
}

/// Goes to `route` in place of the current history entry: Back does not
/// return to the page left. For a session link once answered, so that a
/// reload, the history or a screenshot of the address bar does not carry
/// the link on. In a clinic's page (the route in memory) nothing changes.
pub fn replace_current_route(route: &Route) {
    if host() == Host::Mounted {
        return;
    }
    if let Some(window) = web_sys::window() {
        // A new fragment: `hashchange` follows, and with it the route signal.
        let _ = window.location().replace(&route.href());
    }
}
