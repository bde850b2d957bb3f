//! Sharing text the person chose to share: the system share sheet where the
//! browser has one, otherwise the clipboard. Nothing is ever sent by itself.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. `false` when the browser refuses.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The system share sheet was used.
    Sheet,
    /// The text was copied to the clipboard instead.
    Copied,
    /// The person closed the share sheet without sharing.
    Cancelled,
    /// Neither sharing nor copying was possible.
    Failed,
}

/// Opens the share sheet with `title` and `text` where the Web Share API
/// exists, else copies `text` to the clipboard.
pub async fn share_text(title: &str, text: &str) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Failed;
    };
    let navigator = window.navigator();
    let has_share = js_sys::Reflect::get(&navigator, &"share".into())
        .map(|f| f.is_function())
        .unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_text(text);
        return match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => Shared::Sheet,
            Err(error) => {
                let name = super::error_name(&error);
                if name == "AbortError" {
                    Shared::Cancelled
                } else if copy_to_clipboard(text).await {
                    Shared::Copied
                } else {
                    Shared::Failed
                }
            }
        };
    }
    if copy_to_clipboard(text).await {
        Shared::Copied
    } else {
        Shared::Failed
    }
}
