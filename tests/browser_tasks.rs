//! `browser::tasks::next_task`, which splits the app's start into two tasks
//! (reading the files, drawing the app) so that a slow phone can paint and
//! answer a tap in between (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use microcare::browser::tasks::next_task;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A task queued before the wait runs before the wait ends: the code after
/// it is a later task, not a continuation of the current one (which an
/// already resolved promise, or a microtask, would give).
#[wasm_bindgen_test]
async fn the_code_after_it_runs_in_a_later_task() {
    let other_task_ran = Rc::new(Cell::new(false));
    let flag = other_task_ran.clone();
    let other_task = Closure::once_into_js(move || flag.set(true));
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback(other_task.unchecked_ref())
        .unwrap();
    // Still the same task: the timeout has not run.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
    assert!(!other_task_ran.get());
    next_task().await;
    assert!(other_task_ran.get());
}
