//! Loads a language's locale file from the app's own folder.
//!
//! Only the chosen language is downloaded, so a phone pays for one language,
//! not three. The file sits beside `index.html`, so the relative URL works
//! under any sub-path.

use crate::core::i18n::{Lang, Locale};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The path of a language's file, relative to the app's folder.
pub fn locale_path(lang: Lang) -> String {
    format!("locales/{}.json", lang.code())
}

/// Fetches and validates the locale for `lang`.
pub async fn load_locale(lang: Lang) -> Result<Locale, String> {
    let text = fetch_text(&locale_path(lang)).await?;
    Locale::parse(lang, &text).map_err(|e| e.to_string())
}

/// Fetches a language's content file `locales/<code>.<name>.json` as text.
pub async fn load_content_file(lang: Lang, name: &str) -> Result<String, String> {
    fetch_text(&format!("locales/{}.{name}.json", lang.code())).await
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("could not fetch {url}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "fetch did not return a response".to_string())?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| format!("could not read {url}"))?;
    JsFuture::from(text)
        .await
        .map_err(|_| format!("could not read {url}"))?
        .as_string()
        .ok_or_else(|| format!("{url} is not text"))
}
