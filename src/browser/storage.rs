//! The one module that touches `window.localStorage`.
//!
//! It never panics and never loses saved data:
//! - storage blocked or missing: everything works from memory for this visit;
//! - a full storage: the write fails, the last saved value stays as it was;
//! - an unreadable value: moved aside under `microcare.unreadable.<name>`
//!   (one copy) and the record starts from its default;
//! - data from a newer version: read if possible, never overwritten;
//! - another tab wrote newer data: this tab's stale write is refused.
//!
//! Every key starts with [`NAMESPACE`]; nothing here calls `clear()`.
//!
//! ```no_run
//! use microcare::browser::storage::Store;
//! use microcare::core::i18n::Lang;
//! use microcare::core::schema::Settings;
//! let store = Store::open();
//! let mut settings = store.load::<Settings>().value;
//! settings.lang = Some(Lang::Es);
//! if let Err(why) = store.save(&settings) {
//!     leptos::logging::warn!("not saved: {why:?}");
//! }
//! ```

use crate::core::backup::Backup;
use crate::core::schema::{
    decode, decode_value, visit_records, Decoded, Envelope, Record, RecordVisitor, NAMESPACE,
    UNREADABLE_PREFIX,
};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Where records are kept.
enum Backend {
    /// The browser's localStorage for this site, through gloo-storage. Only
    /// chosen once `window.localStorage` was seen to exist: gloo-storage
    /// panics (`expect_throw`) where it throws.
    Local,
    /// Memory only: storage is blocked or missing; lost when the page closes.
    Memory(RefCell<Vec<(String, String)>>),
}

/// Why a write did not happen. In every case the stored data is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Data written by a newer version of MicroCare is stored: read-only.
    ReadOnly { schema: u32 },
    /// Another tab saved newer data since this tab read it.
    Conflict,
    /// The browser refused the write for another reason.
    Refused(String),
}

impl From<StorageError> for SaveError {
    /// A full storage is recognised by its DOMException name, which
    /// gloo-storage keeps in its error.
    fn from(error: StorageError) -> SaveError {
        match error {
            StorageError::JsError(error) if error.name == "QuotaExceededError" => {
                SaveError::QuotaExceeded
            }
            StorageError::JsError(error) => SaveError::Refused(error.name),
            other => SaveError::Refused(other.to_string()),
        }
    }
}

/// Something the person should hear about after a load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadNotice {
    /// The stored value could not be read; a copy was kept aside.
    Unreadable,
    /// The stored value was written by a newer version of MicroCare.
    Newer { schema: u32 },
}

/// A loaded record and what, if anything, went wrong reading it.
#[derive(Debug)]
pub struct Loaded<R> {
    pub value: R,
    pub notice: Option<LoadNotice>,
}

pub struct Store {
    backend: Backend,
    /// Each record's revision as this tab last read or wrote it.
    revisions: RefCell<HashMap<&'static str, u64>>,
    /// Set once data from a newer schema is seen: from then on, read-only.
    newer_schema: Cell<Option<u32>>,
}

/// Whether the browser gives this page a localStorage at all. Reading
/// `window.localStorage` throws where storage is blocked (sandboxed or
/// third-party frames, some privacy modes); web-sys turns that into `Err`.
fn local_storage_available() -> bool {
    matches!(
        web_sys::window().map(|w| w.local_storage()),
        Some(Ok(Some(_)))
    )
}

impl Store {
    /// localStorage when the browser allows it, memory otherwise.
    pub fn open() -> Store {
        if local_storage_available() {
            Store::new(Backend::Local)
        } else {
            Store::in_memory()
        }
    }

    pub fn in_memory() -> Store {
        Store::new(Backend::Memory(RefCell::new(Vec::new())))
    }

    fn new(backend: Backend) -> Store {
        Store {
            backend,
            revisions: RefCell::new(HashMap::new()),
            newer_schema: Cell::new(None),
        }
    }

    /// Whether saved data outlives this page.
    pub fn is_persistent(&self) -> bool {
        matches!(self.backend, Backend::Local)
    }

    /// The newer schema version found in storage, if any: the store is then
    /// read-only so that this older version never damages that data.
    pub fn read_only_schema(&self) -> Option<u32> {
        self.newer_schema.get()
    }

    /// Reads a record, falling back to its default where it is missing or
    /// unreadable.
    pub fn load<R: Record>(&self) -> Loaded<R> {
        let Some(decoded) = self.read::<R>() else {
            self.revisions.borrow_mut().insert(R::NAME, 0);
            return Loaded {
                value: R::default(),
                notice: None,
            };
        };
        match decoded {
            Decoded::Current { value, rev, .. } => {
                self.revisions.borrow_mut().insert(R::NAME, rev);
                Loaded {
                    value,
                    notice: None,
                }
            }
            Decoded::Newer { schema, rev, value } => {
                self.newer_schema.set(Some(schema));
                self.revisions.borrow_mut().insert(R::NAME, rev);
                Loaded {
                    value: value.unwrap_or_default(),
                    notice: Some(LoadNotice::Newer { schema }),
                }
            }
            Decoded::Unreadable { .. } => {
                self.keep_aside::<R>();
                self.revisions.borrow_mut().insert(R::NAME, 0);
                Loaded {
                    value: R::default(),
                    notice: Some(LoadNotice::Unreadable),
                }
            }
        }
    }

    /// The stored value of a record, decoded; `None` where there is none.
    fn read<R: Record>(&self) -> Option<Decoded<R>> {
        match &self.backend {
            Backend::Local => match LocalStorage::get::<Value>(R::key()) {
                Ok(json) => Some(decode_value(json)),
                Err(StorageError::KeyNotFound(_)) => None,
                Err(why) => Some(Decoded::Unreadable {
                    why: why.to_string(),
                }),
            },
            Backend::Memory(_) => self.raw(&R::key()).map(|raw| decode(&raw)),
        }
    }

    /// Moves an unreadable value, as it is, to its kept-aside key, replacing
    /// an older kept-aside copy. The original is removed only once the copy
    /// is safe.
    fn keep_aside<R: Record>(&self) {
        if let Some(raw) = self.raw(&R::key()) {
            if self.set_raw(&R::unreadable_key(), &raw).is_ok() {
                self.remove_key(&R::key());
            }
        }
    }

    /// Writes a record, unless that would overwrite newer data.
    pub fn save<R: Record>(&self, value: &R) -> Result<(), SaveError> {
        self.write(value, false)
    }

    /// Writes a record. A revision newer than this tab's is refused, unless
    /// `over_newer` (an import, the person's explicit choice).
    fn write<R: Record>(&self, value: &R, over_newer: bool) -> Result<(), SaveError> {
        if let Some(schema) = self.newer_schema.get() {
            return Err(SaveError::ReadOnly { schema });
        }
        let known = self.revisions.borrow().get(R::NAME).copied().unwrap_or(0);
        let stored = match self.read::<R>() {
            None => 0,
            Some(Decoded::Current { rev, .. }) => rev,
            Some(Decoded::Newer { schema, .. }) => {
                self.newer_schema.set(Some(schema));
                return Err(SaveError::ReadOnly { schema });
            }
            Some(Decoded::Unreadable { .. }) => {
                self.keep_aside::<R>();
                0
            }
        };
        if stored > known && !over_newer {
            return Err(SaveError::Conflict);
        }
        let rev = stored.max(known) + 1;
        self.set(&R::key(), &Envelope::new(value, rev))?;
        self.revisions.borrow_mut().insert(R::NAME, rev);
        Ok(())
    }

    /// Removes one record, e.g. answers the person no longer wants kept.
    pub fn remove<R: Record>(&self) -> Result<(), SaveError> {
        if let Some(schema) = self.newer_schema.get() {
            return Err(SaveError::ReadOnly { schema });
        }
        self.remove_key(&R::key());
        self.revisions.borrow_mut().insert(R::NAME, 0);
        Ok(())
    }

    /// Everything stored, as a backup file's content.
    pub fn export(&self, exported_at: String) -> Backup {
        let mut backup = Backup::new(exported_at);
        struct AddAll<'a>(&'a Store, &'a mut Backup);
        impl RecordVisitor for AddAll<'_> {
            fn visit<R: Record>(&mut self) {
                self.1.add(&self.0.load::<R>().value);
            }
        }
        visit_records(&mut AddAll(self, &mut backup));
        for key in self.our_keys() {
            if let Some(name) = key.strip_prefix(UNREADABLE_PREFIX) {
                if let Some(raw) = self.raw(&key) {
                    backup.unreadable.insert(name.to_string(), raw);
                }
            }
        }
        backup
    }

    /// Replaces the stored records with a backup's. All or nothing: if any
    /// write fails, the previous values are put back.
    pub fn import(&self, backup: &Backup) -> Result<(), SaveError> {
        if let Some(schema) = self.newer_schema.get() {
            return Err(SaveError::ReadOnly { schema });
        }
        struct ImportAll<'a> {
            store: &'a Store,
            backup: &'a Backup,
            before: Vec<(String, Option<String>)>,
            result: Result<(), SaveError>,
        }
        impl RecordVisitor for ImportAll<'_> {
            fn visit<R: Record>(&mut self) {
                if self.result.is_ok() {
                    self.before.push((R::key(), self.store.raw(&R::key())));
                    self.result = self.store.write(&self.backup.get::<R>(), true);
                }
            }
        }
        let mut import = ImportAll {
            store: self,
            backup,
            before: Vec::new(),
            result: Ok(()),
        };
        visit_records(&mut import);
        let ImportAll { before, result, .. } = import;
        if result.is_err() {
            for (key, raw) in before {
                match raw {
                    Some(raw) => {
                        let _ = self.set_raw(&key, &raw);
                    }
                    None => self.remove_key(&key),
                }
            }
        }
        result
    }

    /// Removes every MicroCare key, kept-aside copies included, and nothing else.
    pub fn delete_all(&self) {
        for key in self.our_keys() {
            self.remove_key(&key);
        }
        self.revisions.borrow_mut().clear();
        self.newer_schema.set(None);
    }

    /// Every stored key that belongs to MicroCare.
    pub fn our_keys(&self) -> Vec<String> {
        match &self.backend {
            Backend::Local => {
                let storage = LocalStorage::raw();
                (0..LocalStorage::length())
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .filter(|key| key.starts_with(NAMESPACE))
                    .collect()
            }
            Backend::Memory(map) => map
                .borrow()
                .iter()
                .map(|(key, _)| key)
                .filter(|key| key.starts_with(NAMESPACE))
                .cloned()
                .collect(),
        }
    }

    /// A stored value exactly as it is, readable or not: what is kept aside
    /// and put back must be the same text.
    fn raw(&self, key: &str) -> Option<String> {
        match &self.backend {
            Backend::Local => LocalStorage::raw().get_item(key).ok().flatten(),
            Backend::Memory(map) => map
                .borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone()),
        }
    }

    /// Writes `value` as JSON under `key`.
    fn set(&self, key: &str, value: &impl Serialize) -> Result<(), SaveError> {
        match &self.backend {
            Backend::Local => LocalStorage::set(key, value).map_err(SaveError::from),
            Backend::Memory(_) => {
                let raw = serde_json::to_string(value)
                    .map_err(|why| SaveError::Refused(why.to_string()))?;
                self.set_raw(key, &raw)
            }
        }
    }

    /// Writes text as it is (a kept-aside or restored value).
    fn set_raw(&self, key: &str, raw: &str) -> Result<(), SaveError> {
        match &self.backend {
            Backend::Local => LocalStorage::raw().set_item(key, raw).map_err(|error| {
                match super::error_name(&error).as_str() {
                    "QuotaExceededError" => SaveError::QuotaExceeded,
                    name => SaveError::Refused(name.to_string()),
                }
            }),
            Backend::Memory(map) => {
                let mut map = map.borrow_mut();
                match map.iter_mut().find(|(k, _)| k == key) {
                    Some(entry) => entry.1 = raw.to_string(),
                    None => map.push((key.to_string(), raw.to_string())),
                }
                Ok(())
            }
        }
    }

    fn remove_key(&self, key: &str) {
        match &self.backend {
            Backend::Local => LocalStorage::delete(key),
            Backend::Memory(map) => {
                map.borrow_mut().retain(|(k, _)| k != key);
            }
        }
    }
}

/// Asks the browser to keep this site's data under storage pressure. A
/// missing API, a refusal or `false` are all fine: this is only a request.
pub fn request_persistence() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Ok(manager) = js_sys::Reflect::get(&navigator, &"storage".into()) else {
        return;
    };
    if manager.is_undefined() || manager.is_null() {
        return;
    }
    let Ok(persist) = js_sys::Reflect::get(&manager, &"persist".into()) else {
        return;
    };
    if let Some(persist) = persist.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = persist.call0(&manager) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // Awaited only so that a rejection is handled, not uncaught.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
    }
}
