//! Saving a file to the person's device, and reading one they pick.

use crate::core::backup::{MAX_BACKUP_BYTES, MAX_PHOTO_BACKUP_BYTES};
use crate::core::sizes::starts_like_backup;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `filename`. Nothing leaves the device:
/// the file is made in the page from a Blob.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    download_blob(filename, &blob)
}

/// Offers `blob` (a backup, a photo) as a download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob)
        .map_err(|_| "could not make the file's address")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not make a link")?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Released a minute later, not at once: Safari may still be reading a
    // large file (a backup with photos) when the click returns.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Why a picked file was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickError {
    /// Larger than any backup: over [`MAX_PHOTO_BACKUP_BYTES`], or over
    /// [`MAX_BACKUP_BYTES`] without starting as a backup does.
    TooLarge,
    /// The browser could not read it (moved or deleted since it was picked).
    Unreadable,
}

/// Reads the first file picked in a file input as text, if it may be a
/// backup: a file of at most [`MAX_BACKUP_BYTES`] is read whole; a larger
/// one (a backup with photos) only up to [`MAX_PHOTO_BACKUP_BYTES`] and if
/// its first bytes are a backup's (`sizes::starts_like_backup`), so that a
/// large video or archive picked by mistake is refused without being read.
/// `None` when no file is picked.
pub async fn read_picked_file(
    input: &web_sys::HtmlInputElement,
) -> Option<Result<String, PickError>> {
    let file = input.files()?.get(0)?;
    let size = file.size();
    let result = if size > MAX_PHOTO_BACKUP_BYTES {
        Err(PickError::TooLarge)
    } else if size <= MAX_BACKUP_BYTES {
        text_of(&file).await
    } else {
        match file.slice_with_i32_and_i32(0, 256) {
            Ok(head) => match text_of(&head).await {
                Ok(head) if starts_like_backup(&head) => text_of(&file).await,
                Ok(_) => Err(PickError::TooLarge),
                Err(error) => Err(error),
            },
            Err(_) => Err(PickError::Unreadable),
        }
    };
    Some(result)
}

/// A Blob's content as text (UTF-8).
async fn text_of(blob: &web_sys::Blob) -> Result<String, PickError> {
    JsFuture::from(blob.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(PickError::Unreadable)
}

/// The current moment in UTC, ISO 8601.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
