//! Giving the browser its turn while the app starts.
//!
//! On a phone's slow CPU, reading the opening section's file and drawing the
//! app in one go is one long task, during which a tap waits (what
//! Lighthouse counts as total blocking time). Awaiting [`next_task`] between
//! the two makes them two tasks, with the browser free to paint and answer
//! input in between.
//!
//! ```no_run
//! # async fn start() {
//! // ... read the files ...
//! microcare::browser::tasks::next_task().await;
//! // ... draw the app ...
//! # }
//! ```

use wasm_bindgen::JsValue;

/// Resolves in a later task of the browser's event loop (a timeout of
/// zero), not in the current one as an already resolved promise would.
/// Where there is no window or the timeout is refused, it resolves at once.
pub async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}
