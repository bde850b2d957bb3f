//! Follows `location.hash` and turns it into a [`Route`] signal.
//!
//! Links are plain `<a href="#/faq">`: the browser keeps history, so Back and
//! Forward work without any code here, and nothing intercepts clicks.
//!
//! ```no_run
//! use leptos::prelude::*;
//! use microcare::browser::navigation::use_hash_route;
//! let route = use_hash_route();
//! Effect::new(move |_| leptos::logging::log!("{:?}", route.get()));
//! ```

use crate::core::route::Route;
use leptos::prelude::*;

/// The route in the current `location.hash`, `Home` where it is not a route.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash).unwrap_or(Route::Home)
}

/// A signal of the current route, updated on every `hashchange`.
/// An in-page anchor such as `#main` leaves the route as it was.
pub fn use_hash_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(current_route());
    let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(next) = Route::parse(&hash) {
            set_route.set(next);
        }
    });
    route
}

/// Puts `route` in the address bar in place of the current history entry,
/// with no new entry and no `hashchange`: for the page chosen at start,
/// before [`use_hash_route`] reads it.
pub fn replace_route(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
}
