//! In-app notifications, only after the person asks for them, and only while
//! the app is open: a web page cannot notify when it is closed, and
//! scheduled notifications do not exist on the web.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Whether notifications may be shown, after asking if needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    Unsupported,
}

fn supported() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"Notification".into()).ok())
        .is_some_and(|n| !n.is_undefined())
}

/// Asks for permission: call only from a tap.
pub async fn request_permission() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    let Ok(promise) = web_sys::Notification::request_permission() else {
        return Permission::Denied;
    };
    match JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .as_deref()
    {
        Some("granted") => Permission::Granted,
        _ => Permission::Denied,
    }
}

/// Shows a notification now, if allowed.
pub fn show(title: &str, body: &str) {
    if !supported()
        || web_sys::Notification::permission() != web_sys::NotificationPermission::Granted
    {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    if let Err(error) = web_sys::Notification::new_with_options(title, &options) {
        let _: JsValue = error;
    }
}
