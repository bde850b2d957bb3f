//! The app's own files, as the rest of the app names them: where a
//! language's file is, and why a file could not be used.

use crate::core::i18n::{Lang, TextFile};

/// The path of a language's file, relative to the app's folder:
/// `locales/en.json`, `locales/en.faq.json`.
pub fn file_path(lang: Lang, file: TextFile) -> String {
    match file.name() {
        None => format!("locales/{}.json", lang.code()),
        Some(name) => format!("locales/{}.{name}.json", lang.code()),
    }
}

/// Why a file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, or the request failed.
    Network(String),
    /// An answer other than success, by its HTTP status (404: no file).
    Status(u16),
    /// The file arrived but is not what it should be.
    Damaged(String),
}

impl LoadError {
    /// The file is not there (404): for the optional `clinic.json`, the
    /// normal case.
    pub fn is_missing(&self) -> bool {
        *self == LoadError::Status(404)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Network(why) => write!(f, "could not be downloaded ({why})"),
            LoadError::Status(status) => write!(f, "HTTP {status}"),
            LoadError::Damaged(why) => write!(f, "is damaged ({why})"),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 404 is told by its number, never by the words of a message.
    #[test]
    fn only_a_404_status_is_a_missing_file() {
        assert!(LoadError::Status(404).is_missing());
        for other in [200, 403, 410, 500] {
            assert!(!LoadError::Status(other).is_missing(), "{other}");
        }
        let words = LoadError::Network("could not fetch clinic.json HTTP 404".into());
        assert!(!words.is_missing());
        assert_eq!(LoadError::Status(404).to_string(), "HTTP 404");
    }

    #[test]
    fn paths_of_every_file() {
        assert_eq!(file_path(Lang::En, TextFile::Main), "locales/en.json");
        assert_eq!(
            file_path(Lang::PtBr, TextFile::Faq),
            "locales/pt-BR.faq.json"
        );
        assert_eq!(
            file_path(Lang::Es, TextFile::Aftercare),
            "locales/es.aftercare.json"
        );
    }
}
