//! What the page's actions run: making and downloading a backup, reading
//! and restoring one, and everything that opens the photo store. Few
//! people ever use them, so their code (the backup's format and checks,
//! the photo store, base64, the file picker) is downloaded the first time
//! one is needed, in a chunk of its own (see [`crate::ui::split`]), and a
//! client's first load carries none of it: the page itself draws without
//! it, and only asks for it on opening when a photo database exists.
//!
//! A chunk that cannot be fetched is said in the page's live region with
//! [`Outcome::Unavailable`]; nothing was changed, and the next action
//! fetches it again.

use super::backup::{export, import};
use super::photo_files::{delete_photos, stored_photos, StoredPhotos};
use super::{Outcome, PrivacyState};
use crate::browser::download::now_iso;
use crate::browser::photo_store::{PhotoStore, PhotoStoreError, DB_NAME};
use crate::core::photos::Photo;
use crate::ui::data::AppData;
use crate::ui::env::Clock;
use crate::ui::split::on_demand;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

/// A future run on this thread.
pub(super) type Local<T> = Pin<Box<dyn Future<Output = T>>>;

/// The actions, as plain function pointers into the chunk.
#[derive(Clone, Copy)]
pub(super) struct Tools {
    /// The photos kept on this device (`None`: none, or none readable).
    pub stored_photos: fn() -> Local<Option<StoredPhotos>>,
    /// "Download a backup": with the photos if the person ticked it.
    pub export: fn(PrivacyState, AppData, Clock),
    /// Restores the backup picked in `input`.
    pub import: fn(PrivacyState, AppData, web_sys::HtmlInputElement),
    /// Deletes every stored photo.
    pub delete_photos: fn() -> Local<Result<(), PhotoStoreError>>,
    /// The size of a backup of the records with `photos`; `None` when the
    /// import would refuse it. Reactive: tracks the records.
    pub size_with_photos: fn(AppData, &[Photo]) -> Option<u64>,
}

on_demand! {
    /// The Privacy page's actions (chunk `privacy`).
    tools in privacy -> Tools => Tools {
        stored_photos: || Box::pin(stored_photos()),
        export,
        import,
        delete_photos: || Box::pin(delete_photos()),
        size_with_photos: |data, photos| data.backup(now_iso()).restorable_len_with_photos(photos),
    }
}

impl PrivacyState {
    /// Runs `action` with the tools, fetched first if need be; while they
    /// are fetched, the page's buttons wait. If they cannot be, says so.
    pub(super) fn with_tools(self, action: impl FnOnce(Tools) + 'static) {
        if let Some(tools) = self.tools.get_value() {
            action(tools);
            return;
        }
        self.busy.set(true);
        spawn_local(async move {
            let loaded = self.load_tools().await;
            self.busy.try_set(false);
            match loaded {
                Some(tools) => action(tools),
                None => self.announce(Outcome::Unavailable),
            }
        });
    }

    /// The tools, fetched if need be and kept for the page; `None` (and a
    /// warning in the console) if they cannot be.
    pub(super) async fn load_tools(self) -> Option<Tools> {
        match tools().await {
            Ok(tools) => {
                self.tools.try_set_value(Some(tools));
                Some(tools)
            }
            Err(why) => {
                leptos::logging::warn!("MicroCare: {why}");
                None
            }
        }
    }

    /// Reads again what the photo store holds. Where no photo database
    /// exists (most visits) the tools are not fetched: there is nothing to
    /// list, and opening the store would create the database.
    pub(super) fn look_at_photos(self) {
        spawn_local(async move {
            let stored = if PhotoStore::exists(DB_NAME).await == Some(false) {
                None
            } else if let Some(tools) = self.load_tools().await {
                (tools.stored_photos)().await
            } else {
                // Said without moving the focus: the page just opened.
                self.outcome.try_set(Some(Outcome::Unavailable));
                None
            };
            self.stored.try_set(stored);
        });
    }
}
