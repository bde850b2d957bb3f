//! Working offline and installing: the service worker (`sw.js`, written by
//! `scripts/pwa.mjs` after each build), the connection state, and the
//! browser's install prompt.
//!
//! These APIs are reached through `js_sys::Reflect` rather than typed
//! web-sys bindings: each typed binding adds an import and JS glue to the
//! first load, and these few calls do not need them. Every call tolerates a
//! browser without the API (no service worker in a private window, no
//! install prompt outside Chromium): the app then simply works online.

use js_sys::{Function, JsString, Reflect};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The browser's deferred install prompt, while it can be shown.
    static PROMPT: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls method `name` of `target` with up to two arguments (`undefined`
/// for the rest); `undefined` when there is no such method or it throws.
fn call(target: &JsValue, name: &str, a: &JsValue, b: &JsValue) -> JsValue {
    get(target, name)
        .dyn_ref::<Function>()
        .and_then(|f| f.call2(target, a, b).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

const NONE: &JsValue = &JsValue::UNDEFINED;

fn present(value: &JsValue) -> bool {
    !value.is_undefined() && !value.is_null()
}

/// A JS function that calls `handler` for as long as the page lives.
/// (Closures rather than futures: one small piece of glue for all.)
fn function(handler: Box<dyn FnMut(JsValue)>) -> JsValue {
    Closure::wrap(handler).into_js_value()
}

/// Calls `handler` on every `event` of `target`.
fn listen(target: &JsValue, event: &str, handler: Box<dyn FnMut(JsValue)>) {
    call(
        target,
        "addEventListener",
        &JsValue::from_str(event),
        &function(handler),
    );
}

/// Logs a rejection of `promise` as a warning, rather than leaving it
/// unhandled (an error in the console).
fn quietly(promise: &JsValue) {
    let warn = function(Box::new(|why| {
        leptos::logging::warn!("MicroCare: {why:?}");
    }));
    call(promise, "catch", &warn, NONE);
}

fn window() -> JsValue {
    web_sys::window()
        .map(JsValue::from)
        .unwrap_or(JsValue::UNDEFINED)
}

fn navigator() -> JsValue {
    get(&window(), "navigator")
}

fn reload() {
    call(&get(&window(), "location"), "reload", NONE, NONE);
}

/// What the browser tells about installing: an iPhone or iPad, opened
/// from the Home Screen, a later visit (the offline copy served this page).
pub fn install_platform() -> crate::core::pwa::InstallPlatform {
    let (has, touch, standalone) = platform();
    let container = get(&navigator(), "serviceWorker");
    crate::core::pwa::InstallPlatform {
        ios: crate::core::pwa::is_ios(has, touch),
        standalone,
        returning: present(&container) && present(&get(&container, "controller")),
    }
}

/// Registers `sw.js` (beside `index.html`, so it covers the app's folder,
/// whatever the sub-path). On a later visit, `on_update` is called once a
/// new version has been downloaded and waits; [`apply_update`] starts it.
///
/// The worker in charge of this page says when a new version waits: when
/// asked here, and when the new version finishes downloading (see
/// `scripts/service-worker.js`).
///
/// Mounted in a clinic's page (`mount.js`), nothing is registered nor
/// listened to: a worker registers relative to the page, so `sw.js` would
/// be looked for beside the clinic's page (a 404 error in its console) or,
/// with the page inside the app's folder, would take the clinic's page
/// over; and the service worker in charge there, if any, is the clinic's,
/// whose messages and changes are not ours. The app then works online, as
/// the clinic's page does.
pub fn register_service_worker(on_update: impl Fn() + 'static) {
    if crate::browser::host::host() == crate::browser::host::Host::Mounted {
        return;
    }
    let container = get(&navigator(), "serviceWorker");
    if !present(&container) {
        return;
    }
    let controller = get(&container, "controller");
    let mut controlled = present(&controller);
    // A new version took over (Reload was tapped here or in another tab):
    // start it whole rather than mix its files with this page's. (On a first
    // visit, the first worker taking charge changes nothing.)
    listen(
        &container,
        "controllerchange",
        Box::new(move |_| {
            if controlled {
                reload();
            }
            controlled = true;
        }),
    );
    if present(&controller) {
        listen(
            &container,
            "message",
            Box::new(move |event| {
                if get(&event, "data").as_string().as_deref() == Some("update-ready") {
                    on_update();
                }
            }),
        );
        post(&controller, "ask");
    }
    quietly(&call(
        &container,
        "register",
        &JsValue::from_str("sw.js"),
        NONE,
    ));
}

fn post(worker: &JsValue, message: &str) {
    call(worker, "postMessage", &JsValue::from_str(message), NONE);
}

/// Lets the waiting version take over; every page of the app then reloads
/// with it (see `controllerchange` above).
pub fn apply_update() {
    post(
        &get(&get(&navigator(), "serviceWorker"), "controller"),
        "update",
    );
}

fn is_online() -> bool {
    get(&navigator(), "onLine").as_bool() != Some(false)
}

/// Whether the browser believes it is online now; `on_change` hears every
/// change after that.
pub fn watch_connection(on_change: impl Fn(bool) + 'static) -> bool {
    let handler = function(Box::new(move |_| on_change(is_online())));
    for event in ["online", "offline"] {
        call(
            &window(),
            "addEventListener",
            &JsValue::from_str(event),
            &handler,
        );
    }
    is_online()
}

/// Keeps the browser's install prompt for later (Chromium offers it with
/// `beforeinstallprompt`), so that MicroCare offers it at a sensible moment
/// instead; `on_ready` is called once it can be shown.
pub fn watch_install_prompt(on_ready: impl Fn() + 'static) {
    listen(
        &window(),
        "beforeinstallprompt",
        Box::new(move |event| {
            call(&event, "preventDefault", NONE, NONE);
            PROMPT.with(|p| p.replace(event));
            on_ready();
        }),
    );
}

/// Shows the kept install prompt (it can be shown once); nothing happens
/// when there is none.
pub fn show_install_prompt() {
    let event = PROMPT.with(|p| p.take());
    quietly(&call(&event, "prompt", NONE, NONE));
}

/// What tells an iPhone or iPad: whether the user agent contains a word,
/// whether the screen is a touch screen, and whether the app was opened from
/// the Home Screen (iOS sets `navigator.standalone`).
fn platform() -> (impl Fn(&str) -> bool, bool, bool) {
    let navigator = navigator();
    let user_agent: JsString = get(&navigator, "userAgent").unchecked_into();
    let has = move |word: &str| user_agent.includes(word, 0);
    let document = get(&window(), "document");
    let touch = !get(&document, "ontouchend").is_undefined();
    let standalone = get(&navigator, "standalone").as_bool() == Some(true);
    (has, touch, standalone)
}
