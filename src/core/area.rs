//! The treated areas: one list for the self-check, aftercare sessions,
//! progress photos and the clinic's session link.
//!
//! An area is stored and linked as its id (`face`, `neck`, `body`). A
//! session's area is read as a [`StoredArea`]: an id this version does not
//! know (written by a newer version, or by hand) is kept as written and
//! shown as it is, so that it never makes the whole aftercare record
//! unreadable, and saving the record again never loses it. A photo's area
//! must be one of ours: a photo record with another area is not shown and
//! is counted as unreadable, and stays in the photo store untouched (see
//! `browser::photo_store`), as before.
//!
//! ```
//! use microcare::core::area::{Area, StoredArea};
//! assert_eq!(Area::from_id("neck"), Some(Area::Neck));
//! assert_eq!(serde_json::to_string(&Area::Body).unwrap(), "\"body\"");
//! let scalp: StoredArea = serde_json::from_str("\"scalp\"").unwrap();
//! assert_eq!((scalp.area(), scalp.id()), (None, "scalp"));
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A treated area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    Face,
    Neck,
    Body,
}

impl Area {
    /// Every area, in the app's order (forms, sections, the self-check).
    pub const ALL: [Area; 3] = [Area::Face, Area::Neck, Area::Body];

    /// The ids of [`Area::ALL`]: the self-check's choices.
    pub const IDS: [&'static str; 3] = [Area::Face.id(), Area::Neck.id(), Area::Body.id()];

    /// The id stored, linked and used in content files.
    pub const fn id(self) -> &'static str {
        match self {
            Area::Face => "face",
            Area::Neck => "neck",
            Area::Body => "body",
        }
    }

    pub fn from_id(id: &str) -> Option<Area> {
        match id {
            "face" => Some(Area::Face),
            "neck" => Some(Area::Neck),
            "body" => Some(Area::Body),
            _ => None,
        }
    }
}

/// The id: element ids and file names are written with it.
impl std::fmt::Display for Area {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

serde_as_id!(Area, id, from_id, "area");

/// A session's area as a record stores it: an area this version knows, or
/// the id as it was written, kept (see the module's documentation).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StoredArea {
    Known(Area),
    /// An id this version does not know; empty when none was written (a
    /// `null` or absent area, read as an empty id as it always was).
    Unknown(String),
}

impl StoredArea {
    /// The area, if this version knows it.
    pub fn area(&self) -> Option<Area> {
        match self {
            StoredArea::Known(area) => Some(*area),
            StoredArea::Unknown(_) => None,
        }
    }

    /// The id as stored.
    pub fn id(&self) -> &str {
        match self {
            StoredArea::Known(area) => area.id(),
            StoredArea::Unknown(id) => id,
        }
    }

    fn from_stored(id: String) -> StoredArea {
        match Area::from_id(&id) {
            Some(area) => StoredArea::Known(area),
            None => StoredArea::Unknown(id),
        }
    }
}

impl Default for StoredArea {
    fn default() -> Self {
        StoredArea::Unknown(String::new())
    }
}

impl From<Area> for StoredArea {
    fn from(area: Area) -> Self {
        StoredArea::Known(area)
    }
}

impl PartialEq<Area> for StoredArea {
    fn eq(&self, other: &Area) -> bool {
        self.area() == Some(*other)
    }
}

impl Serialize for StoredArea {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for StoredArea {
    /// Any text, known or not; `null` as an empty id. Only another type (a
    /// number, a list) is refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = Option::<String>::deserialize(deserializer)?;
        Ok(StoredArea::from_stored(id.unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_serde_writes_the_id() {
        for area in Area::ALL {
            assert_eq!(Area::from_id(area.id()), Some(area));
            let json = serde_json::to_string(&area).unwrap();
            assert_eq!(json, format!("\"{}\"", area.id()));
            assert_eq!(serde_json::from_str::<Area>(&json).unwrap(), area);
            let stored = StoredArea::from(area);
            assert_eq!(serde_json::to_string(&stored).unwrap(), json);
            assert_eq!(serde_json::from_str::<StoredArea>(&json).unwrap(), stored);
            assert_eq!(stored, area);
        }
        assert_eq!(Area::IDS, ["face", "neck", "body"], "the stored ids");
        for unknown in ["", "Face", "feet", "elbow"] {
            assert_eq!(Area::from_id(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn an_area_must_be_ours_where_it_is_read_as_an_area() {
        for bad in [r#""feet""#, r#""""#, "null", "1", r#"["face"]"#] {
            assert!(serde_json::from_str::<Area>(bad).is_err(), "{bad}");
        }
    }

    /// (stored JSON, the area read, the id kept, the JSON written back)
    #[test]
    fn a_stored_area_keeps_what_it_does_not_know() {
        let cases: &[(&str, Option<Area>, &str, &str)] = &[
            (r#""face""#, Some(Area::Face), "face", r#""face""#),
            (r#""body""#, Some(Area::Body), "body", r#""body""#),
            // A newer version's area, or a hand edit: kept as written.
            (r#""scalp""#, None, "scalp", r#""scalp""#),
            (r#""Face""#, None, "Face", r#""Face""#),
            // No area: an empty id, written back as before.
            (r#""""#, None, "", r#""""#),
            ("null", None, "", r#""""#),
        ];
        for (json, area, id, written) in cases {
            let stored: StoredArea = serde_json::from_str(json).unwrap();
            assert_eq!(stored.area(), *area, "{json}");
            assert_eq!(stored.id(), *id, "{json}");
            assert_eq!(serde_json::to_string(&stored).unwrap(), *written, "{json}");
        }
        assert_ne!(StoredArea::Unknown("scalp".into()), Area::Face);
        assert_eq!(StoredArea::default().id(), "");
        for bad in ["1", "true", r#"["face"]"#, r#"{"id":"face"}"#] {
            assert!(serde_json::from_str::<StoredArea>(bad).is_err(), "{bad}");
        }
    }
}
