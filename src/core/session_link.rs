//! The session link: a clinic hands a client one address that records the
//! session just done in their aftercare, with no server in between.
//!
//! Everything sits in the fragment (after `#`), which browsers never send
//! to any server, as one more hash route of the app (see
//! [`crate::core::route`]):
//!
//! ```text
//! #/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR
//! ```
//!
//! | key | what | bounds |
//! | --- | --- | --- |
//! | `v` | format version | 1 ([`VERSION`]); a larger one is [`LinkError::NewerVersion`] |
//! | `t` | when the session ended, whole minutes since 1970-01-01 UTC | 0 to [`MAX_MINUTES`], then not after `now` + [`FUTURE_TOLERANCE`] nor before `now` − [`MAX_AGE`] |
//! | `a` | treated area, an [`Area`] id | |
//! | `n` | which session of the plan this was | [`MIN_SESSION`] to [`MAX_SESSION`] |
//! | `i` | days until the next session | [`MIN_INTERVAL_DAYS`] to [`MAX_INTERVAL_DAYS`] (the same as a clinic's `plan`) |
//! | `l` | the client's language code | `en`, `pt-BR`, `es` |
//!
//! Nothing else: no name, no health answer, no free text. Every key must
//! appear exactly once, numbers are written in their one canonical form
//! (digits, no sign, no leading zero), and a link with any other key,
//! character or repetition is refused as damaged: a link is small and
//! made by the app itself, so anything unusual is damage or tampering.
//!
//! A link only ever yields the data to record one session
//! ([`SessionLink::to_session`]); the aftercare rules stay the app's and
//! the clinic's. Opening the same link twice finds the session already
//! recorded ([`SessionLink::recorded_in`]).
//!
//! ```
//! use microcare::core::area::Area;
//! use microcare::core::i18n::Lang;
//! use microcare::core::session_link::{decode, SessionLink};
//! use microcare::core::time::MINUTE;
//! let link = SessionLink {
//!     end: 29_934_090 * MINUTE, // 30 November 2026, 13:30 UTC
//!     area: Area::Face,
//!     session: 2,
//!     interval_days: 28,
//!     lang: Lang::PtBr,
//! };
//! let fragment = link.encode();
//! assert_eq!(fragment, "#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR");
//! assert_eq!(decode(&fragment, link.end + 10 * MINUTE), Ok(link));
//! ```

use crate::core::area::Area;
use crate::core::i18n::Lang;
use crate::core::schema::{AftercareRecord, LinkedPlan, Session};
use crate::core::time::{Millis, DAY, MINUTE};

/// The format written by [`SessionLink::encode`]. A later format that
/// cannot be read by this version gets a number of its own, so that an
/// older copy of the app says "update" instead of misreading it.
pub const VERSION: u32 = 1;

/// The route's path: the fragment starts with `#/s?`. Short, because every
/// character makes the QR code denser.
pub const PATH: &str = "s";

/// A fragment longer than this is not a link of ours (a real one is about
/// 45 characters): it is refused without being read.
pub const MAX_LEN: usize = 200;

/// Latest end time a link can carry at all, in minutes since 1970: the
/// end of the year 9999. Past this, the number is not a date.
pub const MAX_MINUTES: i64 = 4_102_444_800 - 1;

/// How far in the future a session's end may be: the desk's clock and the
/// phone's may disagree by a few minutes.
pub const FUTURE_TOLERANCE: Millis = 5 * MINUTE;

/// How old a session may be: older, its aftercare is long over, and an old
/// link found again should not add a session nobody remembers.
pub const MAX_AGE: Millis = 90 * DAY;

/// Session numbers in a plan, the same bounds as a clinic's `plan.sessions`.
pub const MIN_SESSION: u32 = 1;
pub const MAX_SESSION: u32 = 12;

/// Days between sessions, the same bounds as a clinic's
/// `plan.interval_days`.
pub const MIN_INTERVAL_DAYS: u32 = 28;
pub const MAX_INTERVAL_DAYS: u32 = 180;

/// The data of one session, as the clinic's desk gives it to the client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLink {
    /// When the session ended, milliseconds since 1970 UTC. The link keeps
    /// whole minutes: seconds are dropped by [`SessionLink::encode`].
    pub end: Millis,
    /// The treated area.
    pub area: Area,
    /// Which session of the plan this was, from 1.
    pub session: u32,
    /// Days until the next session, as the clinic planned it.
    pub interval_days: u32,
    /// The language the clinic chose for the client.
    pub lang: Lang,
}

/// A field of the link, to say which one is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Version,
    Time,
    Area,
    Session,
    Interval,
    Lang,
}

impl Field {
    const ALL: [Field; 6] = [
        Field::Version,
        Field::Time,
        Field::Area,
        Field::Session,
        Field::Interval,
        Field::Lang,
    ];

    /// The key of this field in the fragment.
    pub fn key(self) -> &'static str {
        match self {
            Field::Version => "v",
            Field::Time => "t",
            Field::Area => "a",
            Field::Session => "n",
            Field::Interval => "i",
            Field::Lang => "l",
        }
    }
}

/// Why a link was refused. Every refusal changes nothing; the person sees
/// the message of [`LinkError::message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Written by a newer version of MicroCare (the version it carries):
    /// updating the app will read it.
    NewerVersion(u32),
    /// Not a session link at all, cut short, or altered: too long, a
    /// missing, repeated or unknown key, a character we never write, a
    /// number that is not one, version 0.
    Malformed,
    /// A field holds a number outside its bounds (see the module's table).
    OutOfBounds(Field),
    /// The area is not one the app knows.
    UnknownArea,
    /// The language is not one the app speaks.
    UnknownLanguage,
    /// The session ends more than [`FUTURE_TOLERANCE`] after now.
    InFuture,
    /// The session ended more than [`MAX_AGE`] ago.
    TooOld,
}

/// What the person is told about a refused link: the app has one calm
/// message for each of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkMessage {
    /// "This link was made by a newer version of MicroCare. Reload the
    /// page to update, then open the link again."
    Update,
    /// "This link is damaged. Nothing was added; ask your clinic for a new
    /// one, or add the session yourself in Aftercare."
    Damaged,
    /// "This link's session is in the future: check your phone's date and
    /// time."
    InFuture,
    /// "This link is more than 90 days old: its aftercare is over."
    TooOld,
}

impl LinkError {
    /// The message the person sees.
    pub fn message(self) -> LinkMessage {
        match self {
            LinkError::NewerVersion(_) => LinkMessage::Update,
            LinkError::Malformed
            | LinkError::OutOfBounds(_)
            | LinkError::UnknownArea
            | LinkError::UnknownLanguage => LinkMessage::Damaged,
            LinkError::InFuture => LinkMessage::InFuture,
            LinkError::TooOld => LinkMessage::TooOld,
        }
    }
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::NewerVersion(v) => write!(f, "made by a newer version (format {v})"),
            LinkError::Malformed => f.write_str("not a session link, or damaged"),
            LinkError::OutOfBounds(field) => write!(f, "`{}` out of bounds", field.key()),
            LinkError::UnknownArea => f.write_str("unknown area"),
            LinkError::UnknownLanguage => f.write_str("unknown language"),
            LinkError::InFuture => f.write_str("the session ends in the future"),
            LinkError::TooOld => f.write_str("the session is more than 90 days old"),
        }
    }
}

impl SessionLink {
    /// The fragment, `#/s?v=1&t=...`, to append to the app's address
    /// (see [`SessionLink::url`]).
    pub fn encode(&self) -> String {
        format!("#/{PATH}?{}", self.query())
    }

    /// The part after `#/s?`: what [`crate::core::route::Route::SessionLink`]
    /// holds.
    pub fn query(&self) -> String {
        format!(
            "v={VERSION}&t={}&a={}&n={}&i={}&l={}",
            self.end.div_euclid(MINUTE),
            self.area,
            self.session,
            self.interval_days,
            self.lang.code()
        )
    }

    /// The whole address: `app_url` (the app's own address, any fragment
    /// of it dropped) followed by the link's fragment.
    pub fn url(&self, app_url: &str) -> String {
        let base = app_url.split('#').next().unwrap_or_default();
        format!("{base}{}", self.encode())
    }

    /// Whether `session` is the one this link records: the same area and
    /// the same end, to the minute (the link's precision, and the form's).
    /// A session the person logged by hand for the same time and area is
    /// the same session too.
    pub fn is_same_session(&self, session: &Session) -> bool {
        session.area == self.area && session.end.div_euclid(MINUTE) == self.end.div_euclid(MINUTE)
    }

    /// The session of `record` this link already recorded, if any: opening
    /// the link a second time then says so instead of adding it twice.
    pub fn recorded_in<'a>(&self, record: &'a AftercareRecord) -> Option<&'a Session> {
        record.sessions.iter().find(|s| self.is_same_session(s))
    }

    /// The session to add to the aftercare record, with the stable `id` the
    /// app gives every new session: its end and area, and the clinic's
    /// place for it in the plan (session number, days to the next), so that
    /// the phone's plan says what the card says. The aftercare rules are
    /// never taken from a link.
    pub fn to_session(&self, id: String) -> Session {
        Session {
            id,
            end: self.end.div_euclid(MINUTE) * MINUTE,
            area: self.area.into(),
            note: String::new(),
            plan: Some(LinkedPlan {
                number: self.session,
                interval_days: self.interval_days,
            }),
        }
    }
}

/// The language a valid link asks for: the clinic chose it for the client,
/// and it applies unless the person chose one here (see
/// [`crate::core::clinic::Clinic::pick_lang`]).
pub fn link_language(query: &str, now: Millis) -> Option<Lang> {
    decode(query, now).ok().map(|link| link.lang)
}

/// Reads a link at `now` (milliseconds since 1970 UTC). Accepts the whole
/// fragment (`#/s?v=1&...`), the fragment without `#`, or the query alone
/// (`v=1&...`, as [`crate::core::route::Route::SessionLink`] holds it).
/// Never panics, whatever the text.
pub fn decode(text: &str, now: Millis) -> Result<SessionLink, LinkError> {
    if text.len() > MAX_LEN {
        return Err(LinkError::Malformed);
    }
    let query = text.strip_prefix('#').unwrap_or(text);
    let query = query
        .strip_prefix('/')
        .and_then(|q| q.strip_prefix(PATH))
        .and_then(|q| q.strip_prefix('?'))
        .unwrap_or(query);
    // Only the characters a link of ours is written with.
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'=' | b'&' | b'-');
    if query.is_empty() || !query.bytes().all(allowed) {
        return Err(LinkError::Malformed);
    }
    // The version first, alone: a newer format may have other keys.
    let mut versions = query.split('&').filter_map(|pair| pair.strip_prefix("v="));
    let version = match (versions.next(), versions.next()) {
        (Some(v), None) => number(v)?,
        _ => return Err(LinkError::Malformed),
    };
    if version > u64::from(VERSION) {
        let shown = u32::try_from(version).unwrap_or(u32::MAX);
        return Err(LinkError::NewerVersion(shown));
    }
    if version == 0 {
        return Err(LinkError::Malformed);
    }
    let mut values: [Option<&str>; 6] = [None; 6];
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').ok_or(LinkError::Malformed)?;
        let slot = Field::ALL
            .iter()
            .position(|f| f.key() == key)
            .ok_or(LinkError::Malformed)?;
        if values[slot].replace(value).is_some() {
            return Err(LinkError::Malformed);
        }
    }
    let get = |field: Field| values[field as usize].ok_or(LinkError::Malformed);
    let minutes = number(get(Field::Time)?)?;
    let session = number(get(Field::Session)?)?;
    let interval = number(get(Field::Interval)?)?;
    let area = get(Field::Area)?;
    let lang = get(Field::Lang)?;
    let minutes = i64::try_from(minutes)
        .ok()
        .filter(|m| *m <= MAX_MINUTES)
        .ok_or(LinkError::OutOfBounds(Field::Time))?;
    let session = bounded(session, MIN_SESSION, MAX_SESSION, Field::Session)?;
    let interval_days = bounded(
        interval,
        MIN_INTERVAL_DAYS,
        MAX_INTERVAL_DAYS,
        Field::Interval,
    )?;
    let area = Area::from_id(area).ok_or(LinkError::UnknownArea)?;
    let lang = Lang::from_code(lang).ok_or(LinkError::UnknownLanguage)?;
    let end = minutes * MINUTE;
    if end > now.saturating_add(FUTURE_TOLERANCE) {
        return Err(LinkError::InFuture);
    }
    if end < now.saturating_sub(MAX_AGE) {
        return Err(LinkError::TooOld);
    }
    Ok(SessionLink {
        end,
        area,
        session,
        interval_days,
        lang,
    })
}

/// A number in its one canonical form: 1 to 19 digits, no leading zero.
fn number(text: &str) -> Result<u64, LinkError> {
    let canonical = !text.is_empty()
        && text.len() <= 19
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if !canonical {
        return Err(LinkError::Malformed);
    }
    text.parse().map_err(|_| LinkError::Malformed)
}

fn bounded(value: u64, min: u32, max: u32, field: Field) -> Result<u32, LinkError> {
    u32::try_from(value)
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or(LinkError::OutOfBounds(field))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::{FixedZone, LocalDateTime};

    /// 30 November 2026, 10:30 in São Paulo.
    fn ten_thirty() -> Millis {
        LocalDateTime::parse("2026-11-30T10:30")
            .unwrap()
            .to_moment(&FixedZone(-180))
    }

    fn sample() -> SessionLink {
        SessionLink {
            end: ten_thirty(),
            area: Area::Face,
            session: 2,
            interval_days: 28,
            lang: Lang::PtBr,
        }
    }

    /// The sample's fragment with `key`'s value replaced by `value`
    /// (`None`: the key left out).
    fn with(key: &str, value: Option<&str>) -> String {
        let pairs: Vec<String> = sample()
            .query()
            .split('&')
            .filter_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                if k == key {
                    value.map(|value| format!("{k}={value}"))
                } else {
                    Some(format!("{k}={v}"))
                }
            })
            .collect();
        format!("#/s?{}", pairs.join("&"))
    }

    #[test]
    fn the_fragment_is_short_and_carries_only_the_six_fields() {
        let fragment = sample().encode();
        assert_eq!(fragment, "#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR");
        assert!(fragment.len() < 50);
        assert_eq!(
            sample().url("https://clinic.example/care/#/aftercare"),
            "https://clinic.example/care/#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR"
        );
        assert_eq!(
            sample().url("https://clinic.example/care/index.html"),
            "https://clinic.example/care/index.html#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR"
        );
    }

    #[test]
    fn every_combination_round_trips() {
        let now = ten_thirty() + 3 * MINUTE;
        for area in Area::ALL {
            for lang in Lang::ALL {
                for (session, interval_days) in [(1, 28), (12, 180), (3, 35)] {
                    for end in [now - MAX_AGE, now - 1, now, now + FUTURE_TOLERANCE] {
                        let link = SessionLink {
                            end: end.div_euclid(MINUTE) * MINUTE,
                            area,
                            session,
                            interval_days,
                            lang,
                        };
                        // Whole fragment, without `#`, and the query alone.
                        let fragment = link.encode();
                        for text in [&fragment[..], &fragment[1..], &link.query()[..]] {
                            assert_eq!(decode(text, now), Ok(link), "{text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn seconds_are_dropped_to_the_minute() {
        let link = SessionLink {
            end: ten_thirty() + 59_999,
            ..sample()
        };
        assert_eq!(decode(&link.encode(), ten_thirty() + HOUR_MS), Ok(sample()));
        assert_eq!(link.to_session("s1".into()).end, ten_thirty());
    }

    const HOUR_MS: Millis = 60 * MINUTE;

    #[test]
    fn each_fields_bounds() {
        let now = ten_thirty();
        let minute = now / MINUTE;
        let cases: Vec<(String, Result<(), LinkError>)> = vec![
            // Session number: 1 to 12.
            (with("n", Some("1")), Ok(())),
            (with("n", Some("12")), Ok(())),
            (
                with("n", Some("0")),
                Err(LinkError::OutOfBounds(Field::Session)),
            ),
            (
                with("n", Some("13")),
                Err(LinkError::OutOfBounds(Field::Session)),
            ),
            (
                with("n", Some("4294967297")),
                Err(LinkError::OutOfBounds(Field::Session)),
            ),
            // Interval: 28 to 180 days.
            (with("i", Some("28")), Ok(())),
            (with("i", Some("180")), Ok(())),
            (
                with("i", Some("27")),
                Err(LinkError::OutOfBounds(Field::Interval)),
            ),
            (
                with("i", Some("181")),
                Err(LinkError::OutOfBounds(Field::Interval)),
            ),
            (
                with("i", Some("0")),
                Err(LinkError::OutOfBounds(Field::Interval)),
            ),
            // Time: at most 5 minutes ahead, at most 90 days old.
            (with("t", Some(&(minute + 5).to_string())), Ok(())),
            (
                with("t", Some(&(minute + 6).to_string())),
                Err(LinkError::InFuture),
            ),
            (
                with("t", Some(&(minute - 90 * 24 * 60).to_string())),
                Ok(()),
            ),
            (
                with("t", Some(&(minute - 90 * 24 * 60 - 1).to_string())),
                Err(LinkError::TooOld),
            ),
            (with("t", Some("0")), Err(LinkError::TooOld)),
            (
                with("t", Some(&MAX_MINUTES.to_string())),
                Err(LinkError::InFuture),
            ),
            (
                with("t", Some(&(MAX_MINUTES + 1).to_string())),
                Err(LinkError::OutOfBounds(Field::Time)),
            ),
            (
                with("t", Some("9999999999999999999")),
                Err(LinkError::OutOfBounds(Field::Time)),
            ),
            (
                with("t", Some("99999999999999999999")),
                Err(LinkError::Malformed),
            ),
            (with("t", Some("-5")), Err(LinkError::Malformed)),
            // Area and language: only the app's own.
            (with("a", Some("neck")), Ok(())),
            (with("a", Some("body")), Ok(())),
            (with("a", Some("scalp")), Err(LinkError::UnknownArea)),
            (with("a", Some("Face")), Err(LinkError::UnknownArea)),
            (with("a", Some("")), Err(LinkError::UnknownArea)),
            (with("l", Some("en")), Ok(())),
            (with("l", Some("es")), Ok(())),
            (with("l", Some("pt")), Err(LinkError::UnknownLanguage)),
            (with("l", Some("fr")), Err(LinkError::UnknownLanguage)),
            (with("l", Some("pt-br")), Err(LinkError::UnknownLanguage)),
            // Every key is needed.
            (with("v", None), Err(LinkError::Malformed)),
            (with("t", None), Err(LinkError::Malformed)),
            (with("a", None), Err(LinkError::Malformed)),
            (with("n", None), Err(LinkError::Malformed)),
            (with("i", None), Err(LinkError::Malformed)),
            (with("l", None), Err(LinkError::Malformed)),
            // Numbers in their one form.
            (with("n", Some("02")), Err(LinkError::Malformed)),
            (with("n", Some("")), Err(LinkError::Malformed)),
            (with("n", Some("2a")), Err(LinkError::Malformed)),
        ];
        for (text, expected) in cases {
            assert_eq!(decode(&text, now).map(|_| ()), expected, "{text}");
        }
    }

    #[test]
    fn versions() {
        let now = ten_thirty();
        assert_eq!(
            decode(&with("v", Some("2")), now),
            Err(LinkError::NewerVersion(2))
        );
        // A newer format is recognised before its other keys are read: it
        // may have different ones.
        assert_eq!(
            decode("#/s?v=7&x=whatever-it-is", now),
            Err(LinkError::NewerVersion(7))
        );
        assert_eq!(
            decode("#/s?z=1&v=1", now),
            Err(LinkError::Malformed),
            "an unknown key is damage in this version"
        );
        assert_eq!(
            decode("#/s?v=2&v=3", now),
            Err(LinkError::Malformed),
            "two versions are damage"
        );
        assert_eq!(
            decode(&with("v", Some("99999999999")), now),
            Err(LinkError::NewerVersion(u32::MAX))
        );
        assert_eq!(
            decode(&with("v", Some("0")), now),
            Err(LinkError::Malformed)
        );
        assert_eq!(
            decode(&with("v", Some("01")), now),
            Err(LinkError::Malformed)
        );
        assert_eq!(
            LinkError::NewerVersion(2).message(),
            LinkMessage::Update,
            "a newer link asks to update, not that it is damaged"
        );
        for damaged in [
            LinkError::Malformed,
            LinkError::OutOfBounds(Field::Time),
            LinkError::UnknownArea,
            LinkError::UnknownLanguage,
        ] {
            assert_eq!(damaged.message(), LinkMessage::Damaged);
        }
        assert_eq!(LinkError::InFuture.message(), LinkMessage::InFuture);
        assert_eq!(LinkError::TooOld.message(), LinkMessage::TooOld);
    }

    #[test]
    fn hostile_strings_are_refused_without_panicking() {
        let now = ten_thirty();
        let good = sample().encode();
        let long_value = format!("#/s?v=1&t={}", "9".repeat(10_000));
        let many_keys = format!("{good}{}", "&v=1".repeat(1000));
        let cases: Vec<String> = vec![
            String::new(),
            "#".into(),
            "#/".into(),
            "#/s".into(),
            "#/s?".into(),
            "?".into(),
            "&&&&".into(),
            "=".into(),
            "v".into(),
            "v=".into(),
            "==&==".into(),
            "#/s?v=1&&t=1".into(),
            "#/s?v=1=1".into(),
            // Repeated keys, even with the same value.
            format!("{good}&a=face"),
            format!("{good}&v=1"),
            many_keys,
            long_value,
            "#/s?".to_string() + &"a".repeat(1 << 20),
            // Percent-encoding, spaces, signs, markup, unicode.
            good.replace("face", "f%61ce"),
            good.replace("pt-BR", "pt%2DBR"),
            good.replace("n=2", "n=+2"),
            good.replace("n=2", "n= 2"),
            good.replace("n=2", "n=2 "),
            good.replace("face", "<script>"),
            good.replace("face", "fáce"),
            good.replace("n=2", "n=٢"),
            good.replace("n=2", "n=２"),
            good.replace("a=face", "a=face\u{0}"),
            good.replace("&", ";"),
            good.replace("t=", "t\u{200b}="),
            "#/s?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR#again".into(),
            "#/faq?v=1&t=29934090&a=face&n=2&i=28&l=pt-BR".into(),
            "💉".repeat(60),
            "\u{feff}".into(),
            // Other keys: free text has no place in a link.
            format!("{good}&name=Ana"),
            format!("{good}&note=x"),
        ];
        for text in cases {
            let result = decode(&text, now);
            assert!(result.is_err(), "{text:?} gave {result:?}");
            assert_ne!(result, Err(LinkError::NewerVersion(1)));
        }
        // Extreme clocks never overflow.
        for now in [i64::MIN, i64::MAX, 0, -1] {
            let _ = decode(&good, now);
        }
    }

    #[test]
    fn garbage_generated_from_a_good_link_never_panics_nor_decodes_to_something_else() {
        // A small deterministic generator: every single-byte change, cut
        // and swap of the good link's query.
        let now = ten_thirty();
        let good = sample().encode();
        let bytes = good.as_bytes();
        let alphabet: Vec<u8> = (0u8..=127).chain([0xc3, 0xa9, 0xff]).collect();
        let mut tried = 0;
        for i in 0..bytes.len() {
            for &b in &alphabet {
                let mut changed = bytes.to_vec();
                changed[i] = b;
                let text = String::from_utf8_lossy(&changed);
                if let Ok(link) = decode(&text, now) {
                    // A change can only land on another valid value of
                    // one field; it is then what the text says.
                    assert_eq!(link.encode(), text, "{text}");
                }
                tried += 1;
            }
            let cut = String::from_utf8_lossy(&bytes[..i]);
            if let Ok(link) = decode(&cut, now) {
                assert_eq!(link.encode(), cut);
            }
        }
        assert!(tried > 5000);
    }

    #[test]
    fn the_same_session_is_found_and_not_added_twice() {
        let link = sample();
        let mut record = AftercareRecord::default();
        assert_eq!(link.recorded_in(&record), None);
        record.sessions.push(link.to_session("s1".into()));
        assert_eq!(
            record.sessions[0],
            Session {
                id: "s1".into(),
                end: ten_thirty(),
                area: Area::Face.into(),
                note: String::new(),
                plan: Some(LinkedPlan {
                    number: link.session,
                    interval_days: link.interval_days,
                }),
            }
        );
        // Opened again, the same link (decoded afresh) finds it.
        let again = decode(&link.encode(), ten_thirty() + DAY).unwrap();
        assert_eq!(again.recorded_in(&record).map(|s| &s.id[..]), Some("s1"));
        // A session logged by hand at the same minute and area is the same.
        let by_hand = Session {
            id: "s2".into(),
            end: ten_thirty() + 30_000,
            area: Area::Face.into(),
            note: "my note".into(),
            plan: None,
        };
        assert!(link.is_same_session(&by_hand));
        // Another minute or another area is another session.
        for other in [
            Session {
                end: ten_thirty() + MINUTE,
                ..by_hand.clone()
            },
            Session {
                end: ten_thirty() - 1,
                ..by_hand.clone()
            },
            Session {
                area: Area::Neck.into(),
                ..by_hand.clone()
            },
        ] {
            assert!(!link.is_same_session(&other), "{other:?}");
        }
    }
}
