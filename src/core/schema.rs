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
//!   progress photos (`photos`, see [`BackupPhoto`]). The version changed so
//!   that an older MicroCare refuses such a file as newer instead of
//!   importing it without its photos.
//!
//! ```
//! use microcare::core::schema::{decode, encode, Decoded, Settings};
//! let settings = Settings { lang: Some("es".into()), ..Settings::default() };
//! let raw = encode(&settings, 1);
//! assert!(matches!(decode::<Settings>(&raw), Decoded::Current { rev: 1, .. }));
//! ```

use crate::core::base64;
use crate::core::photos::{Photo, MAX_IMAGE_BYTES};
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
    /// The language code the person chose, if they chose one.
    pub lang: Option<String>,
    /// What brought the person here (a FAQ goal id), if they said.
    pub goal: Option<String>,
    /// The person said "Not now" to installing MicroCare: not offered again.
    /// Absent in data saved before this field existed: `false`.
    #[serde(deserialize_with = "nullable")]
    pub install_dismissed: bool,
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
    /// The treated area id.
    #[serde(default, deserialize_with = "nullable")]
    pub area: String,
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

/// Largest file accepted as a backup without photos; ours are a few kilobytes.
pub const MAX_BACKUP_BYTES: f64 = 1_000_000.0;

/// Largest file accepted as a backup with photos: 64 MB, about a hundred
/// photos at the usual 300–500 KB (the image and its thumbnail, a third
/// larger as base64). Reading one holds the text, its parsed JSON and the
/// decoded images at once, about three times the file in memory: some
/// 200 MB at this limit, which mid-range phones give a tab; larger would
/// risk the tab being killed mid-import. A person with more photos exports
/// without photos, or keeps them on the device.
pub const MAX_PHOTO_BACKUP_BYTES: f64 = 64_000_000.0;

/// Most photos accepted in one backup: a diary of a few areas over a
/// treatment plan has tens; more is not a file of ours.
pub const MAX_BACKUP_PHOTOS: usize = 500;

/// The photos' field in a backup file.
const PHOTOS: &str = "photos";

/// Bytes written as base64 text in a backup file (JSON has no bytes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Base64Bytes(pub Vec<u8>);

impl Serialize for Base64Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for Base64Bytes {
    /// Refuses text that is not base64, or that decodes to more than a
    /// stored image may be ([`MAX_IMAGE_BYTES`]), before allocating it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::decode(&text, MAX_IMAGE_BYTES)
            .map(Base64Bytes)
            .map_err(serde::de::Error::custom)
    }
}

/// One progress photo in a backup file: its record, and the stored image
/// and thumbnail exactly as they are on the device (already re-encoded,
/// so without any EXIF or location).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupPhoto {
    pub photo: Photo,
    pub image: Base64Bytes,
    pub thumb: Base64Bytes,
}

impl BackupPhoto {
    /// Everything a photo from a file must be before it is stored: a valid
    /// record whose sizes are those of its bytes, and an image of the type
    /// it says (so that nothing else is ever shown as a photo).
    pub fn check(&self) -> Result<(), String> {
        self.photo.check().map_err(|e| e.to_string())?;
        let lengths = [
            ("image", self.image.0.len(), self.photo.bytes),
            ("thumbnail", self.thumb.0.len(), self.photo.thumb_bytes),
        ];
        for (what, actual, said) in lengths {
            if actual as u64 != said {
                return Err(format!(
                    "the {what} has {actual} bytes, its record says {said}"
                ));
            }
        }
        if !is_image(&self.image.0, &self.photo.mime) || !is_image(&self.thumb.0, "") {
            return Err(format!(
                "photo {} is not a JPEG or WebP image",
                self.photo.id
            ));
        }
        Ok(())
    }
}

/// Whether `bytes` start as an image of type `mime` would (a JPEG's SOI
/// marker, a WebP's RIFF header); any of ours when `mime` is empty.
fn is_image(bytes: &[u8], mime: &str) -> bool {
    let jpeg = bytes.starts_with(&[0xFF, 0xD8, 0xFF]);
    let webp = bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP";
    match mime {
        "image/jpeg" => jpeg,
        "image/webp" => webp,
        _ => jpeg || webp,
    }
}

/// The marker in every backup file.
pub const BACKUP_APP: &str = "microcare";

/// A backup of everything: what "Export" downloads and "Import" reads.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub app: String,
    pub schema: u32,
    pub exported_at: String,
    /// Each record's data by record name.
    pub records: BTreeMap<String, Value>,
    /// Values that could not be read, kept aside, by record name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unreadable: BTreeMap<String, String>,
    /// Progress photos, only when the person chose to include them; absent
    /// from files before version 3 and from backups without photos.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<BackupPhoto>,
}

impl Backup {
    pub fn new(exported_at: String) -> Backup {
        Backup {
            app: BACKUP_APP.to_string(),
            schema: SCHEMA_VERSION,
            exported_at,
            records: BTreeMap::new(),
            unreadable: BTreeMap::new(),
            photos: Vec::new(),
        }
    }

    pub fn add<R: Record>(&mut self, value: &R) {
        let data = serde_json::to_value(value).unwrap_or_default();
        self.records.insert(R::NAME.to_string(), data);
    }

    /// Adds a photo with its stored image and thumbnail (the backup then
    /// includes photos: only when the person asked for it).
    pub fn add_photo(&mut self, photo: Photo, image: Vec<u8>, thumb: Vec<u8>) {
        self.photos.push(BackupPhoto {
            photo,
            image: Base64Bytes(image),
            thumb: Base64Bytes(thumb),
        });
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The length of this backup's file with `photos` added (see
    /// [`Backup::len_with_photos`]) when it is a file MicroCare will restore
    /// (at most [`MAX_BACKUP_PHOTOS`] photos and [`MAX_PHOTO_BACKUP_BYTES`]);
    /// `None` for one the import would refuse, which is never made. Known
    /// from the records alone, before any image is read.
    pub fn restorable_len_with_photos(&self, photos: &[Photo]) -> Option<u64> {
        if photos.len() > MAX_BACKUP_PHOTOS {
            return None;
        }
        let len = self.len_with_photos(photos);
        (len as f64 <= MAX_PHOTO_BACKUP_BYTES).then_some(len)
    }

    /// The length in bytes of this backup's file (its records, without any
    /// photo it already holds) once `photos` (their records, images and
    /// thumbnails, as stored) are added: what "include photos" will weigh,
    /// said before anything is read or encoded.
    pub fn len_with_photos(&self, photos: &[Photo]) -> u64 {
        let records_only = Backup {
            app: self.app.clone(),
            schema: self.schema,
            exported_at: self.exported_at.clone(),
            records: self.records.clone(),
            unreadable: self.unreadable.clone(),
            photos: Vec::new(),
        };
        let base = records_only.to_json().len() as u64;
        if photos.is_empty() {
            return base;
        }
        // `,"photos":[` and `]`, one comma between entries, and each entry
        // `{"photo":…,"image":"…","thumb":"…"}`.
        let mut total = base + r#","photos":[]"#.len() as u64 + photos.len() as u64 - 1;
        for photo in photos {
            let record = serde_json::to_string(photo).map_or(0, |t| t.len() as u64);
            total += r#"{"photo":,"image":"","thumb":""}"#.len() as u64
                + record
                + base64::encoded_len(photo.bytes)
                + base64::encoded_len(photo.thumb_bytes);
        }
        total
    }

    /// Reads and checks a backup file, migrating its records if it is older.
    /// The file is checked step by step, so that a file that is not ours, a
    /// newer one and a damaged one each get their own answer.
    ///
    /// A file with photos may be up to [`MAX_PHOTO_BACKUP_BYTES`], one
    /// without up to [`MAX_BACKUP_BYTES`]; every photo is checked
    /// ([`BackupPhoto::check`]) and the first bad one refuses the file.
    pub fn parse(text: &str) -> Result<Backup, ImportError> {
        let mut json = parse_limited(text, MAX_PHOTO_BACKUP_BYTES as usize)
            .map_err(|_| ImportError::NotOurs)?;
        if json.get("app").and_then(Value::as_str) != Some(BACKUP_APP) {
            return Err(ImportError::NotOurs);
        }
        let photos = json
            .as_object_mut()
            .and_then(|file| file.remove(PHOTOS))
            .unwrap_or(Value::Null);
        let has_photos = photos.as_array().is_some_and(|list| !list.is_empty());
        if !has_photos && text.len() > MAX_BACKUP_BYTES as usize {
            return Err(ImportError::NotOurs);
        }
        let malformed = |why: String| ImportError::Malformed {
            record: "backup".into(),
            why,
        };
        let schema = json
            .get("schema")
            .and_then(Value::as_u64)
            .and_then(|s| u32::try_from(s).ok())
            .ok_or_else(|| malformed("schema is missing or not a number".into()))?;
        if schema > SCHEMA_VERSION {
            return Err(ImportError::Newer { schema });
        }
        let file: Backup = serde_json::from_value(json).map_err(|e| malformed(e.to_string()))?;
        let photos = read_photos(schema, photos).map_err(|why| ImportError::Malformed {
            record: PHOTOS.into(),
            why,
        })?;
        let mut records = BTreeMap::new();
        for (name, data) in file.records {
            let data = migrate(&name, schema, data).map_err(|why| ImportError::Malformed {
                record: name.clone(),
                why,
            })?;
            records.insert(name, data);
        }
        let backup = Backup {
            app: BACKUP_APP.into(),
            schema: SCHEMA_VERSION,
            exported_at: file.exported_at,
            records,
            unreadable: BTreeMap::new(),
            photos,
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

    fn read<R: Record>(&self) -> Option<Result<R, serde_json::Error>> {
        self.records.get(R::NAME).map(R::deserialize)
    }

    /// The record's value, or its default when the backup has none.
    pub fn get<R: Record>(&self) -> R {
        self.read().and_then(Result::ok).unwrap_or_default()
    }
}

/// The photos of a backup file written at `schema`, all checked.
fn read_photos(schema: u32, photos: Value) -> Result<Vec<BackupPhoto>, String> {
    if photos.is_null() {
        return Ok(Vec::new());
    }
    if schema < 3 {
        return Err(format!("a version {schema} backup cannot have photos"));
    }
    let count = photos.as_array().map_or(0, Vec::len);
    if count > MAX_BACKUP_PHOTOS {
        return Err(format!("{count} photos, more than {MAX_BACKUP_PHOTOS}"));
    }
    let photos: Vec<BackupPhoto> = serde_json::from_value(photos).map_err(|e| e.to_string())?;
    for (index, photo) in photos.iter().enumerate() {
        photo.check()?;
        // At most 500 photos: a plain scan is the least code.
        if photos[..index].iter().any(|p| p.photo.id == photo.photo.id) {
            return Err(format!("photo {} is there twice", photo.photo.id));
        }
    }
    Ok(photos)
}

/// Every known record in a backup must be readable.
struct CheckRecords<'a> {
    backup: &'a Backup,
    error: Option<ImportError>,
}

impl RecordVisitor for CheckRecords<'_> {
    fn visit<R: Record>(&mut self) {
        if let Some(Err(why)) = self.backup.read::<R>() {
            self.error.get_or_insert(ImportError::Malformed {
                record: R::NAME.into(),
                why: format!("not a {} record: {why}", R::NAME),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        let raw = format!(
            r#"{{"schema":{SCHEMA_VERSION},"rev":3,"data":{{"lang":"pt-BR","colour":"blue"}}}}"#
        );
        assert_eq!(
            decode::<Settings>(&raw),
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
                area: "body".into(),
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
            lang: Some("pt-BR".into()),
            goal: Some("scars".into()),
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
                r#"{"app":"microcare","schema":4,"exported_at":"x","records":{}}"#,
                |e| matches!(e, ImportError::Newer { schema: 4 }),
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

    /// A backup file as each past version exported it (version 3 with one
    /// photo): every one is read by this version.
    fn backup_fixture(version: u32) -> &'static str {
        match version {
            1 => include_str!("../../tests/fixtures/backup-v1.json"),
            2 => include_str!("../../tests/fixtures/backup-v2.json"),
            3 => include_str!("../../tests/fixtures/backup-v3.json"),
            _ => panic!("no backup fixture for version {version}"),
        }
    }

    /// The smallest bytes that pass for a JPEG: its start-of-image marker.
    fn jpeg(len: usize) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
        bytes.resize(len.max(4), 0x42);
        bytes
    }

    fn photo(id: &str, bytes: u64, thumb_bytes: u64) -> Photo {
        Photo {
            id: id.into(),
            date: "2026-11-30".into(),
            added: 1_796_000_000_000,
            area: "face".into(),
            session: Some("s1796000000000".into()),
            width: 1200,
            height: 1600,
            bytes,
            thumb_bytes,
            mime: "image/jpeg".into(),
        }
    }

    #[test]
    fn every_past_backup_version_imports_with_its_records() {
        for version in 1..=SCHEMA_VERSION {
            let backup = Backup::parse(backup_fixture(version))
                .unwrap_or_else(|e| panic!("v{version}: {e:?}"));
            assert_eq!(backup.schema, SCHEMA_VERSION, "v{version}");
            assert_eq!(
                backup.get::<Settings>().lang.as_deref(),
                Some("pt-BR"),
                "v{version}"
            );
            let sessions = backup.get::<AftercareRecord>().sessions;
            assert_eq!(sessions.len(), 1, "v{version}");
            let expected_photos = if version >= 3 { 1 } else { 0 };
            assert_eq!(backup.photos.len(), expected_photos, "v{version}");
        }
        let v3 = Backup::parse(backup_fixture(3)).unwrap();
        let entry = &v3.photos[0];
        assert_eq!(entry.photo.session.as_deref(), Some("s1796000000000"));
        assert_eq!(entry.image.0, jpeg(8));
        assert_eq!(entry.thumb.0.len(), 4);
    }

    #[test]
    fn a_backup_the_import_would_refuse_is_known_before_it_is_made() {
        // Pins a backup that downloaded fine and could never be restored:
        // more photos, or more bytes, than the import accepts.
        let backup = Backup::new("2026-11-30T10:00:00Z".into());
        let many = |n: usize, bytes: u64| -> Vec<Photo> {
            (0..n)
                .map(|i| photo(&format!("p{i}"), bytes, 20_000))
                .collect()
        };
        let fits = |photos: &[Photo]| backup.restorable_len_with_photos(photos);
        let hundred = many(100, 400_000);
        assert_eq!(fits(&hundred), Some(backup.len_with_photos(&hundred)));
        assert!(fits(&many(MAX_BACKUP_PHOTOS, 10_000)).is_some());
        assert_eq!(fits(&many(MAX_BACKUP_PHOTOS + 1, 10_000)), None);
        // 150 photos of 400 KB: about 80 MB as base64, over the 64 MB limit.
        assert_eq!(fits(&many(150, 400_000)), None);
        // What fits is what the import accepts.
        let mut small = Backup::new("2026-11-30T10:00:00Z".into());
        for p in many(3, 10) {
            small.add_photo(p, jpeg(10), jpeg(20_000));
        }
        assert!(Backup::parse(&small.to_json()).is_ok());
    }

    #[test]
    fn a_backup_with_photos_round_trips_and_its_size_is_known_beforehand() {
        let mut backup = Backup::new("2026-11-30T10:00:00Z".into());
        backup.add(&es());
        let without_photos = backup.to_json();
        assert!(!without_photos.contains("photos"), "{without_photos}");
        let photos = vec![photo("p1", 5_000, 300), photo("p2", 7, 4)];
        // The size is said before any image is read.
        let said = backup.len_with_photos(&photos);
        assert_eq!(backup.len_with_photos(&[]), without_photos.len() as u64);
        for p in &photos {
            backup.add_photo(
                p.clone(),
                jpeg(p.bytes as usize),
                jpeg(p.thumb_bytes as usize),
            );
        }
        let text = backup.to_json();
        assert_eq!(said, text.len() as u64, "the estimate is the file's size");
        let parsed = Backup::parse(&text).unwrap();
        assert_eq!(parsed, backup);
        assert_eq!(parsed.photos[0].image.0, jpeg(5_000));
        assert_eq!(parsed.photos[1].photo, photos[1]);
        assert_eq!(parsed.to_json(), text);
    }

    #[test]
    fn hostile_or_damaged_photo_entries_refuse_the_file_without_panicking() {
        let mut ok = Backup::new("x".into());
        ok.add(&es());
        ok.add_photo(photo("p1", 8, 4), jpeg(8), jpeg(4));
        let good: Value = serde_json::from_str(&ok.to_json()).unwrap();
        assert!(Backup::parse(&good.to_string()).is_ok());

        let huge_image = base64::encode(&jpeg(MAX_IMAGE_BYTES as usize + 1));
        type Change = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Change)> = vec![
            (
                "not base64",
                Box::new(|f| f["photos"][0]["image"] = json!("@@@@")),
            ),
            (
                "an image larger than any of ours",
                Box::new(move |f| {
                    f["photos"][0]["image"] = json!(huge_image.clone());
                    f["photos"][0]["photo"]["bytes"] = json!(MAX_IMAGE_BYTES + 1);
                }),
            ),
            (
                "sizes that lie",
                Box::new(|f| f["photos"][0]["photo"]["bytes"] = json!(9)),
            ),
            (
                "not an image",
                Box::new(|f| f["photos"][0]["image"] = json!(base64::encode(b"<svg>..."))),
            ),
            (
                "a WebP said to be a JPEG",
                Box::new(|f| {
                    f["photos"][0]["image"] = json!(base64::encode(b"RIFF\0\0\0\0WEBPVP8 "));
                    f["photos"][0]["photo"]["bytes"] = json!(16);
                }),
            ),
            (
                "an unknown area",
                Box::new(|f| f["photos"][0]["photo"]["area"] = json!("feet")),
            ),
            (
                "no record",
                Box::new(|f| f["photos"][0] = json!({"image": "", "thumb": ""})),
            ),
            ("not a list", Box::new(|f| f["photos"] = json!({"p1": 1}))),
            (
                "the same photo twice",
                Box::new(|f| {
                    let entry = f["photos"][0].clone();
                    f["photos"].as_array_mut().unwrap().push(entry);
                }),
            ),
            (
                "too many photos",
                Box::new(|f| f["photos"] = json!(vec![json!(null); MAX_BACKUP_PHOTOS + 1])),
            ),
            (
                "photos in a version 2 file",
                Box::new(|f| f["schema"] = json!(2)),
            ),
        ];
        for (what, change) in cases {
            let mut file = good.clone();
            change(&mut file);
            let err = Backup::parse(&file.to_string()).expect_err(what);
            assert!(
                matches!(&err, ImportError::Malformed { record, .. } if record == "photos"),
                "{what}: {err:?}"
            );
        }
    }

    #[test]
    fn each_kind_of_backup_has_its_own_size_limit() {
        let padding = |len: usize| format!(",\"pad\":\"{}\"", "x".repeat(len));
        let records = r#"{"app":"microcare","schema":3,"exported_at":"x","records":{}"#;
        // Without photos, a file over 1 MB is not one of ours...
        let large = format!("{records}{}}}", padding(MAX_BACKUP_BYTES as usize));
        assert_eq!(Backup::parse(&large).err(), Some(ImportError::NotOurs));
        let empty_list = format!(
            "{records},\"photos\":[]{}}}",
            padding(MAX_BACKUP_BYTES as usize)
        );
        assert_eq!(Backup::parse(&empty_list).err(), Some(ImportError::NotOurs));
        // ...with photos it may be larger...
        let mut backup = Backup::new("x".into());
        backup.add_photo(photo("p1", 3_000_000, 4), jpeg(3_000_000), jpeg(4));
        let text = backup.to_json();
        assert!(text.len() > MAX_BACKUP_BYTES as usize);
        assert_eq!(Backup::parse(&text).unwrap().photos.len(), 1);
        // ...up to its own limit.
        let over = format!(
            "{}{}}}",
            &text[..text.len() - 1],
            padding(MAX_PHOTO_BACKUP_BYTES as usize)
        );
        assert_eq!(Backup::parse(&over).err(), Some(ImportError::NotOurs));
    }

    use crate::core::testing::Rng;

    fn random_json(rng: &mut Rng, depth: u32) -> Value {
        match rng.below(if depth > 3 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(rng.below(2) == 1),
            2 => json!(rng.next_u64() % 1000),
            3 => json!(-((rng.next_u64() % 100) as f64 + 0.5) * 1e3),
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
                json!(words[rng.below(words.len() as u64) as usize])
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
