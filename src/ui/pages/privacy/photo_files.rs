//! What the Privacy page asks of the photo store: what it holds, every
//! photo for a backup, restoring a backup's photos, deleting them all. Each
//! opens the store and closes it again. Part of the page's tools (see
//! `tools`): listing and deleting are asked only where the photo database
//! exists, so that someone who never kept a photo gets no empty database.

use crate::browser::photo_store::{estimate, PhotoStore, PhotoStoreError, StorageEstimate};
use crate::core::backup::BackupPhoto;
use crate::core::photos::Photo;

/// The photos kept on this device, as the page tells of them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct StoredPhotos {
    /// Their records (at least one).
    pub photos: Vec<Photo>,
    /// The browser's estimate of the whole site's storage, if it gives one.
    pub estimate: Option<StorageEstimate>,
}

/// The stored photos; `None` when there are none, and where the browser
/// keeps no photos for this page (no IndexedDB, blocked storage) or cannot
/// list them.
pub(super) async fn stored_photos() -> Option<StoredPhotos> {
    let store = PhotoStore::open().await.ok()?;
    let list = store.list().await;
    store.close();
    let photos = list.ok()?.photos;
    if photos.is_empty() {
        return None;
    }
    Some(StoredPhotos {
        photos,
        estimate: estimate().await,
    })
}

/// Every stored photo with its image and thumbnail, for a backup.
pub(super) async fn photos_for_backup() -> Result<Vec<BackupPhoto>, PhotoStoreError> {
    let store = PhotoStore::open().await?;
    let photos = store.backup_photos().await;
    store.close();
    photos
}

/// Stores a restored backup's photos: all of them or none.
pub(super) async fn restore_photos(photos: &[BackupPhoto]) -> Result<(), PhotoStoreError> {
    let store = PhotoStore::open().await?;
    let restored = store.restore(photos).await;
    store.close();
    restored
}

/// Deletes every stored photo.
pub(super) async fn delete_photos() -> Result<(), PhotoStoreError> {
    let store = PhotoStore::open().await?;
    let deleted = store.delete_all().await;
    store.close();
    deleted
}
