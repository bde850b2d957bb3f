//! Banners for storage faults: calm, in plain words, dismissible.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::data::{use_data, Notice};
use crate::ui::i18n::tr;
use leptos::prelude::*;

fn text_of(notice: Notice) -> Key {
    match notice {
        Notice::MemoryOnly => Key::NoticeMemoryOnly,
        Notice::Unreadable => Key::NoticeUnreadable,
        Notice::ReadOnly => Key::NoticeReadOnly,
        Notice::StorageFull => Key::NoticeStorageFull,
        Notice::ChangedElsewhere => Key::NoticeChangedElsewhere,
    }
}

/// The list of current storage notices, shown above every page.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let data = use_data();
    view! {
        <div class="mc-notices" role="status">
            {move || {
                data.notices()
                    .into_iter()
                    .map(|notice| view! { <NoticeRow notice=notice /> })
                    .collect_view()
            }}
        </div>
    }
}

/// One notice with its dismiss button.
#[component]
fn NoticeRow(
    /// The notice to show.
    notice: Notice,
) -> impl IntoView {
    let data = use_data();
    let link_to_privacy = matches!(notice, Notice::StorageFull | Notice::Unreadable);
    view! {
        <div class="mc-notice mc-notice-row">
            <p>
                {tr(text_of(notice))}
                " "
                {link_to_privacy
                    .then(|| {
                        view! {
                            <a href=Route::Privacy.href()>{tr(Key::NoticeSeePrivacy)}</a>
                        }
                    })}
            </p>
            <button type="button" class="mc-button-quiet" on:click=move |_| data.dismiss(notice)>
                {tr(Key::NoticeDismiss)}
            </button>
        </div>
    }
}
