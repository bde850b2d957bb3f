//! Banners for storage faults: calm, in plain words, dismissible.

use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::ui::content_dom::{action_button, append, element, event_target, listen, redraw, set};
use crate::ui::data::{use_data, Notice};
use crate::ui::i18n::use_i18n;
use web_sys::Element;

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
pub fn storage_notices(parent: &Element) {
    let data = use_data();
    let i18n = use_i18n();
    let list = append(parent, element("div", Some("mc-notices"), None));
    set(&list, "role", "status");
    redraw(&list, move |list| {
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
    listen(&list, "click", move |ev| {
        let index = event_target::<Element>(&ev)
            .and_then(|el| el.get_attribute("data-index"))
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(notice) = index.and_then(|i| data.notices().get(i).copied()) {
            data.dismiss(notice);
        }
    });
}
