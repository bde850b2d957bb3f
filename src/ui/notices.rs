//! Banners for storage faults: calm, in plain words, dismissible.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::data::{use_data, Notice};
use crate::ui::i18n::use_i18n;
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
    let i18n = use_i18n();
    view! {
        <div class="mc-notices" role="status">
            <For each=move || data.notices() key=|notice| *notice let:notice>
                <div class="mc-notice mc-notice-row">
                    <p>
                        {move || i18n.t(text_of(notice))}
                        " "
                        {(notice == Notice::StorageFull || notice == Notice::Unreadable)
                            .then(|| {
                                view! {
                                    <a href=Route::Privacy.href()>
                                        {move || i18n.t(Key::NoticeSeePrivacy)}
                                    </a>
                                }
                            })}
                    </p>
                    <button type="button" class="mc-button-quiet" on:click=move |_| data.dismiss(notice)>
                        {move || i18n.t(Key::NoticeDismiss)}
                    </button>
                </div>
            </For>
        </div>
    }
}
