//! What is stored, where and for how long; export, import and delete.
//!
//! One file per part of the page: [`kept`] (where, what and for how long,
//! with the space the photos use), [`backup`] (download and restore) and
//! [`delete`] (delete everything, after a question); [`photo_files`] holds
//! what they ask of the photo store. What the actions run is downloaded
//! when first needed (`tools`). The page keeps its state in
//! [`PrivacyState`], provided to the parts: the outcome of the last action,
//! announced in one live region; whether an action is under way; the stored
//! photos' records with the browser's storage estimate, read when the page
//! opens; whether the backup includes photos; and whether "delete
//! everything" waits for its answer. The rules (what a backup is, what
//! deleting removes, how a size is written) live in `core::backup`,
//! `core::sizes`, the storage module reached through
//! [`AppData`](crate::ui::data::AppData), and `browser::photo_store`.

mod backup;
mod delete;
mod kept;
mod photo_files;
mod tools;

use crate::browser::photo_store::PhotoStoreError;
use crate::core::i18n::Key;
use crate::ui::data::ImportFailure;
use crate::ui::i18n::use_i18n;
use crate::ui::kit::focus::focus_now;
use crate::ui::kit::layout::PageSection;
use crate::ui::kit::widgets::Tone;
use backup::BackupPart;
use delete::DeletePart;
use kept::WhatIsKept;
use leptos::prelude::*;
use photo_files::StoredPhotos;
use tools::Tools;

/// What went wrong in the photo store, as the person is told it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PhotoFault {
    /// The browser keeps no photos for this page (blocked, private).
    Unavailable,
    /// The storage is full.
    Full,
    /// Another tab, a newer database, or any other refusal.
    Failed,
}

impl PhotoFault {
    /// The fault to tell of `error`, which goes to the console.
    fn of(error: &PhotoStoreError) -> PhotoFault {
        leptos::logging::warn!("MicroCare: {error}");
        match error {
            PhotoStoreError::Unavailable(_) => PhotoFault::Unavailable,
            PhotoStoreError::QuotaExceeded => PhotoFault::Full,
            _ => PhotoFault::Failed,
        }
    }
}

/// The outcome of the last action on this page, announced in a live region.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Outcome {
    /// An action that reads or writes photos is under way.
    Working,
    /// The backup was downloaded, with this many photos.
    Exported(usize),
    /// The file could not be made.
    ExportFailed,
    /// The photos to include could not be read: nothing was downloaded.
    ExportPhotosFailed,
    /// With the photos, the file would be one the import refuses (too many
    /// photos or too large): nothing was downloaded.
    ExportPhotosTooMany,
    /// The backup was restored, with this many photos.
    Imported(usize),
    ImportFailed(ImportFailure),
    /// The records were restored, the photos not.
    PhotosNotRestored(PhotoFault),
    Deleted,
    /// The records were deleted, the photos not.
    PhotosNotDeleted(PhotoFault),
    /// The actions' code could not be fetched: nothing was changed.
    Unavailable,
}

impl Outcome {
    /// The message's string, and the count it is said for, if any.
    fn text(self) -> (Key, Option<usize>) {
        match self {
            Outcome::Working => (Key::PrivacyWorking, None),
            Outcome::Exported(0) => (Key::PrivacyExported, None),
            Outcome::Exported(n) => (Key::PrivacyExportedPhotos, Some(n)),
            Outcome::ExportFailed => (Key::PrivacyExportFailed, None),
            Outcome::ExportPhotosFailed => (Key::PrivacyExportPhotosFailed, None),
            Outcome::ExportPhotosTooMany => (Key::PrivacyPhotosTooMany, None),
            Outcome::Imported(0) => (Key::PrivacyImported, None),
            Outcome::Imported(n) => (Key::PrivacyImportedPhotos, Some(n)),
            Outcome::Deleted => (Key::PrivacyDeleted, None),
            Outcome::Unavailable => (Key::PrivacyUnavailable, None),
            Outcome::ImportFailed(failure) => (
                match failure {
                    ImportFailure::NotOurs => Key::PrivacyImportNotOurs,
                    ImportFailure::TooLarge => Key::PrivacyImportTooLarge,
                    ImportFailure::Unreadable => Key::PrivacyImportUnreadable,
                    ImportFailure::Newer => Key::PrivacyImportNewer,
                    ImportFailure::Damaged => Key::PrivacyImportDamaged,
                    ImportFailure::StorageFull => Key::PrivacyImportFull,
                    ImportFailure::ReadOnly => Key::PrivacyImportReadOnly,
                },
                None,
            ),
            Outcome::PhotosNotRestored(fault) => (
                match fault {
                    PhotoFault::Unavailable => Key::PrivacyImportPhotosUnavailable,
                    PhotoFault::Full => Key::PrivacyImportPhotosFull,
                    PhotoFault::Failed => Key::PrivacyImportPhotosFailed,
                },
                None,
            ),
            Outcome::PhotosNotDeleted(fault) => (
                match fault {
                    PhotoFault::Unavailable => Key::PrivacyDeletedPhotosUnavailable,
                    PhotoFault::Full | PhotoFault::Failed => Key::PrivacyDeletedPhotosFailed,
                },
                None,
            ),
        }
    }

    fn tone(self) -> Tone {
        match self {
            Outcome::Working | Outcome::Exported(_) | Outcome::Imported(_) | Outcome::Deleted => {
                Tone::Success
            }
            _ => Tone::Info,
        }
    }
}

/// The page's state, one signal per concern, provided to its parts.
#[derive(Clone, Copy)]
struct PrivacyState {
    outcome: RwSignal<Option<Outcome>>,
    /// An action that reads or writes photos is under way.
    busy: RwSignal<bool>,
    /// The stored photos; `None` when there are none, or none can be read.
    stored: RwSignal<Option<StoredPhotos>>,
    /// The backup includes the photos.
    include_photos: RwSignal<bool>,
    /// "Delete everything?" waits for its answer.
    confirming: RwSignal<bool>,
    /// What the actions run, once fetched (see `tools`).
    tools: StoredValue<Option<Tools>>,
}

impl PrivacyState {
    /// Says what an action did, and moves the focus there once drawn.
    fn announce(self, outcome: Outcome) {
        self.outcome.set(Some(outcome));
        request_animation_frame(|| focus_now("#mc-privacy-outcome"));
    }
}

fn use_privacy() -> PrivacyState {
    expect_context::<PrivacyState>()
}

/// The privacy page: where data is kept, what and for how long, and how
/// much space the photos use; download a backup (with the photos if the
/// person ticks it) or restore one; delete everything, photos included,
/// after a question. Focus follows the person's action: to the question
/// when they ask to delete, back to the button when they cancel, to the
/// outcome otherwise.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = PrivacyState {
        outcome: RwSignal::new(None),
        busy: RwSignal::new(false),
        stored: RwSignal::new(None),
        include_photos: RwSignal::new(false),
        confirming: RwSignal::new(false),
        tools: StoredValue::new(None),
    };
    provide_context(state);
    // What the photo store holds, read once the page is drawn (and again
    // after every import and deletion).
    Effect::new(move |_| state.look_at_photos());
    let outcome = move || {
        state.outcome.get().map(|outcome| {
            let text = match outcome.text() {
                (key, None) => i18n.t(key),
                (key, Some(n)) => i18n.count(key, n as u64, &[]),
            };
            view! { <p class=outcome.tone().class()>{text}</p> }
        })
    };
    view! {
        <PageSection class="mc-page mc-privacy" title=Key::PrivacyTitle intro=Key::PrivacyIntro>
            <WhatIsKept/>
            <div id="mc-privacy-outcome" class="mc-live" role="status" tabindex="-1">
                {outcome}
            </div>
            <BackupPart/>
            <DeletePart/>
        </PageSection>
    }
}
