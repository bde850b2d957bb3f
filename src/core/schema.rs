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
//! let raw = encode(&settings, 1).unwrap();
//! assert!(matches!(decode::<Settings>(&raw), Decoded::Current { rev: 1, .. }));
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Prefix of every key MicroCare writes, so that it shares a clinic site's
/// storage without touching anything else.
pub const NAMESPACE: &str = "microcare.";

/// Prefix of the kept-aside copy of a value that could not be read.
pub const UNREADABLE_PREFIX: &str = "microcare.unreadable.";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// A kind of data stored under its own key.
pub trait Record: Serialize + DeserializeOwned + Default + Clone + PartialEq {
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

/// The person's preferences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The language code the person chose, if they chose one.
    pub lang: Option<String>,
    /// What brought the person here (a FAQ goal id), if they said.
    pub goal: Option<String>,
}

impl Record for Settings {
    const NAME: &'static str = "settings";
}

/// Something done to every kind of record (export, import, checks).
pub trait RecordVisitor {
    fn visit<R: Record>(&mut self);
}

/// Calls `visitor` once for every record type: the one list of what is stored.
pub fn visit_records(visitor: &mut impl RecordVisitor) {
    visitor.visit::<Settings>();
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
pub fn encode<R: Record>(value: &R, rev: u64) -> Result<String, String> {
    let data = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let mut envelope = serde_json::Map::new();
    envelope.insert("schema".into(), SCHEMA_VERSION.into());
    envelope.insert("rev".into(), rev.into());
    envelope.insert("data".into(), data);
    serde_json::to_string(&envelope).map_err(|e| e.to_string())
}

/// Reads a raw stored value. Never panics, whatever the input.
pub fn decode<R: Record>(raw: &str) -> Decoded<R> {
    let json: Value = match serde_json::from_str(raw) {
        Ok(json) => json,
        Err(e) => return Decoded::Unreadable { why: e.to_string() },
    };
    let (schema, rev, data) = match split_envelope(json) {
        Ok(parts) => parts,
        Err(why) => return Decoded::Unreadable { why },
    };
    decode_data(R::NAME, schema, rev, data)
}

/// Reads one record's data as written at `schema`, migrating it if older.
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
        Err(e) => Decoded::Unreadable { why: e.to_string() },
    }
}

/// Splits a stored JSON value into (schema, revision, data). A value without
/// a `schema` field is version 1: the whole value is the data.
fn split_envelope(json: Value) -> Result<(u32, u64, Value), String> {
    let Value::Object(mut map) = json else {
        return Ok((1, 0, json));
    };
    let Some(schema) = map.get("schema") else {
        return Ok((1, 0, Value::Object(map)));
    };
    let schema = schema
        .as_u64()
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s >= 1)
        .ok_or_else(|| format!("schema is not a version number: {schema}"))?;
    let rev = match map.get("rev") {
        None => 0,
        Some(rev) => rev
            .as_u64()
            .ok_or_else(|| format!("rev is not a revision number: {rev}"))?,
    };
    let data = map.remove("data").ok_or("the envelope has no data")?;
    Ok((schema, rev, data))
}

/// One upgrade step: the data of record `name` written at version `from`,
/// rewritten as version `from + 1` would have written it.
type Migration = fn(name: &str, data: Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. A new schema version
/// adds one step here and one fixture in `tests/fixtures/`.
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 only added the envelope: the data itself is unchanged.
fn v1_to_v2(_name: &str, data: Value) -> Result<Value, String> {
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
///
/// Written and read through `serde_json::Value` by hand: a derive here
/// would add kilobytes of WASM for one small object.
#[derive(Debug, PartialEq)]
pub struct Backup {
    pub app: String,
    pub schema: u32,
    pub exported_at: String,
    /// Each record's data by record name.
    pub records: serde_json::Map<String, Value>,
    /// Values that could not be read, kept aside, by record name.
    pub unreadable: serde_json::Map<String, Value>,
}

impl Backup {
    pub fn new(exported_at: String) -> Backup {
        Backup {
            app: BACKUP_APP.to_string(),
            schema: SCHEMA_VERSION,
            exported_at,
            records: serde_json::Map::new(),
            unreadable: serde_json::Map::new(),
        }
    }

    pub fn add<R: Record>(&mut self, value: &R) {
        if let Ok(data) = serde_json::to_value(value) {
            self.records.insert(R::NAME.to_string(), data);
        }
    }

    pub fn to_json(&self) -> String {
        let mut json = serde_json::Map::new();
        json.insert("app".into(), self.app.clone().into());
        json.insert("schema".into(), self.schema.into());
        json.insert("exported_at".into(), self.exported_at.clone().into());
        json.insert("records".into(), Value::Object(self.records.clone()));
        if !self.unreadable.is_empty() {
            json.insert("unreadable".into(), Value::Object(self.unreadable.clone()));
        }
        serde_json::to_string(&json).unwrap_or_default()
    }

    /// Reads and checks a backup file, migrating its records if it is older.
    pub fn parse(text: &str) -> Result<Backup, ImportError> {
        let json: Value = serde_json::from_str(text).map_err(|_| ImportError::NotOurs)?;
        if json.get("app").and_then(Value::as_str) != Some(BACKUP_APP) {
            return Err(ImportError::NotOurs);
        }
        let malformed = |why: &str| ImportError::Malformed {
            record: "backup".into(),
            why: why.into(),
        };
        let object = |key: &str| match json.get(key) {
            Some(Value::Object(map)) => Ok(map.clone()),
            None if key == "unreadable" => Ok(serde_json::Map::new()),
            _ => Err(malformed(&format!("{key} is missing or not an object"))),
        };
        let mut backup = Backup {
            app: BACKUP_APP.into(),
            schema: json
                .get("schema")
                .and_then(Value::as_u64)
                .and_then(|s| u32::try_from(s).ok())
                .ok_or_else(|| malformed("schema is missing or not a number"))?,
            exported_at: json
                .get("exported_at")
                .and_then(Value::as_str)
                .ok_or_else(|| malformed("exported_at is missing or not text"))?
                .to_string(),
            records: object("records")?,
            unreadable: object("unreadable")?,
        };
        if backup.schema > SCHEMA_VERSION {
            return Err(ImportError::Newer {
                schema: backup.schema,
            });
        }
        for (name, data) in backup.records.iter_mut() {
            let migrated = migrate(name, backup.schema, data.take()).map_err(|why| {
                ImportError::Malformed {
                    record: name.clone(),
                    why,
                }
            })?;
            *data = migrated;
        }
        backup.schema = SCHEMA_VERSION;
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

    /// The record's value, or its default when the backup has none.
    pub fn get<R: Record>(&self) -> R {
        self.records
            .get(R::NAME)
            .and_then(|data| serde_json::from_value(data.clone()).ok())
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
        let Some(data) = self.backup.records.get(R::NAME) else {
            return;
        };
        if let Err(e) = serde_json::from_value::<R>(data.clone()) {
            self.error.get_or_insert(ImportError::Malformed {
                record: R::NAME.into(),
                why: e.to_string(),
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
        let raw = encode(&es(), 7).unwrap();
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
    fn fixture(version: u32) -> serde_json::Map<String, Value> {
        let text = match version {
            1 => include_str!("../../tests/fixtures/storage-v1.json"),
            2 => include_str!("../../tests/fixtures/storage-v2.json"),
            _ => panic!("no fixture for version {version}"),
        };
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn every_past_version_fixture_migrates_to_the_same_settings() {
        for version in 1..=SCHEMA_VERSION {
            let storage = fixture(version);
            let raw = storage[&Settings::key()].as_str().unwrap();
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

    /// A small deterministic generator, so the property tests need no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn random_json(rng: &mut Rng, depth: u32) -> Value {
        match rng.below(if depth > 3 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(rng.below(2) == 1),
            2 => Value::from(rng.next() as i64),
            3 => Value::from((rng.next() as f64) / 7.0),
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
                Value::from(words[rng.below(words.len() as u64) as usize])
            }
            5 => Value::Array(
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
                Value::Object(
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
