//! Banners for storage faults: calm, in plain words, dismissible.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::content_dom::{action_button, append, element, redraw, set};
use crate::ui::data::{use_data, Notice};
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let list = NodeRef::<leptos::html::Div>::new();
    redraw(list, move |list| {
        for (index, notice) in data.notices().into_iter().enumerate() {
            let row = append(list, element("div", Some("mc-notice mc-notice-row"), None));
            let p = append(&row, element("p", None, Some(&i18n.t(text_of(notice)))));
            if matches!(notice, Notice::StorageFull | Notice::Unreadable) {
                let _ = p.append_with_str_1(" ");
                let link = append(&p, element("a", None, Some(&i18n.t(Key::NoticeSeePrivacy))));
                set(&link, "href", &Route::Privacy.href());
            }
            let dismiss = action_button(
                &row,
                "mc-button-quiet",
                &i18n.t(Key::NoticeDismiss),
                "dismiss",
            );
            set(&dismiss, "data-index", &index.to_string());
        }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let index = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-index"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(notice) = index.and_then(|i| data.notices().get(i).copied()) {
            data.dismiss(notice);
        }
    };
    view! { <div class="mc-notices" role="status" node_ref=list on:click=on_click></div> }
}
