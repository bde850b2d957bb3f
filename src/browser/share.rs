//! Sharing what the person chose to share: text through the system share
//! sheet where the browser has one, otherwise the clipboard; a photo through
//! the share sheet where it takes files. Nothing is ever sent by itself.

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

/// Whether the navigator has `method` (`share`, `canShare`).
fn navigator_has(navigator: &web_sys::Navigator, method: &str) -> bool {
    js_sys::Reflect::get(navigator, &method.into())
        .map(|f| f.is_function())
        .unwrap_or(false)
}

/// The share request for one file named `name` holding `blob`.
fn file_share(name: &str, blob: &web_sys::Blob) -> Option<web_sys::ShareData> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(&blob.type_());
    let file = web_sys::File::new_with_blob_sequence_and_options(
        &js_sys::Array::of1(blob),
        name,
        &options,
    )
    .ok()?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    Some(data)
}

/// Whether this browser's share sheet takes photos, so that the button can
/// say what it will do ("Share" or "Save a copy") before it is tapped.
///
/// ```no_run
/// use microcare::browser::share::can_share_photos;
/// let label = if can_share_photos() { "Share" } else { "Save a copy" };
/// ```
pub fn can_share_photos() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    if !navigator_has(&navigator, "share") || !navigator_has(&navigator, "canShare") {
        return false;
    }
    let probe = web_sys::Blob::new().ok().and_then(|empty| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("image/jpeg");
        let typed = web_sys::Blob::new_with_blob_sequence_and_options(
            &js_sys::Array::of1(&empty),
            &options,
        )
        .ok()?;
        file_share("photo.jpg", &typed)
    });
    probe.is_some_and(|data| navigator.can_share_with_data(&data))
}

/// Shares `blob` as the file `name` through the share sheet. Only where
/// [`can_share_photos`]; elsewhere the page offers "Save a copy" instead
/// (`download::download_blob`). A refused share (a second one still open,
/// or a browser that no longer counts the tap) is `Failed`: the photo never
/// goes anywhere the person did not pick.
pub async fn share_file(name: &str, blob: &web_sys::Blob) -> Shared {
    let (Some(navigator), Some(data)) = (
        web_sys::window().map(|w| w.navigator()),
        file_share(name, blob),
    ) else {
        return Shared::Failed;
    };
    if !navigator_has(&navigator, "share") {
        return Shared::Failed;
    }
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Sheet,
        Err(error) if super::error_name(&error) == "AbortError" => Shared::Cancelled,
        Err(_) => Shared::Failed,
    }
}
