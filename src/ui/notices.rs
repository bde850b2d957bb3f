//! The notices above every page, calm and in plain words: storage faults
//! (dismissible), a new version ready to load, the offline note, and the
//! offer to install MicroCare.

use crate::browser::pwa::apply_update;
use crate::core::i18n::Key;
use crate::core::pwa::InstallWay;
use crate::core::route::Route;
use crate::ui::content_dom::{action_button, append, element, event_target, listen, redraw, set};
use crate::ui::data::{use_data, Notice};
use crate::ui::i18n::use_i18n;
use crate::ui::pwa::{install, install_offer, not_now};
use web_sys::Element;

/// A notice's text, its class, and its button's label and action.
fn parts(notice: Notice) -> (Key, &'static str, Key, &'static str) {
    const FAULT: &str = "mc-notice mc-notice-row";
    let fault = |text| (text, FAULT, Key::NoticeDismiss, "dismiss");
    match notice {
        Notice::MemoryOnly => fault(Key::NoticeMemoryOnly),
        Notice::Unreadable => fault(Key::NoticeUnreadable),
        Notice::ReadOnly => fault(Key::NoticeReadOnly),
        Notice::StorageFull => fault(Key::NoticeStorageFull),
        Notice::ChangedElsewhere => fault(Key::NoticeChangedElsewhere),
        Notice::UpdateReady => (
            Key::PwaUpdateReady,
            "mc-offer mc-notice-row",
            Key::PwaReload,
            "reload",
        ),
        // Drawn apart: a quiet line, and the install offer (see below).
        Notice::Offline | Notice::InstallReady => (Key::PwaOffline, "", Key::PwaOffline, ""),
    }
}

/// A notice under `list`: a row with its text.
fn row(list: &Element, class: &str, text: &str) -> (Element, Element) {
    let row = append(list, element("div", Some(class), None));
    let p = append(&row, element("p", None, Some(text)));
    (row, p)
}

/// Every current notice, shown above every page.
pub fn notices(parent: &Element) {
    let data = use_data();
    let i18n = use_i18n();
    let list = append(parent, element("div", Some("mc-notices"), None));
    set(&list, "role", "status");
    redraw(&list, move |list| {
        let t = |key| i18n.t(key);
        for (index, notice) in data.notices().into_iter().enumerate() {
            if notice == Notice::Offline {
                append(
                    list,
                    element("p", Some("mc-offline"), Some(&t(Key::PwaOffline))),
                );
                continue;
            }
            let (text, class, label, action) = parts(notice);
            if action.is_empty() {
                continue;
            }
            let (row, p) = row(list, class, &t(text));
            if matches!(notice, Notice::StorageFull | Notice::Unreadable) {
                let _ = p.append_with_str_1(" ");
                let link = append(&p, element("a", None, Some(&t(Key::NoticeSeePrivacy))));
                set(&link, "href", &Route::Privacy.href());
            }
            let class = if action == "reload" {
                "mc-button"
            } else {
                "mc-button-quiet"
            };
            let button = action_button(&row, class, &t(label), action);
            set(&button, "data-index", &index.to_string());
        }
        if let Some(way) = install_offer(data) {
            let prompt = way == InstallWay::Prompt;
            let text = if prompt {
                Key::PwaInstallText
            } else {
                Key::PwaInstallIos
            };
            let (row, _) = row(list, "mc-offer mc-notice-row", &t(text));
            let actions = append(&row, element("div", Some("mc-offer-actions"), None));
            if prompt {
                action_button(&actions, "mc-button", &t(Key::PwaInstall), "install");
            }
            action_button(&actions, "mc-button-quiet", &t(Key::PwaNotNow), "not-now");
        }
    });
    listen(&list, "click", move |ev| {
        let Some(button) = event_target::<Element>(&ev) else {
            return;
        };
        match button.get_attribute("data-action").as_deref() {
            Some("reload") => apply_update(),
            Some("install") => install(data),
            Some("not-now") => not_now(data),
            Some("dismiss") => {
                let index = button
                    .get_attribute("data-index")
                    .and_then(|i| i.parse::<usize>().ok());
                if let Some(notice) = index.and_then(|i| data.notices().get(i).copied()) {
                    data.dismiss(notice);
                }
            }
            _ => {}
        }
    });
}
