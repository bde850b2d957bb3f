//! Saving a file to the person's device, and reading one they pick.

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
    let url = web_sys::Url::create_object_url_with_blob(&blob)
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
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the first file picked in a file input as text, with its size.
pub async fn read_picked_file(input: &web_sys::HtmlInputElement) -> Option<Result<String, f64>> {
    let file = input.files()?.get(0)?;
    let size = file.size();
    if size > crate::core::schema::MAX_BACKUP_BYTES {
        return Some(Err(size));
    }
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some(Ok(text))
}

/// The current moment in UTC, ISO 8601.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}
