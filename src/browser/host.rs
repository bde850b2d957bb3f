//! Where the app runs: its own page, a clinic's iframe (`embed.js`), or
//! mounted in an element of a clinic's page (`mount.js`).
//!
//! `mount.js` marks the element it mounts into with `data-mc-mount`, the
//! address of the app's folder: the app's files are then fetched from
//! there, and navigation stays in memory so that the host page's address
//! and history are never touched (see `navigation`).

use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// The app's own page.
    Standalone,
    /// Inside an iframe of another page.
    Framed,
    /// Mounted in an element of another page.
    Mounted,
}

thread_local! {
    static HOST: Cell<Host> = const { Cell::new(Host::Standalone) };
    /// The app's folder, ending in `/`; empty: the current page's folder.
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The element to mount into (`[data-mc-mount]`, else `#<id>`); records
/// where the app runs.
pub fn find_root(id: &str) -> Option<HtmlElement> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if let Some(root) = document.query_selector("[data-mc-mount]").ok().flatten() {
        let base = root.get_attribute("data-mc-mount").unwrap_or_default();
        HOST.with(|h| h.set(Host::Mounted));
        BASE.with(|b| *b.borrow_mut() = base);
        return root.dyn_into().ok();
    }
    let framed = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window));
    if framed {
        HOST.with(|h| h.set(Host::Framed));
    }
    document.get_element_by_id(id)?.dyn_into().ok()
}

pub fn host() -> Host {
    HOST.with(Cell::get)
}

/// The address of one of the app's files, e.g. `locales/en.json`.
pub fn asset_url(path: &str) -> String {
    BASE.with(|base| format!("{}{path}", base.borrow()))
}

/// The app's own address without a route: where a shared link leads.
pub fn app_url() -> String {
    if host() == Host::Mounted {
        return asset_url("");
    }
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// In an iframe, tells the parent page the height of the app whenever it
/// changes, as `{type: "microcare:height", height}` and nothing else.
pub fn report_height(root: &HtmlElement) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let el = root.clone();
    let last = Cell::new(-1);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = el.offset_height();
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"microcare:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(root);
    }
    on_resize.forget();
}
