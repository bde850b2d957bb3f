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
//! - version 2 (current): `{"schema": 2, "rev": N, "data": ...}`.
//!
//! ```
//! use microcare::core::schema::{decode, encode, Decoded, Settings};
//! let settings = Settings { lang: Some("es".into()), ..Settings::default() };
//! let raw = encode(&settings, 1);
//! assert!(matches!(decode::<Settings>(&raw), Decoded::Current { rev: 1, .. }));
//! ```

use crate::core::json::Json;

/// Prefix of every key MicroCare writes, so that it shares a clinic site's
/// storage without touching anything else.
pub const NAMESPACE: &str = "microcare.";

/// Prefix of the kept-aside copy of a value that could not be read.
pub const UNREADABLE_PREFIX: &str = "microcare.unreadable.";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A kind of data stored under its own key.
pub trait Record: Default + Clone + PartialEq {
    /// The record's name: its key is `microcare.<NAME>`, its field in a backup
    /// is `<NAME>`.
    const NAME: &'static str;

    fn to_json(&self) -> Json;

    /// Reads the record; `None` when the value is not this record (wrong
    /// types). Missing fields take their default, unknown fields are ignored.
    fn from_json(json: &Json) -> Option<Self>;

    fn key() -> String {
        format!("{NAMESPACE}{}", Self::NAME)
    }

    fn unreadable_key() -> String {
        format!("{UNREADABLE_PREFIX}{}", Self::NAME)
    }
}

/// Field readers for [`Record::from_json`]: `Err` on a wrong type.
mod field {
    use crate::core::json::Json;

    pub fn text(json: &Json, key: &str) -> Result<Option<String>, ()> {
        match json.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(()),
        }
    }

    pub fn flag(json: &Json, key: &str) -> Result<bool, ()> {
        match json.get(key) {
            None | Some(Json::Null) => Ok(false),
            Some(value) => value.as_bool().ok_or(()),
        }
    }

    pub fn count(json: &Json, key: &str) -> Result<usize, ()> {
        match json.get(key) {
            None | Some(Json::Null) => Ok(0),
            Some(value) => value.as_u64().map(|n| n as usize).ok_or(()),
        }
    }

    /// An object of strings, as key-value pairs in file order.
    pub fn texts(json: &Json, key: &str) -> Result<Vec<(String, String)>, ()> {
        match json.get(key) {
            None | Some(Json::Null) => Ok(Vec::new()),
            Some(Json::Object(members)) => members
                .iter()
                .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())).ok_or(()))
                .collect(),
            Some(_) => Err(()),
        }
    }
}

/// The person's preferences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// The language code the person chose, if they chose one.
    pub lang: Option<String>,
    /// What brought the person here (a FAQ goal id), if they said.
    pub goal: Option<String>,
    /// The person said "Not now" to installing MicroCare: not offered again.
    /// Absent in data saved before this field existed: `false`.
    pub install_dismissed: bool,
}

impl Record for Settings {
    const NAME: &'static str = "settings";

    fn to_json(&self) -> Json {
        let mut json = Json::object();
        json.insert("lang", self.lang.clone());
        json.insert("goal", self.goal.clone());
        json.insert("install_dismissed", self.install_dismissed);
        json
    }

    fn from_json(json: &Json) -> Option<Settings> {
        json.as_object()?;
        Some(Settings {
            lang: field::text(json, "lang").ok()?,
            goal: field::text(json, "goal").ok()?,
            install_dismissed: field::flag(json, "install_dismissed").ok()?,
        })
    }
}

/// The self-check in progress or done. Stored only if the person agreed
/// to keep their answers on this device.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScreeningRecord {
    /// The person agreed to keep their answers on this device.
    pub consent: bool,
    /// Answer codes by step key (see `core::screening::Answer::to_code`).
    pub answers: Vec<(String, String)>,
    /// The step shown last, to resume there.
    pub step: usize,
    /// The day the result was first shown, `YYYY-MM-DD`.
    pub done_on: Option<String>,
}

impl ScreeningRecord {
    /// Sets the answer of step `key`.
    pub fn set_answer(&mut self, key: String, code: String) {
        match self.answers.iter_mut().find(|(k, _)| *k == key) {
            Some(answer) => answer.1 = code,
            None => self.answers.push((key, code)),
        }
    }
}

impl Record for ScreeningRecord {
    const NAME: &'static str = "screening";

    fn to_json(&self) -> Json {
        let mut json = Json::object();
        json.insert("consent", self.consent);
        json.insert(
            "answers",
            Json::Object(
                self.answers
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::String(v.clone())))
                    .collect(),
            ),
        );
        json.insert("step", self.step as u64);
        json.insert("done_on", self.done_on.clone());
        json
    }

    fn from_json(json: &Json) -> Option<ScreeningRecord> {
        json.as_object()?;
        Some(ScreeningRecord {
            consent: field::flag(json, "consent").ok()?,
            answers: field::texts(json, "answers").ok()?,
            step: field::count(json, "step").ok()?,
            done_on: field::text(json, "done_on").ok()?,
        })
    }
}

/// A session the person logged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// Stable id (from the moment it was logged), used in calendar UIDs.
    pub id: String,
    /// When the session ended, milliseconds since 1970 UTC.
    pub end: i64,
    /// The treated area id.
    pub area: String,
    pub note: String,
}

/// Sessions and aftercare progress.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AftercareRecord {
    pub sessions: Vec<Session>,
    /// Checklist items ticked, by local date `YYYY-MM-DD`.
    pub ticks: Vec<(String, Vec<String>)>,
    /// The Home Screen and backup tip was shown and dismissed.
    pub nudge_done: bool,
}

impl AftercareRecord {
    /// The most recent session, by end time.
    pub fn latest(&self) -> Option<&Session> {
        self.sessions.iter().max_by_key(|s| s.end)
    }

    pub fn is_ticked(&self, date: &str, item: &str) -> bool {
        self.ticks
            .iter()
            .any(|(d, items)| d == date && items.iter().any(|i| i == item))
    }

    /// Ticks or unticks `item` on `date`.
    pub fn set_tick(&mut self, date: &str, item: &str, ticked: bool) {
        let index = match self.ticks.iter().position(|(d, _)| d == date) {
            Some(index) => index,
            None => {
                self.ticks.push((date.to_string(), Vec::new()));
                self.ticks.len() - 1
            }
        };
        let items = &mut self.ticks[index].1;
        items.retain(|i| i != item);
        if ticked {
            items.push(item.to_string());
        }
    }
}

impl Record for AftercareRecord {
    const NAME: &'static str = "aftercare";

    fn to_json(&self) -> Json {
        let sessions = self
            .sessions
            .iter()
            .map(|s| {
                let mut json = Json::object();
                json.insert("id", s.id.as_str());
                json.insert("end", Json::Number(s.end.to_string()));
                json.insert("area", s.area.as_str());
                json.insert("note", s.note.as_str());
                json
            })
            .collect();
        let ticks = self
            .ticks
            .iter()
            .map(|(date, items)| {
                let items = items.iter().map(|i| Json::from(i.as_str())).collect();
                (date.clone(), Json::Array(items))
            })
            .collect();
        let mut json = Json::object();
        json.insert("sessions", Json::Array(sessions));
        json.insert("ticks", Json::Object(ticks));
        json.insert("nudge_done", self.nudge_done);
        json
    }

    fn from_json(json: &Json) -> Option<AftercareRecord> {
        json.as_object()?;
        let sessions = match json.get("sessions") {
            None | Some(Json::Null) => Vec::new(),
            Some(list) => list
                .as_array()?
                .iter()
                .map(|s| {
                    Some(Session {
                        id: field::text(s, "id").ok()??,
                        end: s.get("end")?.as_u64()? as i64,
                        area: field::text(s, "area").ok()?.unwrap_or_default(),
                        note: field::text(s, "note").ok()?.unwrap_or_default(),
                    })
                })
                .collect::<Option<Vec<_>>>()?,
        };
        let ticks = match json.get("ticks") {
            None | Some(Json::Null) => Vec::new(),
            Some(map) => map
                .as_object()?
                .iter()
                .map(|(date, items)| {
                    let items = items
                        .as_array()?
                        .iter()
                        .map(|i| i.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()?;
                    Some((date.clone(), items))
                })
                .collect::<Option<Vec<_>>>()?,
        };
        Some(AftercareRecord {
            sessions,
            ticks,
            nudge_done: field::flag(json, "nudge_done").ok()?,
        })
    }
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

/// Wraps a record for storage at `rev`.
pub fn encode<R: Record>(value: &R, rev: u64) -> String {
    let mut envelope = Json::object();
    envelope.insert("schema", SCHEMA_VERSION);
    envelope.insert("rev", rev);
    envelope.insert("data", value.to_json());
    envelope.to_string()
}

/// Reads a raw stored value. Never panics, whatever the input.
pub fn decode<R: Record>(raw: &str) -> Decoded<R> {
    let json = match Json::parse(raw) {
        Ok(json) => json,
        Err(why) => return Decoded::Unreadable { why },
    };
    let (schema, rev, data) = match split_envelope(json) {
        Ok(parts) => parts,
        Err(why) => return Decoded::Unreadable { why },
    };
    decode_data(R::NAME, schema, rev, data)
}

/// Reads one record's data as written at `schema`, migrating it if older.
pub fn decode_data<R: Record>(name: &str, schema: u32, rev: u64, data: Json) -> Decoded<R> {
    if schema > SCHEMA_VERSION {
        return Decoded::Newer {
            schema,
            rev,
            value: R::from_json(&data),
        };
    }
    let data = match migrate(name, schema, data) {
        Ok(data) => data,
        Err(why) => return Decoded::Unreadable { why },
    };
    match R::from_json(&data) {
        Some(value) => Decoded::Current {
            value,
            rev,
            migrated_from: (schema < SCHEMA_VERSION).then_some(schema),
        },
        None => Decoded::Unreadable {
            why: format!("not a {name} record"),
        },
    }
}

/// Splits a stored JSON value into (schema, revision, data). A value without
/// a `schema` field is version 1: the whole value is the data.
fn split_envelope(json: Json) -> Result<(u32, u64, Json), String> {
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
        .get("data")
        .cloned()
        .ok_or("the envelope has no data")?;
    Ok((schema, rev, data))
}

/// One upgrade step: the data of record `name` written at version `from`,
/// rewritten as version `from + 1` would have written it.
type Migration = fn(name: &str, data: Json) -> Result<Json, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. A new schema version
/// adds one step here and one fixture in `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 only added the envelope: the data itself is unchanged.
fn v1_to_v2(_name: &str, data: Json) -> Result<Json, String> {
    Ok(data)
}

/// Upgrades `data` from `from` to [`SCHEMA_VERSION`], step by step. On
/// failure the caller still has the original raw value.
pub fn migrate(name: &str, from: u32, mut data: Json) -> Result<Json, String> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(format!("no migration from schema {from}"));
    }
    for step in &MIGRATIONS[(from - 1) as usize..] {
        data = step(name, data)?;
    }
    Ok(data)
}

/// Why an imported file was refused. The current data is untouched in every case.
#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or JSON that is not a MicroCare backup.
    NotOurs,
    /// A MicroCare backup from a newer version.
    Newer { schema: u32 },
    /// A MicroCare backup with a record that cannot be read.
    Malformed { record: String, why: String },
}

/// Largest file accepted as a backup; ours are a few kilobytes.
pub const MAX_BACKUP_BYTES: f64 = 1_000_000.0;

/// The marker in every backup file.
pub const BACKUP_APP: &str = "microcare";

/// A backup of everything: what "Export" downloads and "Import" reads.
#[derive(Debug, PartialEq)]
pub struct Backup {
    pub app: String,
    pub schema: u32,
    pub exported_at: String,
    /// Each record's data by record name.
    pub records: Vec<(String, Json)>,
    /// Values that could not be read, kept aside, by record name.
    pub unreadable: Vec<(String, String)>,
}

impl Backup {
    pub fn new(exported_at: String) -> Backup {
        Backup {
            app: BACKUP_APP.to_string(),
            schema: SCHEMA_VERSION,
            exported_at,
            records: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    pub fn add<R: Record>(&mut self, value: &R) {
        self.records.push((R::NAME.to_string(), value.to_json()));
    }

    pub fn to_json(&self) -> String {
        let mut json = Json::object();
        json.insert("app", self.app.as_str());
        json.insert("schema", self.schema);
        json.insert("exported_at", self.exported_at.as_str());
        json.insert("records", Json::Object(self.records.clone()));
        if !self.unreadable.is_empty() {
            let kept = self
                .unreadable
                .iter()
                .map(|(name, raw)| (name.clone(), Json::String(raw.clone())))
                .collect();
            json.insert("unreadable", Json::Object(kept));
        }
        json.to_string()
    }

    /// Reads and checks a backup file, migrating its records if it is older.
    pub fn parse(text: &str) -> Result<Backup, ImportError> {
        let json = Json::parse(text).map_err(|_| ImportError::NotOurs)?;
        if json.get("app").and_then(Json::as_str) != Some(BACKUP_APP) {
            return Err(ImportError::NotOurs);
        }
        let malformed = |why: &str| ImportError::Malformed {
            record: "backup".into(),
            why: why.into(),
        };
        let schema = json
            .get("schema")
            .and_then(Json::as_u64)
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| malformed("schema is missing or not a number"))?;
        if schema > SCHEMA_VERSION {
            return Err(ImportError::Newer { schema });
        }
        let exported_at = json
            .get("exported_at")
            .and_then(Json::as_str)
            .ok_or_else(|| malformed("exported_at is missing or not text"))?
            .to_string();
        let records = json
            .get("records")
            .and_then(Json::as_object)
            .ok_or_else(|| malformed("records is missing or not an object"))?;
        let mut migrated = Vec::new();
        for (name, data) in records {
            let data =
                migrate(name, schema, data.clone()).map_err(|why| ImportError::Malformed {
                    record: name.clone(),
                    why,
                })?;
            migrated.push((name.clone(), data));
        }
        let backup = Backup {
            app: BACKUP_APP.into(),
            schema: SCHEMA_VERSION,
            exported_at,
            records: migrated,
            unreadable: Vec::new(),
        };
        let mut check = CheckRecords {
            backup: &backup,
            error: None,
        };
        visit_records(&mut check);
        match check.error {
            Some(error) => Err(error),
            None => Ok(backup),
        }
    }

    fn data(&self, name: &str) -> Option<&Json> {
        self.records.iter().find(|(n, _)| n == name).map(|(_, d)| d)
    }

    /// The record's value, or its default when the backup has none.
    pub fn get<R: Record>(&self) -> R {
        self.data(R::NAME)
            .and_then(R::from_json)
            .unwrap_or_default()
    }
}

/// Every known record in a backup must be readable.
struct CheckRecords<'a> {
    backup: &'a Backup,
    error: Option<ImportError>,
}

impl RecordVisitor for CheckRecords<'_> {
    fn visit<R: Record>(&mut self) {
        let Some(data) = self.backup.data(R::NAME) else {
            return;
        };
        if R::from_json(data).is_none() {
            self.error.get_or_insert(ImportError::Malformed {
                record: R::NAME.into(),
                why: format!("not a {} record", R::NAME),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es() -> Settings {
        Settings {
            lang: Some("es".into()),
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
        let raw = r#"{"schema":2,"rev":3,"data":{"lang":"pt-BR","colour":"blue"}}"#;
        assert_eq!(
            decode::<Settings>(raw),
            Decoded::Current {
                value: Settings {
                    lang: Some("pt-BR".into()),
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
        assert!(migrate("settings", 0, Json::Null).is_err());
        assert!(migrate("settings", SCHEMA_VERSION + 1, Json::Null).is_err());
        assert_eq!(
            migrate("settings", SCHEMA_VERSION, Json::Bool(true)),
            Ok(Json::Bool(true))
        );
    }

    #[test]
    fn every_schema_version_has_a_migration_step() {
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION - 1);
    }

    /// A committed snapshot of localStorage as each past version wrote it.
    fn fixture(version: u32) -> Json {
        let text = match version {
            1 => include_str!("../../tests/fixtures/storage-v1.json"),
            2 => include_str!("../../tests/fixtures/storage-v2.json"),
            _ => panic!("no fixture for version {version}"),
        };
        Json::parse(text).unwrap()
    }

    #[test]
    fn every_past_version_fixture_migrates_to_the_same_settings() {
        for version in 1..=SCHEMA_VERSION {
            let storage = fixture(version);
            let raw = storage
                .get(&Settings::key())
                .and_then(Json::as_str)
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
                            lang: Some("pt-BR".into()),
                            goal: Some("scars".into()),
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

    #[test]
    fn aftercare_record_round_trips_and_rejects_wrong_types() {
        let mut record = AftercareRecord {
            sessions: vec![Session {
                id: "s1".into(),
                end: 1_795_000_000_000,
                area: "face".into(),
                note: "Use the clinic's balm, \"twice\"".into(),
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

    #[test]
    fn backup_round_trips_exactly() {
        let mut backup = Backup::new("2026-11-23T10:00:00Z".into());
        backup.add(&es());
        let text = backup.to_json();
        let parsed = Backup::parse(&text).unwrap();
        assert_eq!(parsed, backup);
        assert_eq!(parsed.get::<Settings>(), es());
        assert_eq!(parsed.to_json(), text);
    }

    #[test]
    fn import_rejects_files_that_are_not_ours_newer_or_malformed() {
        type Expectation = fn(&ImportError) -> bool;
        let cases: &[(&str, Expectation)] = &[
            ("not json", |e| *e == ImportError::NotOurs),
            ("{}", |e| *e == ImportError::NotOurs),
            (r#"{"app":"other","schema":2}"#, |e| {
                *e == ImportError::NotOurs
            }),
            (r#"[1,2]"#, |e| *e == ImportError::NotOurs),
            (
                r#"{"app":"microcare","schema":3,"exported_at":"x","records":{}}"#,
                |e| matches!(e, ImportError::Newer { schema: 3 }),
            ),
            (r#"{"app":"microcare","schema":2}"#, |e| {
                matches!(e, ImportError::Malformed { .. })
            }),
            (
                r#"{"app":"microcare","schema":2,"exported_at":"x","records":{"settings":{"lang":7}}}"#,
                |e| matches!(e, ImportError::Malformed { record, .. } if record == "settings"),
            ),
        ];
        for (text, is_expected) in cases {
            let err = Backup::parse(text).expect_err(text);
            assert!(is_expected(&err), "{text}: {err:?}");
        }
    }

    #[test]
    fn a_version_1_backup_is_migrated_on_import() {
        let text = r#"{"app":"microcare","schema":1,"exported_at":"x","records":{"settings":{"lang":"es"}}}"#;
        let backup = Backup::parse(text).unwrap();
        assert_eq!(backup.schema, SCHEMA_VERSION);
        assert_eq!(backup.get::<Settings>(), es());
    }

    use crate::core::testing::Rng;

    fn random_json(rng: &mut Rng, depth: u32) -> Json {
        match rng.below(if depth > 3 { 5 } else { 7 }) {
            0 => Json::Null,
            1 => Json::Bool(rng.below(2) == 1),
            2 => Json::Number((rng.next_u64() % 1000).to_string()),
            3 => Json::Number(format!("-{}.5e3", rng.next_u64() % 100)),
            4 => {
                let words = [
                    "lang",
                    "schema",
                    "rev",
                    "data",
                    "es",
                    "pt-BR",
                    "",
                    "app",
                    "microcare",
                    "records",
                ];
                Json::from(words[rng.below(words.len() as u64) as usize])
            }
            5 => Json::Array(
                (0..rng.below(4))
                    .map(|_| random_json(rng, depth + 1))
                    .collect(),
            ),
            _ => {
                let keys = [
                    "lang",
                    "schema",
                    "rev",
                    "data",
                    "app",
                    "records",
                    "exported_at",
                    "settings",
                ];
                Json::Object(
                    (0..rng.below(5))
                        .map(|_| {
                            let key = keys[rng.below(keys.len() as u64) as usize].to_string();
                            (key, random_json(rng, depth + 1))
                        })
                        .collect(),
                )
            }
        }
    }

    #[test]
    fn property_random_json_never_panics_the_loader_or_the_importer() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text = random_json(&mut rng, 0).to_string();
            let _ = decode::<Settings>(&text);
            let _ = Backup::parse(&text);
        }
    }

    #[test]
    fn property_random_bytes_never_panic_the_loader_or_the_importer() {
        let mut rng = Rng(42);
        for _ in 0..20_000 {
            let len = rng.below(64) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = decode::<Settings>(&text);
            let _ = Backup::parse(&text);
        }
    }
}
