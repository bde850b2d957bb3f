//! Following the address: the only way MicroCare navigates.
//!
//! Links are plain `<a href="#/faq">`. In the app's own page (and in an
//! iframe) the route is `location.hash`: the browser keeps history, so Back
//! and Forward work without any code here, and nothing intercepts clicks.
//! Mounted in a clinic's page, the route lives in memory instead: a click on
//! one of the app's route links inside its root changes the route, and the
//! host page's address, history and links are never touched.
//!
//! The route itself is a signal of the app's (`ui::app`), set from plain
//! data at start; [`follow_navigation`] moves it, from an effect.

use crate::browser::host::{host, Host};
use crate::core::route::Route;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The route in the current `location.hash`, if it holds one.
pub fn current_route() -> Option<Route> {
    let hash = hash();
    if hash.is_empty() {
        return None;
    }
    Some(Route::parse(&hash).unwrap_or(Route::Home))
}

fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Moves `route` with the address (or, mounted in a clinic's page, with
/// clicks on the app's route links), for as long as the page lives. The
/// route the app opened on is put in the address bar when the address had
/// none (an opening on Today, not Home).
pub fn follow_navigation(route: WriteSignal<Route>, opening: Route, host: Host) {
    if host == Host::Mounted {
        let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let href = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href^='#']").ok().flatten())
                .and_then(|a| a.get_attribute("href"));
            if let Some(next) = href.as_deref().and_then(Route::parse) {
                ev.prevent_default();
                route.set(next);
            }
        });
        let root = document().query_selector("[data-mc-mount]").ok().flatten();
        if let Some(root) = root {
            let _ =
                root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        }
        on_click.forget();
        return;
    }
    if hash().is_empty() && opening != Route::Home {
        replace_route(&opening);
    }
    // An in-page anchor such as `#main` leaves the route as it was.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(next) = Route::parse(&hash()) {
            route.set(next);
        }
    });
    // The app lives as long as the page.
    std::mem::forget(listener);
    // A tab of the build's first screen tapped while the app was starting
    // moved the address after start-up read it, before this listener: the
    // app follows it rather than stay on the section it opened on.
    if let Some(moved) = Route::parse(&hash()).filter(|now| *now != opening) {
        route.set(moved);
    }
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
