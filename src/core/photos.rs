//! Progress photos: what is known about each photo, without its pixels.
//!
//! A photo is stored on the person's device only (IndexedDB, see
//! `browser::photo_store`), as three things under its id: this record (the
//! metadata, small, listed without loading any image), the re-encoded image,
//! and a small thumbnail for lists and pickers. This module holds the rules
//! the screens need and that a test can check without a browser: which
//! photos belong to an area and in what order, which two to compare first,
//! where a photo sits in the treatment plan ("after session 2 of 3"), its
//! text alternative in each language, and the sizes images are scaled to.
//!
//! ```
//! use microcare::core::photos::{scaled_size, MAX_SIDE};
//! // A 12-megapixel portrait photo is stored at 1200 × 1600.
//! assert_eq!(scaled_size(3000, 4000, MAX_SIDE), (1200, 1600));
//! ```

use crate::core::area::Area;
use crate::core::calendar::CivilDate;
use crate::core::i18n::{CareKey, Strings};
use crate::core::order::in_order;
use crate::core::plan::{numbered_sessions, position, Plan};
use crate::core::schema::Session;
use crate::core::time::{LocalDateTime, Zone};
use serde::{Deserialize, Serialize};

/// Longest side of a stored photo, in pixels: enough to see skin texture on
/// any phone screen, about a tenth of a 12-megapixel original's bytes.
pub const MAX_SIDE: u32 = 1600;

/// Longest side of a thumbnail, in pixels: sharp at the size lists and the
/// compare picker show it (about 120 CSS pixels on a 2× screen).
pub const THUMB_SIDE: u32 = 240;

/// JPEG quality of a stored photo: no visible loss at 1600 px, a few
/// hundred kilobytes per photo.
pub const JPEG_QUALITY: f64 = 0.85;

/// JPEG quality of a thumbnail: small, and only ever seen small.
pub const THUMB_QUALITY: f64 = 0.75;

/// Largest stored image accepted (from a backup or after re-encoding). A
/// 1600 px JPEG at [`JPEG_QUALITY`] is typically 200–700 KB; 4 MB leaves room
/// for very detailed images and refuses anything that is not one of ours.
pub const MAX_IMAGE_BYTES: u64 = 4_000_000;

/// Largest thumbnail accepted; a 240 px JPEG is typically 10–30 KB.
pub const MAX_THUMB_BYTES: u64 = 250_000;

/// The image types a photo is stored as (what the re-encoding produces).
pub const MIMES: &[&str] = &["image/jpeg", "image/webp"];

/// Longest photo id accepted: ours are `p` and a millisecond count.
const MAX_ID_CHARS: usize = 64;

/// Longest stored photo record read; ours are about 200 bytes.
const MAX_RECORD_CHARS: usize = 4_096;

/// One progress photo, without its image: what lists, the compare view and
/// backups need to know. Stored as it is (serde) in IndexedDB and in backups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// Stable id, made when the photo is added (see [`new_id`]); the image
    /// and the thumbnail are stored under it too.
    pub id: String,
    /// The local day the photo shows, `YYYY-MM-DD` (the person may change
    /// it, e.g. for a photo taken days earlier).
    pub date: String,
    /// When it was added, milliseconds since 1970 UTC: orders two photos of
    /// the same day.
    pub added: i64,
    /// The treated area. A stored record with another area is refused
    /// when read ([`Photo::from_json`]), as it always was.
    pub area: Area,
    /// The id of the logged session this photo follows ([`Session::id`]),
    /// or `None` for a photo before any session.
    #[serde(default)]
    pub session: Option<String>,
    /// Size of the stored image in pixels.
    pub width: u32,
    pub height: u32,
    /// Bytes of the stored image and of its thumbnail: what the photo costs
    /// on the device, and in a backup that includes photos.
    pub bytes: u64,
    pub thumb_bytes: u64,
    /// The stored image's type, one of [`MIMES`].
    pub mime: String,
}

/// Why a photo record is refused (from a backup, or before it is stored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    BadId,
    BadDate,
    UnknownMime(String),
    /// Width or height is 0 or larger than [`MAX_SIDE`].
    BadSize {
        width: u32,
        height: u32,
    },
    /// The image or the thumbnail is empty or larger than its limit.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
}

impl std::fmt::Display for PhotoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhotoError::BadId => write!(f, "the photo id is empty or too long"),
            PhotoError::BadDate => write!(f, "the photo date is not a YYYY-MM-DD date"),
            PhotoError::UnknownMime(mime) => write!(f, "unknown image type \"{mime}\""),
            PhotoError::BadSize { width, height } => {
                write!(f, "an image of {width} × {height} pixels is not ours")
            }
            PhotoError::TooLarge { bytes, limit } => {
                write!(f, "{bytes} bytes where 1 to {limit} are allowed")
            }
        }
    }
}

impl Photo {
    /// Reads and checks a stored record (its JSON text). Read through a
    /// JSON value, as backups are, so that the WASM holds one reader of
    /// photo records, not two.
    pub fn from_json(text: &str) -> Result<Photo, String> {
        let value = crate::core::schema::parse_limited(text, MAX_RECORD_CHARS)?;
        let photo: Photo = serde_json::from_value(value).map_err(|e| e.to_string())?;
        photo.check().map_err(|e| e.to_string())?;
        Ok(photo)
    }

    /// The day the photo shows, if its date is a real one.
    pub fn civil_date(&self) -> Option<CivilDate> {
        CivilDate::parse_iso(&self.date)
    }

    /// Checks a record read from outside (a backup file, an older store):
    /// everything the screens rely on, and sizes within our limits, so that
    /// a hostile file cannot make the app hold or show something absurd.
    pub fn check(&self) -> Result<(), PhotoError> {
        let id_ok = !self.id.is_empty()
            && self.id.chars().count() <= MAX_ID_CHARS
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !id_ok {
            return Err(PhotoError::BadId);
        }
        if self.civil_date().is_none() {
            return Err(PhotoError::BadDate);
        }
        if !MIMES.contains(&self.mime.as_str()) {
            return Err(PhotoError::UnknownMime(self.mime.clone()));
        }
        let side = 1..=MAX_SIDE;
        if !side.contains(&self.width) || !side.contains(&self.height) {
            return Err(PhotoError::BadSize {
                width: self.width,
                height: self.height,
            });
        }
        for (bytes, limit) in [
            (self.bytes, MAX_IMAGE_BYTES),
            (self.thumb_bytes, MAX_THUMB_BYTES),
        ] {
            if bytes == 0 || bytes > limit {
                return Err(PhotoError::TooLarge { bytes, limit });
            }
        }
        Ok(())
    }
}

/// A new photo id from the moment it is added, unique among `existing`
/// (two photos added in the same millisecond get `-2`, `-3`, ...).
pub fn new_id(now_millis: i64, existing: &[Photo]) -> String {
    let base = format!("p{}", now_millis.max(0));
    let taken = |id: &str| existing.iter().any(|p| p.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The photos of `area`, oldest first: one area's diary, and the compare
/// picker's list.
pub fn of_area(photos: &[Photo], area: Area) -> Vec<&Photo> {
    in_order(photos.iter().filter(|p| p.area == area), |a, b| {
        (&a.date, a.added, &a.id) < (&b.date, b.added, &b.id)
    })
}

/// The areas that have photos, in the app's order ([`Area::ALL`]), with how
/// many each has: the Photos screen's sections.
pub fn areas_with_photos(photos: &[Photo]) -> Vec<(Area, usize)> {
    Area::ALL
        .into_iter()
        .map(|area| (area, photos.iter().filter(|p| p.area == area).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The two photos the compare view opens with: the first and the latest of
/// `area`. `None` when the area has fewer than two photos.
pub fn default_pair(photos: &[Photo], area: Area) -> Option<(&Photo, &Photo)> {
    let list = of_area(photos, area);
    match (list.first(), list.last()) {
        (Some(first), Some(last)) if list.len() >= 2 => Some((first, last)),
        _ => None,
    }
}

/// The latest photo of `area`: the one shown faintly over the camera to
/// line up the next one with.
pub fn latest_of_area(photos: &[Photo], area: Area) -> Option<&Photo> {
    of_area(photos, area).pop()
}

/// Where a photo sits in the treatment plan: after session `number` of
/// `planned`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPlace {
    /// 1 for the first session logged, in order of when sessions ended.
    pub number: u32,
    /// Sessions planned, as the plan screen says (`plan::position`).
    pub planned: u32,
}

/// The session `photo` follows, numbered as the plan numbers `sessions`
/// (`plan::numbered_sessions`). `None` when the photo follows no session, or when that
/// session was removed from the history since (the photo stays, shown
/// with its date only).
pub fn session_place(photo: &Photo, sessions: &[Session], plan: Plan) -> Option<SessionPlace> {
    let id = photo.session.as_deref()?;
    let (number, _) = numbered_sessions(sessions)
        .into_iter()
        .find(|(_, s)| s.id == id)?;
    Some(SessionPlace {
        number,
        planned: position(plan, sessions).planned,
    })
}

/// The photo's text alternative, e.g. "Face, 30 November 2026, after
/// session 1": what a screen reader says for the photo, and what shows if
/// it cannot be drawn. `area_label` is the area's name in the language
/// (`CareText::area`), `date_text` the date as the language writes it
/// (`Locale::date`), `words` the aftercare file's strings.
pub fn alt_text(
    words: &Strings<CareKey>,
    area_label: &str,
    date_text: &str,
    place: Option<SessionPlace>,
) -> String {
    match place {
        Some(place) => words.fill(
            CareKey::PhotosAltSession,
            &[
                ("area", area_label),
                ("date", date_text),
                ("n", &place.number.to_string()),
            ],
        ),
        None => words.fill(
            CareKey::PhotosAlt,
            &[("area", area_label), ("date", date_text)],
        ),
    }
}

/// "After session 2 of 3", shown with each photo in the compare view.
pub fn session_label(words: &Strings<CareKey>, place: SessionPlace) -> String {
    words.fill(
        CareKey::PhotosAfterSession,
        &[
            ("n", &place.number.to_string()),
            ("planned", &place.planned.to_string()),
        ],
    )
}

/// The session a photo of `area` on `day` follows unless the person says
/// otherwise: the latest session of that area that ended on or before that
/// day (in `zone`). `None` for a photo before the area's first session: a
/// face photo does not follow a session on the body.
pub fn session_for_day<'a>(
    sessions: &'a [Session],
    area: Area,
    day: CivilDate,
    zone: &impl Zone,
) -> Option<&'a Session> {
    numbered_sessions(sessions)
        .into_iter()
        .rev()
        .map(|(_, s)| s)
        .find(|s| s.area == area && LocalDateTime::at(s.end, zone).date <= day)
}

/// Whether the camera for a photo of `area` is the front one: the face and
/// the neck are photographed facing the screen, the body with the back
/// camera (sharper, and someone else may hold the phone).
pub fn selfie_area(area: Area) -> bool {
    matches!(area, Area::Face | Area::Neck)
}

/// Why the day typed for a photo is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayError {
    /// Empty or not a date.
    Invalid,
    /// Later than today: a photo cannot show a day still to come.
    Future,
}

/// Reads the day of a photo from a date field (`YYYY-MM-DD`); it may be any
/// past day (a photo taken earlier), not a day after `today`.
pub fn photo_day(text: &str, today: CivilDate) -> Result<CivilDate, DayError> {
    let day = CivilDate::parse_iso(text.trim()).ok_or(DayError::Invalid)?;
    if day > today {
        return Err(DayError::Future);
    }
    Ok(day)
}

/// The name a photo's file gets when the person shares it or saves a copy,
/// e.g. `microcare-face-2026-11-30.jpg`: what it shows and when, so it can
/// be found again among the person's files; nothing else about them.
pub fn file_name(photo: &Photo) -> String {
    let extension = match photo.mime.as_str() {
        "image/webp" => "webp",
        _ => "jpg",
    };
    format!("microcare-{}-{}.{extension}", photo.area, photo.date)
}

/// The size an image of `width` × `height` is stored at so that its longest
/// side is at most `longest`: the same shape, never enlarged, never 0.
pub fn scaled_size(width: u32, height: u32, longest: u32) -> (u32, u32) {
    let side = width.max(height);
    if side <= longest || side == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |n: u32| -> u32 {
        // Rounded to the nearest pixel, in integers: no float surprises.
        let scaled = (u64::from(n) * u64::from(longest) + u64::from(side) / 2) / u64::from(side);
        (scaled as u32).max(1)
    };
    (scale(width), scale(height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{section_source, section_strings, Lang, TextFile};
    use crate::core::plan::DEFAULT_PLAN;

    fn photo(id: &str, date: &str, added: i64, area: Area, session: Option<&str>) -> Photo {
        Photo {
            id: id.into(),
            date: date.into(),
            added,
            area,
            session: session.map(Into::into),
            width: 1200,
            height: 1600,
            bytes: 400_000,
            thumb_bytes: 15_000,
            mime: "image/jpeg".into(),
        }
    }

    fn session(id: &str, end: i64) -> Session {
        Session {
            id: id.into(),
            end,
            area: Area::Face.into(),
            note: String::new(),
            plan: None,
        }
    }

    fn ids(list: &[&Photo]) -> Vec<String> {
        list.iter().map(|p| p.id.clone()).collect()
    }

    #[test]
    fn scaled_size_table() {
        // (width, height, longest side, expected)
        let cases: &[(u32, u32, u32, (u32, u32))] = &[
            (4000, 3000, 1600, (1600, 1200)),
            (3000, 4000, 1600, (1200, 1600)),
            (4032, 3024, 1600, (1600, 1200)),
            (1600, 1600, 1600, (1600, 1600)),
            (1601, 10, 1600, (1600, 10)),
            (800, 600, 1600, (800, 600)),
            (1, 1, 1600, (1, 1)),
            (10_000, 1, 1600, (1600, 1)),
            (3000, 2000, 240, (240, 160)),
            (2000, 3000, 240, (160, 240)),
            (1600, 1200, 240, (240, 180)),
            (100, 50, 240, (100, 50)),
            (0, 0, 1600, (1, 1)),
            (u32::MAX, u32::MAX / 2, 1600, (1600, 800)),
        ];
        for &(w, h, longest, expected) in cases {
            let got = scaled_size(w, h, longest);
            assert_eq!(got, expected, "{w}×{h} to {longest}");
            assert!(got.0.max(got.1) <= longest, "never larger than asked");
        }
    }

    #[test]
    fn photos_of_an_area_are_listed_oldest_first_and_other_areas_left_out() {
        let photos = vec![
            photo("p5", "2027-01-05", 5, Area::Face, None),
            photo("p1", "2026-11-30", 9, Area::Face, Some("s1")),
            photo("p2", "2026-11-30", 3, Area::Face, None),
            photo("p3", "2026-10-01", 1, Area::Neck, None),
            photo("p4", "2026-12-31", 4, Area::Face, None),
        ];
        let cases: &[(Area, &[&str])] = &[
            // Same day: the one added first comes first.
            (Area::Face, &["p2", "p1", "p4", "p5"]),
            (Area::Neck, &["p3"]),
            (Area::Body, &[]),
        ];
        for (area, expected) in cases {
            assert_eq!(ids(&of_area(&photos, *area)), *expected, "{area}");
        }
        assert_eq!(
            areas_with_photos(&photos),
            vec![(Area::Face, 4), (Area::Neck, 1)],
            "sections in the app's order of areas"
        );
        assert_eq!(latest_of_area(&photos, Area::Face).unwrap().id, "p5");
        assert_eq!(latest_of_area(&photos, Area::Body), None);
    }

    #[test]
    fn default_pair_is_first_and_latest_of_the_area() {
        let photos = vec![
            photo("late", "2027-02-01", 50, Area::Face, None),
            photo("mid", "2026-12-15", 20, Area::Face, None),
            photo("first", "2026-11-01", 10, Area::Face, None),
            photo("neck", "2026-10-01", 1, Area::Neck, None),
        ];
        let (a, b) = default_pair(&photos, Area::Face).unwrap();
        assert_eq!((a.id.as_str(), b.id.as_str()), ("first", "late"));
        // One photo: nothing to compare it with yet.
        assert_eq!(default_pair(&photos, Area::Neck), None);
        assert_eq!(default_pair(&photos, Area::Body), None);
    }

    #[test]
    fn session_place_counts_sessions_in_the_order_they_ended() {
        // Logged out of order: s2 ended before s1.
        let sessions = vec![session("s1", 3_000), session("s2", 1_000)];
        let four = Plan {
            sessions: 4,
            interval_days: 35,
        };
        type Case<'a> = (Option<&'a str>, Plan, Option<(u32, u32)>);
        let cases: &[Case] = &[
            (Some("s2"), DEFAULT_PLAN, Some((1, 3))),
            (Some("s1"), DEFAULT_PLAN, Some((2, 3))),
            (Some("s1"), four, Some((2, 4))),
            (None, DEFAULT_PLAN, None),
            // The session was removed from the history: date only.
            (Some("gone"), DEFAULT_PLAN, None),
        ];
        for (id, plan, expected) in cases {
            let p = photo("p1", "2026-11-30", 1, Area::Face, *id);
            let got = session_place(&p, &sessions, *plan).map(|s| (s.number, s.planned));
            assert_eq!(got, *expected, "{id:?} {plan:?}");
        }
        // More sessions logged than planned: "after session 4 of 4".
        let many: Vec<Session> = (1..=4).map(|i| session(&format!("s{i}"), i)).collect();
        let p = photo("p1", "2026-11-30", 1, Area::Face, Some("s4"));
        assert_eq!(
            session_place(&p, &many, DEFAULT_PLAN),
            Some(SessionPlace {
                number: 4,
                planned: 4
            })
        );
    }

    #[test]
    fn text_alternative_in_each_language() {
        let one = Some(SessionPlace {
            number: 1,
            planned: 3,
        });
        // (language, area label, date as written, place, expected)
        let cases: &[(Lang, &str, &str, Option<SessionPlace>, &str)] = &[
            (
                Lang::En,
                "Face",
                "30 November 2026",
                one,
                "Face, 30 November 2026, after session 1",
            ),
            (
                Lang::En,
                "Face",
                "30 November 2026",
                None,
                "Face, 30 November 2026",
            ),
            (
                Lang::PtBr,
                "Rosto",
                "30 de novembro de 2026",
                one,
                "Rosto, 30 de novembro de 2026, depois da sessão 1",
            ),
            (
                Lang::Es,
                "Rostro",
                "30 de noviembre de 2026",
                one,
                "Rostro, 30 de noviembre de 2026, después de la sesión 1",
            ),
            (
                Lang::Es,
                "Cuerpo",
                "1 de enero de 2027",
                None,
                "Cuerpo, 1 de enero de 2027",
            ),
        ];
        for (lang, area, date, place, expected) in cases {
            let locale = whole_aftercare(*lang);
            assert_eq!(alt_text(&locale, area, date, *place), *expected, "{lang:?}");
        }
        let two_of_three = SessionPlace {
            number: 2,
            planned: 3,
        };
        for (lang, expected) in [
            (Lang::En, "After session 2 of 3"),
            (Lang::PtBr, "Depois da sessão 2 de 3"),
            (Lang::Es, "Después de la sesión 2 de 3"),
        ] {
            let locale = whole_aftercare(lang);
            assert_eq!(session_label(&locale, two_of_three), expected);
        }
    }

    /// The aftercare file's strings, where the photo strings live.
    fn whole_aftercare(lang: Lang) -> Strings<CareKey> {
        section_strings(lang, section_source(lang, TextFile::Aftercare)).unwrap()
    }

    #[test]
    fn photo_records_round_trip_and_hostile_ones_are_refused() {
        let good = photo("p1796000000000", "2026-11-30", 1, Area::Neck, Some("s1"));
        assert_eq!(good.check(), Ok(()));
        let json = serde_json::to_string(&good).unwrap();
        assert_eq!(serde_json::from_str::<Photo>(&json).unwrap(), good);
        // Written without a session at all: reads as "no session".
        let bare = r#"{"id":"p1","date":"2026-11-30","added":1,"area":"face","width":1,"height":1,"bytes":1,"thumb_bytes":1,"mime":"image/webp"}"#;
        let bare: Photo = serde_json::from_str(bare).unwrap();
        assert_eq!((bare.check(), bare.session), (Ok(()), None));

        type Change = fn(&mut Photo);
        type Expectation = fn(&PhotoError) -> bool;
        let cases: &[(Change, Expectation)] = &[
            (|p| p.id.clear(), |e| *e == PhotoError::BadId),
            (|p| p.id = "x".repeat(65), |e| *e == PhotoError::BadId),
            (|p| p.id = "../etc".into(), |e| *e == PhotoError::BadId),
            (
                |p| p.date = "2026-02-30".into(),
                |e| *e == PhotoError::BadDate,
            ),
            (
                |p| p.date = "yesterday".into(),
                |e| *e == PhotoError::BadDate,
            ),
            (
                |p| p.mime = "image/svg+xml".into(),
                |e| matches!(e, PhotoError::UnknownMime(_)),
            ),
            (|p| p.width = 0, |e| matches!(e, PhotoError::BadSize { .. })),
            (
                |p| p.height = 1601,
                |e| matches!(e, PhotoError::BadSize { .. }),
            ),
            (
                |p| p.bytes = 0,
                |e| matches!(e, PhotoError::TooLarge { .. }),
            ),
            (
                |p| p.bytes = MAX_IMAGE_BYTES + 1,
                |e| matches!(e, PhotoError::TooLarge { .. }),
            ),
            (
                |p| p.thumb_bytes = u64::MAX,
                |e| matches!(e, PhotoError::TooLarge { .. }),
            ),
        ];
        for (change, is_expected) in cases {
            let mut bad = good.clone();
            change(&mut bad);
            let err = bad.check().expect_err(&format!("{bad:?}"));
            assert!(is_expected(&err), "{bad:?}: {err:?}");
            assert!(!err.to_string().is_empty());
        }
        for wrong in [
            r#"{"id":"p1"}"#,
            r#"{"id":"p1","date":"2026-11-30","added":1,"area":"face","width":-1,"height":1,"bytes":1,"thumb_bytes":1,"mime":"image/webp"}"#,
            r#"{"id":7,"date":"2026-11-30","added":1,"area":"face","width":1,"height":1,"bytes":1,"thumb_bytes":1,"mime":"image/webp"}"#,
            // An area that is not one of ours.
            r#"{"id":"p1","date":"2026-11-30","added":1,"area":"feet","width":1,"height":1,"bytes":1,"thumb_bytes":1,"mime":"image/webp"}"#,
        ] {
            assert!(serde_json::from_str::<Photo>(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn stored_records_are_read_and_checked() {
        let good = photo("p1", "2026-11-30", 1, Area::Face, None);
        let text = serde_json::to_string(&good).unwrap();
        assert_eq!(Photo::from_json(&text), Ok(good.clone()));
        let elbow = text.replace("\"face\"", "\"elbow\"");
        let huge = format!("{{\"id\":\"{}\"}}", "p".repeat(5_000));
        for bad in ["", "{", "null", r#"{"id":"p1"}"#, &elbow, &huge] {
            assert!(Photo::from_json(bad).is_err(), "{bad:.60}");
        }
    }

    #[test]
    fn new_ids_are_unique() {
        let mut photos = Vec::new();
        for expected in ["p1000", "p1000-2", "p1000-3"] {
            let id = new_id(1000, &photos);
            assert_eq!(id, expected);
            photos.push(photo(&id, "2026-11-30", 1000, Area::Face, None));
        }
        assert_eq!(new_id(-5, &[]), "p0");
        assert!(photos.iter().all(|p| p.check().is_ok()));
    }
    #[test]
    fn a_photo_follows_the_latest_session_that_ended_by_its_day() {
        use crate::core::time::{FixedZone, DAY};
        // Sessions on 2026-03-01 at 23:30 and 2026-03-15 at 10:00 in São
        // Paulo (UTC-3): the first ends on 2 March in UTC, still 1 March there.
        let first = CivilDate::parse_iso("2026-03-02").unwrap().day_number() * DAY
            + 2 * 3_600_000
            + 30 * 60_000;
        let second =
            CivilDate::parse_iso("2026-03-15").unwrap().day_number() * DAY + 13 * 3_600_000;
        let mut on_the_body = session("b1", second - 7 * DAY);
        on_the_body.area = Area::Body.into();
        let sessions = [session("s2", second), on_the_body, session("s1", first)];
        let zone = FixedZone(-180);
        let day = |text: &str| CivilDate::parse_iso(text).unwrap();
        let cases: &[(&str, Option<&str>)] = &[
            ("2026-02-28", None),
            ("2026-03-01", Some("s1")),
            ("2026-03-14", Some("s1")),
            ("2026-03-15", Some("s2")),
            ("2027-01-01", Some("s2")),
        ];
        for (text, expected) in cases {
            let found =
                session_for_day(&sessions, Area::Face, day(text), &zone).map(|s| s.id.as_str());
            assert_eq!(found, *expected, "{text}");
        }
        // A body photo follows the body's session only.
        let body = |text: &str| {
            session_for_day(&sessions, Area::Body, day(text), &zone).map(|s| s.id.as_str())
        };
        assert_eq!(body("2026-03-07"), None);
        assert_eq!(body("2026-03-20"), Some("b1"));
        assert_eq!(
            session_for_day(&[], Area::Face, day("2026-03-15"), &zone),
            None
        );
    }

    #[test]
    fn a_photo_day_may_be_past_but_not_future_or_invalid() {
        let today = CivilDate::parse_iso("2026-11-30").unwrap();
        assert_eq!(photo_day("2026-11-30", today), Ok(today));
        assert_eq!(
            photo_day(" 2025-01-31 ", today),
            Ok(CivilDate::parse_iso("2025-01-31").unwrap())
        );
        assert_eq!(photo_day("2026-12-01", today), Err(DayError::Future));
        assert_eq!(photo_day("", today), Err(DayError::Invalid));
        assert_eq!(photo_day("2026-02-30", today), Err(DayError::Invalid));
    }
    #[test]
    fn the_face_and_neck_use_the_front_camera_the_body_the_back_one() {
        let selfie: Vec<bool> = Area::ALL.into_iter().map(selfie_area).collect();
        assert_eq!(selfie, [true, true, false]);
    }

    #[test]
    fn a_shared_photo_is_named_by_its_area_and_day_with_its_type() {
        let mut face = photo("a", "2026-11-30", 1, Area::Face, Some("s1"));
        assert_eq!(file_name(&face), "microcare-face-2026-11-30.jpg");
        face.mime = "image/webp".to_string();
        assert_eq!(file_name(&face), "microcare-face-2026-11-30.webp");
        let body = photo("b", "2026-01-02", 1, Area::Body, None);
        assert_eq!(file_name(&body), "microcare-body-2026-01-02.jpg");
    }
}
