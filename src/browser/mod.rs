//! The only code that talks to browser APIs beyond rendering. Each module is
//! small and tested in a real browser with wasm-bindgen-test.

pub mod camera;
pub mod dates;
pub mod download;
pub mod host;
pub mod locale_loader;
pub mod navigation;
pub mod notify;
pub mod photo_image;
pub mod photo_store;
pub mod pwa;
pub mod scroll_anchor;
pub mod share;
pub mod storage;
pub mod tasks;

/// The name of a DOM exception (`QuotaExceededError`, `AbortError`, ...), or
/// an empty string for any other error.
pub fn error_name(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default()
}
