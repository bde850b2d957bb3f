//! The self-check's consent: whether the person's answers are kept on this
//! device or live in memory for the visit only. It is asked before the
//! first question, and stored as `ScreeningRecord.consent` (`true` for
//! [`Consent::Save`]), as it always was.

/// Where the person agreed to keep their answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// Kept on this device, to resume later.
    Save,
    /// In memory only: gone when the page closes.
    Memory,
}

impl Consent {
    /// The id of the choice on the intro screen.
    pub fn id(self) -> &'static str {
        match self {
            Consent::Save => "save",
            Consent::Memory => "memory",
        }
    }

    pub fn from_id(id: &str) -> Option<Consent> {
        match id {
            "save" => Some(Consent::Save),
            "memory" => Some(Consent::Memory),
            _ => None,
        }
    }

    /// The consent a stored record says was given (`ScreeningRecord.consent`).
    pub fn from_saved(saved: bool) -> Consent {
        if saved {
            Consent::Save
        } else {
            Consent::Memory
        }
    }

    /// Whether the answers may be kept on this device: the stored form.
    pub fn saves(self) -> bool {
        self == Consent::Save
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_the_stored_form_round_trip() {
        for (consent, id, saved) in [
            (Consent::Save, "save", true),
            (Consent::Memory, "memory", false),
        ] {
            assert_eq!(consent.id(), id);
            assert_eq!(Consent::from_id(id), Some(consent));
            assert_eq!(consent.saves(), saved);
            assert_eq!(Consent::from_saved(saved), consent);
        }
        for unknown in ["", "Save", "yes", "true"] {
            assert_eq!(Consent::from_id(unknown), None, "{unknown}");
        }
    }
}
