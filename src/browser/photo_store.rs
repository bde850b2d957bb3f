//! The one module that keeps progress photos: IndexedDB, never localStorage
//! (photos are far too large for it, and it would block the page).
//!
//! One database, `microcare-photos`, with three object stores keyed by the
//! photo id ([`Photo::id`]):
//! - `photos`: the metadata, as the JSON text of [`Photo`], small enough to
//!   list every photo without reading any image;
//! - `thumbs`: the thumbnail Blob, for lists and the compare picker;
//! - `images`: the full image Blob, read only when it is shown.
//!
//! A photo is written in one transaction across the three stores: it is
//! stored whole or not at all, and a failed write (a full disk, the quota)
//! aborts only that transaction, so nothing already saved is ever lost.
//!
//! Written with web-sys directly: the request and transaction events are
//! turned into promises whose `resolve` and `reject` are the event handlers
//! themselves, so there is almost no glue. Measured on the release build
//! with every operation called (gzipped, WASM + JS glue): this module adds
//! about 8.8 KB; the same operations through the `idb` crate (0.6, which
//! `rexie` is built on) added about 16.2 KB.
//!
//! ```no_run
//! # async fn demo(photo: microcare::core::photos::Photo, image: web_sys::Blob, thumb: web_sys::Blob) {
//! use microcare::browser::photo_store::{PhotoStore, PhotoStoreError};
//! match PhotoStore::open().await {
//!     Ok(store) => match store.save(&photo, &image, &thumb).await {
//!         Ok(()) => {}
//!         Err(PhotoStoreError::QuotaExceeded) => { /* "Your phone is full" */ }
//!         Err(other) => leptos::logging::warn!("not saved: {other}"),
//!     },
//!     Err(PhotoStoreError::Unavailable(_)) => { /* "This browser keeps no photos here" */ }
//!     Err(other) => leptos::logging::warn!("{other}"),
//! }
//! # }
//! ```

use crate::core::backup::{BackupPhoto, Base64Bytes};
use crate::core::photos::Photo;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    Blob, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The database MicroCare's photos live in (the site's other data is in
/// localStorage, see `browser::storage`).
pub const DB_NAME: &str = "microcare-photos";

/// The database version this build creates: 1 holds the three stores.
pub const DB_VERSION: u32 = 1;

const PHOTOS: &str = "photos";
const THUMBS: &str = "thumbs";
const IMAGES: &str = "images";
const STORES: [&str; 3] = [PHOTOS, THUMBS, IMAGES];

/// Why the photo storage did not do what was asked. In every case what was
/// already saved is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoStoreError {
    /// The browser gives this page no IndexedDB: blocked storage, some
    /// private-browsing modes, a sandboxed frame. The text is the browser's.
    Unavailable(String),
    /// Another open tab of MicroCare holds an older version of the database
    /// and did not let go: closing the other tabs fixes it.
    Blocked,
    /// The database was made by a newer version of MicroCare.
    Newer,
    /// The site's storage quota or the device's disk is full: this photo
    /// was not saved.
    QuotaExceeded,
    /// No photo with this id is stored.
    NotFound,
    /// The browser refused for another reason (its error name).
    Failed(String),
}

impl std::fmt::Display for PhotoStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhotoStoreError::Unavailable(why) => write!(f, "IndexedDB is not available: {why}"),
            PhotoStoreError::Blocked => write!(f, "another tab holds the photo database open"),
            PhotoStoreError::Newer => write!(f, "the photo database is from a newer version"),
            PhotoStoreError::QuotaExceeded => write!(f, "the storage is full"),
            PhotoStoreError::NotFound => write!(f, "no such photo"),
            PhotoStoreError::Failed(why) => write!(f, "the photo storage failed: {why}"),
        }
    }
}

/// The error of a failed request or transaction, by its DOMException name.
fn failure(error: Option<web_sys::DomException>) -> PhotoStoreError {
    let name = error.map(|e| e.name()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => PhotoStoreError::QuotaExceeded,
        "VersionError" => PhotoStoreError::Newer,
        // Firefox's and Safari's private modes, and storage blocked by the
        // person's settings, fail the open with these.
        "InvalidStateError" | "SecurityError" | "UnknownError" => {
            PhotoStoreError::Unavailable(name)
        }
        _ => PhotoStoreError::Failed(name),
    }
}

/// A synchronous throw of an IndexedDB call, as an error.
fn thrown(error: JsValue) -> PhotoStoreError {
    failure(error.dyn_into().ok())
}

/// Waits for a request: its result, or its error. The handlers are the
/// promise's own resolve and reject, so no Rust closure is kept alive.
async fn finished(request: &IdbRequest) -> Result<JsValue, PhotoStoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => request.result().map_err(thrown),
        Err(_) => Err(failure(request.error().ok().flatten())),
    }
}

/// Waits for a transaction to be committed; an aborted one gives its error
/// (a full storage shows here, after the writes were accepted).
async fn committed(transaction: &IdbTransaction) -> Result<(), PhotoStoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        // A failed request aborts its transaction: the abort carries the error.
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| failure(transaction.error()))
}

/// MicroCare's photo database, open. A clone is the same connection.
#[derive(Clone)]
pub struct PhotoStore {
    db: IdbDatabase,
}

impl PhotoStore {
    /// Opens (and on first use creates) the photo database.
    pub async fn open() -> Result<PhotoStore, PhotoStoreError> {
        PhotoStore::open_named(DB_NAME, DB_VERSION).await
    }

    /// Opens the database `name` at `version`. The app calls
    /// [`PhotoStore::open`]; tests use their own names and versions.
    pub async fn open_named(name: &str, version: u32) -> Result<PhotoStore, PhotoStoreError> {
        let factory = web_sys::window()
            .ok_or_else(|| PhotoStoreError::Unavailable("no window".into()))?
            .indexed_db()
            .map_err(|e| PhotoStoreError::Unavailable(super::error_name(&e)))?
            .ok_or_else(|| PhotoStoreError::Unavailable("no indexedDB".into()))?;
        let request = factory
            .open_with_u32(name, version)
            .map_err(|e| PhotoStoreError::Unavailable(super::error_name(&e)))?;
        // Runs at most once, before success, when the database is new or older.
        let upgrade = wasm_bindgen::closure::Closure::once_into_js(create_stores);
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let promise = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
            request.set_onblocked(Some(&reject));
        });
        match JsFuture::from(promise).await {
            Ok(_) => {}
            Err(event) => {
                let blocked = event
                    .dyn_ref::<web_sys::Event>()
                    .is_some_and(|e| e.type_() == "blocked");
                if blocked {
                    close_when_opened(&request);
                    return Err(PhotoStoreError::Blocked);
                }
                return Err(failure(request.error().ok().flatten()));
            }
        }
        let db: IdbDatabase = request.result().map_err(thrown)?.unchecked_into();
        // Another tab upgrading the database (a newer MicroCare) closes this
        // connection rather than being blocked by it.
        if let Ok(close) = js_sys::Reflect::get(&db, &"close".into()) {
            if let Ok(close) = close.dyn_into::<Function>() {
                db.set_onversionchange(Some(&close.bind0(&db)));
            }
        }
        Ok(PhotoStore { db })
    }

    /// Whether the database `name` exists, found without opening it (opening
    /// creates it): `None` where the browser cannot say (Firefox before 126
    /// has no `indexedDB.databases()`). The Privacy page asks before it
    /// lists or deletes photos, so that a visit leaves no empty database.
    pub async fn exists(name: &str) -> Option<bool> {
        let factory = web_sys::window()?.indexed_db().ok()??;
        let databases: Function = js_sys::Reflect::get(&factory, &"databases".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise: Promise = databases.call0(&factory).ok()?.dyn_into().ok()?;
        let list: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
        Some(list.iter().any(|database| {
            js_sys::Reflect::get(&database, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == name)
        }))
    }

    /// Closes the connection (it also closes when the store is dropped with
    /// the page).
    pub fn close(&self) {
        self.db.close();
    }

    fn transaction(
        &self,
        mode: IdbTransactionMode,
        stores: &[&str],
    ) -> Result<IdbTransaction, PhotoStoreError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        self.db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(thrown)
    }

    /// Saves a photo: its record, its image and its thumbnail, all or nothing.
    /// Saving the same id again replaces that photo.
    pub async fn save(
        &self,
        photo: &Photo,
        image: &Blob,
        thumb: &Blob,
    ) -> Result<(), PhotoStoreError> {
        let meta =
            serde_json::to_string(photo).map_err(|e| PhotoStoreError::Failed(e.to_string()))?;
        let tx = self.transaction(IdbTransactionMode::Readwrite, &STORES)?;
        let id = JsValue::from_str(&photo.id);
        let put = |store: &str, value: &JsValue| -> Result<(), PhotoStoreError> {
            tx.object_store(store)
                .and_then(|s| s.put_with_key(value, &id))
                .map(|_| ())
                .map_err(thrown)
        };
        let written = put(PHOTOS, &meta.into())
            .and_then(|()| put(THUMBS, thumb))
            .and_then(|()| put(IMAGES, image));
        if let Err(error) = written {
            // Undo what this transaction wrote: the photo is not half saved.
            let _ = tx.abort();
            return Err(error);
        }
        committed(&tx).await
    }

    /// Every stored photo's record, without any image, in no particular
    /// order (see `core::photos::of_area`). A record that cannot be read is
    /// counted in `unreadable`, not shown.
    pub async fn list(&self) -> Result<PhotoList, PhotoStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly, &[PHOTOS])?;
        let request = tx
            .object_store(PHOTOS)
            .and_then(|s| s.get_all())
            .map_err(thrown)?;
        let values: Array = finished(&request).await?.unchecked_into();
        let mut list = PhotoList::default();
        for value in values.iter() {
            match value
                .as_string()
                .and_then(|text| Photo::from_json(&text).ok())
            {
                Some(photo) => list.photos.push(photo),
                None => list.unreadable += 1,
            }
        }
        Ok(list)
    }

    /// The thumbnail of photo `id`.
    pub async fn thumbnail(&self, id: &str) -> Result<Blob, PhotoStoreError> {
        self.blob(THUMBS, id).await
    }

    /// The full image of photo `id`: load it only when it is shown.
    pub async fn image(&self, id: &str) -> Result<Blob, PhotoStoreError> {
        self.blob(IMAGES, id).await
    }

    async fn blob(&self, store: &str, id: &str) -> Result<Blob, PhotoStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readonly, &[store])?;
        let request = tx
            .object_store(store)
            .and_then(|s| s.get(&JsValue::from_str(id)))
            .map_err(thrown)?;
        finished(&request)
            .await?
            .dyn_into::<Blob>()
            .map_err(|_| PhotoStoreError::NotFound)
    }

    /// Deletes one photo: its record, image and thumbnail together.
    /// Deleting a photo that is not there is not an error.
    pub async fn delete(&self, id: &str) -> Result<(), PhotoStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite, &STORES)?;
        let key = JsValue::from_str(id);
        for store in STORES {
            if let Err(error) = tx.object_store(store).and_then(|s| s.delete(&key)) {
                let _ = tx.abort();
                return Err(thrown(error));
            }
        }
        committed(&tx).await
    }

    /// Deletes every photo ("Delete all my data").
    pub async fn delete_all(&self) -> Result<(), PhotoStoreError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite, &STORES)?;
        for store in STORES {
            if let Err(error) = tx.object_store(store).and_then(|s| s.clear()) {
                let _ = tx.abort();
                return Err(thrown(error));
            }
        }
        committed(&tx).await
    }
}

impl PhotoStore {
    /// Every photo with its image and thumbnail as bytes, for a backup that
    /// includes photos (`Backup::add_photo`). A photo whose image or
    /// thumbnail is missing cannot be shown either, and is left out.
    pub async fn backup_photos(&self) -> Result<Vec<BackupPhoto>, PhotoStoreError> {
        let mut entries = Vec::new();
        for mut photo in self.list().await?.photos {
            let (Ok(image), Ok(thumb)) =
                (self.image(&photo.id).await, self.thumbnail(&photo.id).await)
            else {
                continue;
            };
            let image = bytes_of(&image).await?;
            let thumb = bytes_of(&thumb).await?;
            // The record says what the file holds.
            photo.bytes = image.len() as u64;
            photo.thumb_bytes = thumb.len() as u64;
            entries.push(BackupPhoto {
                photo,
                image: Base64Bytes(image),
                thumb: Base64Bytes(thumb),
            });
        }
        Ok(entries)
    }

    /// Stores the photos of an imported backup (already checked by
    /// `Backup::parse`), all in one transaction: all of them or, on any
    /// failure such as a full storage, none. A photo with the id of one
    /// already stored replaces it; other stored photos stay.
    pub async fn restore(&self, photos: &[BackupPhoto]) -> Result<(), PhotoStoreError> {
        if photos.is_empty() {
            return Ok(());
        }
        let tx = self.transaction(IdbTransactionMode::Readwrite, &STORES)?;
        for entry in photos {
            let written = serde_json::to_string(&entry.photo)
                .map_err(|e| PhotoStoreError::Failed(e.to_string()))
                .and_then(|meta| {
                    let image = blob_from_bytes(&entry.image.0, &entry.photo.mime)?;
                    let thumb = blob_from_bytes(&entry.thumb.0, &entry.photo.mime)?;
                    let id = JsValue::from_str(&entry.photo.id);
                    for (store, value) in [
                        (PHOTOS, JsValue::from(meta)),
                        (THUMBS, thumb.into()),
                        (IMAGES, image.into()),
                    ] {
                        tx.object_store(store)
                            .and_then(|s| s.put_with_key(&value, &id))
                            .map_err(thrown)?;
                    }
                    Ok(())
                });
            if let Err(error) = written {
                let _ = tx.abort();
                return Err(error);
            }
        }
        committed(&tx).await
    }
}

/// Bytes as a Blob of type `mime`, as the store keeps images.
pub fn blob_from_bytes(bytes: &[u8], mime: &str) -> Result<Blob, PhotoStoreError> {
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| PhotoStoreError::Failed(super::error_name(&e)))
}

/// A Blob's bytes (a stored image, for a backup).
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, PhotoStoreError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| PhotoStoreError::Failed(super::error_name(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The stored photos' records, and how many could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoList {
    pub photos: Vec<Photo>,
    /// Records that are not a valid photo (damaged, or from a newer
    /// version): left as they are, not shown.
    pub unreadable: usize,
}

/// Creates the stores a database lacks (on first open, or from an older
/// version). Called by the browser with the `upgradeneeded` event.
fn create_stores(event: web_sys::Event) {
    let Some(request) = event
        .target()
        .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
    else {
        return;
    };
    let Ok(db) = request.result().map(JsCast::unchecked_into::<IdbDatabase>) else {
        return;
    };
    let existing = db.object_store_names();
    for store in STORES {
        if !existing.contains(store) {
            // A failure here aborts the upgrade: the open then reports it.
            let _ = db.create_object_store(store);
        }
    }
}

/// After a blocked open has been reported, the request may still succeed
/// once the other tab lets go: close that connection rather than keep it.
fn close_when_opened(request: &IdbOpenDbRequest) {
    let opened = Promise::new(&mut |resolve, _reject| {
        request.set_onsuccess(Some(&resolve));
    });
    let request = request.clone();
    spawn_local(async move {
        if JsFuture::from(opened).await.is_ok() {
            if let Ok(db) = request.result() {
                db.unchecked_into::<IdbDatabase>().close();
            }
        }
    });
}

/// How much this site stores and may store, in bytes, as the browser
/// estimates it (`navigator.storage.estimate()`): the Privacy page's "photos
/// use about …". `None` where the browser does not say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageEstimate {
    pub usage: f64,
    pub quota: f64,
}

/// The browser's estimate of this site's storage use and quota.
pub async fn estimate() -> Option<StorageEstimate> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    let estimate = js_sys::Reflect::get(&manager, &"estimate".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise: Promise = estimate.call0(&manager).ok()?.dyn_into().ok()?;
    let result = JsFuture::from(promise).await.ok()?;
    let number = |key: &str| js_sys::Reflect::get(&result, &key.into()).ok()?.as_f64();
    Some(StorageEstimate {
        usage: number("usage")?,
        quota: number("quota")?,
    })
}
