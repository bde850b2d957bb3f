//! Loads the app's own files: a language's files and the clinic's
//! `clinic.json`.
//!
//! Only the chosen language is downloaded, so a phone pays for one language,
//! not three. The file sits beside `index.html`, so the relative URL works
//! under any sub-path (or, mounted in a clinic's page, from the app's
//! folder: see [`host`](crate::browser::host)).

use crate::browser::host::asset_url;
use crate::core::clinic::{Clinic, Problem, FILE_NAME};
use crate::core::files::LoadError;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches one of the app's files (`path` relative to its folder) as text:
/// the fetch starts at once, the text is read when awaited.
pub fn fetch_text(path: &str) -> Pin<Box<dyn Future<Output = Result<String, LoadError>>>> {
    let request = request(path);
    Box::pin(read(request))
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

/// The clinic's configuration, and what was found of its file: the fetch
/// starts at once. No file (404) is normal: the defaults. An invalid file
/// or field is reported with `console.warn`, not as an error: the app works
/// on its defaults for it, and the clinic reads the problems on the desk
/// (or in the console).
pub fn read_clinic() -> impl Future<Output = (Clinic, ClinicFileCheck)> {
    let request = request(FILE_NAME);
    async move {
        match read(request).await {
            Ok(text) => {
                let (clinic, problems) = Clinic::parse(&text);
                for problem in &problems {
                    leptos::logging::warn!(
                        "MicroCare: {FILE_NAME}: {problem}; the default is used"
                    );
                }
                (clinic, ClinicFileCheck::Checked(problems))
            }
            Err(why) if why.is_missing() => (Clinic::default(), ClinicFileCheck::Missing),
            Err(why) => {
                let why = format!("{FILE_NAME} {why}");
                leptos::logging::warn!("MicroCare: {why}; the default configuration is used");
                (Clinic::default(), ClinicFileCheck::Unreachable(why))
            }
        }
    }
}

/// Starts fetching one of the app's files (`path` relative to its folder).
fn request(path: &str) -> Option<JsFuture> {
    let window = web_sys::window()?;
    Some(JsFuture::from(window.fetch_with_str(&asset_url(path))))
}

/// The text of a file whose fetch [`request`] started.
async fn read(request: Option<JsFuture>) -> Result<String, LoadError> {
    let network = |why: &str| LoadError::Network(why.to_string());
    let response: web_sys::Response = request
        .ok_or_else(|| network("no window"))?
        .await
        .map_err(|_| network("no answer"))?
        .dyn_into()
        .map_err(|_| network("no response"))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = response.text().map_err(|_| network("no body"))?;
    JsFuture::from(text)
        .await
        .map_err(|_| network("body cut short"))?
        .as_string()
        .ok_or_else(|| LoadError::Damaged("not text".into()))
}
