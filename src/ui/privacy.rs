//! What is stored, where and for how long; export, import and delete.
//!
//! Built with [`content_dom`](crate::ui::content_dom) (see there why): the
//! page is redrawn by one effect when its state changes, and taps and the
//! file picker reach two delegated handlers.

use crate::browser::dates::today;
use crate::browser::download::{download_text, now_iso, read_picked_file};
use crate::core::i18n::Key;
use crate::ui::content_dom::{
    action_button, append, element, event_target, labelled_field, listen, set,
};
use crate::ui::data::{use_data, ImportFailure};
use crate::ui::focus::focus_now;
use crate::ui::i18n::use_i18n;
use crate::ui::layout::page_section;
use leptos::prelude::*;
use web_sys::Element;

/// The outcome of the last action on this page, announced in a live region.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Exported,
    Imported,
    ImportFailed(ImportFailure),
    Deleted,
}

impl Outcome {
    fn text(self) -> Key {
        match self {
            Outcome::Exported => Key::PrivacyExported,
            Outcome::Imported => Key::PrivacyImported,
            Outcome::Deleted => Key::PrivacyDeleted,
            Outcome::ImportFailed(failure) => match failure {
                ImportFailure::NotOurs => Key::PrivacyImportNotOurs,
                ImportFailure::TooLarge => Key::PrivacyImportTooLarge,
                ImportFailure::Newer => Key::PrivacyImportNewer,
                ImportFailure::Damaged => Key::PrivacyImportDamaged,
                ImportFailure::StorageFull => Key::PrivacyImportFull,
                ImportFailure::ReadOnly => Key::PrivacyImportReadOnly,
            },
        }
    }

    fn is_error(self) -> bool {
        matches!(self, Outcome::ImportFailed(_))
    }
}

/// The privacy page (what is kept, export, import, delete everything),
/// appended to `parent` (the app's `<main>`); returns its section, which the
/// page effect removes on navigation.
pub fn privacy_page(parent: &Element) -> Element {
    let section = page_section(
        parent,
        "mc-page mc-privacy",
        Key::PrivacyTitle,
        Key::PrivacyIntro,
    );
    let data = use_data();
    let i18n = use_i18n();
    // The last outcome, and whether "delete everything" awaits confirmation,
    // in one signal: each signal type costs WASM.
    let state = RwSignal::new((None::<Outcome>, false));
    let set_outcome = move |outcome: Option<Outcome>| state.update(|s| s.0 = outcome);
    let set_confirming = move |confirming: bool| state.update(|s| s.1 = confirming);
    let root = append(&section, element("div", None, None));
    {
        let root = root.clone();
        Effect::new(move |previous: Option<(Option<Outcome>, bool)>| {
            let state = state.get();
            let t = |key| i18n.t(key);
            root.set_text_content(None);
            if !data.is_persistent() {
                append(
                    &root,
                    element("p", Some("mc-notice"), Some(&t(Key::PrivacyMemoryOnly))),
                );
            }
            for (title, text) in [
                (Key::PrivacyWhereTitle, Key::PrivacyWhereText),
                (Key::PrivacyHowLongTitle, Key::PrivacyHowLongText),
            ] {
                append(&root, element("h2", None, Some(&t(title))));
                append(&root, element("p", None, Some(&t(text))));
                if title == Key::PrivacyWhereTitle {
                    append(&root, element("h2", None, Some(&t(Key::PrivacyWhatTitle))));
                    let list = append(&root, element("ul", Some("mc-list"), None));
                    for item in [
                        Key::PrivacyWhatLanguage,
                        Key::PrivacyWhatGoal,
                        Key::PrivacyWhatCheck,
                        Key::PrivacyWhatSessions,
                        Key::PrivacyWhatInstall,
                        Key::PrivacyWhatOffline,
                    ] {
                        append(&list, element("li", None, Some(&t(item))));
                    }
                }
            }
            let live = append(&root, element("div", Some("mc-live"), None));
            set(&live, "id", "mc-privacy-outcome");
            set(&live, "role", "status");
            set(&live, "tabindex", "-1");
            if let Some(o) = state.0 {
                let class = if o.is_error() {
                    "mc-notice"
                } else {
                    "mc-success"
                };
                append(&live, element("p", Some(class), Some(&t(o.text()))));
            }

            append(
                &root,
                element("h2", None, Some(&t(Key::PrivacyBackupTitle))),
            );
            append(&root, element("p", None, Some(&t(Key::PrivacyBackupText))));
            let p = append(&root, element("p", None, None));
            action_button(&p, "mc-button", &t(Key::PrivacyExport), "export");
            let (_, input) = labelled_field(
                &root,
                "input",
                "mc-import",
                &t(Key::PrivacyImportLabel),
                Some(&t(Key::PrivacyImportHint)),
            );
            set(&input, "type", "file");
            set(&input, "accept", "application/json,.json");

            append(
                &root,
                element("h2", None, Some(&t(Key::PrivacyDeleteTitle))),
            );
            append(&root, element("p", None, Some(&t(Key::PrivacyDeleteText))));
            if state.1 {
                let confirm = append(&root, element("div", Some("mc-confirm"), None));
                set(&confirm, "role", "group");
                set(&confirm, "aria-labelledby", "mc-delete-confirm-title");
                let title = append(
                    &confirm,
                    element("h3", None, Some(&t(Key::PrivacyDeleteConfirmTitle))),
                );
                set(&title, "id", "mc-delete-confirm-title");
                set(&title, "tabindex", "-1");
                append(
                    &confirm,
                    element("p", None, Some(&t(Key::PrivacyDeleteConfirmText))),
                );
                let actions = append(&confirm, element("div", Some("mc-actions"), None));
                action_button(
                    &actions,
                    "mc-button mc-button-danger",
                    &t(Key::PrivacyDeleteConfirm),
                    "delete",
                );
                action_button(
                    &actions,
                    "mc-button mc-button-secondary",
                    &t(Key::PrivacyDeleteCancel),
                    "keep",
                );
            } else {
                let p = append(&root, element("p", None, None));
                let start = action_button(
                    &p,
                    "mc-button mc-button-danger",
                    &t(Key::PrivacyDelete),
                    "ask-delete",
                );
                set(&start, "id", "mc-delete-start");
            }
            // Focus follows the action: the question, the way back, or the outcome.
            if let Some(before) = previous {
                if state.1 && !before.1 {
                    focus_now("#mc-delete-confirm-title");
                } else if !state.1 && before.1 && state.0 != Some(Outcome::Deleted) {
                    focus_now("#mc-delete-start");
                } else if state.0 != before.0 && state.0.is_some() {
                    focus_now("#mc-privacy-outcome");
                }
            }
            state
        });
    }

    listen(&root, "click", move |ev| {
        let action = event_target::<Element>(&ev).and_then(|el| el.get_attribute("data-action"));
        match action.as_deref() {
            Some("export") => {
                let json = data.export_json(now_iso());
                let name = format!("microcare-backup-{}.json", today().to_iso());
                match download_text(&name, "application/json", &json) {
                    Ok(()) => set_outcome(Some(Outcome::Exported)),
                    Err(why) => leptos::logging::warn!("MicroCare: {why}"),
                }
            }
            Some("ask-delete") => set_confirming(true),
            Some("keep") => set_confirming(false),
            Some("delete") => {
                data.delete_all();
                set_outcome(Some(Outcome::Deleted));
                set_confirming(false);
            }
            _ => {}
        }
    });

    listen(&root, "change", move |ev| {
        let Some(input) =
            event_target::<web_sys::HtmlInputElement>(&ev).filter(|i| i.id() == "mc-import")
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = match read_picked_file(&input).await {
                None => return,
                Some(Err(_size)) => Err(ImportFailure::TooLarge),
                Some(Ok(text)) => data.import_json(&text),
            };
            input.set_value("");
            set_outcome(Some(match result {
                Ok(()) => Outcome::Imported,
                Err(failure) => Outcome::ImportFailed(failure),
            }));
        });
    });
    section
}
