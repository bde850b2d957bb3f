//! The knowledge base: questions and answers, their categories, the goals a
//! person may have, sources, search and goal ordering.
//!
//! Each language has one file, `public/locales/<code>.faq.json`, loaded when
//! the FAQ is first opened. [`FaqContent::parse`] rejects a file with a
//! missing piece, so a broken file fails the tests, never a client's phone.
//!
//! `content` reads a file and answers searches, `text` splits and folds an
//! answer's text, `citations` checks that every study an answer names is
//! among its sources, and `wording` (tests only) holds the answers of every
//! language to the clinical reference and to one plain variety of each
//! language.
//!
//! ```
//! use microcare::core::faq::{normalize, Block, blocks};
//! assert_eq!(normalize("Estrías"), "estrias");
//! assert_eq!(
//!     blocks("One.\n\n- a\n- b"),
//!     vec![Block::Paragraph("One.".into()), Block::List(vec!["a".into(), "b".into()])]
//! );
//! ```

mod citations;
mod content;
mod listing;
mod text;
#[cfg(test)]
mod wording;

/// Why a person is here: defined once, for the FAQ and the self-check.
pub use crate::core::goal::Goal;
pub use citations::uncited_names;
#[cfg(test)]
pub(crate) use content::faq_source;
pub use content::{Action, Category, Entry, FaqContent, GoalText, Source};
pub use listing::{Group, Listing};
pub use text::{blocks, normalize, Block};
