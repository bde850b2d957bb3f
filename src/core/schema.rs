//! Everything MicroCare stores, its versions, and how old data is upgraded.
//!
//! Each kind of data is a [`Record`] kept under its own key
//! (`microcare.<name>`), so that one unreadable key never costs the others.
//! A stored value is an [`Envelope`]: the schema version that wrote it, a
//! revision counter (so a stale tab never overwrites newer data), and the data.
//!
//! Schema history:
//! - version 1: a record was stored as its bare JSON value, with no envelope.
//!   Any value without a `schema` field is read as version 1.
//! - version 2: `{"schema": 2, "rev": N, "data": ...}`.
//! - version 3 (current): records unchanged; a backup file may carry
//!   progress photos (`photos`, see [`crate::core::backup::BackupPhoto`]).
//!   The version changed so that an older MicroCare refuses such a file as
//!   newer instead of importing it without its photos.
//!
//! ```
//! use microcare::core::schema::{decode, encode, Decoded, Settings};
//! use microcare::core::i18n::Lang;
//! let settings = Settings { lang: Some(Lang::Es), ..Settings::default() };
//! let raw = encode(&settings, 1);
//! assert!(matches!(decode::<Settings>(&raw), Decoded::Current { rev: 1, .. }));
//! ```

use crate::core::area::StoredArea;
use crate::core::goal::Goal;
use crate::core::i18n::Lang;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Prefix of every key MicroCare writes, so that it shares a clinic site's
/// storage without touching anything else.
pub const NAMESPACE: &str = "microcare.";

/// Prefix of the kept-aside copy of a value that could not be read.
pub const UNREADABLE_PREFIX: &str = "microcare.unreadable.";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// Largest stored value read; ours are a few kilobytes, and a larger one is
/// refused before it is parsed.
pub const MAX_RECORD_BYTES: usize = 1_000_000;

/// A kind of data stored under its own key. Missing fields take their
/// default (`#[serde(default)]` on every record), unknown fields are ignored.
pub trait Record: Default + Clone + PartialEq + Serialize + DeserializeOwned {
    /// The record's name: its key is `microcare.<NAME>`, its field in a backup
    /// is `<NAME>`.
    const NAME: &'static str;

    fn key() -> String {
        format!("{NAMESPACE}{}", Self::NAME)
    }

    fn unreadable_key() -> String {
        format!("{UNREADABLE_PREFIX}{}", Self::NAME)
    }
}

/// `null` read as the type's default, as the records have always allowed.
fn nullable<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// The person's preferences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The language the person chose, if they chose one; stored as its
    /// code. A code this version does not know reads as no choice (the
    /// language is then chosen as on a first visit), never as an
    /// unreadable record.
    #[serde(deserialize_with = "known_lang")]
    pub lang: Option<Lang>,
    /// What brought the person here (one of the FAQ's goals), if they said;
    /// stored as its id. An id that is not one of the FAQ's goals reads as
    /// none, as the language does.
    #[serde(deserialize_with = "faq_goal")]
    pub goal: Option<Goal>,
    /// The person said "Not now" to installing MicroCare: not offered again.
    /// Absent in data saved before this field existed: `false`.
    #[serde(deserialize_with = "nullable")]
    pub install_dismissed: bool,
}

/// A stored language code: `None` for `null` and for a code this version
/// does not know. Another type than text is still damage.
fn known_lang<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Lang>, D::Error> {
    let code = Option::<String>::deserialize(deserializer)?;
    Ok(code.as_deref().and_then(Lang::from_code))
}

/// A stored FAQ goal id: `None` for `null` and for any other id (the
/// self-check's `other` included). Another type than text is still damage.
fn faq_goal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Goal>, D::Error> {
    let id = Option::<String>::deserialize(deserializer)?;
    Ok(id
        .as_deref()
        .and_then(Goal::from_id)
        .filter(|goal| Goal::FAQ.contains(goal)))
}

impl Record for Settings {
    const NAME: &'static str = "settings";
}

/// The self-check in progress or done. Stored only if the person agreed
/// to keep their answers on this device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScreeningRecord {
    /// The person agreed to keep their answers on this device.
    #[serde(deserialize_with = "nullable")]
    pub consent: bool,
    /// Answer codes by step key (see `core::screening::Answer::to_code`).
    #[serde(deserialize_with = "nullable")]
    pub answers: BTreeMap<String, String>,
    /// The step shown last, to resume there.
    #[serde(deserialize_with = "nullable")]
    pub step: usize,
    /// The day the result was first shown, `YYYY-MM-DD`.
    pub done_on: Option<String>,
}

impl ScreeningRecord {
    /// Sets the answer of step `key`.
    pub fn set_answer(&mut self, key: String, code: String) {
        self.answers.insert(key, code);
    }
}

impl Record for ScreeningRecord {
    const NAME: &'static str = "screening";
}

/// A session the person logged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Stable id (from the moment it was logged), used in calendar UIDs.
    pub id: String,
    /// When the session ended, milliseconds since 1970 UTC (negative before
    /// 1970: written and read as the same signed number).
    pub end: i64,
    /// The treated area; one this version does not know is kept as written
    /// (see [`StoredArea`]), so that it never makes the record unreadable.
    #[serde(default)]
    pub area: StoredArea,
    #[serde(default, deserialize_with = "nullable")]
    pub note: String,
    /// What the clinic's session link said of the plan; absent for a
    /// session logged by hand (the clinic's plan then applies). An older
    /// version of MicroCare ignores it, so no new schema version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<LinkedPlan>,
}

/// The place in the plan a clinic gave a session in its link: which session
/// it was, and the days it planned until the next (see
/// [`crate::core::plan`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedPlan {
    /// Which session of the plan, from 1.
    pub number: u32,
    /// Days from this session to the next.
    pub interval_days: u32,
}

/// Sessions and aftercare progress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AftercareRecord {
    #[serde(deserialize_with = "nullable")]
    pub sessions: Vec<Session>,
    /// Checklist items ticked, by local date `YYYY-MM-DD`.
    #[serde(deserialize_with = "nullable")]
    pub ticks: BTreeMap<String, Vec<String>>,
    /// The Home Screen and backup tip was shown and dismissed.
    #[serde(deserialize_with = "nullable")]
    pub nudge_done: bool,
}

impl AftercareRecord {
    /// The most recent session, by end time.
    pub fn latest(&self) -> Option<&Session> {
        self.sessions.iter().max_by_key(|s| s.end)
    }

    pub fn is_ticked(&self, date: &str, item: &str) -> bool {
        self.ticks
            .get(date)
            .is_some_and(|items| items.iter().any(|i| i == item))
    }

    /// Ticks or unticks `item` on `date`.
    pub fn set_tick(&mut self, date: &str, item: &str, ticked: bool) {
        let items = self.ticks.entry(date.to_string()).or_default();
        items.retain(|i| i != item);
        if ticked {
            items.push(item.to_string());
        }
    }
}

impl Record for AftercareRecord {
    const NAME: &'static str = "aftercare";
}

/// Something done to every kind of record (export, import, checks).
pub trait RecordVisitor {
    fn visit<R: Record>(&mut self);
}

/// Calls `visitor` once for every record type: the one list of what is stored.
pub fn visit_records(visitor: &mut impl RecordVisitor) {
    visitor.visit::<Settings>();
    visitor.visit::<ScreeningRecord>();
    visitor.visit::<AftercareRecord>();
}

/// What a stored raw value turned out to be.
#[derive(Debug, PartialEq)]
pub enum Decoded<R> {
    /// Readable, possibly after migrating from an older schema.
    Current {
        value: R,
        rev: u64,
        migrated_from: Option<u32>,
    },
    /// Written by a newer version of MicroCare: shown if it can be read, but
    /// never overwritten by this version.
    Newer {
        schema: u32,
        rev: u64,
        value: Option<R>,
    },
    /// Not readable at all: the caller keeps the raw value aside.
    Unreadable { why: String },
}

/// A record as stored: the schema version that wrote it, its revision and
/// its data.
#[derive(Serialize)]
pub struct Envelope<'a, R> {
    pub schema: u32,
    pub rev: u64,
    pub data: &'a R,
}

impl<'a, R: Record> Envelope<'a, R> {
    /// The envelope this build writes for `value` at `rev`.
    pub fn new(value: &'a R, rev: u64) -> Self {
        Envelope {
            schema: SCHEMA_VERSION,
            rev,
            data: value,
        }
    }
}

/// Wraps a record for storage at `rev`.
pub fn encode<R: Record>(value: &R, rev: u64) -> String {
    // Serializing plain data structs with string keys cannot fail.
    serde_json::to_string(&Envelope::new(value, rev)).unwrap_or_default()
}

/// Parses JSON text of at most `max_bytes`; serde_json refuses nesting
/// deeper than 128 levels, so no input can exhaust the stack.
pub fn parse_limited(text: &str, max_bytes: usize) -> Result<Value, String> {
    if text.len() > max_bytes {
        return Err(format!("larger than {max_bytes} bytes"));
    }
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Reads a raw stored value. Never panics, whatever the input.
pub fn decode<R: Record>(raw: &str) -> Decoded<R> {
    match parse_limited(raw, MAX_RECORD_BYTES) {
        Ok(json) => decode_value(json),
        Err(why) => Decoded::Unreadable { why },
    }
}

/// Reads a stored value already parsed as JSON.
pub fn decode_value<R: Record>(json: Value) -> Decoded<R> {
    match split_envelope(json) {
        Ok((schema, rev, data)) => decode_data(R::NAME, schema, rev, data),
        Err(why) => Decoded::Unreadable { why },
    }
}

/// Reads one record's data as written at `schema`, migrating it if older:
/// the JSON value is migrated first, then deserialized.
pub fn decode_data<R: Record>(name: &str, schema: u32, rev: u64, data: Value) -> Decoded<R> {
    if schema > SCHEMA_VERSION {
        return Decoded::Newer {
            schema,
            rev,
            value: serde_json::from_value(data).ok(),
        };
    }
    let data = match migrate(name, schema, data) {
        Ok(data) => data,
        Err(why) => return Decoded::Unreadable { why },
    };
    match serde_json::from_value(data) {
        Ok(value) => Decoded::Current {
            value,
            rev,
            migrated_from: (schema < SCHEMA_VERSION).then_some(schema),
        },
        Err(why) => Decoded::Unreadable {
            why: format!("not a {name} record: {why}"),
        },
    }
}

/// Splits a stored JSON value into (schema, revision, data). A value without
/// a `schema` field is version 1: the whole value is the data.
fn split_envelope(mut json: Value) -> Result<(u32, u64, Value), String> {
    let Some(schema) = json.get("schema") else {
        return Ok((1, 0, json));
    };
    let schema = schema
        .as_u64()
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s >= 1)
        .ok_or_else(|| format!("schema is not a version number: {schema}"))?;
    let rev = match json.get("rev") {
        None => 0,
        Some(rev) => rev
            .as_u64()
            .ok_or_else(|| format!("rev is not a revision number: {rev}"))?,
    };
    let data = json
        .get_mut("data")
        .map(Value::take)
        .ok_or("the envelope has no data")?;
    Ok((schema, rev, data))
}

/// One upgrade step: the data of record `name` written at version `from`,
/// rewritten as version `from + 1` would have written it.
type Migration = fn(name: &str, data: Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. A new schema version
/// adds one step here and one fixture in `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

/// Version 2 only added the envelope: the data itself is unchanged.
fn v1_to_v2(_name: &str, data: Value) -> Result<Value, String> {
    Ok(data)
}

/// Version 3 only added photos to backup files: records are unchanged.
fn v2_to_v3(_name: &str, data: Value) -> Result<Value, String> {
    Ok(data)
}

/// Upgrades `data` from `from` to [`SCHEMA_VERSION`], step by step. On
/// failure the caller still has the original raw value.
pub fn migrate(name: &str, from: u32, mut data: Value) -> Result<Value, String> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(format!("no migration from schema {from}"));
    }
    for step in &MIGRATIONS[(from - 1) as usize..] {
        data = step(name, data)?;
    }
    Ok(data)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::area::Area;

    /// Settings with Spanish chosen: the record most tests store.
    pub(crate) fn es() -> Settings {
        Settings {
            lang: Some(Lang::Es),
            ..Settings::default()
        }
    }

    #[test]
    fn encode_then_decode_round_trips_with_its_revision() {
        let raw = encode(&es(), 7);
        assert_eq!(
            decode::<Settings>(&raw),
            Decoded::Current {
                value: es(),
                rev: 7,
                migrated_from: None
            }
        );
    }

    #[test]
    fn corrupt_and_hand_edited_values_are_unreadable_not_panics() {
        let huge = format!("\"{}\"", "x".repeat(1_000_000));
        let cases: &[&str] = &[
            "",
            "{",
            "null",
            "42",
            "\"text\"",
            "[true]",
            r#"{"lang": 5}"#,
            r#"{"schema": "two", "rev": 1, "data": {}}"#,
            r#"{"schema": 2, "rev": -1, "data": {}}"#,
            r#"{"schema": 0, "data": {}}"#,
            r#"{"schema": 2, "rev": 1}"#,
            r#"{"schema": 2, "rev": 1, "data": {"lang": ["es"]}}"#,
            &huge,
        ];
        for raw in cases {
            assert!(
                matches!(decode::<Settings>(raw), Decoded::Unreadable { .. }),
                "{:.40}",
                raw
            );
        }
    }

    #[test]
    fn unknown_fields_are_ignored_and_known_ones_kept() {
        let raw = format!(
            r#"{{"schema":{SCHEMA_VERSION},"rev":3,"data":{{"lang":"pt-BR","colour":"blue"}}}}"#
        );
        assert_eq!(
            decode::<Settings>(&raw),
            Decoded::Current {
                value: Settings {
                    lang: Some(Lang::PtBr),
                    ..Settings::default()
                },
                rev: 3,
                migrated_from: None
            }
        );
    }

    #[test]
    fn a_value_without_a_version_is_read_as_version_1_and_migrated() {
        let raw = r#"{"lang":"es"}"#;
        assert_eq!(
            decode::<Settings>(raw),
            Decoded::Current {
                value: es(),
                rev: 0,
                migrated_from: Some(1)
            }
        );
    }

    #[test]
    fn data_from_a_newer_version_is_marked_newer_and_read_if_possible() {
        let raw = r#"{"schema":9,"rev":12,"data":{"lang":"es","new_field":true}}"#;
        assert_eq!(
            decode::<Settings>(raw),
            Decoded::Newer {
                schema: 9,
                rev: 12,
                value: Some(es())
            }
        );
        let raw = r#"{"schema":9,"rev":12,"data":"a new shape"}"#;
        assert_eq!(
            decode::<Settings>(raw),
            Decoded::Newer {
                schema: 9,
                rev: 12,
                value: None
            }
        );
    }

    #[test]
    fn migration_refuses_unknown_versions() {
        assert!(migrate("settings", 0, Value::Null).is_err());
        assert!(migrate("settings", SCHEMA_VERSION + 1, Value::Null).is_err());
        assert_eq!(
            migrate("settings", SCHEMA_VERSION, Value::Bool(true)),
            Ok(Value::Bool(true))
        );
    }

    #[test]
    fn every_schema_version_has_a_migration_step() {
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION - 1);
    }

    /// A committed snapshot of localStorage as each past version wrote it.
    fn fixture(version: u32) -> Value {
        let text = match version {
            1 => include_str!("../../tests/fixtures/storage-v1.json"),
            2 => include_str!("../../tests/fixtures/storage-v2.json"),
            3 => include_str!("../../tests/fixtures/storage-v3.json"),
            _ => panic!("no fixture for version {version}"),
        };
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn every_past_version_fixture_migrates_to_the_same_settings() {
        for version in 1..=SCHEMA_VERSION {
            let storage = fixture(version);
            let raw = storage
                .get(Settings::key())
                .and_then(Value::as_str)
                .unwrap();
            match decode::<Settings>(raw) {
                Decoded::Current {
                    value,
                    migrated_from,
                    ..
                } => {
                    assert_eq!(
                        value,
                        Settings {
                            lang: Some(Lang::PtBr),
                            goal: Some(Goal::Scars),
                            install_dismissed: false,
                        },
                        "v{version}"
                    );
                    let expected = (version < SCHEMA_VERSION).then_some(version);
                    assert_eq!(migrated_from, expected, "v{version}");
                }
                other => panic!("v{version}: {other:?}"),
            }
        }
    }

    /// Every past version's fixture, with a language code or a goal this
    /// version does not know: the settings stay readable, the unknown
    /// value reads as no choice, the rest is kept.
    #[test]
    fn every_past_version_fixture_with_an_unknown_code_still_loads() {
        for version in 1..=SCHEMA_VERSION {
            let storage = fixture(version);
            let raw = storage[Settings::key()].as_str().unwrap();
            assert!(raw.contains(r#"\"pt-BR\""#) || raw.contains(r#""pt-BR""#));
            let cases = [
                (raw.replace("pt-BR", "fr"), None, Some(Goal::Scars)),
                (raw.replace("scars", "wrinkles"), Some(Lang::PtBr), None),
            ];
            for (raw, lang, goal) in cases {
                match decode::<Settings>(&raw) {
                    Decoded::Current { value, .. } => {
                        assert_eq!((value.lang, value.goal), (lang, goal), "v{version}: {raw}")
                    }
                    other => panic!("v{version}: {raw}: {other:?}"),
                }
            }
        }
    }

    /// (stored settings data, the language and goal read); `None` for data
    /// that is not a settings record at all.
    #[test]
    fn stored_language_codes_and_goals_table() {
        type Read = Option<(Option<Lang>, Option<Goal>)>;
        let cases: &[(&str, Read)] = &[
            (r#"{"lang":"en"}"#, Some((Some(Lang::En), None))),
            (r#"{"lang":"es"}"#, Some((Some(Lang::Es), None))),
            (
                r#"{"lang":"pt-BR","goal":"acne_scars"}"#,
                Some((Some(Lang::PtBr), Some(Goal::AcneScars))),
            ),
            (r#"{"goal":"curious"}"#, Some((None, Some(Goal::Curious)))),
            (r#"{"lang":null,"goal":null}"#, Some((None, None))),
            (r#"{}"#, Some((None, None))),
            // Unknown codes and ids: no choice, the record still readable.
            (
                r#"{"lang":"fr","goal":"scars"}"#,
                Some((None, Some(Goal::Scars))),
            ),
            (r#"{"lang":"pt-PT"}"#, Some((None, None))),
            (r#"{"lang":"EN"}"#, Some((None, None))),
            (r#"{"lang":""}"#, Some((None, None))),
            (r#"{"goal":"wrinkles"}"#, Some((None, None))),
            // The self-check's "something else" is not one of the FAQ's goals.
            (r#"{"goal":"other"}"#, Some((None, None))),
            // Another type than text is damage, as before.
            (r#"{"lang":5}"#, None),
            (r#"{"goal":["scars"]}"#, None),
            (r#"{"lang":{"code":"es"}}"#, None),
        ];
        for (data, expected) in cases {
            let raw = format!(r#"{{"schema":3,"rev":1,"data":{data}}}"#);
            let read = match decode::<Settings>(&raw) {
                Decoded::Current { value, .. } => Some((value.lang, value.goal)),
                Decoded::Unreadable { .. } => None,
                other => panic!("{data}: {other:?}"),
            };
            assert_eq!(read, *expected, "{data}");
        }
    }

    #[test]
    fn settings_are_written_as_the_same_codes_as_before() {
        let settings = Settings {
            lang: Some(Lang::PtBr),
            goal: Some(Goal::AcneScars),
            install_dismissed: false,
        };
        let written = serde_json::to_string(&settings).unwrap();
        assert_eq!(
            written,
            r#"{"lang":"pt-BR","goal":"acne_scars","install_dismissed":false}"#
        );
        let none = serde_json::to_string(&Settings::default()).unwrap();
        assert_eq!(
            none,
            r#"{"lang":null,"goal":null,"install_dismissed":false}"#
        );
        for lang in Lang::ALL {
            let settings = Settings {
                lang: Some(lang),
                ..Settings::default()
            };
            let raw = encode(&settings, 2);
            assert!(
                raw.contains(&format!(r#""lang":"{}""#, lang.code())),
                "{raw}"
            );
            assert!(matches!(
                decode::<Settings>(&raw),
                Decoded::Current { value, .. } if value == settings
            ));
        }
        for goal in Goal::FAQ {
            let settings = Settings {
                goal: Some(goal),
                ..Settings::default()
            };
            assert!(matches!(
                decode::<Settings>(&encode(&settings, 2)),
                Decoded::Current { value, .. } if value == settings
            ));
        }
    }

    #[test]
    fn aftercare_record_round_trips_and_rejects_wrong_types() {
        let mut record = AftercareRecord {
            sessions: vec![Session {
                id: "s1".into(),
                end: 1_795_000_000_000,
                area: Area::Face.into(),
                note: "Use the clinic's balm, \"twice\"".into(),
                plan: Some(LinkedPlan {
                    number: 2,
                    interval_days: 35,
                }),
            }],
            ..AftercareRecord::default()
        };
        record.set_tick("2026-11-23", "sunscreen", true);
        record.set_tick("2026-11-23", "gentle_routine", true);
        record.set_tick("2026-11-23", "sunscreen", false);
        assert!(record.is_ticked("2026-11-23", "gentle_routine"));
        assert!(!record.is_ticked("2026-11-23", "sunscreen"));
        let raw = encode(&record, 1);
        assert!(
            matches!(decode::<AftercareRecord>(&raw), Decoded::Current { value, .. } if value == record)
        );
        for bad in [
            r#"{"sessions": [{"end": 1}]}"#,
            r#"{"sessions": [{"id": "a", "end": "x"}]}"#,
            r#"{"sessions": {}}"#,
            r#"{"ticks": {"2026-11-23": [1]}}"#,
        ] {
            assert!(
                matches!(decode::<AftercareRecord>(bad), Decoded::Unreadable { .. }),
                "{bad}"
            );
        }
    }

    /// Pins a bug of the hand-written reader: `end` was written as a signed
    /// number and read back as unsigned, so a session dated before 1970 (a
    /// mistyped year) made the whole aftercare record unreadable.
    #[test]
    fn a_session_ending_before_1970_round_trips() {
        let record = AftercareRecord {
            sessions: vec![Session {
                id: "s0".into(),
                end: -86_400_000,
                area: Area::Body.into(),
                note: String::new(),
                plan: None,
            }],
            ..AftercareRecord::default()
        };
        let raw = encode(&record, 2);
        assert!(raw.contains(r#""end":-86400000"#), "{raw}");
        assert!(matches!(
            decode::<AftercareRecord>(&raw),
            Decoded::Current { value, rev: 2, .. } if value == record
        ));
    }

    /// A session whose area this version does not know (a newer version's,
    /// or a hand edit) is kept and written back as it was: it never makes
    /// the whole aftercare record unreadable, and saving loses nothing.
    #[test]
    fn a_session_with_an_unknown_area_is_kept_not_the_record_lost() {
        let raw = r#"{"schema":3,"rev":4,"data":{"sessions":[
            {"id":"s1","end":1795000000000,"area":"face","note":""},
            {"id":"s2","end":1796000000000,"area":"scalp","note":"new"},
            {"id":"s3","end":1797000000000,"area":null,"note":""},
            {"id":"s4","end":1798000000000,"note":""}]}}"#;
        let Decoded::Current { value, .. } = decode::<AftercareRecord>(raw) else {
            panic!("unreadable");
        };
        let areas: Vec<(Option<Area>, &str)> = value
            .sessions
            .iter()
            .map(|s| (s.area.area(), s.area.id()))
            .collect();
        assert_eq!(
            areas,
            [
                (Some(Area::Face), "face"),
                (None, "scalp"),
                (None, ""),
                (None, "")
            ]
        );
        let written = encode(&value, 5);
        assert!(written.contains(r#""area":"scalp""#), "{written}");
        assert!(matches!(
            decode::<AftercareRecord>(&written),
            Decoded::Current { value: again, .. } if again == value
        ));
        // Another type is still damage: the record is kept aside.
        let number = r#"{"sessions":[{"id":"s1","end":1,"area":7}]}"#;
        assert!(matches!(
            decode::<AftercareRecord>(number),
            Decoded::Unreadable { .. }
        ));
    }

    #[test]
    fn every_record_round_trips() {
        let mut screening = ScreeningRecord {
            consent: true,
            step: 4,
            done_on: Some("2026-11-23".into()),
            ..ScreeningRecord::default()
        };
        for (key, code) in [
            ("area", "choice:face"),
            ("pregnant", "no"),
            ("isotretinoin", "yes"),
            ("isotretinoin.date", "date:2026-09-23"),
            ("pregnant", "not_sure"),
        ] {
            screening.set_answer(key.into(), code.into());
        }
        assert_eq!(screening.answers.len(), 4, "one answer per step");
        assert_eq!(
            screening.answers["pregnant"], "not_sure",
            "the last answer counts"
        );
        let raw = encode(&screening, 3);
        assert!(
            raw.contains(r#""isotretinoin.date":"date:2026-09-23""#),
            "{raw}"
        );
        assert!(matches!(
            decode::<ScreeningRecord>(&raw),
            Decoded::Current { value, .. } if value == screening
        ));
        let mut aftercare = AftercareRecord {
            nudge_done: true,
            ..AftercareRecord::default()
        };
        aftercare.set_tick("2026-11-24", "sunscreen", true);
        aftercare.set_tick("2026-11-23", "gentle_routine", true);
        let raw = encode(&aftercare, 1);
        assert!(
            raw.contains(r#""ticks":{"2026-11-23":["gentle_routine"],"2026-11-24":["sunscreen"]}"#),
            "{raw}"
        );
        assert!(matches!(
            decode::<AftercareRecord>(&raw),
            Decoded::Current { value, .. } if value == aftercare
        ));
        let settings = Settings {
            lang: Some(Lang::PtBr),
            goal: Some(Goal::Scars),
            install_dismissed: true,
        };
        assert!(matches!(
            decode::<Settings>(&encode(&settings, 9)),
            Decoded::Current { value, rev: 9, .. } if value == settings
        ));
    }

    #[test]
    fn nulls_read_as_defaults_as_before() {
        let raw = r#"{"schema":2,"rev":1,"data":{"consent":null,"answers":null,"step":null,"done_on":null}}"#;
        assert!(matches!(
            decode::<ScreeningRecord>(raw),
            Decoded::Current { value, .. } if value == ScreeningRecord::default()
        ));
    }

    #[test]
    fn the_install_choice_is_kept_and_older_settings_without_it_still_load() {
        let dismissed = Settings {
            install_dismissed: true,
            ..es()
        };
        let raw = encode(&dismissed, 4);
        assert!(raw.contains(r#""install_dismissed":true"#), "{raw}");
        assert!(matches!(
            decode::<Settings>(&raw),
            Decoded::Current { value, .. } if value == dismissed
        ));
        // Written before the field existed: loads, and the offer may show.
        let older = r#"{"schema":2,"rev":3,"data":{"lang":"es","goal":null}}"#;
        assert!(matches!(
            decode::<Settings>(older),
            Decoded::Current { value, .. } if value == es() && !value.install_dismissed
        ));
        let wrong = r#"{"schema":2,"rev":3,"data":{"install_dismissed":"yes"}}"#;
        assert!(matches!(
            decode::<Settings>(wrong),
            Decoded::Unreadable { .. }
        ));
    }
}
