//! The app's saved data as signals, written through the storage module.
//!
//! Components read the signals and call `update_*`; this module saves, keeps
//! other tabs in step (the `storage` event) and turns every storage fault
//! into a [`Notice`] the person can read.

use crate::browser::storage::{request_persistence, LoadNotice, SaveError, Store};
use crate::core::backup::{Backup, ImportError, MAX_BACKUP_BYTES};
use crate::core::first_paint::FirstPaintHint;
use crate::core::schema::{AftercareRecord, Record, ScreeningRecord, Settings};
use crate::core::sizes::may_parse;
use leptos::prelude::*;

/// Something the person is told about in the notices area above every page:
/// mostly storage faults, and the state of the offline copy (see `ui::pwa`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The browser lets nothing be saved: this visit only.
    MemoryOnly,
    /// Part of the saved data could not be read; a copy was kept.
    Unreadable,
    /// Data from a newer version is stored; this version changes nothing.
    ReadOnly,
    /// Storage is full; the last change was not saved.
    StorageFull,
    /// Another tab saved newer data; this tab now shows it.
    ChangedElsewhere,
    /// There is no connection; everything still works.
    Offline,
    /// A new version is downloaded and waits for the person to reload.
    UpdateReady,
    /// The browser's install prompt can be shown (not drawn by itself: see
    /// `ui::pwa::install_offer`).
    InstallReady,
}

impl Notice {
    /// Whether this is a storage fault, which deleting everything ends.
    fn about_stored_data(self) -> bool {
        !matches!(
            self,
            Notice::MemoryOnly | Notice::Offline | Notice::UpdateReady | Notice::InstallReady
        )
    }
}

/// Why an import did nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    NotOurs,
    TooLarge,
    /// The browser could not read the picked file.
    Unreadable,
    Newer,
    Damaged,
    StorageFull,
    ReadOnly,
}

#[derive(Clone, Copy)]
pub struct AppData {
    store: StoredValue<Store, LocalStorage>,
    pub settings: RwSignal<Settings>,
    /// The self-check; kept in storage only with the person's consent.
    pub screening: RwSignal<ScreeningRecord>,
    /// Logged sessions and aftercare progress.
    pub aftercare: RwSignal<AftercareRecord>,
    notices: RwSignal<Vec<Notice>>,
    persistence_requested: StoredValue<bool>,
    /// What is saved outlives the page (storage is not blocked).
    persistent: bool,
}

impl AppData {
    /// Loads every record once and listens for changes made in other tabs.
    pub fn new(store: Store) -> AppData {
        let mut notices = Vec::new();
        if !store.is_persistent() {
            notices.push(Notice::MemoryOnly);
        }
        let settings = store.load::<Settings>();
        note(&mut notices, settings.notice);
        let screening = store.load::<ScreeningRecord>();
        note(&mut notices, screening.notice);
        let aftercare = store.load::<AftercareRecord>();
        note(&mut notices, aftercare.notice);
        let persistent = store.is_persistent();

        AppData {
            store: StoredValue::new_local(store),
            settings: RwSignal::new(settings.value),
            screening: RwSignal::new(screening.value),
            aftercare: RwSignal::new(aftercare.value),
            notices: RwSignal::new(notices),
            persistence_requested: StoredValue::new(false),
            persistent,
        }
    }

    /// The data of a page drawn without a browser (a test, the pages written
    /// at build time): these records, kept in memory, with no notice.
    pub fn for_render(
        settings: Settings,
        screening: ScreeningRecord,
        aftercare: AftercareRecord,
    ) -> AppData {
        AppData {
            store: StoredValue::new_local(Store::in_memory()),
            settings: RwSignal::new(settings),
            screening: RwSignal::new(screening),
            aftercare: RwSignal::new(aftercare),
            notices: RwSignal::new(Vec::new()),
            persistence_requested: StoredValue::new(false),
            // As in a browser that keeps data: the usual case.
            persistent: true,
        }
    }

    /// The notices not yet dismissed.
    pub fn notices(&self) -> Vec<Notice> {
        self.notices.get()
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|all| all.retain(|n| *n != notice));
    }

    pub fn raise(&self, notice: Notice) {
        self.notices.update(|all| {
            if !all.contains(&notice) {
                all.push(notice);
            }
        });
    }

    pub fn is_persistent(&self) -> bool {
        self.persistent
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.save(self.settings);
    }

    pub fn update_aftercare(&self, change: impl FnOnce(&mut AftercareRecord)) {
        self.aftercare.update(change);
        self.save(self.aftercare);
    }

    /// Changes the self-check. It is saved only if the person agreed; without
    /// consent, any saved copy is removed and the answers live in memory.
    pub fn update_screening(&self, change: impl FnOnce(&mut ScreeningRecord)) {
        self.screening.update(change);
        if self.screening.with_untracked(|s| s.consent) {
            self.save(self.screening);
        } else if let Err(SaveError::ReadOnly { .. }) = self
            .store
            .with_value(|store| store.remove::<ScreeningRecord>())
        {
            self.raise(Notice::ReadOnly);
        }
    }

    /// Saves a record's current value; a refused save keeps the stored data
    /// as it was and tells the person why.
    fn save<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<R>) {
        let value = signal.get_untracked();
        match self.store.with_value(|store| store.save(&value)) {
            Ok(()) => self.after_first_save(),
            Err(SaveError::QuotaExceeded) => self.raise(Notice::StorageFull),
            Err(SaveError::ReadOnly { .. }) => self.raise(Notice::ReadOnly),
            Err(SaveError::Conflict) => {
                self.reload();
                self.raise(Notice::ChangedElsewhere);
            }
            Err(SaveError::Refused(why)) => {
                leptos::logging::warn!("MicroCare: storage refused a write: {why}");
                self.raise(Notice::StorageFull);
            }
        }
    }

    /// Keeps what the next visit's first paint needs of the clinic
    /// (`scripts/first-paint.js`), written only when it changed. Not the
    /// person's data: a refused write changes nothing they see, so it is
    /// not reported.
    pub fn remember_first_paint(&self, hint: FirstPaintHint) {
        self.store.with_value(|store| {
            if store.load::<FirstPaintHint>().value != hint {
                let _ = store.save(&hint);
            }
        });
    }

    /// Once something worth keeping is saved, ask the browser to keep it.
    fn after_first_save(&self) {
        if !self.persistence_requested.get_value() && self.is_persistent() {
            self.persistence_requested.set_value(true);
            request_persistence();
        }
    }

    /// Re-reads every record from storage into the signals.
    fn reload(&self) {
        self.refresh(self.settings);
        self.refresh(self.aftercare);
        self.refresh_screening();
    }

    /// Re-reads one record; its signal changes only if the stored value
    /// differs, so nothing that reads another record redraws.
    fn refresh<R: Record + Send + Sync + 'static>(&self, signal: RwSignal<R>) {
        let stored = self.store.with_value(|store| store.load::<R>().value);
        if signal.with_untracked(|current| *current != stored) {
            signal.set(stored);
        }
    }

    /// Answers kept only in memory (no consent) are not in storage: they are
    /// kept unless the stored self-check has consent.
    fn refresh_screening(&self) {
        let stored = self
            .store
            .with_value(|store| store.load::<ScreeningRecord>().value);
        let replace = stored.consent || self.screening.with_untracked(|s| s.consent);
        if replace && self.screening.with_untracked(|current| *current != stored) {
            self.screening.set(stored);
        }
    }

    /// Another tab wrote to storage: show what it wrote, record by record
    /// (for as long as the page lives; from an effect).
    pub fn follow_other_tabs(&self) {
        let data = *self;
        let _ = window_event_listener(leptos::ev::storage, move |event| match event.key() {
            // The whole storage was cleared.
            None => data.reload(),
            Some(key) if key == Settings::key() => data.refresh(data.settings),
            Some(key) if key == AftercareRecord::key() => data.refresh(data.aftercare),
            Some(key) if key == ScreeningRecord::key() => data.refresh_screening(),
            Some(_) => {}
        });
    }

    /// A backup of every stored record, without photos (the Privacy page
    /// adds them when the person asks). Reactive: a closure that calls it
    /// runs again when a record changes.
    pub fn backup(&self, exported_at: String) -> Backup {
        self.settings.track();
        self.screening.track();
        self.aftercare.track();
        self.store.with_value(|store| store.export(exported_at))
    }

    /// Reads and checks a backup file's text; nothing is changed. A file
    /// over 1 MB is parsed only if it may be a backup with photos
    /// (`sizes::may_parse`); one that turns out to have none is too large.
    pub fn read_backup(&self, text: &str) -> Result<Backup, ImportFailure> {
        if !may_parse(text) {
            return Err(ImportFailure::TooLarge);
        }
        Backup::parse(text).map_err(|error| match error {
            ImportError::NotOurs if text.len() > MAX_BACKUP_BYTES as usize => {
                ImportFailure::TooLarge
            }
            ImportError::NotOurs => ImportFailure::NotOurs,
            ImportError::Newer { .. } => ImportFailure::Newer,
            ImportError::Malformed { .. } => ImportFailure::Damaged,
        })
    }

    /// Restores a backup's records (its photos are the photo store's).
    /// Nothing changes unless it succeeds.
    pub fn import(&self, backup: &Backup) -> Result<(), ImportFailure> {
        self.store
            .with_value(|store| store.import(backup))
            .map_err(|error| match error {
                SaveError::ReadOnly { .. } => ImportFailure::ReadOnly,
                _ => ImportFailure::StorageFull,
            })?;
        self.reload();
        Ok(())
    }

    /// Deletes every MicroCare key on this device and resets the signals.
    pub fn delete_all(&self) {
        self.store.with_value(Store::delete_all);
        self.settings.set(Settings::default());
        self.screening.set(ScreeningRecord::default());
        self.aftercare.set(AftercareRecord::default());
        self.notices
            .update(|all| all.retain(|n| !n.about_stored_data()));
    }
}

fn note(notices: &mut Vec<Notice>, notice: Option<LoadNotice>) {
    let notice = match notice {
        None => return,
        Some(LoadNotice::Unreadable) => Notice::Unreadable,
        Some(LoadNotice::Newer { .. }) => Notice::ReadOnly,
    };
    if !notices.contains(&notice) {
        notices.push(notice);
    }
}

/// The AppData provided by [`crate::ui::app::App`].
pub fn use_data() -> AppData {
    expect_context::<AppData>()
}
