//! A clinic's configuration: the optional `clinic.json` beside the app.
//!
//! A clinic's web person writes it; nobody rebuilds anything. Every field is
//! optional. [`Clinic::parse`] never fails: whatever is invalid is left at
//! its default and reported as a [`Problem`] (field, expected, found), which
//! the app logs to the console and `check-clinic` prints. The rules of the
//! app may only become stricter: durations only longer, self-check answers
//! only more serious, questions only added.
//!
//! The module follows the file: `file` reads the whole of it into a
//! [`Clinic`], with the checks every field shares (`check`) and one module
//! per part: the brand (`branding`: logo and colours), how to reach the
//! clinic (`contact`), and what it adds to or makes stricter in the app
//! (`additions`: plan, aftercare, self-check, FAQ). `apply` gives the app
//! the result: the plan, protocol, questions and FAQ with the additions.
//!
//! ```
//! use microcare::core::clinic::Clinic;
//! let (clinic, problems) = Clinic::parse(r##"{"name": "Bela Pele", "colors": {"primary": "#ff0"}}"##);
//! assert_eq!(clinic.name.as_deref(), Some("Bela Pele"));
//! assert!(clinic.colors.is_empty());
//! assert_eq!(problems[0].field, "colors.primary");
//! ```

mod additions;
mod apply;
mod branding;
mod check;
mod contact;
mod file;

pub use additions::{
    FaqExtra, QuestionExtra, StepExtra, MAX_FAQ, MAX_HOURS, QUESTION_IDS, STEP_IDS,
};
pub use branding::{contrast_x100, parse_color, Brand, PAGE_BG, TEXT, WHITE};
pub use check::{Problem, Text};
pub use contact::{Action, Contact};
pub use file::{Clinic, FILE_NAME, MAX_BYTES};
