//! Download a backup, with the photos if the person ticks it, or restore
//! one. What the buttons do ([`export`], [`import`]) is part of the page's
//! tools, downloaded when first used (see `tools`).

use super::photo_files::{photos_for_backup, restore_photos};
use super::{use_privacy, Outcome, PhotoFault, PrivacyState};
use crate::browser::download::{download_text, now_iso, read_picked_file, PickError};
use crate::core::backup::Backup;
use crate::core::i18n::Key;
use crate::core::sizes::format_size;
use crate::ui::data::{use_data, AppData, ImportFailure};
use crate::ui::env::{use_clock, Clock};
use crate::ui::i18n::use_i18n;
use crate::ui::kit::widgets::{hint_id, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Downloads `backup`, which holds `photos` photos.
fn download(clock: Clock, backup: &Backup, photos: usize) -> Outcome {
    let name = format!("microcare-backup-{}.json", clock.today_untracked().to_iso());
    match download_text(&name, "application/json", &backup.to_json()) {
        Ok(()) => Outcome::Exported(photos),
        Err(why) => {
            leptos::logging::warn!("MicroCare: {why}");
            Outcome::ExportFailed
        }
    }
}

/// "Download a backup": with the photos when the person ticked it and
/// there are any.
pub(super) fn export(state: PrivacyState, data: AppData, clock: Clock) {
    let (busy, stored, include_photos) = (state.busy, state.stored, state.include_photos);
    let backup = data.backup(now_iso());
    if !include_photos.get_untracked() || stored.with_untracked(Option::is_none) {
        state.announce(download(clock, &backup, 0));
        return;
    }
    // A file the import would refuse is never made.
    if stored.with_untracked(|s| {
        s.as_ref()
            .and_then(|s| backup.restorable_len_with_photos(&s.photos))
            .is_none()
    }) {
        state.announce(Outcome::ExportPhotosTooMany);
        return;
    }
    busy.set(true);
    state.announce(Outcome::Working);
    spawn_local(async move {
        let result = match photos_for_backup().await {
            Ok(entries) => {
                let mut backup = backup;
                let count = entries.len();
                backup.photos = entries;
                download(clock, &backup, count)
            }
            Err(error) => {
                leptos::logging::warn!("MicroCare: {error}");
                Outcome::ExportPhotosFailed
            }
        };
        busy.set(false);
        state.announce(result);
    });
}

/// Restores the backup picked in `input`: its records, then its photos.
pub(super) fn import(state: PrivacyState, data: AppData, input: web_sys::HtmlInputElement) {
    let busy = state.busy;
    busy.set(true);
    state.announce(Outcome::Working);
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
        state.announce(result);
        state.look_at_photos();
    });
}

/// "Keep a copy": include the photos (when there are any), download, and
/// restore from a file.
#[component]
pub(super) fn BackupPart() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let clock = use_clock();
    let state = use_privacy();
    let (busy, stored, include_photos) = (state.busy, state.stored, state.include_photos);
    let export = move |_| state.with_tools(move |tools| (tools.export)(state, data, clock));
    let import = move |input: web_sys::HtmlInputElement| {
        if input.files().is_none_or(|files| files.length() == 0) {
            return;
        }
        state.with_tools(move |tools| (tools.import)(state, data, input));
    };
    // The size of the file with every photo, said beside the choice: the
    // time it is exported at is always as long as now. There are photos
    // only once the tools have listed them.
    let choice_hint = move || {
        stored.with(|stored| {
            let photos = &stored.as_ref()?.photos;
            let tools = state.tools.get_value()?;
            let Some(size) = (tools.size_with_photos)(data, photos) else {
                return Some(i18n.t(Key::PrivacyPhotosTooMany));
            };
            Some(i18n.count(
                Key::PrivacyPhotosIncludeHint,
                photos.len() as u64,
                &[("size", &format_size(i18n.lang(), size))],
            ))
        })
    };
    view! {
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
        <Field id="mc-import" label=Key::PrivacyImportLabel hint=Key::PrivacyImportHint>
            <input
                id="mc-import"
                type="file"
                accept="application/json,.json"
                disabled=busy
                aria-describedby=hint_id("mc-import")
                on:change:target=move |ev| import(ev.target())
            />
        </Field>
    }
}
