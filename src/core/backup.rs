//! A backup file: what "Export" downloads and "Import" reads.
//!
//! A backup holds every record (see [`crate::core::schema`], whose versions
//! and migrations it follows) and, when the person asks for it, their
//! progress photos with their images. It sits above both the records and
//! the photos, so that neither has to know about the other: the stored
//! records know nothing of photos, and a photo's record knows nothing of
//! backups. A file is checked step by step before anything is restored: a
//! file that is not ours, a newer one and a damaged one each get their own
//! answer ([`ImportError`]), and the current data is untouched in every case.

use crate::core::base64;
use crate::core::photos::{Photo, MAX_IMAGE_BYTES};
use crate::core::schema::{
    migrate, parse_limited, visit_records, Record, RecordVisitor, SCHEMA_VERSION,
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

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
    use crate::core::area::Area;
    use crate::core::i18n::Lang;
    use crate::core::schema::tests::es;
    use crate::core::schema::{decode, AftercareRecord, Settings};
    use serde_json::json;

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
            area: Area::Face,
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
                backup.get::<Settings>().lang,
                Some(Lang::PtBr),
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
