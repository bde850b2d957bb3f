//! What the page written at build time needs to know of the clinic before
//! the app starts (issue #23): the clinic's languages, its colours, and
//! whether its file changes what the first screens say. The app writes it
//! at every start ([`FirstPaintHint::of`], through the storage module);
//! `scripts/first-paint.js` reads it on the next visit, before the first
//! paint, to pick the language the app will pick, paint the clinic's
//! colours at once, and show the neutral shell rather than a default
//! screen the clinic's file would contradict.
//!
//! It is a copy of the clinic's file, not the person's data: it is not in
//! backups, and "delete everything" removes it with every other key.
//!
//! ```
//! use microcare::core::clinic::Clinic;
//! use microcare::core::first_paint::FirstPaintHint;
//! use microcare::core::i18n::Lang;
//! let clinic = Clinic { languages: vec![Lang::PtBr], ..Clinic::default() };
//! let hint = FirstPaintHint::of(&clinic);
//! assert_eq!(hint.languages, vec![Lang::PtBr]);
//! assert!(!hint.clinic, "languages alone change no first screen's words");
//! ```

use crate::core::clinic::Clinic;
use crate::core::i18n::Lang;
use crate::core::schema::Record;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The clinic, as the first paint of the next visit needs it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FirstPaintHint {
    /// The languages the clinic offers (empty: all of ours).
    pub languages: Vec<Lang>,
    /// The clinic's language when none of the person's is offered.
    pub default_lang: Option<Lang>,
    /// The clinic's colours by the CSS property each sets on the app's
    /// root (`--mc-primary`…), as the app sets them.
    pub colors: BTreeMap<String, String>,
    /// The clinic's file changes what a first screen says or shows (its
    /// name, logo, contacts, questions, steps, answers, plan): the first
    /// screens written at build time, drawn without it, are then not shown.
    pub clinic: bool,
}

impl Record for FirstPaintHint {
    const NAME: &'static str = "first_paint";
}

impl FirstPaintHint {
    /// The hint for `clinic`. Anything but its languages and colours counts
    /// as changing the first screens, including fields added to the
    /// clinic's file later: when in doubt, the neutral shell.
    pub fn of(clinic: &Clinic) -> FirstPaintHint {
        let words_and_looks = Clinic {
            languages: Vec::new(),
            default_lang: None,
            colors: Vec::new(),
            ..clinic.clone()
        };
        // Inserted one by one: `collect` into a map sorts first, and that
        // sort costs 3.4 KB of WebAssembly for at most three colours.
        let mut colors = BTreeMap::new();
        for (brand, colour) in &clinic.colors {
            colors.insert(brand.property().to_string(), colour.clone());
        }
        FirstPaintHint {
            languages: clinic.languages.clone(),
            default_lang: clinic.default_lang,
            colors,
            clinic: words_and_looks != Clinic::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clinic::Brand;

    #[test]
    fn no_clinic_file_lets_every_first_screen_show() {
        assert_eq!(
            FirstPaintHint::of(&Clinic::default()),
            FirstPaintHint::default()
        );
    }

    #[test]
    fn colours_are_kept_by_the_property_the_app_sets() {
        let clinic = Clinic {
            colors: vec![(Brand::Primary, "#0a5c4e".into())],
            ..Clinic::default()
        };
        let hint = FirstPaintHint::of(&clinic);
        assert_eq!(
            hint.colors
                .get(Brand::Primary.property())
                .map(String::as_str),
            Some("#0a5c4e")
        );
        assert!(
            !hint.clinic,
            "colours are painted by the first-paint script itself"
        );
    }

    #[test]
    fn a_clinic_name_or_contact_keeps_the_default_screens_from_showing() {
        let named = Clinic {
            name: Some("Clínica Sol".into()),
            ..Clinic::default()
        };
        assert!(FirstPaintHint::of(&named).clinic);
        let booking = Clinic {
            booking: Some("https://example.com/book".into()),
            ..Clinic::default()
        };
        assert!(FirstPaintHint::of(&booking).clinic);
    }

    #[test]
    fn the_script_reads_the_fields_this_record_writes() {
        // scripts/first-paint.js reads these names from the stored data.
        let script = include_str!("../../scripts/first-paint.js");
        let json = serde_json::to_value(FirstPaintHint {
            default_lang: Some(Lang::Es),
            ..FirstPaintHint::default()
        })
        .unwrap();
        for field in json.as_object().unwrap().keys() {
            assert!(
                script.contains(&format!("hint.{field}")),
                "first-paint.js never reads `{field}`"
            );
        }
        assert!(script.contains("'microcare.' + name"));
        // Data from a newer version makes the app read-only and say so.
        let version = format!(
            "var schemaVersion = {};",
            crate::core::schema::SCHEMA_VERSION
        );
        assert!(
            script.contains(&version),
            "first-paint.js must say `{version}`"
        );
        assert!(script.contains(&format!("'{}'", FirstPaintHint::NAME)));
    }
}
