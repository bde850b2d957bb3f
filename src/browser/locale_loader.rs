//! Loads a language's locale file from the app's own folder.
//!
//! Only the chosen language is downloaded, so a phone pays for one language,
//! not three. The file sits beside `index.html`, so the relative URL works
//! under any sub-path (or, mounted in a clinic's page, from the app's
//! folder: see [`host`](crate::browser::host)).

use crate::browser::host::asset_url;
use crate::core::clinic::{Clinic, Problem, FILE_NAME};
use crate::core::i18n::{Lang, Locale};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The path of a language's file, relative to the app's folder.
pub fn locale_path(lang: Lang) -> String {
    format!("locales/{}.json", lang.code())
}

/// Fetches and validates the locale for `lang`.
pub async fn load_locale(lang: Lang) -> Result<Locale, String> {
    read_locale(lang, request_locale(lang)).await
}

/// Starts fetching the locale for `lang` at once; read it with [`read_locale`].
pub fn request_locale(lang: Lang) -> Option<JsFuture> {
    request(&locale_path(lang))
}

/// Validates the locale fetched by [`request_locale`].
pub async fn read_locale(lang: Lang, request: Option<JsFuture>) -> Result<Locale, String> {
    let text = read(&locale_path(lang), request)
        .await
        .map_err(|e| e.to_string())?;
    Locale::parse(lang, &text).map_err(|e| e.to_string())
}

/// Fetches a language's content file `locales/<code>.<name>.json` as text.
pub async fn load_content_file(lang: Lang, name: &str) -> Result<String, String> {
    let path = format!("locales/{}.{name}.json", lang.code());
    read(&path, request(&path)).await.map_err(|e| e.to_string())
}

/// Starts fetching the clinic's `clinic.json` at once; read it with
/// [`read_clinic`].
pub fn request_clinic() -> Option<JsFuture> {
    request(FILE_NAME)
}

/// What the app found of the clinic's `clinic.json` at start: shown on the
/// clinic's desk, since clinics have no Rust toolchain to run
/// `check-clinic`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClinicFileCheck {
    /// No file (404): the app runs on its defaults, which is normal.
    Missing,
    /// The file could not be fetched or read; the reason, for the staff.
    Unreachable(String),
    /// The file was read; every problem in it (none: it is valid).
    Checked(Vec<Problem>),
}

/// The clinic's configuration, and what was found of its file. No file
/// (404) is normal: the defaults. An invalid file or field is reported with
/// `console.warn`, not as an error: the app works on its defaults for it,
/// and the clinic reads the problems on the desk (or in the console).
pub async fn read_clinic(request: Option<JsFuture>) -> (Clinic, ClinicFileCheck) {
    match read(FILE_NAME, request).await {
        Ok(text) => {
            let (clinic, problems) = Clinic::parse(&text);
            for problem in &problems {
                leptos::logging::warn!("MicroCare: {FILE_NAME}: {problem}; the default is used");
            }
            (clinic, ClinicFileCheck::Checked(problems))
        }
        Err(why) if why.is_missing() => (Clinic::default(), ClinicFileCheck::Missing),
        Err(why) => {
            leptos::logging::warn!("MicroCare: {why}; the default configuration is used");
            (
                Clinic::default(),
                ClinicFileCheck::Unreachable(why.to_string()),
            )
        }
    }
}

/// Why one of the app's files could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered, with this HTTP status (not a success).
    Status { url: String, status: u16 },
    /// No answer, or one that could not be read: why, in words.
    Network(String),
}

impl LoadError {
    /// The file is not there (404): for the optional `clinic.json`, the
    /// normal case.
    pub fn is_missing(&self) -> bool {
        matches!(self, LoadError::Status { status: 404, .. })
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Status { url, status } => write!(f, "{url}: HTTP {status}"),
            LoadError::Network(why) => f.write_str(why),
        }
    }
}

/// Starts fetching one of the app's files (`path` relative to its folder).
fn request(path: &str) -> Option<JsFuture> {
    let window = web_sys::window()?;
    Some(JsFuture::from(window.fetch_with_str(&asset_url(path))))
}

/// The text of a file whose fetch [`request`] started.
async fn read(url: &str, request: Option<JsFuture>) -> Result<String, LoadError> {
    let response: web_sys::Response = request
        .ok_or_else(|| LoadError::Network("no window".into()))?
        .await
        .map_err(|_| LoadError::Network(format!("could not fetch {url}")))?
        .dyn_into()
        .map_err(|_| LoadError::Network("fetch did not return a response".into()))?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let text = response
        .text()
        .map_err(|_| LoadError::Network(format!("could not read {url}")))?;
    JsFuture::from(text)
        .await
        .map_err(|_| LoadError::Network(format!("could not read {url}")))?
        .as_string()
        .ok_or_else(|| LoadError::Network(format!("{url} is not text")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pins the old test of the message's text: a 404 is told by its
    /// number, whatever the words around it.
    #[test]
    fn only_a_404_status_is_a_missing_file_and_messages_stay_the_same() {
        let status = |status| LoadError::Status {
            url: "clinic.json".into(),
            status,
        };
        assert!(status(404).is_missing());
        for other in [200, 403, 410, 500] {
            assert!(!status(other).is_missing(), "{other}");
        }
        let words = LoadError::Network("could not fetch clinic.json HTTP 404".into());
        assert!(!words.is_missing());
        assert_eq!(status(404).to_string(), "clinic.json: HTTP 404");
        assert_eq!(words.to_string(), "could not fetch clinic.json HTTP 404");
    }
}
