//! What is stored, where and for how long; export, import and delete.
//!
//! The page holds the outcome of the last action, announced in a live
//! region; whether "delete everything" waits for a confirmation; whether an
//! action is under way; and, read from the photo store when the page opens,
//! the stored photos' records with the browser's storage estimate, and
//! whether the backup includes photos.
//! The rules (what a backup is, what deleting removes, how a size is
//! written) live in `core::schema`, `core::sizes`, the storage module
//! reached through [`AppData`], and `browser::photo_store`.
//!
//! [`AppData`]: crate::ui::data::AppData

use crate::browser::dates::today;
use crate::browser::download::{download_text, now_iso, read_picked_file, PickError};
use crate::browser::photo_store::{
    estimate, PhotoStore, PhotoStoreError, StorageEstimate, DB_NAME,
};
use crate::core::backup::{Backup, BackupPhoto};
use crate::core::i18n::Key;
use crate::core::photos::Photo;
use crate::core::sizes::format_size;
use crate::ui::data::{use_data, ImportFailure};
use crate::ui::focus::focus_now;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::layout::PageSection;
use crate::ui::widgets::Confirm;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

/// What went wrong in the photo store, as the person is told it.
#[derive(Clone, Copy, PartialEq)]
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
#[derive(Clone, Copy, PartialEq)]
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
}

impl Outcome {
    /// The message's string; with a count, the string for one and the
    /// string for `{n}`.
    fn text(self) -> (Key, Option<(usize, Key)>) {
        let plain = |key| (key, None);
        let counted = |n, one, many| (one, Some((n, many)));
        match self {
            Outcome::Working => plain(Key::PrivacyWorking),
            Outcome::Exported(0) => plain(Key::PrivacyExported),
            Outcome::Exported(n) => counted(
                n,
                Key::PrivacyExportedPhotosOne,
                Key::PrivacyExportedPhotosMany,
            ),
            Outcome::ExportFailed => plain(Key::PrivacyExportFailed),
            Outcome::ExportPhotosFailed => plain(Key::PrivacyExportPhotosFailed),
            Outcome::ExportPhotosTooMany => plain(Key::PrivacyPhotosTooMany),
            Outcome::Imported(0) => plain(Key::PrivacyImported),
            Outcome::Imported(n) => counted(
                n,
                Key::PrivacyImportedPhotosOne,
                Key::PrivacyImportedPhotosMany,
            ),
            Outcome::Deleted => plain(Key::PrivacyDeleted),
            Outcome::ImportFailed(failure) => plain(match failure {
                ImportFailure::NotOurs => Key::PrivacyImportNotOurs,
                ImportFailure::TooLarge => Key::PrivacyImportTooLarge,
                ImportFailure::Unreadable => Key::PrivacyImportUnreadable,
                ImportFailure::Newer => Key::PrivacyImportNewer,
                ImportFailure::Damaged => Key::PrivacyImportDamaged,
                ImportFailure::StorageFull => Key::PrivacyImportFull,
                ImportFailure::ReadOnly => Key::PrivacyImportReadOnly,
            }),
            Outcome::PhotosNotRestored(fault) => plain(match fault {
                PhotoFault::Unavailable => Key::PrivacyImportPhotosUnavailable,
                PhotoFault::Full => Key::PrivacyImportPhotosFull,
                PhotoFault::Failed => Key::PrivacyImportPhotosFailed,
            }),
            Outcome::PhotosNotDeleted(fault) => plain(match fault {
                PhotoFault::Unavailable => Key::PrivacyDeletedPhotosUnavailable,
                PhotoFault::Full | PhotoFault::Failed => Key::PrivacyDeletedPhotosFailed,
            }),
        }
    }

    fn is_error(self) -> bool {
        !matches!(
            self,
            Outcome::Working | Outcome::Exported(_) | Outcome::Imported(_) | Outcome::Deleted
        )
    }
}

/// The string `one` when `n` is 1, else `many` with `n` for its `{n}`.
fn counted(i18n: I18n, n: usize, one: Key, many: Key) -> String {
    if n == 1 {
        i18n.t(one)
    } else {
        i18n.t(many).replace("{n}", &n.to_string())
    }
}

/// What is listed under "What is kept".
const KEPT: [Key; 7] = [
    Key::PrivacyWhatLanguage,
    Key::PrivacyWhatGoal,
    Key::PrivacyWhatCheck,
    Key::PrivacyWhatSessions,
    Key::PrivacyWhatPhotos,
    Key::PrivacyWhatInstall,
    Key::PrivacyWhatOffline,
];

/// The id of the live region that announces an outcome.
const OUTCOME_ID: &str = "#mc-privacy-outcome";

/// Moves focus to `selector` once the change just made to a signal is drawn
/// (Leptos draws in a microtask, before the next frame).
fn focus_when_drawn(selector: &'static str) {
    request_animation_frame(move || focus_now(selector));
}

/// The photos kept on this device, as the page tells of them.
#[derive(Clone, PartialEq)]
struct StoredPhotos {
    /// Their records (at least one).
    photos: Vec<Photo>,
    /// The browser's estimate of the whole site's storage, if it gives one.
    estimate: Option<StorageEstimate>,
}

/// The stored photos; `None` when there are none, and where the browser
/// keeps no photos for this page (no IndexedDB, blocked storage) or cannot
/// list them.
async fn stored_photos() -> Option<StoredPhotos> {
    if PhotoStore::exists(DB_NAME).await == Some(false) {
        return None;
    }
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
async fn photos_for_backup() -> Result<Vec<BackupPhoto>, PhotoStoreError> {
    let store = PhotoStore::open().await?;
    let photos = store.backup_photos().await;
    store.close();
    photos
}

/// Stores a restored backup's photos: all of them or none.
async fn restore_photos(photos: &[BackupPhoto]) -> Result<(), PhotoStoreError> {
    let store = PhotoStore::open().await?;
    let restored = store.restore(photos).await;
    store.close();
    restored
}

/// Deletes every stored photo.
async fn delete_photos() -> Result<(), PhotoStoreError> {
    if PhotoStore::exists(DB_NAME).await == Some(false) {
        return Ok(());
    }
    let store = PhotoStore::open().await?;
    let deleted = store.delete_all().await;
    store.close();
    deleted
}

/// Downloads `backup`, which holds `photos` photos.
fn download(backup: &Backup, photos: usize) -> Outcome {
    let name = format!("microcare-backup-{}.json", today().to_iso());
    match download_text(&name, "application/json", &backup.to_json()) {
        Ok(()) => Outcome::Exported(photos),
        Err(why) => {
            leptos::logging::warn!("MicroCare: {why}");
            Outcome::ExportFailed
        }
    }
}

/// The privacy page: where data is kept, what and for how long, and how
/// much space the photos use; download a backup (with the photos if the
/// person ticks it) or restore one; delete everything, photos included,
/// after a confirmation. Focus follows the person's action: to the
/// question when they ask to delete, back to the button when they cancel,
/// to the outcome otherwise.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let stored = RwSignal::new(None::<StoredPhotos>);
    let include_photos = RwSignal::new(false);

    // What the photo store holds, read when the page opens and after every
    // import and deletion.
    let look_at_photos = move || spawn_local(async move { stored.set(stored_photos().await) });
    look_at_photos();

    let announce = move |result: Outcome| {
        outcome.set(Some(result));
        focus_when_drawn(OUTCOME_ID);
    };
    let export = move |_| {
        let backup = data.backup(now_iso());
        if !include_photos.get_untracked() || stored.with_untracked(Option::is_none) {
            announce(download(&backup, 0));
            return;
        }
        // A file the import would refuse is never made.
        if stored.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| backup.restorable_len_with_photos(&s.photos))
                .is_none()
        }) {
            announce(Outcome::ExportPhotosTooMany);
            return;
        }
        busy.set(true);
        announce(Outcome::Working);
        spawn_local(async move {
            let result = match photos_for_backup().await {
                Ok(entries) => {
                    let mut backup = backup;
                    let count = entries.len();
                    backup.photos = entries;
                    download(&backup, count)
                }
                Err(error) => {
                    leptos::logging::warn!("MicroCare: {error}");
                    Outcome::ExportPhotosFailed
                }
            };
            busy.set(false);
            announce(result);
        });
    };
    let import = Callback::new(move |input: HtmlInputElement| {
        if input.files().is_none_or(|files| files.length() == 0) {
            return;
        }
        busy.set(true);
        announce(Outcome::Working);
        spawn_local(async move {
            let read = match read_picked_file(&input).await {
                Some(Ok(text)) => data.read_backup(&text),
                Some(Err(PickError::TooLarge)) => Err(ImportFailure::TooLarge),
                Some(Err(PickError::Unreadable)) | None => Err(ImportFailure::Unreadable),
            };
            // The same file can be picked again.
            input.set_value("");
            let result = match read.and_then(|backup| data.import(&backup).map(|()| backup)) {
                Err(failure) => Outcome::ImportFailed(failure),
                Ok(backup) if backup.photos.is_empty() => Outcome::Imported(0),
                // Only once the records are in: a refused file changes nothing.
                Ok(backup) => match restore_photos(&backup.photos).await {
                    Ok(()) => Outcome::Imported(backup.photos.len()),
                    Err(error) => Outcome::PhotosNotRestored(PhotoFault::of(&error)),
                },
            };
            busy.set(false);
            announce(result);
            look_at_photos();
        });
    });
    let ask_to_delete = move |_| {
        confirming.set(true);
        focus_when_drawn("#mc-delete-confirm-title");
    };
    let keep = move |_| {
        confirming.set(false);
        focus_when_drawn("#mc-delete-start");
    };
    let delete = move |_| {
        data.delete_all();
        confirming.set(false);
        include_photos.set(false);
        busy.set(true);
        announce(Outcome::Working);
        spawn_local(async move {
            let result = match delete_photos().await {
                Ok(()) => Outcome::Deleted,
                Err(error) => Outcome::PhotosNotDeleted(PhotoFault::of(&error)),
            };
            busy.set(false);
            announce(result);
            look_at_photos();
        });
    };

    let memory_only = (!data.is_persistent()).then(|| {
        view! { <p class="mc-notice">{i18n.text(Key::PrivacyMemoryOnly)}</p> }
    });
    let kept = KEPT
        .into_iter()
        .map(|item| view! { <li>{i18n.text(item)}</li> })
        .collect_view();
    let lang = move || i18n.lang();
    let photo_usage = move || {
        stored.with(|stored| {
            let StoredPhotos { photos, estimate } = stored.as_ref()?;
            let bytes = photos
                .iter()
                .map(|p| p.bytes.saturating_add(p.thumb_bytes))
                .fold(0, u64::saturating_add);
            let (one, many) = (Key::PrivacyPhotosUsageOne, Key::PrivacyPhotosUsageMany);
            let mut text = counted(i18n, photos.len(), one, many)
                .replace("{size}", &format_size(lang(), bytes));
            if let Some(StorageEstimate { usage, quota }) = estimate {
                let whole = i18n
                    .t(Key::PrivacyPhotosEstimate)
                    .replace("{usage}", &format_size(lang(), *usage as u64))
                    .replace("{quota}", &format_size(lang(), *quota as u64));
                text = format!("{text} {whole}");
            }
            Some(view! { <p id="mc-photo-usage">{text}</p> })
        })
    };
    // The size of the file with every photo, said beside the choice: the
    // time it is exported at is always as long as now.
    let choice_hint = move || {
        stored.with(|stored| {
            let photos = &stored.as_ref()?.photos;
            let Some(size) = data.backup(now_iso()).restorable_len_with_photos(photos) else {
                return Some(i18n.t(Key::PrivacyPhotosTooMany));
            };
            let (one, many) = (
                Key::PrivacyPhotosIncludeHintOne,
                Key::PrivacyPhotosIncludeHintMany,
            );
            Some(
                counted(i18n, photos.len(), one, many)
                    .replace("{size}", &format_size(lang(), size)),
            )
        })
    };
    let outcome_text = move || {
        outcome.get().map(|o| {
            let class = if o.is_error() {
                "mc-notice"
            } else {
                "mc-success"
            };
            let text = match o.text() {
                (key, None) => i18n.t(key),
                (one, Some((n, many))) => counted(i18n, n, one, many),
            };
            view! { <p class=class>{text}</p> }
        })
    };
    let delete_part = move || {
        if confirming.get() {
            Either::Left(view! {
                <Confirm
                    id="mc-delete-confirm-title".to_string()
                    question=Key::PrivacyDeleteConfirmTitle
                    detail=Key::PrivacyDeleteConfirmText
                    yes=Key::PrivacyDeleteConfirm
                    no=Key::PrivacyDeleteCancel
                    on_yes=Callback::new(delete)
                    on_no=Callback::new(keep)
                />
            })
        } else {
            Either::Right(view! {
                <p>
                    <button
                        id="mc-delete-start"
                        type="button"
                        class="mc-button mc-button-danger"
                        disabled=busy
                        on:click=ask_to_delete
                    >
                        {i18n.text(Key::PrivacyDelete)}
                    </button>
                </p>
            })
        }
    };

    view! {
        <PageSection class="mc-page mc-privacy" title=Key::PrivacyTitle intro=Key::PrivacyIntro>
            {memory_only}
            <h2>{i18n.text(Key::PrivacyWhereTitle)}</h2>
            <p>{i18n.text(Key::PrivacyWhereText)}</p>
            <h2>{i18n.text(Key::PrivacyWhatTitle)}</h2>
            <ul class="mc-list">{kept}</ul>
            {photo_usage}
            <h2>{i18n.text(Key::PrivacyHowLongTitle)}</h2>
            <p>{i18n.text(Key::PrivacyHowLongText)}</p>

            <div id="mc-privacy-outcome" class="mc-live" role="status" tabindex="-1">
                {outcome_text}
            </div>

            <h2>{i18n.text(Key::PrivacyBackupTitle)}</h2>
            <p>{i18n.text(Key::PrivacyBackupText)}</p>
            <Show when=move || stored.with(Option::is_some)>
                <label class="mc-option">
                    <input
                        type="checkbox"
                        id="mc-include-photos"
                        aria-describedby="mc-include-photos-hint"
                        prop:checked=move || include_photos.get()
                        on:change:target=move |ev| include_photos.set(ev.target().checked())
                    />
                    <span>{i18n.text(Key::PrivacyPhotosInclude)}</span>
                </label>
                <p class="mc-hint" id="mc-include-photos-hint">
                    {choice_hint}
                </p>
            </Show>
            <p>
                <button type="button" class="mc-button" disabled=busy on:click=export>
                    {i18n.text(Key::PrivacyExport)}
                </button>
            </p>
            <FileField
                id="mc-import"
                label=Key::PrivacyImportLabel
                hint=Key::PrivacyImportHint
                accept="application/json,.json"
                disabled=busy
                on_pick=import
            />

            <h2>{i18n.text(Key::PrivacyDeleteTitle)}</h2>
            <p>{i18n.text(Key::PrivacyDeleteText)}</p>
            {delete_part}
        </PageSection>
    }
}

/// A file picker with its label and a hint under the label that describes
/// it: `<div class="mc-field">` with `<label>`, `<p class="mc-hint">` and
/// `<input type="file">`.
#[component]
fn FileField(
    /// The input's id; the hint's is `<id>-hint`.
    id: &'static str,
    /// The label's text.
    label: Key,
    /// The hint's text.
    hint: Key,
    /// The kinds of file offered, as in the `accept` attribute.
    accept: &'static str,
    /// Whether the picker is unavailable for now (an action is under way).
    disabled: RwSignal<bool>,
    /// Called with the input when the person picks a file.
    on_pick: Callback<HtmlInputElement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="mc-field">
            <label for=id>{i18n.text(label)}</label>
            <p class="mc-hint" id=hint_id.clone()>{i18n.text(hint)}</p>
            <input
                id=id
                type="file"
                accept=accept
                disabled=disabled
                aria-describedby=hint_id
                on:change:target=move |ev| on_pick.run(ev.target())
            />
        </div>
    }
}
