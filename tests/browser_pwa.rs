//! The offline and install wrappers in a real browser (wasm-bindgen-test in
//! headless Chromium). The test page has no sw.js: registering must fail
//! quietly, and the app works as a plain web page.
#![cfg(target_arch = "wasm32")]

use microcare::browser::pwa;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

/// Dispatches a cancelable event named `name` on the window; returns it.
fn dispatch(name: &str, extra: &[(&str, JsValue)]) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    for (key, value) in extra {
        js_sys::Reflect::set(&event, &JsValue::from_str(key), value).unwrap();
    }
    window().dispatch_event(&event).unwrap();
    event
}

async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn without_a_worker_file_registering_fails_quietly_and_this_is_a_first_visit() {
    let updates = Rc::new(Cell::new(0));
    let seen = updates.clone();
    pwa::register_service_worker(move || seen.set(seen.get() + 1));
    next_tick().await;
    assert!(!pwa::install_platform().returning);
    assert_eq!(updates.get(), 0);
    // Nothing is waiting: asking for the update does nothing harmful.
    pwa::apply_update();
}

#[wasm_bindgen_test]
fn connection_changes_are_heard_and_the_browser_is_online_now() {
    let heard = Rc::new(Cell::new(0));
    let count = heard.clone();
    let online = pwa::watch_connection(move |online| {
        // The events are synthetic: the browser itself is still online.
        assert!(online);
        count.set(count.get() + 1);
    });
    assert!(online);
    dispatch("offline", &[]);
    dispatch("online", &[]);
    assert_eq!(heard.get(), 2);
}

#[wasm_bindgen_test]
fn the_install_prompt_is_kept_for_later_and_shown_once_when_asked() {
    let ready = Rc::new(Cell::new(false));
    let flag = ready.clone();
    pwa::watch_install_prompt(move || flag.set(true));
    // What Chromium's beforeinstallprompt offers: prompt() and userChoice.
    let prompt = js_sys::Function::new_no_args(
        "window.__prompts = (window.__prompts || 0) + 1; return Promise.resolve();",
    );
    let choice = js_sys::Promise::resolve(&JsValue::from(js_sys::Object::new()));
    let event = dispatch(
        "beforeinstallprompt",
        &[("prompt", prompt.into()), ("userChoice", choice.into())],
    );
    assert!(ready.get());
    assert!(
        event.default_prevented(),
        "the browser's own banner waits for MicroCare's offer"
    );
    let prompts = || js_sys::Reflect::get(&window(), &"__prompts".into()).unwrap();
    assert!(prompts().is_undefined());
    pwa::show_install_prompt();
    assert_eq!(prompts().as_f64(), Some(1.0));
    // A prompt can be shown once only.
    pwa::show_install_prompt();
    assert_eq!(prompts().as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn headless_chromium_on_linux_is_not_an_iphone_nor_opened_from_the_home_screen() {
    let platform = pwa::install_platform();
    assert!(!platform.ios);
    assert!(!platform.standalone);
}
