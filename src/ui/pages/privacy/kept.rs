//! Where data is kept, what, and for how long; how much space the photos
//! use.

use super::photo_files::StoredPhotos;
use super::use_privacy;
use crate::browser::photo_store::StorageEstimate;
use crate::core::i18n::Key;
use crate::core::sizes::format_size;
use crate::ui::data::use_data;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

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

/// Where, what and how long; the photos' space once the store has said.
#[component]
pub(super) fn WhatIsKept() -> impl IntoView {
    let data = use_data();
    let i18n = use_i18n();
    let stored = use_privacy().stored;
    let memory_only = (!data.is_persistent()).then(|| {
        view! { <p class="mc-notice">{i18n.text(Key::PrivacyMemoryOnly)}</p> }
    });
    let kept = KEPT
        .into_iter()
        .map(|item| view! { <li>{i18n.text(item)}</li> })
        .collect_view();
    let photo_usage = move || {
        stored.with(|stored| {
            let StoredPhotos { photos, estimate } = stored.as_ref()?;
            let bytes = photos
                .iter()
                .map(|p| p.bytes.saturating_add(p.thumb_bytes))
                .fold(0, u64::saturating_add);
            let lang = i18n.lang();
            let mut text = i18n.count(
                Key::PrivacyPhotosUsage,
                photos.len() as u64,
                &[("size", &format_size(lang, bytes))],
            );
            if let Some(StorageEstimate { usage, quota }) = estimate {
                let whole = i18n.fill(
                    Key::PrivacyPhotosEstimate,
                    &[
                        ("usage", &format_size(lang, *usage as u64)),
                        ("quota", &format_size(lang, *quota as u64)),
                    ],
                );
                text = format!("{text} {whole}");
            }
            Some(view! { <p id="mc-photo-usage">{text}</p> })
        })
    };
    view! {
        {memory_only}
        <h2>{i18n.text(Key::PrivacyWhereTitle)}</h2>
        <p>{i18n.text(Key::PrivacyWhereText)}</p>
        <h2>{i18n.text(Key::PrivacyWhatTitle)}</h2>
        <ul class="mc-list">{kept}</ul>
        {photo_usage}
        <h2>{i18n.text(Key::PrivacyHowLongTitle)}</h2>
        <p>{i18n.text(Key::PrivacyHowLongText)}</p>
    }
}
